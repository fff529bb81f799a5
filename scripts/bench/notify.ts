/**
 * `npm run bench:notify`: notifications.
 * 1. In process, 10,000 messages through the pure domain: routing and preferences and quiet hours
 *    (planNotifications), rendering in the recipient's language, and the contact-compliance gate on customer
 *    messages, against a raw fill of the same 10,000 messages' templates (plain string replace), in the same run.
 * 2. On the in-process offline Firestore, 200 events from case audit events through the path the triggers use
 *    (notifyFromAudit → emitEvent, then deliverOne for every outbox message, sent through the local Twilio and
 *    SMTP fakes): Firestore operations per delivered message, counted by the data-access layer (counted,
 *    not timed: docs/performance.md).
 */
import type { Instant } from '../../functions/src/domain/model/time';
import { gateCustomerContact, recordContact } from '../../functions/src/domain/notifications/compliance';
import type { CaseFacts, EventKind, NotifyEvent } from '../../functions/src/domain/notifications/events';
import { planNotifications, type UserRecipient } from '../../functions/src/domain/notifications/plan';
import { DEFAULT_PREFERENCES } from '../../functions/src/domain/notifications/preferences';
import { DEFAULT_ROUTING, type Audience } from '../../functions/src/domain/notifications/routing';
import { LANGUAGES as LANGS } from '../../functions/src/domain/model/languages';
import { TEMPLATES, type Language, type TemplateKey } from '../../functions/src/domain/notifications/templates';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sinkEnv, startNotifySinks } from '../lib/notifySinks';
import { bench, startBenchFirestore } from './inProcessFirestore';

const CPU_MESSAGES = 10_000;
const REPETITIONS = 7;
const PASSES = 3;
// 10:30 in Colombo: outside everyone's quiet hours, so nothing is deferred and every message is delivered.
const NOW: Instant = '2026-11-23T05:00:00.000Z';

// ---------------------------------------------------------------------------------------------------------
// 1. In process
// ---------------------------------------------------------------------------------------------------------

const VARS: Record<string, string> = {
  account: '0041234567',
  caseId: 'C-1042',
  status: 'NEGOTIATION',
  from: 'RO_ASSIGNED',
  to: 'demo-ro1',
  task: 'validity extension request (14 days)',
  due: '2026-11-25',
  days: '3',
  since: '2026-11-20',
  importId: 'I-77',
  registered: '1980',
  rejected: '20',
  count: '4',
  summary: '3 × case overdue\n1 × promise due',
};

/** A recipient with the default preferences (quiet hours 21:00–07:00 Colombo), a phone and an email. */
const user = (uid: string, language: Language): UserRecipient => ({
  uid,
  displayName: `User ${uid}`,
  email: `${uid}@bench.debtx`,
  prefs: { ...DEFAULT_PREFERENCES, language, phone: '+94770000000' },
});

/** Everyone each audience means, in one language: three sets, so the run renders English, Sinhala and Tamil. */
function audiencesIn(language: Language): Partial<Record<Audience, UserRecipient[]>> {
  return {
    case_ro: [user(`ro-${language}`, language)],
    former_ro: [user(`former-${language}`, language)],
    case_drc_admin: [user(`drc-${language}`, language)],
    recovery_officer: [user(`officer1-${language}`, language), user(`officer2-${language}`, language)],
    supervisor: [user(`sup-${language}`, language)],
    rcmp: [user(`rcmp-${language}`, language)],
    named: [user(`named-${language}`, language)],
  };
}

function factsIn(language: Language, i: number): CaseFacts {
  return {
    caseId: `C-${i}`,
    accountNumber: `00${String(41_000_000 + i).padStart(8, '0')}`,
    status: 'NEGOTIATION',
    drcId: 'drc1',
    roId: `ro-${language}`,
    customer: { name: 'Kamal Perera', phone: '+94771111111', email: null, language, key: `cust-${i % 500}` },
    // Every 7th customer disputes the debt: the gate denies those.
    indicators: i % 7 === 0 ? ['dispute'] : [],
    hold: null,
  };
}

/** Every kind at every level its default routing distinguishes; the digest also fills up to exactly 10,000. */
const MIX: [EventKind, number | undefined][] = [
  ['case_assigned', 1],
  ['case_assigned', 2],
  ['status_changed', undefined],
  ['approval_needed', 1],
  ['approval_needed', 2],
  ['approval_needed', 3],
  ['approval_decided', undefined],
  ['case_overdue', undefined],
  ['promise_due', undefined],
  ['promise_broken', undefined],
  ['validity_expiring', undefined],
  ['validity_expired', undefined],
  ['follow_up_due', undefined],
  ['escalation', 1],
  ['escalation', 2],
  ['import_finished', undefined],
];

