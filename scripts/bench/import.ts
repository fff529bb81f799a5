/**
 * `npm run bench:import`: bulk registration.
 * 1. In process, 100,000 generated rows: the whole pipeline (read, map columns, validate, de-duplicate, decide each
 *    row's DRC with chooseDrc) against plainly parsing the same file (split lines, split cells), in the same run;
 *    and the process's peak RSS while the pipeline runs (it streams: no array of rows is ever built).
 * 2. On the in-process offline Firestore, 2,000 rows registered through startImport and the chunk runner:
 *    Firestore operations per registered row, counted by the data-access layer (counted, not timed:
 *    docs/performance.md).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEMO_DRCS } from '../../functions/src/demo/dataset';
import type { CaseForAssignment } from '../../functions/src/domain/assignment/drcPolicy';
import { SHIPPED_CASE_TYPES } from '../../functions/src/domain/lifecycle/configs';
import { runPipeline, type ImportSchema, type RegisterRow } from '../../functions/src/imports';
import { bench, startBenchFirestore } from './inProcessFirestore';

const CPU_ROWS = 100_000;
const EMULATOR_ROWS = 2_000;
const ACTIONS = ['arrears', 'cpe', 'arrears_cpe'] as const;
const DATE_FORMS = [(d: number) => `2026-03-${d}`, (d: number) => `${d}/03/2026`, (d: number) => `${d}-Mar-2026`];
const REGIONS = ['Western', 'Southern', 'Central', 'Northern', 'Eastern', 'Uva', 'Sabaragamuwa', 'North Western'];

const schema: ImportSchema = {
  defaultCaseType: 'debtx_telco',
  caseTypes: SHIPPED_CASE_TYPES.map((c) => ({ id: c.id, name: c.name, creationFields: c.creationFields ?? [] })),
};

/**
 * A realistic upload: mostly DebtX rows; every 50th a legal-proceeding row with dates in the three forms;
 * every 100th repeats the row before it; every 250th has a bad account number.
 */
