import { randomUUID } from 'node:crypto';
import functionsTest from 'firebase-functions-test';
import { COL, firestore } from '../../src/data/db';
import { CREDIT_TASK_TYPE, type CaseState } from '../../src/domain/model/case';
import { RETRY } from '../../src/domain/requests/retries';
import type { SourceChange } from '../../src/domain/sync/sourceChange';
import { assignCaseToDrc } from '../../src/services/assignDrc';
import { faults, SimulatedCrash, type FaultPoint } from '../../src/services/faults';
import {
  recordSourceChange,
  SOURCE_CHANGES,
  SOURCE_PAYMENTS,
  type SourceChangeDoc,
} from '../../src/services/sourceSync';
import { sweepPending } from '../../src/services/sweep';
import { demoSource } from '../../src/sources/demoSource';
import { onSourceChangeCreated } from '../../src/triggers/onSourceChangeCreated';
import { apiCase, putCases } from '../support/apiCases';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';

const dashboardHandler = handlerOf('dashboardFigures');
const getRequestHandler = handlerOf('getRequest');
const submitRequestHandler = handlerOf('submitRequest');

/**
 * Money from the source systems is never dropped, and no request or source change is left PENDING: fault
 * injection (a throw on the first attempts, duplicate delivery, a crash between two writes) and the sweep.
 */
const listSourceProblemsHandler = handlerOf('listSourceProblems');
const fft = functionsTest({ projectId: process.env.GCLOUD_PROJECT });
const changeTrigger = fft.wrap(onSourceChangeCreated);

const readCase = async (id: string) => (await firestore().collection(COL.cases).doc(id).get()).data() as CaseState;
const readChange = async (id: string) =>
  (await firestore().collection(SOURCE_CHANGES).doc(id).get()).data() as SourceChangeDoc;
const readRequest = async (id: string) => (await firestore().collection(COL.requests).doc(id).get()).data()!;
const auditCount = async (caseId: string) =>
  (await firestore().collection(COL.audit).where('entity', '==', `cases/${caseId}`).get()).size;
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const sweepDeps = (now: string) => ({ source: demoSource, now: () => now });

async function deliverChange(id: string, eventId = `evt-${id}`) {
  const snap = await firestore().collection(SOURCE_CHANGES).doc(id).get();
  await changeTrigger({ data: snap, params: { changeId: id }, id: eventId });
}

let seq = 0;
function payment(accountNumber: string, amountCents: number, paymentId = `P-${++seq}`): SourceChange {
  return {
    source: 'bss',
    kind: 'payment',
    eventId: `evt-pay-${++seq}`,
    accountNumber,
    occurredAt: '2026-11-20T09:00:00Z',
    paymentId,
    amountCents,
    paidOn: '2026-11-20',
    method: 'cash',
  };
}
async function pushPayment(change: SourceChange) {
  const { id } = await recordSourceChange(change, 'webhook', new Date().toISOString());
  await deliverChange(id);
  return id;
}

/** Throws at `point` on the attempts listed (or on every attempt). */
function failAt(
  point: FaultPoint,
  attempts: number[] | 'always',
  error: () => Error = () => new Error('injected failure'),
) {
  faults.hook = (p, attempt) => {
    if (p === point && (attempts === 'always' || attempts.includes(attempt))) throw error();
  };
}

/** An open arrears case of its own account, in NEGOTIATION, assigned to demo-ro1. */
function arrearsCase(id: string, accountNumber: string, overrides: Partial<CaseState> = {}): CaseState {
  return apiCase(id, 'NEGOTIATION', {
    accountNumber,
    requiredAction: 'arrears',
    arrearsCents: 100_000,
    paidCents: 0,
    payments: [],
    settlement: null,
    promises: [],
    tasks: [],
    ...overrides,
  });
}

beforeAll(async () => {
  await seedOrganisation();
});
afterEach(() => {
  faults.hook = null;
});
afterAll(() => {
  cleanupTriggers();
  fft.cleanup();
});

