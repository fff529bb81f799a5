import fc from 'fast-check';
import { customerRecipientKey } from '../../src/domain/notifications/delivery';
import type { CaseFacts, EventKind, NotifyEvent } from '../../src/domain/notifications/events';
import { planNotifications, type Plan, type UserRecipient } from '../../src/domain/notifications/plan';
import { DEFAULT_PREFERENCES, localMinutes, type Preferences } from '../../src/domain/notifications/preferences';
import {
  DEFAULT_ROUTING,
  routingProblems,
  routingWith,
  type Audience,
  type RoutingTable,
} from '../../src/domain/notifications/routing';
import { TEMPLATES } from '../../src/domain/notifications/templates';

/** Routing, preferences, quiet hours and rendering of one event, without Firestore. */
const NOW = '2026-11-23T05:00:00.000Z'; // 10:30 Colombo
const NIGHT = '2026-11-23T17:30:00.000Z'; // 23:00 Colombo
const MORNING = '2026-11-24T01:30:00.000Z'; // 07:00 Colombo, the end of the default quiet span

const facts: CaseFacts = {
  caseId: 'C-1',
  accountNumber: '0041234567',
  status: 'NEGOTIATION',
  drcId: 'drc1',
  roId: 'ro',
  customer: { name: 'Kamal', phone: '+94771111111', email: null, language: 'ta', key: 'cust-1' },
  indicators: [],
  hold: null,
};

const prefs = (overrides: Partial<Preferences> = {}): Preferences => ({
  ...DEFAULT_PREFERENCES,
  quietHours: null,
  phone: '+94770000000',
  ...overrides,
});

const person = (uid: string, overrides: Partial<Preferences> = {}, email: string | null = `${uid}@x.lk`) => ({
  uid,
  displayName: uid.toUpperCase(),
  email,
  prefs: prefs(overrides),
});

/** One distinct person per audience, so each recipient says which audience reached them. */
const everyone = (): Partial<Record<Audience, UserRecipient[]>> => ({
  case_ro: [person('ro')],
  former_ro: [person('former')],
  case_drc_admin: [person('drc')],
  recovery_officer: [person('officer')],
  supervisor: [person('sup')],
  rcmp: [person('rcmp')],
  named: [person('named')],
});

function event(kind: EventKind, level?: number, overrides: Partial<NotifyEvent> = {}): NotifyEvent {
  return {
    id: `a1#${kind}${level ?? ''}`,
    kind,
    at: NOW,
    caseFacts: facts,
    vars: { account: facts.accountNumber, to: 'ro', task: 'call', due: '2026-11-25', days: '3', since: '2026-11-20' },
    level,
    ...overrides,
  };
}

/** `uid:channel` for every inbox entry and outbox message, sorted. */
function reach(plan: Plan): string[] {
  return [
    ...plan.inbox.map((i) => `${i.uid}:inapp`),
    ...plan.deliveries.map((d) => `${d.recipient.uid ?? `customer(${d.recipient.customerKey})`}:${d.channel}`),
  ].sort();
}

