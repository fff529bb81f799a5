import { randomUUID } from 'node:crypto';
import { DEFAULT_STORED_RULES } from '../../src/domain/assignment/policyConfig';
import type { CaseState } from '../../src/domain/model/case';
import { COL, firestore } from '../../src/data/db';
import { asUser, seedOrganisation } from '../support/fixtures';
import { openCase } from '../support/openCases';
import { cleanupTriggers, deliverCaseCreated } from '../support/triggers';
import { handlerOf } from '../support/operationCall';

const getAssignmentPolicyHandler = handlerOf('getAssignmentPolicy');
const refreshDrcPerformanceHandler = handlerOf('refreshDrcPerformance');
const reassignCasesHandler = handlerOf('reassignCases');
const recallCasesHandler = handlerOf('recallCases');
const saveAssignmentPolicyHandler = handlerOf('saveAssignmentPolicy');
const setRoAssignmentModeHandler = handlerOf('setRoAssignmentMode');
const setRoProfileHandler = handlerOf('setRoProfile');

const db = firestore();
const ALL = ['arrears', 'cpe', 'arrears_cpe'] as const;
const terms = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `DRC ${id}`,
  active: true,
  actions: [...ALL],
  caseTypes: [],
  regions: [],
  capacity: 100,
  minArrearsCents: 0,
  maxArrearsCents: null,
  agencyTier: null,
  ...extra,
});

async function policyVersion(): Promise<number> {
  return (await getAssignmentPolicyHandler(asUser('admin'))).version;
}

async function save(drcs: ReturnType<typeof terms>[], rules = DEFAULT_STORED_RULES) {
  return saveAssignmentPolicyHandler(asUser('admin', { rules, drcs, expectedVersion: await policyVersion() }));
}

async function caseOf(id: string): Promise<CaseState> {
  return (await db.collection(COL.cases).doc(id).get()).data() as CaseState;
}

async function trail(entity: string): Promise<{ action: string; details: Record<string, unknown> }[]> {
  const snap = await db.collection(COL.audit).where('entity', '==', entity).get();
  return snap.docs
    .map((d) => d.data() as { seq: number; action: string; details: Record<string, unknown> })
    .sort((a, b) => a.seq - b.seq);
}

async function openCount(drcId: string): Promise<number> {
  return (await db.collection(COL.drcs).doc(drcId).get()).get('openCases') as number;
}

/** A new case placed by the real trigger; only `drcId` is eligible unless others are given. */
async function placedWith(drcId: string, overrides: Partial<CaseState> = {}): Promise<CaseState> {
  const others = ['drc1', 'drc2', 'drc3'].filter((d) => d !== drcId);
  for (const o of others) await db.collection(COL.drcs).doc(o).update({ active: false });
  const c = await openCase(overrides);
  await deliverCaseCreated(c.id);
  for (const o of others) await db.collection(COL.drcs).doc(o).update({ active: true });
  return caseOf(c.id);
}

beforeAll(async () => {
  await seedOrganisation();
  await save([terms('drc1'), terms('drc2'), terms('drc3')]);
});
afterAll(cleanupTriggers);

