import { runMonitorsSettled } from '../domain/lifecycle/monitorPasses';
import { MONITOR_SHARDS, type CaseState } from '../domain/model/case';
import { SYSTEM_ACTOR } from '../domain/model/roles';
import { addDays, type Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { countQuery, readQuery, runTx } from '../data/ops';
import { writeCaseWithAudit } from './caseAudit';
import { prepareCrossCase } from './crossCase';

/**
 * The scheduled monitor (the "monitoring batch" of configurable life cycles, docs/domain.md). It reads only the cases
 * that are due (`nextMonitorAt <= now`, indexed), a page at a time, each case in its own transaction:
 * a run that dies halfway leaves the rest due for the next run (nothing lost), and a case already
 * processed is no longer due (nothing repeated). Missed runs catch up by the same query.
 */
export interface MonitorRunStats {
  due: number;
  changed: number;
  unchanged: number;
  failed: number;
}

export const MONITOR_PAGE = 200;

/** Looks at one due case; returns whether anything changed. Safe to call twice for the same moment. */
export async function monitorCase(caseId: string, now: Instant): Promise<'changed' | 'unchanged' | 'not-due'> {
  return runTx(async (tx) => {
    const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
    if (!snap.exists) return 'not-due';
    const c = snap.data() as CaseState;
    if (!c.nextMonitorAt || c.nextMonitorAt > now || c.closedAt) return 'not-due';
    const config = await loadCaseType(c.caseType, c.configVersion);
    if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
    const outcome = runMonitorsSettled(config, c, now);
    if (!outcome.ok) throw new Error(`monitor refused on ${caseId}: ${outcome.message}`);
    // A monitor that stays due (its move was refused, e.g. by an open to-do) looks again tomorrow, not in a loop.
    const next =
      outcome.case.nextMonitorAt && outcome.case.nextMonitorAt <= now ? addDays(now, 1) : outcome.case.nextMonitorAt;
    if (!outcome.changed) {
      tx.update(snap.ref, { nextMonitorAt: next });
      return 'unchanged';
    }
    const plan = await prepareCrossCase(tx, outcome.case, outcome.crossCase, now, outcome.spawn);
    const label = (code: string) => config.statuses.find((x) => x.code === code)?.label ?? code;
    const summary = [
      'Monitor',
      ...outcome.transitions.map((t) => `${label(t.from)} → ${label(t.to)}`),
      ...outcome.tasksRaised.map((t) => `to-do: ${t.label}`),
    ].join(' · ');
    writeCaseWithAudit(
      tx,
      c,
      { ...outcome.case, nextMonitorAt: next },
      {
        actor: SYSTEM_ACTOR,
        action: 'monitor',
        summary,
        requestId: null,
        details: { signals: outcome.signals, tasks: outcome.tasksRaised.map((t) => t.id) },
        transitions: outcome.transitions,
      },
    );
    plan.apply();
    return 'changed';
  });
}

/** Processes every case due at `now` (optionally one shard), page by page, until none is left or the budget is spent. */
export async function runDueMonitors(
  now: Instant,
  options: { shard?: number; budget?: number } = {},
): Promise<MonitorRunStats> {
  const stats: MonitorRunStats = { due: 0, changed: 0, unchanged: 0, failed: 0 };
  const budget = options.budget ?? 5_000;
  const failed = new Set<string>();
  while (stats.due < budget) {
    let query = firestore().collection(COL.cases).where('nextMonitorAt', '<=', now);
    if (options.shard !== undefined) query = query.where('monitorShard', '==', options.shard);
    const page = await readQuery(query.orderBy('nextMonitorAt').limit(MONITOR_PAGE + failed.size));
    const ids = page.docs.map((d) => d.id).filter((id) => !failed.has(id));
    if (ids.length === 0) break;
    // One case at a time: each is its own transaction; sequential keeps a run's Firestore load even.
    for (const id of ids) {
      stats.due += 1;
      try {
        const result = await monitorCase(id, now);
        if (result === 'changed') stats.changed += 1;
        else stats.unchanged += 1;
      } catch {
        // A broken case must not stop the run; it stays due and is reported.
        failed.add(id);
        stats.failed += 1;
      }
    }
  }
  return stats;
}

/** How many cases are due, for deciding whether to fan out (a count aggregation costs one read per 1,000). */
export async function countDue(now: Instant): Promise<number> {
  return countQuery(firestore().collection(COL.cases).where('nextMonitorAt', '<=', now));
}

export const ALL_SHARDS = Array.from({ length: MONITOR_SHARDS }, (_, i) => i);

export interface MonitorTickDeps {
  countDue(now: Instant): Promise<number>;
  runDue(now: Instant): Promise<MonitorRunStats>;
  publishShard(shard: number, now: Instant): Promise<void>;
  fanOutThreshold: number;
}

/**
 * One scheduled tick: a small run is done in place; a large one is split by shard and fanned out through
 * Pub/Sub, so each message's work fits well inside a function's time limit.
 */
export async function monitorTick(
  now: Instant,
  deps: MonitorTickDeps,
): Promise<{ mode: 'inline' | 'fan-out'; due: number; stats?: MonitorRunStats }> {
  const due = await deps.countDue(now);
  if (due > deps.fanOutThreshold) {
    await Promise.all(ALL_SHARDS.map((shard) => deps.publishShard(shard, now)));
    return { mode: 'fan-out', due };
  }
  return { mode: 'inline', due, stats: await deps.runDue(now) };
}
