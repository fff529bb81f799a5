import { runMonitorsSettled } from '../domain/lifecycle/monitorPasses';
import { MONITOR_SHARDS, type CaseState } from '../domain/model/case';
import { SYSTEM_ACTOR } from '../domain/model/roles';
import { addDays, type Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { countQuery, CountedBatch, isWriteConflict, NotGuardable, readQuery, runTx, type Writes } from '../data/ops';
import { writeCaseWithAudit } from './caseAudit';
import { prepareCrossCase } from './crossCase';

/**
 * The scheduled monitor (the "monitoring batch" of configurable life cycles, docs/domain.md). It reads only the cases
 * that are due (`nextMonitorAt <= now`, indexed), a page at a time, each case written on its own:
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

type MonitorOutcome = 'changed' | 'unchanged' | 'not-due';

/**
 * What a monitor pass does to one case as read, written through `tx`; `prepare` makes the reads that cross-case
 * effects and spawned cases need (only a transaction can make them).
 */
async function monitorCaseState(
  c: CaseState | undefined,
  caseId: string,
  now: Instant,
  tx: Writes,
  prepare: ((outcome: MonitorPass) => Promise<{ apply(): void }>) | null,
): Promise<MonitorOutcome | 'needs-reads'> {
  if (!c) return 'not-due';
  if (!c.nextMonitorAt || c.nextMonitorAt > now || c.closedAt) return 'not-due';
  const config = await loadCaseType(c.caseType, c.configVersion);
  if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
  const outcome = runMonitorsSettled(config, c, now);
  if (!outcome.ok) throw new Error(`monitor refused on ${caseId}: ${outcome.message}`);
  // A monitor that stays due (its move was refused, e.g. by an open to-do) looks again tomorrow, not in a loop.
  const next =
    outcome.case.nextMonitorAt && outcome.case.nextMonitorAt <= now ? addDays(now, 1) : outcome.case.nextMonitorAt;
  const ref = firestore().collection(COL.cases).doc(caseId);
  if (!outcome.changed) {
    tx.update(ref, { nextMonitorAt: next });
    return 'unchanged';
  }
  const needsReads = outcome.crossCase.length > 0 || (outcome.spawn ?? []).length > 0;
  if (needsReads && !prepare) return 'needs-reads';
  const plan = prepare && needsReads ? await prepare(outcome) : null;
  const label = (code: string) => config.statuses.find((x) => x.code === code)?.label ?? code;
  const summary = [
    'Monitor',
    ...outcome.reasons,
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
      details: {
        signals: outcome.signals,
        tasks: outcome.tasksRaised.map((t) => t.id),
        ...(outcome.reasons.length > 0 ? { reasons: outcome.reasons } : {}),
      },
      transitions: outcome.transitions,
    },
  );
  plan?.apply();
  return 'changed';
}

type MonitorPass = Extract<ReturnType<typeof runMonitorsSettled>, { ok: true }>;

/** Looks at one due case in a transaction that reads it; returns whether anything changed. Safe to call twice. */
export async function monitorCase(caseId: string, now: Instant): Promise<MonitorOutcome> {
  return runTx(async (tx) => {
    const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
    const result = await monitorCaseState(snap.data() as CaseState | undefined, caseId, now, tx, (outcome) =>
      prepareCrossCase(tx, outcome.case, outcome.crossCase, now, outcome.spawn),
    );
    if (result === 'needs-reads') throw new Error('unreachable: a transaction can always read');
    return result;
  });
}

/**
 * Whether this Firestore honours update-time preconditions: production and the official emulator do; the
 * offline emulator ignores them (functions/test/integration/firestoreConformance.test.ts), so there a write that
 * only a precondition would stop is made in a transaction instead.
 */
export function preconditionsHonoured(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.FIRESTORE_EMULATOR_HOST || env.DEBTX_FIRESTORE_KIND === 'official';
}

/**
 * Looks at one due case as the due query returned it, without reading it again (docs/performance.md): its
 * writes go in one batch that applies only if the case is still as read (an update-time precondition), and the
 * transaction runs only when that write is refused or the pass needs reads of other documents. A changed case
 * also creates its next audit event, whose id is the chain's next number, so a case changed by anyone else
 * since the query refuses the batch even where preconditions are ignored; an unchanged case writes only its next
 * monitor time, which only the precondition protects, so where preconditions are not honoured it goes through
 * the transaction.
 */
export async function monitorSeenCase(
  seen: QueryDocumentSnapshot,
  now: Instant,
  honoured = preconditionsHonoured(),
): Promise<MonitorOutcome> {
  let batch: CountedBatch;
  let result: MonitorOutcome | 'needs-reads';
  try {
    batch = new CountedBatch(seen);
    result = await monitorCaseState(seen.data() as CaseState, seen.id, now, batch, null);
  } catch (error) {
    if (error instanceof NotGuardable) return monitorCase(seen.id, now);
    throw error;
  }
  if (result === 'needs-reads' || (result === 'unchanged' && !honoured)) return monitorCase(seen.id, now);
  if (result === 'not-due') return result;
  try {
    await batch.commit();
    return result;
  } catch (error) {
    if (!isWriteConflict(error)) throw error;
    return monitorCase(seen.id, now);
  }
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
    const docs = page.docs.filter((d) => !failed.has(d.id));
    if (docs.length === 0) break;
    // One case at a time: sequential keeps a run's Firestore load even.
    for (const doc of docs) {
      const id = doc.id;
      stats.due += 1;
      try {
        const result = await monitorSeenCase(doc, now);
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
