import functionsTest from 'firebase-functions-test';
import twilio from 'twilio';
import { COL, firestore } from '../../src/data/db';
import type { CaseState } from '../../src/domain/model/case';
import { LEASE_MS, type Delivery } from '../../src/domain/notifications/delivery';
import type { InboxItem } from '../../src/domain/notifications/plan';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/domain/notifications/preferences';
import { configuredProviders } from '../../src/notifications/providers';
import { deliverOne, sweepOutbox } from '../../src/services/notifications/deliver';
import { emitEvent } from '../../src/services/notifications/emit';
import { notifyFromAudit } from '../../src/services/notifications/fromAudit';
import { col } from '../../src/services/notifications/store';
import { onAuditNotify } from '../../src/triggers/onAuditNotify';
import { onNotificationCreated } from '../../src/triggers/onNotificationCreated';
import { twilioStatusHandler } from '../../src/triggers/twilioStatus';
import { normalisePhone } from '../../src/domain/notifications/optOut';
import { seedOrganisation } from '../support/fixtures';
import { caseAudit, putNotifyCase } from '../support/notifyCases';
import { startTestSinks, type TestSinks } from '../support/notifySinks';

/**
 * The delivery state machine end to end with the real providers: the real twilio client against the fake
 * Twilio endpoint and real nodemailer against the SMTP sink, both on free ports in this process.
 */
const fft = functionsTest({ projectId: process.env.GCLOUD_PROJECT });
// 10:30 in Colombo: outside everyone's quiet hours.
const NOW = '2026-11-23T05:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
let sinks: TestSinks;

const RO_PHONE = '+94770000001';
const DRC_ADMIN_PHONE = '+94770000004';

async function setPrefs(uid: string, prefs: Partial<Preferences>): Promise<void> {
  await col('prefs')
    .doc(uid)
    .set({ ...DEFAULT_PREFERENCES, quietHours: null, ...prefs });
}