describe('assignment policy configuration', () => {
  it('admins save rules and DRC terms, validated and audited; the version guards concurrent edits', async () => {
    const before = await getAssignmentPolicyHandler(asUser('officer'));
    const saved = await saveAssignmentPolicyHandler(
      asUser('admin', {
        rules: { ...DEFAULT_STORED_RULES, performanceBand: 0.2 },
        drcs: [terms('drc3', { regions: ['Northern'], maxArrearsCents: 5_000_000 })],
        expectedVersion: before.version,
      }),
    );
    expect(saved.version).toBe(before.version + 1);
    expect(saved.rules.performanceBand).toBe(0.2);
    expect(saved.drcs.find((d) => d.id === 'drc3')).toMatchObject({
      regions: ['Northern'],
      maxArrearsCents: 5_000_000,
    });
    const policyTrail = await trail('settings/assignmentPolicy');
    expect(policyTrail.at(-1)).toMatchObject({ action: 'assignmentPolicy/save' });
    expect((await trail('drcs/drc3')).at(-1)).toMatchObject({ action: 'drcTerms/save' });
    await expect(
      saveAssignmentPolicyHandler(asUser('admin', { rules: DEFAULT_STORED_RULES, expectedVersion: before.version })),
    ).rejects.toMatchObject({ code: 'failed-precondition' });
    await save([terms('drc3')]);
  });

  it('shows a DRC whose stored document is broken with its problem, and the others in full (output schema)', async () => {
    const broken = firestore().collection(COL.drcs).doc('drc_broken');
    await broken.set({ name: 'Broken DRC', active: true, actions: ['arrears'], capacity: 'many' });
    try {
      const view = await getAssignmentPolicyHandler(asUser('admin'));
      expect(view.drcs.find((d) => d.id === 'drc_broken')).toEqual({
        id: 'drc_broken',
        name: 'Broken DRC',
        problem: expect.stringContaining('capacity'),
      });
      expect(view.drcs.find((d) => d.id === 'drc3')).toMatchObject({ problem: null, capacity: expect.any(Number) });
    } finally {
      await broken.delete();
    }
  });

  it('refuses bad input field by field and non-admins, changing nothing', async () => {
    const version = await policyVersion();
    await expect(
      saveAssignmentPolicyHandler(
        asUser('admin', { drcs: [terms('drc1', { capacity: -5, actions: [] })], expectedVersion: version }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { 'drcs.0.capacity': expect.any(String), 'drcs.0.actions': expect.any(String) } },
    });
    await expect(
      saveAssignmentPolicyHandler(asUser('officer', { rules: DEFAULT_STORED_RULES, expectedVersion: version })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(getAssignmentPolicyHandler(asUser('ro1'))).rejects.toMatchObject({ code: 'permission-denied' });
    // A DRC admin reads the rules and only their own DRC (to choose its RO assignment mode).
    const own = await getAssignmentPolicyHandler(asUser('drc2'));
    expect(own.drcs.map((d) => d.id)).toEqual(['drc2']);
    expect(own.rules.performanceBand).toBeGreaterThan(0);
    expect(await policyVersion()).toBe(version);
  });

  it('placement follows the saved terms and exclusions, and stores its explanation', async () => {
    await save([terms('drc1', { caseTypes: ['external_recovery'] }), terms('drc2', { capacity: 0 }), terms('drc3')]);
    const c = await openCase();
    await deliverCaseCreated(c.id);
    const placed = await caseOf(c.id);
    expect(placed).toMatchObject({ status: 'DRC_ASSIGNED', drcId: 'drc3' });
    const event = (await trail(`cases/${c.id}`)).find((e) => e.action === 'assignDrc/assigned')!;
    expect(event.details.explanation).toMatchObject({
      rule: 'only eligible DRC',
      chosen: 'drc3',
      refused: { drc1: 'not contracted for case type debtx_telco', drc2: 'at capacity 0' },
    });
    const ledger = (await trail('drcs/drc3')).filter((e) => e.action === 'placement').at(-1)!;
    expect(ledger.details).toMatchObject({ caseId: c.id, explanation: { chosen: 'drc3' } });

    const deceased = await openCase({ indicators: ['deceased'] });
    await deliverCaseCreated(deceased.id);
    expect(await caseOf(deceased.id)).toMatchObject({
      status: 'OPEN',
      drcId: null,
      assignment: expect.objectContaining({ drcReason: 'Excluded from placement: indicator deceased.' }),
    });
    await save([terms('drc1'), terms('drc2'), terms('drc3')]);
  });
});

describe('RO assignment modes', () => {
  it('a DRC admin sets their own DRC’s mode (audited), not another DRC’s; ROs may not', async () => {
    await expect(setRoAssignmentModeHandler(asUser('drc1', { mode: 'least_loaded' }))).resolves.toEqual({
      drcId: 'drc1',
      mode: 'least_loaded',
    });
    expect((await trail('drcs/drc1')).at(-1)).toMatchObject({ action: 'roAssignmentMode/set' });
    await expect(setRoAssignmentModeHandler(asUser('drc1', { mode: 'manual', drcId: 'drc2' }))).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(setRoAssignmentModeHandler(asUser('ro1', { mode: 'manual' }))).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(setRoAssignmentModeHandler(asUser('drc1', { mode: 'random' }))).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('least_loaded gives a new case to the RO with fewer open cases, on placement', async () => {
    await setRoAssignmentModeHandler(asUser('drc1', { mode: 'least_loaded' }));
    const first = await placedWith('drc1');
    expect(first).toMatchObject({ status: 'RO_ASSIGNED', drcId: 'drc1' });
    const second = await placedWith('drc1');
    expect(second.roId).not.toBe(first.roId);
    expect(['demo-ro1', 'demo-ro2']).toContain(second.roId);
    expect((await trail(`cases/${second.id}`)).at(-1)).toMatchObject({ action: 'assignRo/least_loaded' });
  });

  it('by_area matches the customer’s city to an RO’s areas (set by their DRC admin)', async () => {
    await setRoAssignmentModeHandler(asUser('drc1', { mode: 'by_area' }));
    const probe = await openCase();
    await setRoProfileHandler(asUser('drc1', { uid: 'demo-ro2', areas: [probe.customer.city], capacity: null }));
    await setRoProfileHandler(asUser('drc1', { uid: 'demo-ro1', areas: ['Nowhere'], capacity: null }));
    await expect(
      setRoProfileHandler(asUser('drc2', { uid: 'demo-ro1', areas: [], capacity: null })),
    ).rejects.toMatchObject({ code: 'not-found' });
    const c = await placedWith('drc1', { customer: probe.customer });
    expect(c).toMatchObject({ roId: 'demo-ro2', status: 'RO_ASSIGNED' });
    await setRoAssignmentModeHandler(asUser('drc1', { mode: 'manual' }));
    expect(await placedWith('drc1')).toMatchObject({ roId: null, status: 'DRC_ASSIGNED' });
  });
});

describe('recall and re-placement', () => {
  it('recalls a case: back to OPEN, slot released, audited with the reason; a retry repeats nothing', async () => {
    const c = await placedWith('drc2');
    const before = await openCount('drc2');
    const input = { operationId: randomUUID(), caseIds: [c.id], reason: 'Customer complaint about the agency' };
    const out = await recallCasesHandler(asUser('officer', input));
    expect(out).toMatchObject({ applied: 1, refused: 0, results: [{ caseId: c.id, ok: true, code: 'recalled' }] });
    expect(await caseOf(c.id)).toMatchObject({ status: 'OPEN', drcId: null, roId: null });
    expect(await openCount('drc2')).toBe(before - 1);
    const events = await trail(`cases/${c.id}`);
    expect(events.at(-1)).toMatchObject({
      action: 'recall',
      details: expect.objectContaining({ reason: input.reason }),
    });
    expect(await recallCasesHandler(asUser('officer', input))).toEqual(out);
    expect(await trail(`cases/${c.id}`)).toHaveLength(events.length);
    expect(await openCount('drc2')).toBe(before - 1);
    await expect(recallCasesHandler(asUser('officer', { ...input, reason: 'another reason' }))).rejects.toMatchObject({
      code: 'already-exists',
    });
  });

  it('recall with re-placement never goes back to the recalled DRC', async () => {
    const c = await placedWith('drc1');
    const out = await recallCasesHandler(
      asUser('supervisor', { operationId: randomUUID(), caseIds: [c.id], reason: 'Poor performance', replace: true }),
    );
    expect(out.results[0]).toMatchObject({ ok: true, code: 'replaced' });
    const now = await caseOf(c.id);
    expect(now.status).toBe('DRC_ASSIGNED');
    expect(now.drcId).not.toBe('drc1');
    expect(now.drcId).toBe(out.results[0]!.drcId);
    const actions = (await trail(`cases/${c.id}`)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['recall', 'assignDrc/replaced']);
  });

  it('bulk recall validates every case first: one unknown case and nothing changes', async () => {
    const c = await placedWith('drc3');
    await expect(
      recallCasesHandler(
        asUser('officer', { operationId: randomUUID(), caseIds: [c.id, 'NO-SUCH-CASE'], reason: 'Bulk recall' }),
      ),
    ).rejects.toMatchObject({ code: 'not-found', message: 'No case NO-SUCH-CASE that you can see.' });
    expect(await caseOf(c.id)).toMatchObject({ drcId: 'drc3' });
    await expect(
      recallCasesHandler(asUser('drc3', { operationId: randomUUID(), caseIds: [c.id], reason: 'Mine' })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('reports per case: a case before the mediation board is refused, the others are recalled', async () => {
    const a = await placedWith('drc3');
    const b = await placedWith('drc3');
    await db.collection(COL.cases).doc(b.id).update({ status: 'MEDIATION_BOARD' });
    const out = await recallCasesHandler(
      asUser('officer', { operationId: randomUUID(), caseIds: [a.id, b.id], reason: 'Contract ended' }),
    );
    expect(out.results.map((r) => [r.caseId, r.ok, r.code])).toEqual([
      [a.id, true, 'recalled'],
      [b.id, false, 'cannot-recall'],
    ]);
    expect(await caseOf(b.id)).toMatchObject({ drcId: 'drc3', status: 'MEDIATION_BOARD' });
  });
});

describe('bulk reassignment', () => {
  it('a DRC admin moves cases between their ROs; audited per case; other DRCs’ cases refuse the whole batch', async () => {
    const a = await placedWith('drc1');
    const b = await placedWith('drc1');
    const out = await reassignCasesHandler(
      asUser('drc1', { operationId: randomUUID(), caseIds: [a.id, b.id], toRoId: 'demo-ro2', reason: 'Leave' }),
    );
    expect(out).toMatchObject({ applied: 2, refused: 0 });
    for (const id of [a.id, b.id]) {
      expect(await caseOf(id)).toMatchObject({ roId: 'demo-ro2', status: 'RO_ASSIGNED' });
      expect((await trail(`cases/${id}`)).at(-1)).toMatchObject({ action: 'reassignRo' });
    }
    const foreign = await placedWith('drc2');
    await expect(
      reassignCasesHandler(
        asUser('drc1', { operationId: randomUUID(), caseIds: [a.id, foreign.id], toRoId: 'demo-ro1', reason: 'x y z' }),
      ),
    ).rejects.toMatchObject({ code: 'not-found', message: `No case ${foreign.id} that you can see.` });
    expect(await caseOf(a.id)).toMatchObject({ roId: 'demo-ro2' });
    await expect(
      reassignCasesHandler(
        asUser('drc1', { operationId: randomUUID(), caseIds: [a.id], toRoId: 'demo-ro3', reason: 'Wrong DRC RO' }),
      ),
    ).rejects.toMatchObject({ code: 'not-found', message: 'No user demo-ro3 that you can see.' });
  });

  it('an officer moves cases across DRCs: slots move, the RO is cleared; a full DRC refuses per case', async () => {
    const c = await placedWith('drc1');
    const [from, to] = [await openCount('drc1'), await openCount('drc2')];
    const out = await reassignCasesHandler(
      asUser('officer', { operationId: randomUUID(), caseIds: [c.id], toDrcId: 'drc2', reason: 'Rebalance' }),
    );
    expect(out.results[0]).toMatchObject({ ok: true, code: 'moved', drcId: 'drc2' });
    expect(await caseOf(c.id)).toMatchObject({ drcId: 'drc2', roId: null, status: 'DRC_ASSIGNED' });
    expect([await openCount('drc1'), await openCount('drc2')]).toEqual([from - 1, to + 1]);
    await save([terms('drc1'), terms('drc2'), terms('drc3', { capacity: 0 })]);
    const refused = await reassignCasesHandler(
      asUser('officer', { operationId: randomUUID(), caseIds: [c.id], toDrcId: 'drc3', reason: 'Rebalance' }),
    );
    expect(refused.results[0]).toMatchObject({ ok: false, code: 'drc-refused' });
    expect(await caseOf(c.id)).toMatchObject({ drcId: 'drc2' });
    await save([terms('drc1'), terms('drc2'), terms('drc3')]);
  });
});

describe('performance over a window', () => {
  it('recomputes each DRC’s recovery rate from the cases placed with it in the window, audited', async () => {
    const paid = await placedWith('drc3');
    await placedWith('drc3');
    await db.collection(COL.cases).doc(paid.id).update({ paidCents: paid.arrearsCents });
    const held = (await db.collection(COL.cases).where('drcId', '==', 'drc3').get()).docs.map(
      (d) => d.data() as CaseState,
    );
    const expected = Number(
      (
        held.reduce((s, c) => s + Math.min(c.paidCents, c.arrearsCents), 0) /
        held.reduce((s, c) => s + c.arrearsCents, 0)
      ).toFixed(4),
    );
    expect(expected).toBeGreaterThan(0);
    const { rates } = await refreshDrcPerformanceHandler(asUser('supervisor', {}));
    expect(rates.drc3).toBe(expected);
    expect((await db.collection(COL.drcs).doc('drc3').get()).get('recoveryRate')).toBe(expected);
    expect((await trail('drcs/drc3')).at(-1)).toMatchObject({ action: 'performance/refresh' });
    await expect(refreshDrcPerformanceHandler(asUser('officer', {}))).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });
});