describe('each event kind reaches the audiences of its routing, on their channels', () => {
  // The default routing, written out by hand: a change of DEFAULT_ROUTING must be deliberate.
  const expected: [EventKind, number | undefined, string[]][] = [
    ['case_assigned', 1, ['drc:email', 'drc:inapp']],
    ['case_assigned', 2, ['ro:inapp', 'ro:sms']],
    ['status_changed', undefined, ['drc:inapp', 'ro:inapp']],
    ['approval_needed', 1, ['sup:email', 'sup:inapp']],
    ['approval_needed', 2, ['officer:email', 'officer:inapp', 'sup:email', 'sup:inapp']],
    ['approval_needed', 3, ['rcmp:email', 'rcmp:inapp']],
    ['approval_decided', undefined, ['named:inapp', 'named:sms', 'ro:inapp']],
    ['case_overdue', undefined, ['drc:inapp', 'ro:inapp', 'ro:sms']],
    ['promise_due', undefined, ['customer(cust-1):sms', 'ro:inapp', 'ro:sms']],
    ['promise_broken', undefined, ['drc:email', 'drc:inapp', 'ro:inapp', 'ro:sms']],
    ['validity_expiring', undefined, ['drc:email', 'drc:inapp', 'ro:inapp', 'ro:sms']],
    ['validity_expired', undefined, ['drc:email', 'drc:inapp', 'former:inapp']],
    ['follow_up_due', undefined, ['ro:inapp', 'ro:sms']],
    ['escalation', 1, ['drc:email', 'drc:inapp', 'drc:sms']],
    ['escalation', 2, ['officer:email', 'officer:inapp']],
    ['import_finished', undefined, ['named:email', 'named:inapp']],
    ['digest', undefined, ['named:email']],
  ];

  it.each(expected)('%s (level %s)', (kind, level, recipients) => {
    const plan = planNotifications(event(kind, level), everyone(), NOW);
    expect(reach(plan)).toEqual(recipients);
    expect(plan.skipped).toEqual([]);
  });

  it('a kind whose rules all carry a level reaches nobody at a level no rule names', () => {
    expect(reach(planNotifications(event('case_assigned', 3), everyone(), NOW))).toEqual([]);
    expect(reach(planNotifications(event('escalation'), everyone(), NOW))).toEqual([]);
  });

  it('follows a configured routing instead of the default for the kinds it names', () => {
    const routing = routingWith({ status_changed: [{ audience: 'supervisor', channels: ['email'] }] });
    expect(reach(planNotifications(event('status_changed'), everyone(), NOW, { routing }))).toEqual(['sup:email']);
    expect(reach(planNotifications(event('follow_up_due'), everyone(), NOW, { routing }))).toEqual([
      'ro:inapp',
      'ro:sms',
    ]);
  });

  it('someone in two audiences hears once, on the channels of the first rule that names them', () => {
    const audiences = { ...everyone(), named: [person('ro')] };
    const plan = planNotifications(event('approval_decided'), audiences, NOW);
    expect(reach(plan)).toEqual(['ro:inapp', 'ro:sms']);
  });

  it('every message is pending, due now outside quiet hours, with a unique deterministic id', () => {
    const first = planNotifications(event('promise_broken'), everyone(), NOW);
    const again = planNotifications(event('promise_broken'), everyone(), NOW);
    expect(again).toEqual(first);
    const ids = [...first.inbox.map((i) => i.id), ...first.deliveries.map((d) => d.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of first.deliveries) {
      expect(d).toMatchObject({ state: 'PENDING', attempts: 0, dueAt: NOW, lease: null, eventId: 'a1#promise_broken' });
    }
    expect(first.inbox.every((i) => i.unread && i.readAt === null && i.createdAt === NOW)).toBe(true);
  });

  it('the customer is reached by SMS in their language, due now (the gate decides at send time), even at night', () => {
    const plan = planNotifications(event('promise_due'), everyone(), NIGHT);
    const sms = plan.deliveries.find((d) => d.recipient.kind === 'customer')!;
    expect(sms).toMatchObject({
      channel: 'sms',
      recipient: { kind: 'customer', uid: null, address: '+94771111111', customerKey: 'cust-1' },
      language: 'ta',
      dueAt: NIGHT,
      missingTranslation: null,
    });
    expect(sms.body).toContain('அன்புள்ள Kamal');
    expect(sms.body).toContain('2026-11-25');
  });

  it('a customer with no phone, or a customer rule without SMS, sends nothing to the customer', () => {
    const noPhone = { ...facts, customer: { ...facts.customer, phone: '' } };
    const plan = planNotifications(event('promise_due', undefined, { caseFacts: noPhone }), everyone(), NOW);
    expect(reach(plan)).toEqual(['ro:inapp', 'ro:sms']);
    const routing = routingWith({ promise_due: [{ audience: 'customer', channels: [] }] });
    expect(planNotifications(event('promise_due'), everyone(), NOW, { routing }).deliveries).toEqual([]);
  });
});

describe('preferences adjust the routing per kind and channel', () => {
  it('an RO who turned SMS off for assignments gets the inbox entry only; other kinds keep their SMS', () => {
    const audiences = { case_ro: [person('ro', { channels: { case_assigned: { sms: false } } })] };
    expect(reach(planNotifications(event('case_assigned', 2), audiences, NOW))).toEqual(['ro:inapp']);
    expect(reach(planNotifications(event('follow_up_due'), audiences, NOW))).toEqual(['ro:inapp', 'ro:sms']);
  });

  it('a preference can add a channel the routing does not use, or remove the inbox entry', () => {
    const audiences = {
      case_ro: [person('ro', { channels: { status_changed: { email: true } } })],
      case_drc_admin: [person('drc', { channels: { status_changed: { inapp: false } } })],
    };
    expect(reach(planNotifications(event('status_changed'), audiences, NOW))).toEqual(['ro:email', 'ro:inapp']);
  });

  it('a channel the person cannot be reached on is skipped and said why', () => {
    const audiences = { case_drc_admin: [person('drc', { phone: null }, null)] };
    const plan = planNotifications(event('escalation', 1), audiences, NOW);
    expect(reach(plan)).toEqual(['drc:inapp']);
    expect(plan.skipped).toEqual([
      { uid: 'drc', channel: 'sms', why: 'no phone number' },
      { uid: 'drc', channel: 'email', why: 'no email address' },
    ]);
  });

  it('renders in each person’s language and reports a missing translation (with its English fallback)', () => {
    const audiences = { named: [person('named', { language: 'ta' })] };
    const kind = 'import_finished';
    // This kind without its Tamil text: the Tamil reader gets English, and the gap is reported.
    const { [kind]: _dropped, ...tamilWithout } = TEMPLATES.ta;
    const plan = planNotifications(
      event(kind, undefined, { vars: { importId: 'I-7', registered: '10', rejected: '2' } }),
      audiences,
      NOW,
      { templates: { ...TEMPLATES, ta: tamilWithout } },
    );
    const email = plan.deliveries[0]!;
    expect(email.language).toBe('en');
    expect(plan.missing).toEqual([{ language: 'ta', key: kind }]);
    expect(email.missingTranslation).toEqual({ language: 'ta', key: kind });
    const translated = planNotifications(
      event(kind, undefined, { vars: { importId: 'I-7', registered: '10', rejected: '2' } }),
      audiences,
      NOW,
    );
    expect(translated.deliveries[0]).toMatchObject({ language: 'ta', missingTranslation: null });
    expect(translated.missing).toEqual([]);
    expect(email.body).toContain('I-7');
    const sinhala = planNotifications(event('case_assigned', 2), { case_ro: [person('ro', { language: 'si' })] }, NOW);
    expect(sinhala.inbox[0]!.title).toBe('ගිණුම 0041234567 පවරන ලදී');
    // The in-app entry in every language, so the web shows the reader's current one, not the one at send time.
    expect(sinhala.inbox[0]!.texts?.si.title).toBe('ගිණුම 0041234567 පවරන ලදී');
    expect(sinhala.inbox[0]!.texts?.en.title).toContain('0041234567');
    expect(sinhala.inbox[0]!.texts?.ta.title).toMatch(/[\u0B80-\u0BFF]/);
    expect(sinhala.deliveries[0]).toMatchObject({ language: 'si', missingTranslation: null });
  });
});

describe('quiet hours defer SMS and email, never the inbox', () => {
  const quiet = { quietHours: { start: '21:00', end: '07:00' } };

  it('at 23:00 Colombo the inbox entry lands now, SMS and email wait until 07:00', () => {
    const audiences = { case_drc_admin: [person('drc', quiet)] };
    const plan = planNotifications(event('escalation', 1), audiences, NIGHT);
    expect(plan.inbox.map((i) => i.createdAt)).toEqual([NIGHT]);
    expect(plan.deliveries.map((d) => [d.channel, d.dueAt])).toEqual([
      ['sms', MORNING],
      ['email', MORNING],
    ]);
  });

  it('a moment with seconds still waits until the end of the span on the minute', () => {
    const audiences = { case_drc_admin: [person('drc', quiet)] };
    const plan = planNotifications(event('escalation', 1), audiences, '2026-11-23T17:30:45.123Z');
    expect(plan.deliveries.map((d) => d.dueAt)).toEqual([MORNING, MORNING]);
  });

  it('in the daytime nothing waits; someone without quiet hours is never deferred', () => {
    expect(
      planNotifications(event('escalation', 1), { case_drc_admin: [person('drc', quiet)] }, NOW).deliveries.map(
        (d) => d.dueAt,
      ),
    ).toEqual([NOW, NOW]);
    expect(
      planNotifications(event('escalation', 1), { case_drc_admin: [person('drc')] }, NIGHT).deliveries.map(
        (d) => d.dueAt,
      ),
    ).toEqual([NIGHT, NIGHT]);
  });

  it('each person’s own quiet hours and time zone apply', () => {
    const audiences = {
      case_ro: [person('ro', quiet)],
      case_drc_admin: [person('drc', { quietHours: { start: '23:30', end: '06:00' }, timeZone: 'Europe/London' })],
    };
    const plan = planNotifications(event('promise_broken'), audiences, NIGHT);
    // 17:30 in London is not quiet for the DRC admin there; 23:00 in Colombo is for the RO.
    expect(plan.deliveries.map((d) => [d.recipient.uid, d.dueAt])).toEqual([
      ['ro', MORNING],
      ['drc', NIGHT],
    ]);
  });

  it('property: for any moment and quiet span, in-app is immediate and SMS/email wait exactly until the span ends', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const moment = fc
      .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString());
    const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    fc.assert(
      fc.property(moment, hhmm, hhmm, (now, start, end) => {
        const audiences = { case_drc_admin: [person('drc', { quietHours: { start, end } })] };
        const plan = planNotifications(event('escalation', 1), audiences, now);
        expect(plan.inbox.map((i) => i.createdAt)).toEqual([now]);
        const local = localMinutes(now, 'Asia/Colombo');
        const s = minutes(start);
        const e = minutes(end);
        const inside = s !== e && (s < e ? local >= s && local < e : local >= s || local < e);
        for (const d of plan.deliveries) {
          if (!inside) expect(d.dueAt).toBe(now);
          else {
            expect(d.dueAt! > now).toBe(true);
            expect(Date.parse(d.dueAt!) - Date.parse(now)).toBeLessThanOrEqual(24 * 3_600_000);
            expect(localMinutes(d.dueAt!, 'Asia/Colombo')).toBe(e);
            // On the minute: the end of the span itself, not a second past it.
            expect(d.dueAt!.slice(16)).toBe(':00.000Z');
          }
        }
      }),
    );
  });
});