interface CpuEvent {
  event: NotifyEvent;
  audiences: Partial<Record<Audience, UserRecipient[]>>;
}

function cpuEvent(kind: EventKind, level: number | undefined, i: number): CpuEvent {
  const language = LANGS[i % LANGS.length]!;
  const facts = factsIn(language, i);
  return {
    event: {
      id: `bench-${i}`,
      kind,
      at: NOW,
      caseFacts: kind === 'digest' || kind === 'import_finished' ? null : facts,
      vars: { ...VARS, account: facts.accountNumber, caseId: facts.caseId },
      level,
      formerRoId: `former-${language}`,
    },
    audiences: audiencesIn(language),
  };
}

/** Plan, gate and render one event: the domain's whole work between an event and its messages. */
function domainPass(events: CpuEvent[]): { messages: number; chars: number; allowed: number } {
  let messages = 0;
  let chars = 0;
  let allowed = 0;
  for (const { event, audiences } of events) {
    const plan = planNotifications(event, audiences, NOW, { routing: DEFAULT_ROUTING });
    for (const item of plan.inbox) chars += item.title.length + item.body.length;
    for (const d of plan.deliveries) {
      chars += d.subject.length + d.body.length;
      if (d.recipient.kind !== 'customer') continue;
      const facts = event.caseFacts!;
      const contact = { optedOut: false, recent: ['2026-11-19T05:00:00.000Z'] };
      const gate = gateCustomerContact({ now: NOW, indicators: facts.indicators, hold: facts.hold, contact });
      if (gate.decision === 'allow') {
        recordContact(contact, NOW);
        allowed += 1;
      }
    }
    messages += plan.inbox.length + plan.deliveries.length;
  }
  return { messages, chars, allowed };
}

interface RawMessage {
  subject: string;
  body: string;
  vars: [string, string][];
}

/** The baseline: each message's template text with its placeholders replaced, nothing else. */
function rawPass(messages: RawMessage[]): number {
  let chars = 0;
  for (const m of messages) {
    let subject = m.subject;
    let body = m.body;
    for (const [name, value] of m.vars) {
      subject = subject.replaceAll(`{${name}}`, value);
      body = body.replaceAll(`{${name}}`, value);
    }
    chars += subject.length + body.length;
  }
  return chars;
}

/**
 * The events that make exactly CPU_MESSAGES messages, and those messages' templates and variables for the
 * baseline. planNotifications renders once per recipient and shares the text across their channels; the
 * baseline fills every message, as a sender with no planning would.
 */
function prepare(): { events: CpuEvent[]; raw: RawMessage[] } {
  const events: CpuEvent[] = [];
  const raw: RawMessage[] = [];
  const template = (key: TemplateKey, language: Language) => TEMPLATES[language][key] ?? TEMPLATES.en[key]!;
  const add = (e: CpuEvent) => {
    const plan = planNotifications(e.event, e.audiences, NOW, { routing: DEFAULT_ROUTING });
    const users = new Map(
      Object.values(e.audiences)
        .flat()
        .map((u) => [u.uid, u]),
    );
    // Only the variables the template uses: the least a fill must replace.
    const message = (key: TemplateKey, language: Language, name: string): RawMessage => {
      const t = template(key, language);
      const vars = Object.entries({ ...e.event.vars, name }).filter(([v]) =>
        `${t.subject}${t.body}`.includes(`{${v}}`),
      );
      return { subject: t.subject, body: t.body, vars };
    };
    for (const item of plan.inbox) {
      const u = users.get(item.uid)!;
      raw.push(message(e.event.kind, u.prefs.language, u.displayName));
    }
    for (const d of plan.deliveries) {
      if (d.recipient.kind === 'customer') {
        const c = e.event.caseFacts!.customer;
        raw.push(message(`${e.event.kind}.customer`, c.language, c.name));
      } else {
        const u = users.get(d.recipient.uid!)!;
        raw.push(message(e.event.kind, u.prefs.language, u.displayName));
      }
    }
    events.push(e);
    return plan.inbox.length + plan.deliveries.length;
  };
  const sizes = MIX.map(([kind, level], i) => planSize(cpuEvent(kind, level, i)));
  const largest = Math.max(...sizes);
  let total = 0;
  for (let i = 0; total + largest <= CPU_MESSAGES; i++) {
    const [kind, level] = MIX[i % MIX.length]!;
    total += add(cpuEvent(kind, level, i));
  }
  // The digest is one email to the one user it names: it tops the count up exactly.
  for (let i = events.length; total < CPU_MESSAGES; i++) total += add(cpuEvent('digest', undefined, i));
  if (total !== CPU_MESSAGES || raw.length !== CPU_MESSAGES) throw new Error(`prepared ${total} messages`);
  return { events, raw };
}

