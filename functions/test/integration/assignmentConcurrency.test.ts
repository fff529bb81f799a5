import { COL, firestore } from '../../src/data/db';
import { opCount, resetOpCount } from '../../src/data/ops';
import { assignCaseToDrc } from '../../src/services/assignDrc';
import { seedOrganisation } from '../support/fixtures';
import { openCase } from '../support/openCases';
import { cleanupTriggers, deliverCaseCreated } from '../support/triggers';

/**
 * Cases registered at the same moment never push a DRC past its capacity (docs/decisions/0019). Runs on BOTH stacks:
 * the offline emulator does not isolate transactions (transactionIsolation.test.ts), so the guarantee here
 * comes from the design, not from isolation — every placement appends the chosen DRC's audit chain at the id
 * fixed by the head it read, so two placements decided on the same DRC state collide on create and the loser
 * is retried on fresh data (decision 0019). On the full stack isolation holds as well.
 */
const db = firestore();

beforeEach(async () => {
  await seedOrganisation();
});
afterAll(cleanupTriggers);

async function only(drcs: Record<string, { capacity: number } | false>): Promise<void> {
  for (const [id, terms] of Object.entries(drcs)) {
    await db
      .collection(COL.drcs)
      .doc(id)
      .update(terms ? { capacity: terms.capacity, regions: [], openCases: 0, active: true } : { active: false });
  }
}

/** The DRC's counter, how many of these cases it holds, and how many placement events its chain gained. */
async function drcState(id: string, caseIds: string[], chainBefore = 0) {
  const snap = await db.collection(COL.drcs).doc(id).get();
  const placed = await db.collection(COL.cases).where('drcId', '==', id).get();
  const chain = await db.collection(COL.audit).where('entity', '==', `drcs/${id}`).get();
  return {
    openCases: snap.get('openCases') as number,
    placed: placed.docs.filter((d) => caseIds.includes(d.id)).length,
    chain: chain.size - chainBefore,
  };
}

async function chainLength(id: string): Promise<number> {
  return (await db.collection(COL.audit).where('entity', '==', `drcs/${id}`).get()).size;
}

describe('concurrent placement (both stacks)', () => {
  it('16 cases delivered at once fill a DRC of capacity 5 exactly, and the rest wait with the reason', async () => {
    await only({ drc1: { capacity: 5 }, drc2: false, drc3: false });
    const chain = await chainLength('drc1');
    const cases = await Promise.all(Array.from({ length: 16 }, () => openCase()));
    await Promise.all(cases.map((c) => deliverCaseCreated(c.id)));
    const ids = cases.map((c) => c.id);
    expect(await drcState('drc1', ids, chain)).toEqual({ openCases: 5, placed: 5, chain: 5 });
    const waiting = await db.collection(COL.cases).where('status', '==', 'OPEN').get();
    const mine = waiting.docs.filter((d) => ids.includes(d.id) && d.get('drcId') === null);
    expect(mine).toHaveLength(11);
    for (const d of mine) expect(d.get('assignment.drcReason')).toMatch(/drc1: at capacity 5/);
  });

  it('two DRCs of capacity 3 share 10 simultaneous cases 3 and 3, never more', async () => {
    await only({ drc1: { capacity: 3 }, drc2: { capacity: 3 }, drc3: false });
    await db
      .collection(COL.drcs)
      .doc('drc2')
      .update({ recoveryRate: 0.42, actions: ['arrears', 'cpe', 'arrears_cpe'] });
    const cases = await Promise.all(Array.from({ length: 10 }, () => openCase()));
    await Promise.all(cases.map((c) => deliverCaseCreated(c.id)));
    const ids = cases.map((c) => c.id);
    expect(await drcState('drc1', ids)).toMatchObject({ openCases: 3, placed: 3 });
    expect(await drcState('drc2', ids)).toMatchObject({ openCases: 3, placed: 3 });
  });

  it('the same case delivered five times at once is placed once', async () => {
    await only({ drc1: { capacity: 10 }, drc2: false, drc3: false });
    const chain = await chainLength('drc1');
    const c = await openCase();
    await Promise.all([1, 2, 3, 4, 5].map((i) => deliverCaseCreated(c.id, `dup-${i}`)));
    expect(await drcState('drc1', [c.id], chain)).toEqual({ openCases: 1, placed: 1, chain: 1 });
    const trail = await db.collection(COL.audit).where('entity', '==', `cases/${c.id}`).get();
    expect(trail.docs.map((d) => d.get('action')).sort()).toEqual(['assignDrc/assigned', 'registerCase']);
  });

  it('one placement costs 2 + D reads (case, policy, D active DRCs) and 4 writes (case, its event, DRC, its event)', async () => {
    await only({ drc1: { capacity: 10 }, drc2: { capacity: 10 }, drc3: { capacity: 10 } });
    const warm = await openCase();
    await assignCaseToDrc(warm.id, new Date().toISOString(), 'warm'); // loads the case type into the cache
    const c = await openCase();
    resetOpCount();
    expect(await assignCaseToDrc(c.id, new Date().toISOString(), 'measured')).toHaveProperty('assigned');
    expect({ ...opCount }).toEqual({ reads: 2 + 3, writes: 4 });
  });
});