describe('routing configuration checks', () => {
  it('refuses a customer rule on anything but SMS', () => {
    expect(routingProblems({ promise_due: [{ audience: 'customer', channels: ['sms', 'email'] }] })).toEqual({
      'promise_due.0.channels': 'a customer can be reached by SMS only',
    });
    expect(routingProblems({ promise_due: [{ audience: 'customer', channels: ['sms'] }] })).toEqual({});
  });

  it('refuses a customer rule on a kind that has no customer message, which would otherwise stop the whole event', () => {
    const overrides = {
      status_changed: [
        { audience: 'case_ro' as const, channels: ['inapp' as const] },
        { audience: 'customer' as const, channels: ['sms' as const] },
      ],
    };
    expect(routingProblems(overrides)).toEqual({
      'status_changed.1.channels': 'there is no customer message for this kind of notification',
    });
    // A routing stored before the check still plans the staff messages; the customer is skipped, not the event.
    const plan = planNotifications(event('status_changed'), everyone(), NOW, { routing: routingWith(overrides) });
    expect(reach(plan)).toEqual(['ro:inapp']);
    expect(plan.skipped).toEqual([
      { uid: customerRecipientKey('cust-1'), channel: 'sms', why: 'no customer template' },
    ]);
  });

  it('a person in two audiences is one recipient, on every channel either rule gives them', () => {
    const overrides = {
      status_changed: [
        { audience: 'case_ro' as const, channels: ['inapp' as const] },
        { audience: 'named' as const, channels: ['email' as const, 'inapp' as const] },
      ],
    };
    const ro = person('ro', { channels: { status_changed: { email: true, inapp: true } } });
    const plan = planNotifications(event('status_changed'), { case_ro: [ro], named: [ro] }, NOW, {
      routing: routingWith(overrides),
    });
    expect(reach(plan)).toEqual(['ro:email', 'ro:inapp']);
  });

  it('the default routing passes its own checks', () => {
    expect(routingProblems(DEFAULT_ROUTING as Partial<RoutingTable>)).toEqual({});
  });
});