describe('money from the source systems is never dropped', () => {
  it('a payment of the full arrears while a discounted settlement is agreed pays the settlement and keeps the rest as a credit with a to-do', async () => {
    await putCases([
      arrearsCase('NL-S1', '0077700001', {
        status: 'SETTLEMENT',
        settlement: {
          plan: 'lump_sum',
          agreedCents: 60_000,
          discountCents: 40_000,
          instalments: [{ seq: 1, dueDate: '2026-12-01', amountCents: 60_000, paidCents: 0 }],
          agreedAt: '2026-11-01T00:00:00.000Z',
          agreedBy: 'demo-ro1',
        },
      }),
    ]);
    const audits = await auditCount('NL-S1');
    const id = await pushPayment(payment('0077700001', 100_000, 'FULL-1'));
    const c = await readCase('NL-S1');
    expect(c.paidCents).toBe(60_000);
    expect(c.creditCents).toBe(40_000);
    expect(c.credits).toEqual([
      expect.objectContaining({ reference: 'bss:FULL-1', amountCents: 40_000, sourceChangeId: id }),
    ]);
    expect(c.tasks).toContainEqual(
      expect.objectContaining({ type: CREDIT_TASK_TYPE, status: 'open', id: 'credit:bss:FULL-1' }),
    );
    expect(await auditCount('NL-S1')).toBe(audits + 1);
    expect((await readChange(id)).results).toEqual([{ caseId: 'NL-S1', outcome: 'applied', reason: null }]);
    const claim = (await firestore().collection(SOURCE_PAYMENTS).doc('bss:FULL-1').get()).data();
    expect(claim).toMatchObject({ caseId: 'NL-S1', amountCents: 100_000, creditCents: 40_000 });
  });

  it('a payment for a closed case is kept on it as a credit, not lost as NO_OPEN_CASE', async () => {
    await putCases([
      arrearsCase('NL-C1', '0077700002', {
        status: 'CLOSED_RECOVERED',
        closedAt: '2026-11-10T00:00:00.000Z',
        paidCents: 100_000,
      }),
    ]);
    const id = await pushPayment(payment('0077700002', 5_000, 'LATE-1'));
    expect((await readChange(id)).state).toBe('APPLIED');
    const c = await readCase('NL-C1');
    expect(c).toMatchObject({ status: 'CLOSED_RECOVERED', paidCents: 100_000, creditCents: 5_000 });
    expect(c.credits![0]!.reason).toContain('closed');
  });

  it('a payment for a case that takes no payments (CPE only) is kept as a credit', async () => {
    await putCases([
      apiCase('NL-Q1', 'NEGOTIATION', { accountNumber: '0077700003', requiredAction: 'cpe', tasks: [] }),
    ]);
    const id = await pushPayment(payment('0077700003', 7_500, 'CPE-1'));
    expect((await readChange(id)).results[0]).toMatchObject({ caseId: 'NL-Q1', outcome: 'applied' });
    expect(await readCase('NL-Q1')).toMatchObject({ paidCents: 0, creditCents: 7_500 });
  });

  it('one source payment credits exactly one case when the account has an arrears and an arrears+CPE case open', async () => {
    await putCases([
      arrearsCase('NL-T2', '0077700004', { requiredAction: 'arrears_cpe', openedAt: '2026-10-02T00:00:00.000Z' }),
      arrearsCase('NL-T1', '0077700004', { openedAt: '2026-10-01T00:00:00.000Z' }),
    ]);
    const first = payment('0077700004', 10_000, 'ONE-1');
    await pushPayment(first);
    // The same payment again under another event id (the lake re-delivering, a source's retry with a new id).
    const again = await pushPayment({ ...first, eventId: 'evt-other' });
    const [t1, t2] = [await readCase('NL-T1'), await readCase('NL-T2')];
    expect(t1.paidCents + t2.paidCents).toBe(10_000);
    expect(t1.paidCents).toBe(10_000); // the oldest open arrears case
    expect((await readChange(again)).results[0]).toMatchObject({ outcome: 'unchanged' });
  });

  it('collected figures count a credit once: payments taken plus credits held', async () => {
    const snap = await firestore().collection(COL.cases).get();
    const expected = snap.docs.reduce((sum, d) => sum + (d.get('paidCents') ?? 0) + (d.get('creditCents') ?? 0), 0);
    const out = await dashboardHandler(asUser('officer'));
    expect(out.totals.collectedCents).toBe(expected);
  });
});