function planSize(e: CpuEvent): number {
  const plan = planNotifications(e.event, e.audiences, NOW, { routing: DEFAULT_ROUTING });
  return plan.inbox.length + plan.deliveries.length;
}

/** A full collection before each timed pass, so neither pays for the garbage the other left. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function cpuPart(): void {
  const { events, raw } = prepare();
  // Warm both paths up (JIT, the Intl formatters quiet hours use), and check they produce the same text.
  let domain = domainPass(events);
  let rawChars = rawPass(raw);
  for (let i = 0; i < 2; i++) {
    domain = domainPass(events);
    rawChars = rawPass(raw);
  }
  if (domain.messages !== CPU_MESSAGES) throw new Error(`the domain made ${domain.messages} messages`);
  if (domain.chars !== rawChars) throw new Error(`rendered ${domain.chars} characters, the raw fill ${rawChars}`);
  const domainMs: number[] = [];
  const rawMs: number[] = [];
  // Side by side, alternating, so a slower stretch of a shared machine touches both; each sample is a few passes.
  for (let r = 0; r < REPETITIONS; r++) {
    collectGarbage();
    let t = performance.now();
    for (let k = 0; k < PASSES; k++) rawChars = rawPass(raw);
    rawMs.push((performance.now() - t) / PASSES);
    if (rawChars !== domain.chars) throw new Error('the raw fill changed its output');
    collectGarbage();
    t = performance.now();
    for (let k = 0; k < PASSES; k++) domain = domainPass(events);
    domainMs.push((performance.now() - t) / PASSES);
  }
  const d = median(domainMs);
  const b = median(rawMs);
  console.log(
    `# ${CPU_MESSAGES} messages from ${events.length} events (${domain.allowed} customer SMS allowed by the gate): ` +
      `domain ${d.toFixed(1)} ms, raw fill ${b.toFixed(2)} ms (per pass, medians of ${REPETITIONS} samples of ${PASSES} passes; the same ${rawChars} characters of text)`,
  );
  bench('notify.cpu_messages_per_s', CPU_MESSAGES / (d / 1000), 0);
  bench('notify.cpu_ratio', d / b);
}

// ---------------------------------------------------------------------------------------------------------
// 2. On the offline Firestore
// ---------------------------------------------------------------------------------------------------------

const PER_SHAPE = 50;

/**
 * Three shapes of case change, 50 each (150 audit events, 200 notification events):
 * - an RO assigned and the status moved: case_assigned (the RO: in-app + SMS) and status_changed (the RO and
 *   the DRC admin: in-app): 4 messages;
 * - a case placed with a DRC: case_assigned level 1 (the DRC admin: in-app + email): 2 messages;
 * - a promise broken: promise_broken (the RO: in-app + SMS; the DRC admin: in-app + email): 4 messages.
 * Messages counted: every inbox entry and every SMS and email the fakes received (500 in all).
 */
const EXPECTED = { events: 4 * PER_SHAPE, sms: 2 * PER_SHAPE, email: 2 * PER_SHAPE, inapp: 6 * PER_SHAPE };