function rowText(i: number): string {
  const account = i % 250 === 249 ? `00${i}X` : `00${String(i % 100 === 99 ? i - 1 : i).padStart(8, '0')}`;
  const action = ACTIONS[(i % 100 === 99 ? i - 1 : i) % 3];
  if (i % 50 === 7) {
    const d = 10 + (i % 18);
    return `${account},${action},legal_proceeding,${DATE_FORMS[i % 3]!(d)},${DATE_FORMS[(i + 1) % 3]!(d + 1)}`;
  }
  return `${account},${action},,,`;
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('Account Number,Required Action,Case Type,Default notice sent on,Default notice expires on\r\n');
  for (let i = 0; i < rows; i += 1000) {
    const lines: string[] = [];
    for (let k = i; k < Math.min(rows, i + 1000); k++) lines.push(rowText(k));
    if (!out.write(lines.join('\r\n') + '\r\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The baseline: decode, split lines, split cells: what any importer must do at least. */
async function plainParse(path: string): Promise<number> {
  const decoder = new TextDecoder();
  let carry = '';
  let rows = 0;
  let cells = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const lines = (carry + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) {
      cells += line.split(',').length;
      rows += 1;
    }
  }
  if (carry) rows += 1;
  if (cells === 0) throw new Error('nothing parsed');
  return rows - 1;
}

/** What assignment needs of an account: a cheap stand-in for the source systems (region by account). */
function lookup(row: RegisterRow): CaseForAssignment {
  return {
    requiredAction: row.requiredAction,
    region: REGIONS[Number(row.accountNumber.slice(-2)) % REGIONS.length]!,
    arrearsCents: 100_000,
  };
}

async function pipeline(path: string, onBatch: () => void) {
  return runPipeline(createReadStream(path, { highWaterMark: 64 * 1024 }), schema, {
    plan: {
      drcs: DEMO_DRCS.map((d) => ({ ...d, capacity: 1_000_000, openCases: 0, lastAssignedAt: null })),
      now: '2026-11-23T06:00:00.000Z',
      lookup,
    },
    onVerdicts: onBatch,
  });
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/** A full collection before the memory run, so garbage of writing the file is not counted as the pipeline's. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function cpuPart(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'debtx-bench-import-'));
  const path = join(dir, 'cases.csv');
  try {
    await writeCsv(path, CPU_ROWS);
    // Memory first, from a collected heap (nothing run yet but writing the file): RSS sampled on a timer and
    // after every batch of verdicts.
    collectGarbage();
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const sample = () => void (peak = Math.max(peak, process.memoryUsage.rss()));
    const sampler = setInterval(sample, 5);
    await pipeline(path, sample);
    clearInterval(sampler);
    // Then time both paths (warm: the memory run compiled the pipeline), best of three.
    await plainParse(path);
    let plainMs = Number.POSITIVE_INFINITY;
    let pipeMs = Number.POSITIVE_INFINITY;
    let result: Awaited<ReturnType<typeof pipeline>> | null = null;
    for (let round = 0; round < 3; round++) {
      let t = performance.now();
      const plainRows = await plainParse(path);
      plainMs = Math.min(plainMs, performance.now() - t);
      if (plainRows !== CPU_ROWS) throw new Error(`plain parse saw ${plainRows} rows`);
      t = performance.now();
      result = await pipeline(path, () => {});
      pipeMs = Math.min(pipeMs, performance.now() - t);
    }
    const { stats, placed, unplaced } = result!;
    if (stats.total !== CPU_ROWS) throw new Error(`pipeline saw ${stats.total} rows`);
    console.log(
      `# ${CPU_ROWS} rows, ${mb(statSync(path).size).toFixed(1)} MB: ${stats.valid} valid, ${stats.invalid} refused ` +
        `(${stats.duplicates} duplicates); placed ${JSON.stringify(placed)}, unplaced ${unplaced}`,
    );
    console.log(
      `# plain parse ${plainMs.toFixed(0)} ms, pipeline ${pipeMs.toFixed(0)} ms (best of 3); ` +
        `RSS ${mb(rssBefore).toFixed(0)} MB before the pipeline's first run, ${mb(peak - rssBefore).toFixed(0)} MB more at its peak`,
    );
    bench('import.cpu_rows_per_s', CPU_ROWS / (pipeMs / 1000), 0);
    bench('import.cpu_ratio', pipeMs / plainMs);
    bench('import.peak_rss_mb', mb(peak), 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function firestorePart(): Promise<void> {
  const stop = await startBenchFirestore('demo-bench-import');
  const { seedOrganisation } = await import('../../functions/test/support/fixtures');
  const { startImport, driveImport } = await import('../../functions/src/services/bulkImport');
  const { opCount, resetOpCount } = await import('../../functions/src/data/ops');
  const { demoSource } = await import('../../functions/src/sources/demoSource');
  await seedOrganisation();
  const lines = ['Account Number,Required Action'];
  for (let i = 0; i < EMULATOR_ROWS; i++) lines.push(`0060${String(i).padStart(6, '0')},${ACTIONS[i % 3]}`);
  const bytes = Buffer.from(lines.join('\r\n') + '\r\n');
  const deps = { source: demoSource, now: () => new Date().toISOString() };
  resetOpCount();
  const started = Date.now();
  const job = await startImport(bytes, 'bench.csv', { uid: 'demo-officer' }, deps);
  const done = job.state === 'RUNNING' ? await driveImport(job.importId, deps) : job;
  const ms = Date.now() - started;
  if (done.state !== 'DONE' || done.registered !== EMULATOR_ROWS) {
    throw new Error(`expected ${EMULATOR_ROWS} registered, got ${JSON.stringify(done)}`);
  }
  console.log(
    `# ${done.registered} rows registered on the offline emulator: ${opCount.reads} reads, ${opCount.writes} writes ` +
      `(its wall time, not the product's speed: ${(ms / 1000).toFixed(1)} s)`,
  );
  bench('import.reads_per_row', opCount.reads / done.registered);
  bench('import.writes_per_row', opCount.writes / done.registered);
  stop();
}

async function main(): Promise<void> {
  await cpuPart();
  await firestorePart();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