describe('a source change whose processing throws', () => {
  it('is retried and applied once (a throw on the first attempts, then a duplicate delivery)', async () => {
    await putCases([arrearsCase('NL-R1', '0077700005')]);
    failAt('sourceChange:beforeApply', [1, 2]);
    const { id } = await recordSourceChange(payment('0077700005', 12_000), 'webhook', new Date().toISOString());
    await expect(deliverChange(id)).rejects.toThrow('injected failure');
    expect(await readChange(id)).toMatchObject({ state: 'PENDING', attempts: 1, lastError: 'injected failure' });
    await expect(deliverChange(id)).rejects.toThrow('injected failure');
    await deliverChange(id);
    await deliverChange(id); // delivered once more
    expect(await readChange(id)).toMatchObject({ state: 'APPLIED', attempts: 3 });
    expect((await readCase('NL-R1')).paidCents).toBe(12_000);
  });

  it('is parked FAILED with the reason after the last attempt, listed for the recovery section, and re-run by the source’s redelivery', async () => {
    await putCases([arrearsCase('NL-F1', '0077700006')]);
    failAt('sourceChange:beforeApply', 'always', () => new Error('billing record unreadable'));
    const change = payment('0077700006', 9_000);
    const { id } = await recordSourceChange(change, 'webhook', new Date().toISOString());
    for (let i = 1; i < RETRY.maxAttempts; i++) await expect(deliverChange(id)).rejects.toThrow();
    await deliverChange(id); // the last attempt parks it instead of throwing
    const failed = await readChange(id);
    expect(failed.state).toBe('FAILED');
    expect(failed.lastError).toBe(`Failed after ${RETRY.maxAttempts} attempts: billing record unreadable`);
    const listed = await listSourceProblemsHandler(asUser('officer', {}));
    expect(listed.items).toContainEqual(expect.objectContaining({ id, state: 'FAILED', reason: failed.lastError }));
    await expect(listSourceProblemsHandler(asUser('ro1', {}))).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await readCase('NL-F1')).paidCents).toBe(0);

    faults.hook = null;
    const redelivered = await recordSourceChange(change, 'webhook', new Date().toISOString());
    expect(redelivered).toEqual({ id, duplicate: false });
    expect((await readChange(id)).state).toBe('APPLIED');
    expect((await readCase('NL-F1')).paidCents).toBe(9_000);
  });

  it('a crash between the case write and the change’s own leaves nothing half-done and the sweep completes it', async () => {
    await putCases([arrearsCase('NL-X1', '0077700007')]);
    failAt('sourceChange:afterCases', [1], () => new SimulatedCrash('sourceChange:afterCases'));
    const { id } = await recordSourceChange(payment('0077700007', 4_000), 'webhook', new Date().toISOString());
    await expect(deliverChange(id)).rejects.toBeInstanceOf(SimulatedCrash);
    expect((await readChange(id)).state).toBe('PENDING');
    expect(await sweepPending(minutesFromNow(1), sweepDeps(minutesFromNow(1)))).toMatchObject({ sourceChanges: 0 });
    await sweepPending(minutesFromNow(5), sweepDeps(minutesFromNow(5)));
    expect(await readChange(id)).toMatchObject({
      state: 'APPLIED',
      attempts: 2,
      results: [{ caseId: 'NL-X1', outcome: 'applied', reason: null }],
    });
    const c = await readCase('NL-X1');
    expect(c.paidCents).toBe(4_000);
    expect(c.payments).toHaveLength(1);
  });
});