const putCase = putNotifyCase;
// Here the changes are an officer's (the RO is a recipient, not the author).
const audit = (caseId: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
  caseAudit(caseId, before, after, { uid: 'demo-officer', role: 'recovery_officer' });

async function outbox(eventPrefix: string): Promise<Delivery[]> {
  const snap = await col('outbox').get();
  return snap.docs
    .map((d) => ({ ...(d.data() as Delivery), id: d.id }))
    .filter((d) => d.eventId.startsWith(eventPrefix));
}

async function inbox(eventPrefix: string): Promise<InboxItem[]> {
  const snap = await col('inbox').get();
  return snap.docs.map((d) => d.data() as InboxItem).filter((i) => i.eventId.startsWith(eventPrefix));
}

const at = (iso: string) => () => iso;

beforeAll(async () => {
  sinks = await startTestSinks();
  await seedOrganisation();
  await setPrefs('demo-ro1', { phone: RO_PHONE });
  await setPrefs('demo-drc1', { phone: DRC_ADMIN_PHONE, language: 'si' });
});

afterAll(async () => {
  await sinks.stop();
  fft.cleanup();
});

beforeEach(() => {
  sinks.clear();
  sinks.setMode({ sms: 'ok', email: 'ok' });
});

describe('events reach the right recipients on the right channels', () => {
  it('assignment to an RO: the RO in the inbox and by SMS; status change: RO and DRC admin in the inbox only', async () => {
    await putCase('N-1');
    const result = await notifyFromAudit(
      'a-N1',
      audit('N-1', { roId: null, status: 'DRC_ASSIGNED' }, { roId: 'demo-ro1', status: 'RO_ASSIGNED' }),
      NOW,
    );
    expect(result.events.map((e) => e.outcome)).toEqual(['emitted', 'emitted']);
    const items = await inbox('a-N1');
    expect(items.filter((i) => i.kind === 'case_assigned').map((i) => i.uid)).toEqual(['demo-ro1']);
    expect(
      items
        .filter((i) => i.kind === 'status_changed')
        .map((i) => i.uid)
        .sort(),
    ).toEqual(['demo-drc1', 'demo-ro1']);
    const out = await outbox('a-N1');
    expect(out.map((d) => [d.kind, d.channel, d.recipient.address])).toEqual([['case_assigned', 'sms', RO_PHONE]]);
    expect(await deliverOne(out[0]!.id, await configuredProviders(), { now: at(NOW) })).toBe('sent');
    expect(sinks.sms.map((s) => [s.to, s.body])).toEqual([[RO_PHONE, expect.stringContaining('assigned to demo-ro1')]]);
  });

  it('a DRC placement emails the DRC admin in their language (Sinhala) through SMTP', async () => {
    await putCase('N-2', { roId: null });
    await notifyFromAudit('a-N2', audit('N-2', { drcId: null }, { drcId: 'drc1' }), NOW);
    const out = await outbox('a-N2');
    expect(out.map((d) => [d.channel, d.recipient.uid, d.language])).toEqual([['email', 'demo-drc1', 'si']]);
    expect(await deliverOne(out[0]!.id, await configuredProviders(), { now: at(NOW) })).toBe('sent');
    expect(sinks.emails).toHaveLength(1);
    expect(sinks.emails[0]!.to).toEqual(['drc1@demo.debtx']);
    expect(sinks.emails[0]!.subject).toContain('පවරන ලදී');
    expect(sinks.emails[0]!.messageId).toContain('debtx.notifications');
  });

  it('preferences: an RO who turned SMS off for assignments gets the inbox entry only', async () => {
    await setPrefs('demo-ro2', { phone: '+94770000002', channels: { case_assigned: { sms: false } } });
    await putCase('N-3', { roId: 'demo-ro2' });
    await notifyFromAudit('a-N3', audit('N-3', { roId: null }, { roId: 'demo-ro2' }), NOW);
    expect(await outbox('a-N3')).toEqual([]);
    expect((await inbox('a-N3')).map((i) => i.uid)).toEqual(['demo-ro2']);
  });

  it('quiet hours: an SMS planned at 23:00 Colombo waits until the end of the quiet span', async () => {
    await setPrefs('demo-ro3', { phone: '+94770000003', quietHours: { start: '21:00', end: '07:00' } });
    await putCase('N-4', { drcId: 'drc2', roId: 'demo-ro3' });
    const night = '2026-11-23T17:30:00.000Z'; // 23:00 in Colombo
    await notifyFromAudit('a-N4', audit('N-4', { roId: null }, { roId: 'demo-ro3' }), night);
    const [sms] = await outbox('a-N4');
    expect(sms!.dueAt).toBe('2026-11-24T01:30:00.000Z'); // 07:00 in Colombo
    expect(await deliverOne(sms!.id, await configuredProviders(), { now: at(night) })).toBe('not-due');
    expect(sinks.sms).toHaveLength(0);
    expect(await deliverOne(sms!.id, await configuredProviders(), { now: at('2026-11-24T01:30:00.000Z') })).toBe(
      'sent',
    );
  });
});

describe('the delivery state machine', () => {
  it('the same trigger delivered twice creates one set of messages and sends one SMS', async () => {
    await putCase('N-5');
    const auditTrigger = fft.wrap(onAuditNotify);
    const sendTrigger = fft.wrap(onNotificationCreated);
    const ref = firestore().collection(COL.audit).doc('a-N5');
    await ref.set(audit('N-5', { roId: null }, { roId: 'demo-ro1' }));
    const snap = await ref.get();
    await auditTrigger({ data: snap, params: { eventId: 'a-N5' }, id: 'evt-a-N5' });
    await auditTrigger({ data: snap, params: { eventId: 'a-N5' }, id: 'evt-a-N5' });
    const out = await outbox('a-N5');
    expect(out).toHaveLength(1);
    expect(await inbox('a-N5')).toHaveLength(1);
    const created = await col('outbox').doc(out[0]!.id).get();
    await sendTrigger({ data: created, params: { deliveryId: out[0]!.id }, id: 'evt-send' });
    await sendTrigger({ data: created, params: { deliveryId: out[0]!.id }, id: 'evt-send' });
    expect(sinks.sms).toHaveLength(1);
    const done = (await col('outbox').doc(out[0]!.id).get()).data() as Delivery;
    expect([done.state, done.attempts]).toEqual(['SUCCESS', 1]);
  });

  it('provider failure, then recovery: a 500 is retried after its backoff and sent once', async () => {
    await putCase('N-6');
    await notifyFromAudit('a-N6', audit('N-6', { roId: null }, { roId: 'demo-ro1' }), NOW);
    const [msg] = await outbox('a-N6');
    sinks.setMode({ sms: '500' });
    expect(await deliverOne(msg!.id, await configuredProviders(), { now: at(NOW) })).toBe('retry');
    let d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
    expect([d.state, d.attempts, d.error?.code, d.error?.transient, d.dueAt]).toEqual([
      'PENDING',
      1,
      'twilio-20500',
      true,
      later(30_000),
    ]);
    // Not before the backoff has passed.
    expect((await sweepOutbox(await configuredProviders(), { now: at(later(10_000)) })).outcomes.sent ?? 0).toBe(0);
    sinks.setMode({ sms: 'ok' });
    const stats = await sweepOutbox(await configuredProviders(), { now: at(later(31_000)) });
    expect(stats.outcomes.sent).toBe(1);
    d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
    expect([d.state, d.attempts, d.error, d.provider?.name]).toEqual(['SUCCESS', 2, null, 'twilio']);
    expect(sinks.sms).toHaveLength(1);
    expect(sinks.refused.sms).toBe(1);
    const attempts = await col('attempts').where('deliveryId', '==', msg!.id).get();
    expect(attempts.docs.map((a) => a.get('outcome')).sort()).toEqual(['error', 'sent']);
  });

  it('a permanent provider error (invalid number) is not retried', async () => {
    await putCase('N-7');
    await notifyFromAudit('a-N7', audit('N-7', { roId: null }, { roId: 'demo-ro1' }), NOW);
    const [msg] = await outbox('a-N7');
    sinks.setMode({ sms: '400' });
    expect(await deliverOne(msg!.id, await configuredProviders(), { now: at(NOW) })).toBe('failed');
    const d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
    expect([d.state, d.dueAt, d.error?.code, d.error?.transient]).toEqual(['ERROR', null, 'twilio-21211', false]);
  });

  it('SMTP 451 is transient and retried; a retry that succeeds sends one email', async () => {
    await putCase('N-8', { roId: null });
    await notifyFromAudit('a-N8', audit('N-8', { drcId: null }, { drcId: 'drc1' }), NOW);
    const [msg] = await outbox('a-N8');
    sinks.setMode({ email: '451' });
    expect(await deliverOne(msg!.id, await configuredProviders(), { now: at(NOW) })).toBe('retry');
    sinks.setMode({ email: 'ok' });
    expect(await deliverOne(msg!.id, await configuredProviders(), { now: at(later(30_000)) })).toBe('sent');
    expect(sinks.emails).toHaveLength(1);
  });

  it('a crash between claim and send neither loses nor duplicates the message', async () => {
    await putCase('N-9');
    await notifyFromAudit('a-N9', audit('N-9', { roId: null }, { roId: 'demo-ro1' }), NOW);
    const [msg] = await outbox('a-N9');
    await expect(
      deliverOne(msg!.id, await configuredProviders(), { now: at(NOW), crashAfterClaim: true }),
    ).rejects.toThrow('simulated crash');
    let d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
    expect([d.state, d.attempts, d.dueAt]).toEqual(['PROCESSING', 1, later(LEASE_MS)]);
    // While the lease lives nobody else takes it (and the trigger redelivered finds it not due).
    expect(await deliverOne(msg!.id, await configuredProviders(), { now: at(later(LEASE_MS - 1_000)) })).toBe(
      'not-due',
    );
    expect(sinks.sms).toHaveLength(0);
    const stats = await sweepOutbox(await configuredProviders(), { now: at(later(LEASE_MS + 1_000)) });
    expect(stats.outcomes.sent).toBe(1);
    await sweepOutbox(await configuredProviders(), { now: at(later(LEASE_MS + 60_000)) });
    expect(sinks.sms).toHaveLength(1);
    d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
    expect([d.state, d.attempts]).toEqual(['SUCCESS', 2]);
  });

  it('a runner whose lease was taken over records its attempt but does not overwrite the new owner', async () => {
    await putCase('N-10');
    await notifyFromAudit('a-N10', audit('N-10', { roId: null }, { roId: 'demo-ro1' }), NOW);
    const [msg] = await outbox('a-N10');
    // A slow first runner: its clock says it finished after its lease ran out and another runner claimed it.
    let calls = 0;
    const slowClock = () => (++calls === 1 ? NOW : later(LEASE_MS + 5_000));
    const second = {
      sms: { send: async () => ({ provider: 'twilio', id: 'SMX', status: 'queued' }) },
      email: (await configuredProviders()).email,
    };
    const slowSender = {
      sms: {
        send: async (m: { id: string; to: string; subject: string; body: string }) => {
          // Meanwhile the lease expires and another runner claims and sends.
          expect(await deliverOne(msg!.id, second, { now: at(later(LEASE_MS + 1_000)), owner: 'second' })).toBe('sent');
          return (await configuredProviders()).sms.send(m);
        },
      },
      email: (await configuredProviders()).email,
    };
    expect(await deliverOne(msg!.id, slowSender, { now: slowClock, owner: 'first' })).toBe('lease-lost');
    const d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
    expect([d.state, d.provider?.id]).toEqual(['SUCCESS', 'SMX']);
  });

  it('locally, a provider aimed at a real host is refused and nothing leaves the machine', async () => {
    const saved = process.env.TWILIO_BASE_URL;
    process.env.TWILIO_BASE_URL = 'https://api.twilio.com';
    try {
      await putCase('N-11');
      await notifyFromAudit('a-N11', audit('N-11', { roId: null }, { roId: 'demo-ro1' }), NOW);
      const [msg] = await outbox('a-N11');
      expect(await deliverOne(msg!.id, await configuredProviders(), { now: at(NOW) })).toBe('failed');
      const d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
      expect([d.state, d.error?.code]).toEqual(['ERROR', 'misconfigured']);
      expect(d.error?.message).toContain('local fakes');
    } finally {
      process.env.TWILIO_BASE_URL = saved;
    }
  });
});

describe('the contact-compliance gate on customer messages', () => {
  const promise = {
    id: 'P1',
    amountCents: 10_000,
    dueDate: '2026-11-24',
    madeAt: NOW,
    paidAtMadeCents: 0,
    status: 'open' as const,
    decidedAt: null,
  };
  const reminder = (caseId: string, c: CaseState) =>
    emitEvent(
      {
        id: `sched:${caseId}:promise:P1`,
        kind: 'promise_due',
        at: NOW,
        caseFacts: {
          caseId,
          accountNumber: c.accountNumber,
          status: c.status,
          drcId: c.drcId,
          roId: c.roId,
          customer: {
            name: c.customer.name,
            phone: c.customer.phone,
            email: null,
            language: c.customer.language,
            key: c.customerKey,
          },
          indicators: c.indicators,
          hold: null,
        },
        vars: { account: c.accountNumber, due: promise.dueDate },
      },
      NOW,
    );
  const customerMsg = async (prefix: string) => (await outbox(prefix)).find((d) => d.recipient.kind === 'customer')!;

  it('NIC out of delivery ids: the id, the status-callback URL and the stored provider error carry no NIC or phone', async () => {
    const nic = '197101259365';
    process.env.TWILIO_STATUS_URL = 'https://example.test/twilioStatus';
    try {
      const c = await putCase('G-0', { customerKey: `nic_${nic}`, promises: [promise] });
      await reminder('G-0', c);
      const msg = await customerMsg('sched:G-0');
      expect(msg.id).not.toContain(nic);
      expect(await deliverOne(msg.id, await configuredProviders(), { now: at(NOW) })).toBe('sent');
      expect(sinks.sms.at(-1)!.statusCallback).not.toContain(nic);
      expect(sinks.sms.at(-1)!.statusCallback).toContain(encodeURIComponent(msg.id));
      // A provider refusal quotes the number it refused: stored and logged masked.
      const again = await putCase('G-00', { customerKey: 'nic_198812345678', promises: [promise] });
      await reminder('G-00', again);
      const second = await customerMsg('sched:G-00');
      sinks.setMode({ sms: '400' });
      expect(await deliverOne(second.id, await configuredProviders(), { now: at(NOW) })).toBe('failed');
      const d = (await col('outbox').doc(second.id).get()).data() as Delivery;
      const attempts = await col('attempts').where('deliveryId', '==', second.id).get();
      const stored = JSON.stringify([d.error, attempts.docs.map((a) => a.get('error'))]);
      expect(d.error?.code).toBe('twilio-21211');
      expect(stored).toContain('is not a valid phone number');
      expect(stored).not.toContain(again.customer.phone.replace('+', ''));
    } finally {
      delete process.env.TWILIO_STATUS_URL;
    }
  });

  it('sends a reminder to a reachable customer and records the allow decision and the contact', async () => {
    const c = await putCase('G-1', { customerKey: 'cust-G1', promises: [promise] });
    await reminder('G-1', c);
    const msg = await customerMsg('sched:G-1');
    expect(await deliverOne(msg.id, await configuredProviders(), { now: at(NOW) })).toBe('sent');
    const d = (await col('outbox').doc(msg.id).get()).data() as Delivery;
    expect(d.gate).toMatchObject({ decision: 'allow' });
    expect(sinks.sms.map((s) => s.to)).toEqual([c.customer.phone]);
    expect((await col('contacts').doc('cust-G1').get()).get('recent')).toEqual([NOW]);
  });

  it('holds a dispute: BLOCKED with the reason, nothing sent', async () => {
    const c = await putCase('G-2', { customerKey: 'cust-G2', promises: [promise], indicators: ['dispute'] });
    await reminder('G-2', c);
    const msg = await customerMsg('sched:G-2');
    expect(await deliverOne(msg.id, await configuredProviders(), { now: at(NOW) })).toBe('blocked');
    const d = (await col('outbox').doc(msg.id).get()).data() as Delivery;
    expect([d.state, d.gate?.decision, d.gate?.reason]).toEqual(['BLOCKED', 'deny', 'indicator']);
    expect(sinks.sms).toHaveLength(0);
  });

  it('an SMS to a number that texted STOP is BLOCKED as opted out, nothing sent', async () => {
    const c = await putCase('G-5', { customerKey: 'cust-G5', promises: [promise] });
    const phone = normalisePhone(c.customer.phone)!;
    await firestore().collection(COL.contactPreferences).doc(phone).set({ phone, optedOut: true });
    await reminder('G-5', c);
    const msg = await customerMsg('sched:G-5');
    expect(await deliverOne(msg.id, await configuredProviders(), { now: at(NOW) })).toBe('blocked');
    const d = (await col('outbox').doc(msg.id).get()).data() as Delivery;
    expect([d.state, d.gate?.reason]).toEqual(['BLOCKED', 'opted_out']);
    expect(sinks.sms.filter((m) => m.to === c.customer.phone)).toHaveLength(0);
    // The test cases share one number: the opt-out must not reach the tests after this one.
    await firestore().collection(COL.contactPreferences).doc(phone).delete();
  });

  it('a second message the same day hits the daily cap', async () => {
    const c = await putCase('G-3', { customerKey: 'cust-G1', promises: [promise] });
    await reminder('G-3', c);
    const msg = await customerMsg('sched:G-3');
    expect(await deliverOne(msg.id, await configuredProviders(), { now: at(later(3_600_000)) })).toBe('blocked');
    const d = (await col('outbox').doc(msg.id).get()).data() as Delivery;
    expect(d.gate?.reason).toBe('daily_cap');
  });

  it('quiet hours in the customer time defer, not drop', async () => {
    const c = await putCase('G-4', { customerKey: 'cust-G4', promises: [promise] });
    await reminder('G-4', c);
    const msg = await customerMsg('sched:G-4');
    const night = '2026-11-23T16:00:00.000Z'; // 21:30 Colombo
    expect(await deliverOne(msg.id, await configuredProviders(), { now: at(night) })).toBe('deferred');
    const d = (await col('outbox').doc(msg.id).get()).data() as Delivery;
    expect([d.state, d.dueAt, d.attempts]).toEqual(['PENDING', '2026-11-24T02:30:00.000Z', 0]);
  });
});

describe('Twilio status callbacks', () => {
  const url = 'https://example.test/twilioStatus';
  it('a bad signature is 403 and changes nothing; a good one records the carrier failure', async () => {
    process.env.TWILIO_STATUS_URL = url;
    try {
      await putCase('T-1');
      await notifyFromAudit('a-T1', audit('T-1', { roId: null }, { roId: 'demo-ro1' }), NOW);
      const [msg] = await outbox('a-T1');
      await deliverOne(msg!.id, await configuredProviders(), { now: at(NOW) });
      expect(sinks.sms[0]!.statusCallback).toBe(`${url}?n=${encodeURIComponent(msg!.id)}`);
      const body = { MessageSid: sinks.sms[0]!.sid, MessageStatus: 'undelivered', ErrorCode: '30003' };
      const before = (await col('outbox').doc(msg!.id).get()).data();
      const bad = await twilioStatusHandler({
        method: 'POST',
        headers: { 'x-twilio-signature': 'forged' },
        body,
        query: { n: msg!.id },
      });
      expect(bad.status).toBe(403);
      expect((await col('outbox').doc(msg!.id).get()).data()).toEqual(before);
      const signature = twilio.getExpectedTwilioSignature(
        'local-twilio-token',
        `${url}?n=${encodeURIComponent(msg!.id)}`,
        body,
      );
      const good = await twilioStatusHandler({
        method: 'POST',
        headers: { 'x-twilio-signature': signature },
        body,
        query: { n: msg!.id },
      });
      expect(good.status).toBe(204);
      const d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
      expect([d.provider?.status, d.error?.code]).toEqual(['undelivered', 'twilio-30003']);
    } finally {
      delete process.env.TWILIO_STATUS_URL;
    }
  });
  it('twilio status order: a late "sent" after "delivered" never overwrites it, and the report is still kept', async () => {
    process.env.TWILIO_STATUS_URL = url;
    try {
      await putCase('T-2');
      await notifyFromAudit('a-T2', audit('T-2', { roId: null }, { roId: 'demo-ro1' }), NOW);
      const [msg] = await outbox('a-T2');
      await deliverOne(msg!.id, await configuredProviders(), { now: at(NOW) });
      const sid = sinks.sms.at(-1)!.sid;
      const post = (status: string) => {
        const body = { MessageSid: sid, MessageStatus: status };
        const signature = twilio.getExpectedTwilioSignature(
          'local-twilio-token',
          `${url}?n=${encodeURIComponent(msg!.id)}`,
          body,
        );
        return twilioStatusHandler({
          method: 'POST',
          headers: { 'x-twilio-signature': signature },
          body,
          query: { n: msg!.id },
        });
      };
      expect((await post('delivered')).status).toBe(204);
      expect((await post('sent')).status).toBe(204);
      expect((await post('queued')).status).toBe(204);
      const d = (await col('outbox').doc(msg!.id).get()).data() as Delivery;
      expect([d.state, d.provider?.status, d.error]).toEqual(['SUCCESS', 'delivered', null]);
      const reports = await col('attempts').where('deliveryId', '==', msg!.id).get();
      expect(
        reports.docs
          .map((r) => r.get('status'))
          .filter(Boolean)
          .sort(),
      ).toEqual(['delivered', 'queued', 'sent']);
    } finally {
      delete process.env.TWILIO_STATUS_URL;
    }
  });
});
