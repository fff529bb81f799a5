/**
 * `npm run bench:monitor`: Firestore operations per due case in a monitor run, with ten times as
 * many cases not due (200 due among 2,000). Counted by the data-access layer (what Firestore bills and what
 * its latency follows), not timed: the offline emulator's speed says nothing about production (docs/performance.md).
 */
import { bench, startBenchFirestore } from './inProcessFirestore';

async function main(): Promise<void> {
  const stop = await startBenchFirestore('demo-bench-monitor');
  const { seedOrganisation } = await import('../../functions/test/support/fixtures');
  const { writeNegotiationCases } = await import('../../functions/test/support/bulkCases');
  const { runDueMonitors } = await import('../../functions/src/services/monitorCases');
  const { opCount, resetOpCount } = await import('../../functions/src/data/ops');
  const now = '2026-11-23T06:00:00.000Z';
  await seedOrganisation();
  await writeNegotiationCases(2_000, 200, now);
  resetOpCount();
  const started = Date.now();
  const stats = await runDueMonitors(now);
  const ms = Date.now() - started;
  if (stats.due !== 200 || stats.failed !== 0) throw new Error(`expected 200 due cases, got ${JSON.stringify(stats)}`);
  bench('monitor.reads_per_due', opCount.reads / stats.due);
  bench('monitor.writes_per_due', opCount.writes / stats.due);
  bench('monitor.due_cases', stats.due, 0);
  bench('monitor.cases_total', 2_000, 0);
  // For the record only: the offline emulator's wall time (not the product's speed).
  bench('monitor.offline_ms_per_due', ms / stats.due);
  resetOpCount();
  await runDueMonitors(now);
  bench('monitor.second_run_writes', opCount.writes, 0);
  stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
