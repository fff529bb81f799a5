import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { HttpsError } from 'firebase-functions/v2/https';
import { externalRecovery } from '../../src/domain/lifecycle/configs/externalRecovery';
import type { CaseState } from '../../src/domain/model/case';
import { COL, firestore } from '../../src/data/db';
import { assignCaseToDrc } from '../../src/services/assignDrc';
import { asUser, seedOrganisation } from '../support/fixtures';
import { openCase } from '../support/openCases';
import { cleanupTriggers, deliverRequestCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const getRequestHandler = handlerOf('getRequest');
const submitRequestHandler = handlerOf('submitRequest');
const placeWithAgencyHandler = handlerOf('placeWithAgency');
const reassignCasesHandler = handlerOf('reassignCases');
const recallCasesHandler = handlerOf('recallCases');

/**
 * Every change of a case's DRC keeps the placement policy and the DRC's open-case counter (decision 0029):
 * automatic placement, the manual "place with a DRC" action, recall, a move to another DRC, the external-recovery
 * reallocate hook and closing.
 */
const db = firestore();
const ALL = ['arrears', 'cpe', 'arrears_cpe'];

async function putDrc(id: string, extra: Record<string, unknown> = {}): Promise<void> {
  await db
    .collection(COL.drcs)
    .doc(id)
    .set({
      name: `DRC ${id}`,
      active: true,
      actions: ALL,
      regions: [],
      capacity: 100,
      openCases: 0,
      recoveryRate: 0,
      lastAssignedAt: null,
      caseTypes: [],
      minArrearsCents: 0,
      maxArrearsCents: null,
      agencyTier: null,
      placedTotal: 0,
      ...extra,
    });
}

async function submit(
  user: string,
  body: { type: string; caseId: string; payload: Record<string, unknown> },
  claims: { drcId?: string } = {},
) {
  const { requestId } = await submitRequestHandler(asUser(user, { ...body, clientRequestId: randomUUID() }, claims));
  await deliverRequestCreated(requestId);
  return getRequestHandler(asUser(user, { requestId }, claims));
}

const manualPlace = (caseId: string, drcId: string) =>
  submit('officer', {
    type: 'caseAction',
    caseId,
    payload: { action: 'assignDrc', result: 'assigned', inputs: { drcId, reason: 'Placed by hand' } },
  });

const caseOf = async (id: string) => (await db.collection(COL.cases).doc(id).get()).data() as CaseState;
const counter = async (drcId: string) => (await db.collection(COL.drcs).doc(drcId).get()).get('openCases') as number;

/** The DRC's open cases, counted from the cases themselves. */
async function openCasesOf(drcId: string): Promise<number> {
  const snap = await db.collection(COL.cases).where('drcId', '==', drcId).get();
  return snap.docs.filter((d) => d.get('closedAt') === null).length;
}

/** Only DRCs of this test are active, so automatic placement chooses among them. */
async function onlyActive(ids: string[]): Promise<void> {
  const snap = await db.collection(COL.drcs).where('active', '==', true).get();
  for (const d of snap.docs) if (!ids.includes(d.id)) await d.ref.update({ active: false });
}

beforeAll(seedOrganisation);
afterAll(cleanupTriggers);

describe('placement keeps the policy and the counter on every path', () => {
  it('manual placement: the assignDrc action passes the placement checks and takes the DRC slot', async () => {
    await putDrc('mp-ok', { capacity: 1 });
    await putDrc('mp-off', { active: false });
    await putDrc('mp-cpe', { actions: ['cpe'] });
    await putDrc('mp-full', { capacity: 0 });
    const c = await openCase();
    for (const [drcId, why] of [
      ['mp-none', 'There is no DRC mp-none'],
      ['mp-off', 'inactive'],
      ['mp-cpe', 'not contracted for arrears'],
      ['mp-full', 'at capacity 0'],
    ] as const) {
      const refused = await manualPlace(c.id, drcId);
      expect(refused).toMatchObject({ state: 'REJECTED', error: { code: 'drc-refused' } });
      expect(refused.error!.message).toContain(why);
    }
    expect(await caseOf(c.id)).toMatchObject({ status: 'OPEN', drcId: null });
    expect(await manualPlace(c.id, 'mp-ok')).toMatchObject({ state: 'APPLIED' });
    expect(await caseOf(c.id)).toMatchObject({ status: 'DRC_ASSIGNED', drcId: 'mp-ok' });
    expect(await counter('mp-ok')).toBe(1);
    const chain = await db.collection(COL.audit).where('entity', '==', 'drcs/mp-ok').get();
    expect(chain.docs.map((d) => d.get('action'))).toContain('placement');
    // Its one slot is taken now: the next manual placement there is refused like an automatic one.
    const other = await openCase();
    expect(await manualPlace(other.id, 'mp-ok')).toMatchObject({
      state: 'REJECTED',
      error: { code: 'drc-refused', message: expect.stringContaining('at capacity 1') },
    });
    expect(await counter('mp-ok')).toBe(1);
  });

  it('reallocate hook: an acknowledged external-recovery recall gives the agency its slot back', async () => {
    await putDrc('ag-1', { caseTypes: ['external_recovery'], agencyTier: 'primary' });
    await onlyActive(['ag-1']);
    const c = await openCase({}, 'arrears', externalRecovery);
    const placed = await placeWithAgencyHandler(
      asUser('officer', { operationId: randomUUID(), caseIds: [c.id], tier: 'next', reason: 'Tier placement' }),
    );
    expect(placed.results[0]).toMatchObject({ ok: true, drcId: 'ag-1' });
    expect(await counter('ag-1')).toBe(1);
    const recall = await recallCasesHandler(
      asUser('officer', { operationId: randomUUID(), caseIds: [c.id], reason: 'Too little recovered' }),
    );
    expect(recall.results[0]).toMatchObject({ ok: true, code: 'recall-started' });
    expect(await counter('ag-1')).toBe(1);
    // The agency's coordinator acknowledges; leaving Recall in Progress runs the reallocate hook.
    await db.collection(COL.users).doc('demo-drc1').update({ drcId: 'ag-1' });
    try {
      const ack = await submit(
        'drc1',
        {
          type: 'caseAction',
          caseId: c.id,
          payload: {
            action: 'acknowledgeRecall',
            result: 'recall_complete',
            inputs: { recallProcedureComplete: true },
          },
        },
        { drcId: 'ag-1' },
      );
      expect(ack).toMatchObject({ state: 'APPLIED' });
    } finally {
      await db.collection(COL.users).doc('demo-drc1').update({ drcId: 'drc1' });
    }
    expect(await caseOf(c.id)).toMatchObject({ drcId: null });
    expect(await counter('ag-1')).toBe(0);
    expect(await openCasesOf('ag-1')).toBe(0);
  });

  type Step =
    | { kind: 'new' }
    | { kind: 'manual'; c: number; d: number }
    | { kind: 'recall'; c: number; replace: boolean }
    | { kind: 'move'; c: number; d: number }
    | { kind: 'close'; c: number };
  const index = fc.nat({ max: 7 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constant<Step>({ kind: 'new' }),
    fc.record({ kind: fc.constant('manual' as const), c: index, d: fc.nat({ max: 2 }) }),
    fc.record({ kind: fc.constant('recall' as const), c: index, replace: fc.boolean() }),
    fc.record({ kind: fc.constant('move' as const), c: index, d: fc.nat({ max: 2 }) }),
    fc.record({ kind: fc.constant('close' as const), c: index }),
  );

  it('property: after random place/recall/reassign/close sequences each DRC counter equals its open cases', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 15 }), async (steps) => {
        run += 1;
        const drcs = [`pr${run}a`, `pr${run}b`, `pr${run}c`];
        for (const d of drcs) await putDrc(d, { capacity: 3 });
        await onlyActive(drcs);
        const cases: string[] = [];
        const pick = (i: number) => cases[i % Math.max(cases.length, 1)];
        const bulk = { operationId: randomUUID(), reason: 'Property test' };
        for (const s of steps) {
          try {
            if (s.kind === 'new' || cases.length === 0) {
              const c = await openCase();
              cases.push(c.id);
              await assignCaseToDrc(c.id, new Date().toISOString(), `evt-${c.id}`);
            } else if (s.kind === 'manual') {
              await manualPlace(pick(s.c)!, drcs[s.d]!);
            } else if (s.kind === 'recall') {
              await recallCasesHandler(
                asUser('officer', { ...bulk, operationId: randomUUID(), caseIds: [pick(s.c)], replace: s.replace }),
              );
            } else if (s.kind === 'move') {
              await reassignCasesHandler(
                asUser('officer', { ...bulk, operationId: randomUUID(), caseIds: [pick(s.c)], toDrcId: drcs[s.d] }),
              );
            } else {
              await submit('officer', {
                type: 'manualTransition',
                caseId: pick(s.c)!,
                payload: { to: 'WITHDRAWN', reason: 'Registered in error' },
              });
            }
          } catch (e) {
            // A refusal of the whole operation (e.g. moving a case that is not placed) is the policy at work.
            if (!(e instanceof HttpsError)) throw e;
          }
        }
        for (const d of drcs) {
          const open = await openCasesOf(d);
          expect({ drc: d, counter: await counter(d) }).toEqual({ drc: d, counter: open });
          expect(open).toBeLessThanOrEqual(3);
        }
      }),
      { numRuns: 30, endOnFailure: true },
    );
  }, 600_000);
});