describe('no request stuck PENDING', () => {
  const recordPayment = (caseId: string, amountCents: number) => ({
    type: 'caseAction',
    caseId,
    clientRequestId: randomUUID(),
    payload: {
      action: 'recordPayment',
      result: 'received',
      inputs: { amountCents, paidOn: '2026-11-02', method: 'cash', reference: `R-${randomUUID().slice(0, 8)}` },
    },
  });

  it('a request that throws on its first attempts is retried and applied exactly once', async () => {
    await putCases([arrearsCase('NL-Q2', '0077700008')]);
    const audits = await auditCount('NL-Q2');
    failAt('request:beforeApply', [1, 2]);
    const { requestId } = await submitRequestHandler(asUser('ro1', recordPayment('NL-Q2', 3_000)));
    await expect(deliverRequestCreated(requestId)).rejects.toThrow('injected failure');
    await expect(deliverRequestCreated(requestId)).rejects.toThrow('injected failure');
    expect(await readRequest(requestId)).toMatchObject({ state: 'PENDING', attempts: 2 });
    await deliverRequestCreated(requestId);
    await deliverRequestCreated(requestId); // a duplicate delivery of the same event
    expect(await readRequest(requestId)).toMatchObject({ state: 'APPLIED', attempts: 3 });
    expect((await readCase('NL-Q2')).paidCents).toBe(3_000);
    expect(await auditCount('NL-Q2')).toBe(audits + 1);
  });

  it('after the last attempt a request is REJECTED with a reason the client shows, and nothing changed', async () => {
    await putCases([arrearsCase('NL-Q3', '0077700009')]);
    failAt('request:beforeApply', 'always', () => new Error('deadline exceeded'));
    const { requestId } = await submitRequestHandler(asUser('ro1', recordPayment('NL-Q3', 3_000)));
    for (let i = 1; i < RETRY.maxAttempts; i++) await expect(deliverRequestCreated(requestId)).rejects.toThrow();
    await deliverRequestCreated(requestId);
    const seen = await getRequestHandler(asUser('ro1', { requestId }));
    expect(seen).toMatchObject({
      state: 'REJECTED',
      error: {
        code: 'not-processed',
        message: `The request could not be processed after ${RETRY.maxAttempts} attempts: deadline exceeded; nothing was changed.`,
      },
    });
    expect((await readCase('NL-Q3')).paidCents).toBe(0);
  });

  it('a request whose event was lost, or whose run crashed after claiming it, is applied by the sweep once', async () => {
    await putCases([arrearsCase('NL-Q4', '0077700010')]);
    const lost = await submitRequestHandler(asUser('ro1', recordPayment('NL-Q4', 1_000)));
    const crashed = await submitRequestHandler(asUser('ro1', recordPayment('NL-Q4', 2_000)));
    faults.hook = (point, attempt, id) => {
      if (id === crashed.requestId && attempt === 1) throw new SimulatedCrash(point);
    };
    await expect(deliverRequestCreated(crashed.requestId)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(await readRequest(crashed.requestId)).toMatchObject({ state: 'PENDING', attempts: 1 });
    // Too early: the trigger may still be on it.
    await sweepPending(minutesFromNow(1), sweepDeps(minutesFromNow(1)));
    expect((await readRequest(lost.requestId)).state).toBe('PENDING');
    const swept = await sweepPending(minutesFromNow(5), sweepDeps(minutesFromNow(5)));
    expect(swept.requests).toBeGreaterThanOrEqual(2);
    expect((await readRequest(lost.requestId)).state).toBe('APPLIED');
    expect((await readRequest(crashed.requestId)).state).toBe('APPLIED');
    await sweepPending(minutesFromNow(10), sweepDeps(minutesFromNow(10)));
    expect((await readCase('NL-Q4')).paidCents).toBe(3_000);
  });

  it('a DRC placement a busy DRC deferred is retried by the sweep', async () => {
    const drcs = await firestore().collection(COL.drcs).get();
    await Promise.all(drcs.docs.map((d) => d.ref.update({ active: false })));
    const c = apiCase('NL-P1', 'OPEN', { accountNumber: '0077700011', drcId: null, roId: null, tasks: [] });
    await putCases([c]);
    const now = new Date().toISOString();
    expect(await assignCaseToDrc('NL-P1', now, 'evt-NL-P1')).toHaveProperty('deferred');
    const retryAt = (await readCase('NL-P1')).placementRetryAt!;
    expect(retryAt > now).toBe(true);
    await Promise.all(drcs.docs.map((d) => d.ref.update({ active: true })));
    await sweepPending(retryAt, sweepDeps(retryAt));
    const placed = await readCase('NL-P1');
    expect(placed.drcId).not.toBeNull();
    expect(placed.placementRetryAt).toBeNull();
  });
});
