import { COL, firestore } from '../../src/data/db';
import { opCount, resetOpCount, runTx } from '../../src/data/ops';
import type { CaseState, PromiseToPay } from '../../src/domain/model/case';
import { SYSTEM_ACTOR } from '../../src/domain/model/roles';
import { LEASE_MS, type Delivery } from '../../src/domain/notifications/delivery';
import { DEFAULT_PREFERENCES } from '../../src/domain/notifications/preferences';
import type { FollowUpSchedule } from '../../src/domain/notifications/schedule';
import { configuredProviders } from '../../src/notifications/providers';
import { writeCaseWithAudit } from '../../src/services/caseAudit';
import { deliverOne } from '../../src/services/notifications/deliver';
import { runDueFollowUps } from '../../src/services/notifications/followUps';
import { notifyFromAudit } from '../../src/services/notifications/fromAudit';
import { currentRouting } from '../../src/services/notifications/routingConfig';
import { col } from '../../src/services/notifications/store';
import { currentTemplates } from '../../src/services/notifications/templateConfig';
import { seedOrganisation } from '../support/fixtures';
import { caseAudit, NOTIFY_NOW as NOW, putNotifyCase } from '../support/notifyCases';
import { startTestSinks, type TestSinks } from '../support/notifySinks';

/**
 * What a delivered notification reads (docs/decisions/0034-notification-reads.md): the follow-up schedule only
 * when the case may have one, and an SMS or email its message once, at the claim.
 */
