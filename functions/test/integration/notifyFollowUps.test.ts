import { COL, firestore } from '../../src/data/db';
import { opCount, resetOpCount } from '../../src/data/ops';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import type { CaseState } from '../../src/domain/model/case';
import type { Delivery } from '../../src/domain/notifications/delivery';
import type { InboxItem } from '../../src/domain/notifications/plan';
import { DEFAULT_PREFERENCES } from '../../src/domain/notifications/preferences';
import type { FollowUpSchedule } from '../../src/domain/notifications/schedule';
import { runDailyDigest, runDueFollowUps } from '../../src/services/notifications/followUps';
import { refreshSchedule } from '../../src/services/notifications/fromAudit';
import { col } from '../../src/services/notifications/store';
import { notifyImportFinished } from '../../src/triggers/onImportNotify';
import { demoCaseInStatus } from '../support/caseFactory';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const getNotificationPrefsHandler = handlerOf('getNotificationPrefs');
const listInboxHandler = handlerOf('listInbox');
const markInboxReadHandler = handlerOf('markInboxRead');
const saveNotificationPrefsHandler = handlerOf('saveNotificationPrefs');

/** Scheduled follow-ups (reminders, escalations, the digest) and the inbox callables. */
const T0 = '2026-11-20T04:00:00.000Z';
const days = (n: number) => new Date(Date.parse(T0) + n * 86_400_000).toISOString();

async function putCase(id: string, overrides: Partial<CaseState>): Promise<CaseState> {
  const c = demoCaseInStatus(debtxTelco, 'NEGOTIATION', {
    id,
    drcId: 'drc1',
    roId: 'demo-ro1',
    tasks: [],
    promises: [],
    nextFollowUpOn: null,
    ...overrides,
  });
  await firestore().collection(COL.cases).doc(id).set(c);
  await refreshSchedule(c);
  return c;
}

async function inboxOf(uid: string): Promise<InboxItem[]> {
  return (await col('inbox').where('uid', '==', uid).get()).docs.map((d) => d.data() as InboxItem);
}

beforeAll(async () => {
  await seedOrganisation();
  await col('prefs')
    .doc('demo-ro1')
    .set({ ...DEFAULT_PREFERENCES, phone: '+94770000001' });
});

describe('scheduled follow-ups read only what is due', () => {
  it('reminds the RO and the customer the day before a promise falls due, once', async () => {
    await putCase('F-1', {
      customerKey: 'cust-F1',
      promises: [
        {
          id: 'P1',
          amountCents: 5_000,
          dueDate: '2026-11-25',
          madeAt: T0,
          paidAtMadeCents: 0,
          status: 'open',
          decidedAt: null,
        },
      ],
    });
    const schedule = (await col('schedule').doc('F-1').get()).data() as FollowUpSchedule;
    expect(schedule.nextAt).toBe('2026-11-24T00:00:00.000Z');
    expect((await runDueFollowUps('2026-11-23T23:59:00.000Z')).events).toBe(0);
    const stats = await runDueFollowUps('2026-11-24T00:05:00.000Z');
    expect(stats).toEqual({ cases: 1, events: 1, failed: 0 });
    const out = (await col('outbox').where('eventId', '==', 'sched:F-1:promise:P1').get()).docs.map(
      (d) => d.data() as Delivery,
    );
    expect(out.map((d) => `${d.recipient.kind}:${d.channel}`).sort()).toEqual(['customer:sms', 'user:sms']);
    expect((await inboxOf('demo-ro1')).filter((i) => i.kind === 'promise_due')).toHaveLength(1);
    // Marked sent: a later run finds nothing due for this case.
    expect((await runDueFollowUps('2026-11-24T06:00:00.000Z')).events).toBe(0);
  });

  it('escalates an overdue case to the DRC admin after 3 days and to the recovery officers after 7', async () => {
    await putCase('F-2', {
      tasks: [
        {
          id: 't1',
          type: 'first_contact',
          label: 'No contact yet',
          status: 'open',
          raisedAt: T0,
          dueAt: null,
          doneAt: null,
        },
      ],
    });
    await runDueFollowUps(days(2));
    expect((await inboxOf('demo-drc1')).filter((i) => i.kind === 'escalation')).toHaveLength(0);
    await runDueFollowUps(days(3));
    expect((await inboxOf('demo-drc1')).filter((i) => i.kind === 'escalation')).toHaveLength(1);
    expect((await inboxOf('demo-officer')).filter((i) => i.kind === 'escalation')).toHaveLength(0);
    await runDueFollowUps(days(7));
    expect((await inboxOf('demo-officer')).filter((i) => i.kind === 'escalation')).toHaveLength(1);
    expect((await inboxOf('demo-drc1')).filter((i) => i.kind === 'escalation')).toHaveLength(1);
  });

  it('a resolved cause drops its escalation before it fires', async () => {
    const c = await putCase('F-3', {
      tasks: [
        {
          id: 't1',
          type: 'first_contact',
          label: 'No contact yet',
          status: 'open',
          raisedAt: T0,
          dueAt: null,
          doneAt: null,
        },
      ],
    });
    await refreshSchedule({ ...c, tasks: [{ ...c.tasks[0]!, status: 'done', doneAt: days(1) }] });
    expect((await col('schedule').doc('F-3').get()).get('nextAt')).toBeNull();
  });

  it('the cost follows what is due, not the number of cases', async () => {
    for (let i = 0; i < 30; i++) {
      await putCase(`F-quiet-${i}`, { nextFollowUpOn: '2027-06-01' });
    }
    resetOpCount();
    const stats = await runDueFollowUps(days(1));
    expect(stats.cases).toBe(0);
    expect(opCount.reads).toBe(1);
  });

  it('the morning digest goes once per day to users with entries', async () => {
    const morning = '2026-11-24T02:00:00.000Z'; // 07:30 Colombo
    const first = await runDailyDigest(morning);
    expect(first.ran).toBe(true);
    expect(first.users).toBeGreaterThan(0);
    expect((await runDailyDigest('2026-11-24T03:00:00.000Z')).ran).toBe(false);
    const digest = (await col('outbox').where('kind', '==', 'digest').get()).docs.map((d) => d.data() as Delivery);
    expect(digest.map((d) => d.recipient.uid)).toContain('demo-ro1');
    expect(digest.find((d) => d.recipient.uid === 'demo-ro1')!.body).toMatch(/\d+ × promise due/);
  });

  it('a finished import tells the user who started it, once', async () => {
    const data = { state: 'DONE', createdBy: 'demo-officer', registered: 12, rejected: 1 };
    expect((await notifyImportFinished('imp-1', data, T0)).outcome).toBe('emitted');
    expect((await notifyImportFinished('imp-1', data, T0)).outcome).toBe('duplicate');
    const items = (await inboxOf('demo-officer')).filter((i) => i.kind === 'import_finished');
    expect(items.map((i) => i.body)).toEqual(['Your bulk import imp-1 finished: 12 registered, 1 rejected.']);
  });
});

