import { COL, firestore } from '../../src/data/db';
import { opCount, resetOpCount } from '../../src/data/ops';
import type { CaseState } from '../../src/domain/model/case';
import { monitorTick, runDueMonitors } from '../../src/services/monitorCases';
import { seedOrganisation } from '../support/fixtures';
import { writeNegotiationCases } from '../support/bulkCases';

const NOW = '2026-11-23T06:00:00.000Z';

beforeAll(async () => {
  await seedOrganisation();
  await writeNegotiationCases(60, 12, NOW);
});

async function due(): Promise<number> {
  return (await firestore().collection(COL.cases).where('nextMonitorAt', '<=', NOW).get()).size;
}

describe('the scheduled monitor against Firestore', () => {
  it('touches only the due cases, raises their to-do once, and a second run at the same moment changes nothing', async () => {
    expect(await due()).toBe(12);
    resetOpCount();
    const first = await runDueMonitors(NOW);
    expect(first).toEqual({ due: 12, changed: 12, unchanged: 0, failed: 0 });
    // Per due case: its share of the page query plus its transactional read; its write plus its audit event.
    // Plus, once per run: the empty closing query and the case type's configuration (then cached).
    expect(opCount.reads).toBeLessThanOrEqual(12 * 2 + 2);
    expect(opCount.writes).toBe(12 * 2);
    expect(await due()).toBe(0);
    const raised = await firestore().collection(COL.cases).where('nextMonitorAt', '>', NOW).get();
    const withTodo = raised.docs
      .map((d) => d.data() as CaseState)
      .filter((c) => c.tasks.some((t) => t.type === 'negotiation_stalled'));
    expect(withTodo).toHaveLength(12);

    resetOpCount();
    const second = await runDueMonitors(NOW);
    expect(second).toEqual({ due: 0, changed: 0, unchanged: 0, failed: 0 });
    expect(opCount.writes).toBe(0);
  });

  it('catches up after missed runs: a later run finds everything that fell due meanwhile', async () => {
    const later = '2027-01-01T00:00:00.000Z';
    const stats = await runDueMonitors(later);
    expect(stats.failed).toBe(0);
    expect(stats.due).toBeGreaterThanOrEqual(48);
    const stillDue = await firestore().collection(COL.cases).where('nextMonitorAt', '<=', later).get();
    expect(stillDue.size).toBe(0);
  });

  it('fans out by shard above the threshold, and runs inline below it', async () => {
    const published: number[] = [];
    const deps = {
      countDue: async () => 900,
      runDue: async () => ({ due: 0, changed: 0, unchanged: 0, failed: 0 }),
      publishShard: async (shard: number) => {
        published.push(shard);
      },
      fanOutThreshold: 500,
    };
    expect(await monitorTick(NOW, deps)).toEqual({ mode: 'fan-out', due: 900 });
    expect(published.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect((await monitorTick(NOW, { ...deps, countDue: async () => 10 })).mode).toBe('inline');
  });

  it('a shard run touches only its own shard', async () => {
    const at = '2028-01-01T00:00:00.000Z';
    const dueCases = (await firestore().collection(COL.cases).where('nextMonitorAt', '<=', at).get()).docs.map(
      (d) => d.data() as CaseState,
    );
    const shard = dueCases[0]!.monitorShard;
    const inShard = dueCases.filter((c) => c.monitorShard === shard).length;
    expect(inShard).toBeLessThan(dueCases.length);
    expect((await runDueMonitors(at, { shard })).due).toBe(inShard);
    const left = (await firestore().collection(COL.cases).where('nextMonitorAt', '<=', at).get()).docs.map(
      (d) => d.data() as CaseState,
    );
    expect(left.length).toBe(dueCases.length - inShard);
    expect(left.every((c) => c.monitorShard !== shard)).toBe(true);
  });
});

describe('a monitor run with a broken case', () => {
  it('carries on past it, reports it, and leaves it due for the next run', async () => {
    const at = '2029-01-01T00:00:00.000Z';
    const good = (await firestore().collection(COL.cases).limit(1).get()).docs[0]!.data() as CaseState;
    await firestore()
      .collection(COL.cases)
      .doc('ghost-case')
      .set({ ...good, id: 'ghost-case', caseType: 'ghost', nextMonitorAt: '2028-12-31T00:00:00.000Z' });
    const stats = await runDueMonitors(at);
    expect(stats.failed).toBe(1);
    expect(stats.changed + stats.unchanged).toBeGreaterThan(0);
    const ghost = await firestore().collection(COL.cases).doc('ghost-case').get();
    expect(ghost.get('nextMonitorAt')).toBe('2028-12-31T00:00:00.000Z');
    const stillDue = await firestore().collection(COL.cases).where('nextMonitorAt', '<=', at).get();
    expect(stillDue.docs.map((d) => d.id)).toEqual(['ghost-case']);
  });
});
