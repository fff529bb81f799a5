import { BOARD_PHASES } from '../../src/domain/cases/phases';
import { COL, firestore } from '../../src/data/db';
import { opCount, resetOpCount, runTx } from '../../src/data/ops';
import type { CaseState } from '../../src/domain/model/case';
import { SYSTEM_ACTOR } from '../../src/domain/model/roles';
import { writeCaseWithAudit } from '../../src/services/caseAudit';
import { apiCase, call, putCases } from '../support/apiCases';
import { seedOrganisation } from '../support/fixtures';

/**
 * The field API's phase counts: one aggregation query sums the phase flags the case writes keep
 * (docs/decisions/0035-phase-counts.md), instead of one count() per phase.
 */
const at = (n: number) => `2026-10-${String(n).padStart(2, '0')}T00:00:00.000Z`;

beforeAll(async () => {
  await seedOrganisation();
  await putCases([
    apiCase('P1', 'RO_ASSIGNED', { updatedAt: at(1) }),
    apiCase('P2', 'NEGOTIATION', { updatedAt: at(2) }),
    apiCase('P3', 'NEGOTIATION', { updatedAt: at(3) }),
    apiCase('P4', 'SETTLEMENT', { updatedAt: at(4) }),
    apiCase('P5', 'DRC_ASSIGNED', { updatedAt: at(5), roId: null }),
    // Another RO of the same DRC: in the DRC's counts, not in demo-ro1's.
    apiCase('P6', 'NEGOTIATION', { updatedAt: at(6), roId: 'demo-ro2' }),
    apiCase('B1', 'MEDIATION_BOARD', { updatedAt: at(7) }),
    apiCase('B2', 'MEDIATION_BOARD', { updatedAt: at(8), boardPhase: 'letter_issued' }),
    apiCase('B3', 'MEDIATION_BOARD', { updatedAt: at(9), boardPhase: 'settled' }),
    apiCase('B4', 'MEDIATION_BOARD', { updatedAt: at(10), boardPhase: 'unresolved' }),
    apiCase('B5', 'MEDIATION_BOARD', { updatedAt: at(11), boardPhase: 'escalated', roId: 'demo-ro2' }),
  ]);
  // The caller's profile is read once per 5 s, then cached: warm it so the counts below are the call's own.
  await call('countNegotiationPhaseCases', 'ro1', {});
  await call('countNegotiationPhaseCases', 'drc1', {});
});

it('negotiation phase counts: one aggregation query, one billed read', async () => {
  resetOpCount();
  expect(await call('countNegotiationPhaseCases', 'ro1', {})).toEqual({
    total: 4,
    byPhase: { not_contacted: 1, negotiating: 2, settlement: 1 },
  });
  expect(opCount.reads).toBe(1);
  resetOpCount();
  expect(await call('countNegotiationPhaseCases', 'drc1', {})).toEqual({
    total: 5,
    byPhase: { not_contacted: 1, negotiating: 3, settlement: 1 },
  });
  expect(opCount.reads).toBe(1);
});

it('board phase counts: the count and six phase sums in two aggregation queries, two billed reads', async () => {
  resetOpCount();
  const out = await call('countMediationBoardPhaseCases', 'drc1', {});
  expect(opCount.reads).toBe(2);
  expect(out.total).toBe(5);
  expect(out.byPhase).toEqual({
    escalated: 2,
    letter_requested: 0,
    letter_issued: 1,
    hearing_scheduled: 0,
    customer_responded: 0,
    settled: 1,
    unresolved: 1,
  });
  expect(Object.keys(out.byPhase).sort()).toEqual([...BOARD_PHASES].sort());
});

it('a case write moves the phase flags with the status: the counts follow the life cycle', async () => {
  await runTx(async (tx) => {
    const snap = await tx.get(firestore().collection(COL.cases).doc('P2'));
    const before = snap.data() as CaseState;
    writeCaseWithAudit(
      tx,
      before,
      { ...before, status: 'MEDIATION_BOARD', boardPhase: 'hearing_scheduled', updatedAt: at(12) },
      { actor: SYSTEM_ACTOR, action: 'note', summary: 'to the board', requestId: null, details: {}, transitions: [] },
    );
  });
  expect(await call('countNegotiationPhaseCases', 'ro1', {})).toEqual({
    total: 3,
    byPhase: { not_contacted: 1, negotiating: 1, settlement: 1 },
  });
  const board = await call('countMediationBoardPhaseCases', 'ro1', {});
  expect([board.total, board.byPhase.hearing_scheduled, board.byPhase.escalated]).toEqual([5, 1, 1]);
});