async function firestorePart(): Promise<void> {
  const stop = await startBenchFirestore('demo-bench-notify');
  const sinks = await startNotifySinks();
  Object.assign(process.env, sinkEnv(sinks));
  try {
    const { seedOrganisation } = await import('../../functions/test/support/fixtures');
    const { demoCaseInStatus } = await import('../../functions/test/support/caseFactory');
    const { debtxTelco } = await import('../../functions/src/domain/lifecycle/configs/debtxTelco');
    const { COL, firestore } = await import('../../functions/src/data/db');
    const { opCount, resetOpCount } = await import('../../functions/src/data/ops');
    const { notifyFromAudit } = await import('../../functions/src/services/notifications/fromAudit');
    const { deliverOne } = await import('../../functions/src/services/notifications/deliver');
    const { col } = await import('../../functions/src/services/notifications/store');
    const { configuredProviders } = await import('../../functions/src/notifications/providers');
    const { DEMO_USERS } = await import('../../functions/src/demo/dataset');
    await seedOrganisation();

    // ROs have a phone for SMS; some read Sinhala or Tamil. Written before counting: setup, not notification.
    const ros = DEMO_USERS.filter((u) => u.role === 'ro');
    const setup = firestore().batch();
    ros.forEach((u, i) =>
      setup.set(col('prefs').doc(u.uid), { ...DEFAULT_PREFERENCES, phone: `+9477000000${i}`, language: LANGS[i % 3] }),
    );
    const promise = {
      id: 'P1',
      amountCents: 10_000,
      dueDate: '2026-11-20',
      madeAt: '2026-11-10T05:00:00.000Z',
      paidAtMadeCents: 0,
      status: 'open' as const,
      decidedAt: null,
    };
    const audits: { id: string; caseId: string; before: Record<string, unknown>; after: Record<string, unknown> }[] =
      [];
    for (let i = 0; i < 3 * PER_SHAPE; i++) {
      const ro = ros[i % ros.length]!;
      const caseId = `NB-${i}`;
      const shape = Math.floor(i / PER_SHAPE);
      // No follow-ups on these cases now (the broken promise's reminder ended with it): no schedule is read.
      const c = demoCaseInStatus(debtxTelco, 'NEGOTIATION', {
        id: caseId,
        drcId: ro.drcId,
        roId: ro.uid,
        tasks: [],
        promises: shape === 2 ? [{ ...promise, status: 'broken' }] : [],
        nextFollowUpOn: null,
      });
      setup.set(firestore().collection(COL.cases).doc(caseId), c);
      const [before, after] =
        shape === 0
          ? [
              { roId: null, status: 'DRC_ASSIGNED' },
              { roId: ro.uid, status: 'RO_ASSIGNED' },
            ]
          : shape === 1
            ? [{ drcId: null }, { drcId: ro.drcId }]
            : [{ promises: [promise] }, { promises: [{ ...promise, status: 'broken' }] }];
      audits.push({ id: `bench-audit-${i}`, caseId, before, after });
    }
    await setup.commit();

    const providers = await configuredProviders();
    const outcomes: Record<string, number> = {};
    let events = 0;
    resetOpCount();
    const started = Date.now();
    for (const a of audits) {
      // What onAuditNotify does with the audit event it is given, then onNotificationCreated per outbox message.
      const result = await notifyFromAudit(
        a.id,
        {
          entity: `cases/${a.caseId}`,
          at: NOW,
          action: 'bench',
          actor: { uid: 'demo-officer', role: 'recovery_officer' },
          before: a.before,
          after: a.after,
        },
        NOW,
      );
      for (const e of result.events) {
        events += e.outcome === 'emitted' ? 1 : 0;
        for (const id of e.deliveries) {
          const outcome = await deliverOne(id, providers, { now: () => NOW });
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }
    }
    const ms = Date.now() - started;
    const { reads, writes } = opCount;

    // Checked outside the count: what was delivered is what the routing says.
    const inapp = (await col('inbox').count().get()).data().count;
    const messages = inapp + sinks.sms.length + sinks.emails.length;
    const got = { events, sms: sinks.sms.length, email: sinks.emails.length, inapp };
    if (JSON.stringify(got) !== JSON.stringify(EXPECTED) || outcomes.sent !== EXPECTED.sms + EXPECTED.email) {
      throw new Error(`expected ${JSON.stringify(EXPECTED)}, all sent; got ${JSON.stringify({ ...got, outcomes })}`);
    }
    console.log(
      `# ${audits.length} audit events → ${events} notification events → ${got.inapp} in-app, ${got.sms} SMS, ` +
        `${got.email} emails: ${reads} reads, ${writes} writes (the offline emulator's wall time, not the ` +
        `product's speed: ${(ms / 1000).toFixed(1)} s)`,
    );
    bench('notify.reads_per_message', reads / messages);
    bench('notify.writes_per_message', writes / messages);
    bench('notify.messages_counted', messages, 0);
  } finally {
    await sinks.stop();
    stop();
  }
}

async function main(): Promise<void> {
  cpuPart();
  await firestorePart();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
