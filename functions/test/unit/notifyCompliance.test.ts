import fc from 'fast-check';
import {
  DEFAULT_CONTACT_POLICY,
  gateCustomerContact,
  recordContact,
  type ContactPolicy,
  type ContactState,
  type GateInput,
} from '../../src/domain/notifications/compliance';

/** The contact-compliance gate on customer messages, without Firestore. */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10:30 in Colombo (UTC+05:30): inside the 08:00–20:00 contact window.
const NOW = '2026-11-23T05:00:00.000Z';
const ago = (ms: number, from = NOW) => new Date(Date.parse(from) - ms).toISOString();
const clean: ContactState = { optedOut: false, recent: [] };

function gate(overrides: Partial<GateInput> = {}) {
  return gateCustomerContact({ now: NOW, indicators: [], hold: null, contact: clean, ...overrides });
}

describe('what stops a customer message', () => {
  it('allows a reachable customer in the daytime with no recent contact', () => {
    expect(gate()).toEqual({ decision: 'allow', reason: 'ok', at: NOW });
  });

  it('denies an opted-out customer, each blocking indicator and a hold, naming the cause', () => {
    expect(gate({ contact: { optedOut: true, recent: [] } })).toMatchObject({ decision: 'deny', reason: 'opted_out' });
    for (const indicator of DEFAULT_CONTACT_POLICY.blockingIndicators) {
      expect(gate({ indicators: ['vip', indicator] })).toEqual({
        decision: 'deny',
        reason: 'indicator',
        detail: indicator,
        at: NOW,
      });
    }
    expect(gate({ hold: { reason: 'deceased case C-9' } })).toEqual({
      decision: 'deny',
      reason: 'hold',
      detail: 'deceased case C-9',
      at: NOW,
    });
  });

  it('lets indicators that are not blocking through', () => {
    expect(gate({ indicators: ['vip', 'high_value'] }).decision).toBe('allow');
  });

  it('checks opt-out first, then indicators, then holds, then quiet hours, then the caps', () => {
    const night = '2026-11-23T16:00:00.000Z'; // 21:30 Colombo
    const everything: Partial<GateInput> = {
      now: night,
      indicators: ['dispute'],
      hold: { reason: 'bankruptcy' },
      contact: { optedOut: true, recent: [ago(HOUR, night)] },
    };
    expect(gate(everything).reason).toBe('opted_out');
    expect(gate({ ...everything, contact: { optedOut: false, recent: [ago(HOUR, night)] } }).reason).toBe('indicator');
    expect(
      gate({ ...everything, indicators: [], contact: { optedOut: false, recent: [ago(HOUR, night)] } }).reason,
    ).toBe('hold');
    expect(gate({ now: night, contact: { optedOut: false, recent: [ago(HOUR, night)] } }).reason).toBe('quiet_hours');
  });
});

describe('quiet hours in the customer’s time (Colombo, 20:00–08:00)', () => {
  it.each([
    ['19:59', '2026-11-23T14:29:00.000Z', null],
    ['20:00', '2026-11-23T14:30:00.000Z', '2026-11-24T02:30:00.000Z'],
    ['23:45', '2026-11-23T18:15:00.000Z', '2026-11-24T02:30:00.000Z'],
    ['00:10', '2026-11-23T18:40:00.000Z', '2026-11-24T02:30:00.000Z'],
    ['07:59', '2026-11-24T02:29:00.000Z', '2026-11-24T02:30:00.000Z'],
    ['08:00', '2026-11-24T02:30:00.000Z', null],
  ])('at %s local: deferred until %s', (_local, now, until) => {
    const decision = gate({ now });
    if (until === null) expect(decision.decision).toBe('allow');
    else expect(decision).toEqual({ decision: 'defer', reason: 'quiet_hours', until, at: now });
  });

  it('follows the policy’s own window and time zone', () => {
    const policy: ContactPolicy = { ...DEFAULT_CONTACT_POLICY, quietHours: { start: '09:00', end: '17:00' } };
    // 10:30 Colombo is inside a 09:00–17:00 quiet span: wait until 17:00 Colombo = 11:30Z.
    expect(gate({ policy })).toMatchObject({ decision: 'defer', until: '2026-11-23T11:30:00.000Z' });
    const london: ContactPolicy = { ...DEFAULT_CONTACT_POLICY, timeZone: 'Europe/London' };
    // 05:00 in London is quiet there, though it is 10:30 in Colombo.
    expect(gate({ policy: london })).toMatchObject({ decision: 'defer', until: '2026-11-23T08:00:00.000Z' });
  });
});

describe('frequency caps (one a day, three a week by default)', () => {
  it('a message in the last 24 hours hits the daily cap; one exactly 24 hours ago does not', () => {
    expect(gate({ contact: { optedOut: false, recent: [ago(DAY - 60_000)] } })).toMatchObject({
      decision: 'deny',
      reason: 'daily_cap',
      detail: '1 in the last 24 h',
    });
    expect(gate({ contact: { optedOut: false, recent: [ago(DAY)] } }).decision).toBe('allow');
  });

  it('three in the last seven days hit the weekly cap; one of them falling out of the week frees a slot', () => {
    const three = [ago(2 * DAY), ago(4 * DAY), ago(6 * DAY)];
    expect(gate({ contact: { optedOut: false, recent: three } })).toMatchObject({
      decision: 'deny',
      reason: 'weekly_cap',
      detail: '3 in the last 7 days',
    });
    expect(gate({ contact: { optedOut: false, recent: [ago(2 * DAY), ago(4 * DAY), ago(7 * DAY)] } }).decision).toBe(
      'allow',
    );
  });

  it('uses the policy’s caps', () => {
    const policy: ContactPolicy = { ...DEFAULT_CONTACT_POLICY, maxPerDay: 2, maxPerWeek: 10 };
    expect(gate({ policy, contact: { optedOut: false, recent: [ago(HOUR)] } }).decision).toBe('allow');
    expect(gate({ policy, contact: { optedOut: false, recent: [ago(HOUR), ago(2 * HOUR)] } }).reason).toBe('daily_cap');
  });

  it('recordContact adds this message and forgets what is older than a week', () => {
    const old = ago(7 * DAY + 1);
    const kept = ago(6 * DAY);
    const after = recordContact({ optedOut: true, recent: [old, kept] }, NOW);
    expect(after).toEqual({ optedOut: true, recent: [kept, NOW] });
  });

  it('property: sending only what the gate allows never exceeds either cap in any window', () => {
    // Quiet hours off (start = end) so the caps alone decide; times spread over three weeks.
    const policy: ContactPolicy = { ...DEFAULT_CONTACT_POLICY, quietHours: { start: '00:00', end: '00:00' } };
    const start = Date.parse(NOW);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 21 * 24 * 60 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 8 }),
        (minutes, maxPerDay, maxPerWeek) => {
          const p = { ...policy, maxPerDay, maxPerWeek };
          let contact = clean;
          const sent: number[] = [];
          for (const m of [...minutes].sort((a, b) => a - b)) {
            const now = new Date(start + m * 60_000).toISOString();
            if (gateCustomerContact({ now, indicators: [], hold: null, contact, policy: p }).decision !== 'allow')
              continue;
            contact = recordContact(contact, now);
            sent.push(Date.parse(now));
          }
          for (const t of sent) {
            expect(sent.filter((s) => s > t - DAY && s <= t).length).toBeLessThanOrEqual(maxPerDay);
            expect(sent.filter((s) => s > t - 7 * DAY && s <= t).length).toBeLessThanOrEqual(maxPerWeek);
          }
          // The first attempt is always allowed: nothing was sent before it.
          expect(sent.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