const later = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const at = (iso: string) => () => iso;
const audit = (caseId: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
  caseAudit(caseId, before, after, { uid: 'demo-officer', role: 'recovery_officer' });
const noFollowUps = { tasks: [], promises: [], nextFollowUpOn: null };
let sinks: TestSinks;

beforeAll(async () => {
  sinks = await startTestSinks();
  await seedOrganisation();
  await col('prefs')
    .doc('demo-ro1')
    .set({ ...DEFAULT_PREFERENCES, quietHours: null, phone: '+94770000001' });
  // Settings are read once per instance and cached: warm them so the counts below are the event's own.
  await Promise.all([currentRouting(), currentTemplates()]);
});

afterAll(async () => {
  await sinks.stop();
  // The offline emulator can end the last query's stream after the test has its results: close the client, so
  // that status does not arrive after the environment is torn down.
  await firestore().terminate();
});

/** The SMS of the events whose id starts so (an audit event's id is the prefix of the events it causes). */
async function smsOf(eventPrefix: string): Promise<Delivery & { id: string }> {
  const snap = await col('outbox').get();
  const sms = snap.docs
    .map((d) => ({ ...(d.data() as Delivery), id: d.id }))
    .find((d) => d.eventId.startsWith(eventPrefix) && d.channel === 'sms');
  if (!sms) throw new Error(`no SMS for ${eventPrefix}`);
  return sms;
}

describe('the follow-up schedule is read only when the case may have one', () => {
  it('a case that never had follow-ups: the trigger reads the case, the recipient and their preferences, not a schedule', async () => {
    await putNotifyCase('R-1', noFollowUps);
    resetOpCount();
    const result = await notifyFromAudit('a-R1', audit('R-1', { roId: null }, { roId: 'demo-ro1' }), NOW);
    expect(result.events.map((e) => e.outcome)).toEqual(['emitted']);
    // The case, the RO by id, the RO's preferences.
    expect(opCount.reads).toBe(3);
    expect((await col('schedule').doc('R-1').get()).exists).toBe(false);
  });

  it('a case whose follow-ups ended: no schedule read on its changes; the item is dropped, unsent, when it falls due', async () => {
    const promise: PromiseToPay = {
      id: 'P1',
      amountCents: 5_000,
      dueDate: '2026-11-30',
      madeAt: NOW,
      paidAtMadeCents: 0,
      status: 'open',
      decidedAt: null,
    };
    await putNotifyCase('R-2', { ...noFollowUps, promises: [promise] });
    await notifyFromAudit('a-R2a', audit('R-2', {}, { promises: [promise] }), NOW);
    expect(((await col('schedule').doc('R-2').get()).data() as FollowUpSchedule).items).toHaveLength(1);
    // The promise is kept: the case has no follow-ups now.
    await runTx(async (tx) => {
      const before = (await tx.get(firestore().collection(COL.cases).doc('R-2'))).data() as CaseState;
      writeCaseWithAudit(
        tx,
        before,
        { ...before, promises: [{ ...promise, status: 'kept', decidedAt: NOW }], updatedAt: NOW },
        { actor: SYSTEM_ACTOR, action: 'note', summary: 'kept', requestId: null, details: {}, transitions: [] },
      );
    });
    resetOpCount();
    await notifyFromAudit('a-R2b', audit('R-2', {}, {}), NOW);
    expect(opCount.reads).toBe(1);
    // When the reminder falls due, the case as it is now has no such item: nothing is sent, the item leaves.
    const stats = await runDueFollowUps('2026-11-29T00:05:00.000Z');
    expect([stats.cases, stats.events]).toEqual([1, 0]);
    const schedule = (await col('schedule').doc('R-2').get()).data() as FollowUpSchedule;
    expect([schedule.items, schedule.nextAt]).toEqual([[], null]);
    expect((await col('events').doc('sched:R-2:promise:P1').get()).exists).toBe(false);
  });
});

describe('an SMS or email reads its message once', () => {
  it('claim, send, record: one read (the claim), the outcome recorded without reading the message again', async () => {
    await putNotifyCase('R-3', noFollowUps);
    await notifyFromAudit('a-R3', audit('R-3', { roId: null }, { roId: 'demo-ro1' }), NOW);
    const msg = await smsOf('a-R3');
    resetOpCount();
    expect(await deliverOne(msg.id, await configuredProviders(), { now: at(NOW) })).toBe('sent');
    expect(opCount.reads).toBe(1);
    const d = (await col('outbox').doc(msg.id).get()).data() as Delivery;
    expect([d.state, d.attempts, d.lease, d.dueAt, d.deliveredAt]).toEqual(['SUCCESS', 1, null, null, NOW]);
    expect(sinks.sms.filter((s) => s.to === '+94770000001')).toHaveLength(1);
  });

  it('a takeover closes the expired attempt in the log; the late runner logs beside it and changes nothing', async () => {
    await putNotifyCase('R-4', noFollowUps);
    await notifyFromAudit('a-R4', audit('R-4', { roId: null }, { roId: 'demo-ro1' }), NOW);
    const msg = await smsOf('a-R4');
    let calls = 0;
    const slowClock = () => (++calls === 1 ? NOW : later(LEASE_MS + 5_000));
    const second = {
      sms: { send: async () => ({ provider: 'twilio', id: 'SMX', status: 'queued' }) },
      email: (await configuredProviders()).email,
    };
    const slow = {
      sms: {
        send: async () => {
          expect(await deliverOne(msg.id, second, { now: at(later(LEASE_MS + 1_000)), owner: 'second' })).toBe('sent');
          return { provider: 'twilio', id: 'SM-LATE', status: 'queued' };
        },
      },
      email: (await configuredProviders()).email,
    };
    expect(await deliverOne(msg.id, slow, { now: slowClock, owner: 'first' })).toBe('lease-lost');
    const d = (await col('outbox').doc(msg.id).get()).data() as Delivery;
    expect([d.state, d.attempts, d.provider?.id]).toEqual(['SUCCESS', 2, 'SMX']);
    const log = (await col('attempts').where('deliveryId', '==', msg.id).get()).docs;
    const byId = Object.fromEntries(log.map((a) => [a.id.slice(msg.id.length), a.data()]));
    expect(Object.keys(byId).sort()).toEqual(['~01', '~01~late', '~02']);
    expect([byId['~01']!.outcome, byId['~01']!.owner]).toEqual(['lease-expired', 'first']);
    expect([byId['~01~late']!.outcome, byId['~01~late']!.note]).toEqual(['sent', 'lease lost before recording']);
    expect([byId['~02']!.outcome, byId['~02']!.owner]).toEqual(['sent', 'second']);
  });
});