describe('the inbox callables', () => {
  it('lists the caller’s own entries with the unread count, and marks them read', async () => {
    const listed = await listInboxHandler(asUser('ro1', {}));
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.unread).toBe(listed.items.filter((i) => !i.readAt).length);
    const someone = (await inboxOf('demo-drc1'))[0]!;
    // Another user's id is ignored.
    expect((await markInboxReadHandler(asUser('ro1', { ids: [someone.id] }))).marked).toBe(0);
    expect((await markInboxReadHandler(asUser('ro1', { ids: [listed.items[0]!.id] }))).marked).toBe(1);
    expect((await listInboxHandler(asUser('ro1', {}))).unread).toBe(listed.unread - 1);
    await markInboxReadHandler(asUser('ro1', { all: true }));
    expect((await listInboxHandler(asUser('ro1', { unreadOnly: true }))).items).toEqual([]);
  });

  it('refuses bad input with field messages', async () => {
    await expect(markInboxReadHandler(asUser('ro1', {}))).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(listInboxHandler(asUser('ro1', { limit: 1000 }))).rejects.toMatchObject({
      details: { fields: { limit: expect.any(String) } },
    });
    await expect(
      saveNotificationPrefsHandler(
        asUser('ro2', { ...DEFAULT_PREFERENCES, phone: '0771234567', quietHours: { start: '25:00', end: '07:00' } }),
      ),
    ).rejects.toMatchObject({
      details: { fields: { phone: expect.any(String), 'quietHours.start': expect.any(String) } },
    });
    expect((await col('prefs').doc('demo-ro2').get()).exists).toBe(false);
  });

  it('saves and reads back preferences', async () => {
    const saved = await saveNotificationPrefsHandler(
      asUser('ro2', {
        ...DEFAULT_PREFERENCES,
        language: 'ta',
        phone: '+94771234567',
        channels: { status_changed: { sms: true } },
      }),
    );
    expect(saved.language).toBe('ta');
    const read = await getNotificationPrefsHandler(asUser('ro2', {}));
    expect(read).toMatchObject({ language: 'ta', phone: '+94771234567', channels: { status_changed: { sms: true } } });
    expect(read.defaults.case_assigned).toEqual(expect.arrayContaining(['inapp']));
  });
});
