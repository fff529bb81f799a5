import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { toCsv } from '../csv';
import { DEFAULT_CASE_TYPE, listCaseTypes } from '../data/caseTypes';
import { firestore } from '../data/db';
import { readDoc, readQuery, runTx, type Tx } from '../data/ops';
import type { ColumnKey, ImportSchema } from '../imports/columns';
import { openSheet, piecesOf } from '../imports/openSheet';
import { ImportFileError, type FileKind } from '../imports/types';
import { RowValidator, validateRows, type RowVerdict, type ValidationStats } from '../imports/validateRows';
import {
  chunkRef,
  CHUNK_ROWS,
  CountedBatches,
  IMPORT_RESULTS,
  IMPORTS,
  INVALID_ROWS_PER_DOC,
  jobRef,
  resultsRef,
  type ImportJob,
  type ImportResults,
  type ImportRowResult,
  type StagedChunk,
  type StagedRow,
} from './bulkImportStore';
import { importActor, registerImportRow, type RequestDeps } from './processRequest';
import type { Rejection } from './rejections';

/** Uploads larger than this are refused before anything is read (the callable's limit too). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** How long a runner may hold a job before another may take it over (a crashed runner never releases it). */
export const LEASE_MS = 5 * 60_000;
/** A chunk that failed this often records its unregistered rows as rejected and the import moves on. */
export const MAX_CHUNK_ATTEMPTS = 3;

export interface ImportDeps extends RequestDeps {
  /** Valid rows per chunk (default CHUNK_ROWS). */
  chunkRows?: number;
  /** Rows of a chunk registered at once (default 8). */
  concurrency?: number;
  /** Tests only: runs after a chunk's rows are registered, before its results are recorded (a crash there). */
  beforeChunkCommit?: (importId: string, seq: number) => void | Promise<void>;
}

export interface Uploader {
  uid: string;
}

export interface ImportSummary {
  importId: string;
  fileName: string;
  kind: FileKind;
  state: ImportJob['state'];
  total: number;
  done: number;
  registered: number;
  rejected: number;
  invalid: number;
  duplicates: number;
  /** Validation error entries ({row, column, reason}) found in the file. */
  errors: number;
  createdBy: string;
  createdAt: Instant;
  updatedAt: Instant;
  error: string | null;
}

export interface StartResult extends ImportSummary {
  /** The same file was uploaded before: nothing new was created. */
  existing: boolean;
}

export interface ChunkResult extends ImportSummary {
  /** Rows decided by this call. */
  processed: number;
  /** Another runner holds the job: this call did nothing. */
  busy: boolean;
}

/** The import id: the SHA-256 of the file's bytes, so the same file is the same import whatever its name. */
export function importIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function summaryOf(importId: string, job: ImportJob): ImportSummary {
  return {
    importId,
    fileName: job.fileName,
    kind: job.kind,
    state: job.state,
    total: job.total,
    done: job.done,
    registered: job.registered,
    rejected: job.rejected,
    invalid: job.invalid,
    duplicates: job.duplicates,
    errors: job.errors,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    error: job.error,
  };
}

/** The case types an upload may name, at their newest versions. */
export async function importSchema(): Promise<ImportSchema> {
  const latest = new Map<string, ImportSchema['caseTypes'][number]>();
  for (const c of await listCaseTypes()) {
    if (!latest.has(c.id)) latest.set(c.id, { id: c.id, name: c.name, creationFields: c.creationFields ?? [] });
  }
  return { caseTypes: [...latest.values()], defaultCaseType: DEFAULT_CASE_TYPE };
}

const leaseActive = (job: ImportJob, now: Instant) => job.lease !== null && job.lease.until > now;
const leaseUntil = (now: Instant) => new Date(Date.parse(now) + LEASE_MS).toISOString();

/** Reads the file through the whole pipeline; verdicts go to `onVerdicts`. A bad file throws ImportFileError. */
async function readFile(
  bytes: Uint8Array,
  schema: ImportSchema,
  onVerdicts: (batch: RowVerdict[]) => Promise<void>,
): Promise<{ kind: FileKind; stats: ValidationStats; columns: Partial<Record<ColumnKey, string>> }> {
  const { kind, rows } = await openSheet(piecesOf(bytes));
  const validator = new RowValidator(schema);
  for await (const batch of validateRows(rows, validator)) await onVerdicts(batch);
  return { kind, stats: validator.stats, columns: validator.columns?.headers ?? {} };
}

/**
 * Starts (or finds) the import of a file. The whole file is read and validated first, writing nothing: a file
 * that cannot be read (encoding, header, size) is refused with an ImportFileError and changes nothing. Then the
 * job is claimed and a second pass stages the valid rows in chunks and records every invalid row's result.
 * The same bytes again return the existing import; an import whose staging crashed is staged again.
 */
export async function startImport(
  fileBytes: Uint8Array,
  fileName: string,
  uploader: Uploader,
  deps: ImportDeps,
): Promise<StartResult> {
  if (fileBytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `The file is larger than 10 MB (${fileBytes.length} bytes); split it into smaller files.`,
    );
  }
  const importId = importIdOf(fileBytes);
  const ref = jobRef(importId);
  const before = await readDoc(ref);
  if (before.exists) {
    const job = before.data() as ImportJob;
    if (job.state !== 'PARSING' || leaseActive(job, deps.now())) return { ...summaryOf(importId, job), existing: true };
  }
  const schema = await importSchema();
  const scan = await readFile(fileBytes, schema, async () => {});

  const owner = randomUUID();
  const chunkRows = deps.chunkRows ?? CHUNK_ROWS;
  const claimed = await runTx(async (tx): Promise<{ existing: ImportJob } | { job: ImportJob }> => {
    const snap = await tx.get(ref);
    const now = deps.now();
    if (snap.exists) {
      const job = snap.data() as ImportJob;
      if (job.state !== 'PARSING' || leaseActive(job, now)) return { existing: job };
    }
    const job: ImportJob = {
      fileName: fileName.slice(0, 200),
      kind: scan.kind,
      bytes: fileBytes.length,
      total: scan.stats.total,
      done: 0,
      registered: 0,
      rejected: 0,
      invalid: scan.stats.invalid,
      duplicates: scan.stats.duplicates,
      errors: scan.stats.errors,
      state: 'PARSING',
      createdBy: snap.exists ? (snap.get('createdBy') as string) : uploader.uid,
      createdAt: snap.exists ? (snap.get('createdAt') as string) : now,
      updatedAt: now,
      columns: scan.columns,
      chunkRows,
      chunks: 0,
      nextChunk: 0,
      lastRow: scan.stats.lastRow,
      lease: { owner, until: leaseUntil(now) },
      attempts: 0,
      error: null,
      finishedAt: null,
    };
    tx.set(ref, { ...job });
    return { job };
  });
  if ('existing' in claimed) return { ...summaryOf(importId, claimed.existing), existing: true };

  // Second pass: stage valid rows in chunks; record invalid rows (they are decided now), many to a document.
  const writes = new CountedBatches();
  let staged: StagedRow[] = [];
  let seq = 0;
  const stageChunk = async () => {
    if (staged.length === 0) return;
    const chunk: StagedChunk = { seq, rows: staged };
    await writes.set(chunkRef(importId, seq), chunk, staged.length * 200);
    seq += 1;
    staged = [];
  };
  const now = deps.now();
  let invalid: ImportRowResult[] = [];
  let invalidSeq = 0;
  const recordInvalid = async () => {
    if (invalid.length === 0) return;
    const results: ImportResults = {
      importId,
      kind: 'invalid',
      seq: invalidSeq,
      rows: invalid,
      errorsOf: importId,
      at: now,
    };
    await writes.set(resultsRef(importId, 'invalid', invalidSeq), results, invalid.length * 400);
    invalidSeq += 1;
    invalid = [];
  };
  const second = await readFile(fileBytes, schema, async (batch) => {
    for (const v of batch) {
      if (v.ok) {
        staged.push({ row: v.row, ...v.payload });
        if (staged.length >= chunkRows) await stageChunk();
        continue;
      }
      invalid.push({ row: v.row, accountNumber: v.accountNumber, outcome: v.outcome, errors: v.errors });
      if (invalid.length >= INVALID_ROWS_PER_DOC) await recordInvalid();
    }
  });
  await stageChunk();
  await recordInvalid();
  await writes.flush();

  const finished = await runTx(async (tx) => {
    const snap = await tx.get(ref);
    const job = snap.data() as ImportJob;
    if (job.lease?.owner !== owner) return job; // taken over after our lease ran out: the new owner finishes it
    const at = deps.now();
    const update: Partial<ImportJob> = {
      state: seq === 0 ? 'DONE' : 'RUNNING',
      total: second.stats.total,
      invalid: second.stats.invalid,
      duplicates: second.stats.duplicates,
      errors: second.stats.errors,
      done: second.stats.invalid,
      rejected: second.stats.invalid,
      chunks: seq,
      nextChunk: 0,
      lease: null,
      updatedAt: at,
      finishedAt: seq === 0 ? at : null,
    };
    tx.update(ref, update);
    return { ...job, ...update };
  });
  return { ...summaryOf(importId, finished), existing: false };
}

/**
 * Registers one staged row as a single registration is registered (the same validation, source lookup, duplicate
 * refusal, transaction and audit event), without a request document: the row's registration id
 * `${importId}_${row}` names its case, so a row run again after a crash finds its own case and writes nothing.
 * `actor` is the uploader, checked once for the chunk: a refusal (disabled, re-roled) refuses every row of it.
 * `rerun`: the chunk was started before (see runImportChunk), so its rows' cases may exist already.
 */
async function registerRow(
  importId: string,
  job: ImportJob,
  r: StagedRow,
  actor: Actor | { refused: Rejection },
  rerun: boolean,
  deps: ImportDeps,
): Promise<ImportRowResult> {
  const payload: Record<string, unknown> = { accountNumber: r.accountNumber, requiredAction: r.requiredAction };
  if (r.caseType !== undefined) payload.caseType = r.caseType;
  if (r.fields !== undefined) payload.fields = r.fields;
  const outcome =
    'refused' in actor ? actor : await registerImportRow(`${importId}_${r.row}`, payload, actor, deps, { rerun });
  if ('caseId' in outcome) {
    return { row: r.row, accountNumber: r.accountNumber, outcome: 'registered', caseId: outcome.caseId };
  }
  const error = outcome.refused;
  const field = Object.keys(error.fields ?? {})[0];
  const column = field ? (job.columns[field as ColumnKey] ?? job.columns[`field:${field}`] ?? field) : '';
  return {
    row: r.row,
    accountNumber: r.accountNumber,
    outcome: 'rejected',
    errors: [{ row: r.row, column, reason: error.message || 'The registration was refused.' }],
  };
}

/** Runs `fn` over `items` with at most `limit` at once; each item's failure is kept, not thrown. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<(R | { failed: Error })[]> {
  const out: (R | { failed: Error })[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (error) {
        out[i] = { failed: error instanceof Error ? error : new Error(String(error)) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Processes the job's next chunk, resumably. It claims the job with a lease, reads the chunk's staged rows and
 * the results already recorded for it (rows decided before a crash are skipped), registers the rest, and records
 * their results together with the progress in one transaction that first checks the lease is still its own.
 * Either driver may call it: a loop in a callable, a trigger on the job document, or a Pub/Sub message.
 */
export async function runImportChunk(importId: string, deps: ImportDeps): Promise<ChunkResult> {
  const ref = jobRef(importId);
  const owner = randomUUID();
  const claim = await runTx(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return null;
    const job = snap.data() as ImportJob;
    const now = deps.now();
    if (job.state !== 'RUNNING') return { job, busy: false, claimed: false };
    if (leaseActive(job, now)) return { job, busy: true, claimed: false };
    tx.update(ref, { lease: { owner, until: leaseUntil(now) } });
    return { job, busy: false, claimed: true };
  });
  if (!claim) throw new ImportFileError(`There is no import ${importId}.`);
  const { job } = claim;
  // A lease left on the job is a runner that died in this chunk; attempts, a failed try at it. Either may have
  // registered rows it did not record.
  const rerun = job.lease !== null || job.attempts > 0;
  if (!claim.claimed) return { ...summaryOf(importId, job), processed: 0, busy: claim.busy };

  const seq = job.nextChunk;
  const chunkSnap = await readDoc(chunkRef(importId, seq));
  if (!chunkSnap.exists) {
    const failed = await finishChunk(importId, owner, deps, () => ({
      state: 'FAILED',
      error: `Chunk ${seq} of the import is missing; upload the file again.`,
    }));
    return { ...summaryOf(importId, failed ?? job), processed: 0, busy: failed === null };
  }
  const chunk = chunkSnap.data() as StagedChunk;
  // Rows decided by an earlier attempt at this chunk (some of its rows failed) are not run again.
  const recorded = await readDoc(resultsRef(importId, 'chunk', seq));
  const prior = recorded.exists ? (recorded.data() as ImportResults).rows : [];
  const done = new Set(prior.map((r) => r.row));
  const todo = chunk.rows.filter((r) => !done.has(r.row));
  // The uploader is checked once a chunk (not once a row): a disabled uploader stops at the next chunk.
  const actor = todo.length > 0 ? await importActor(job.createdBy) : null;
  const results = actor
    ? await pool(todo, deps.concurrency ?? 8, (r) => registerRow(importId, job, r, actor, rerun, deps))
    : [];
  await deps.beforeChunkCommit?.(importId, seq);

  let processed = 0;
  const finished = await finishChunk(importId, owner, deps, (current, tx) => {
    const failures = results.filter((r): r is { failed: Error } => 'failed' in r);
    const giveUp = failures.length > 0 && current.attempts + 1 >= MAX_CHUNK_ATTEMPTS;
    const at = deps.now();
    const decided: ImportRowResult[] = [];
    results.forEach((r, i) => {
      const row = todo[i]!;
      if (!('failed' in r)) decided.push(r);
      else if (giveUp) {
        decided.push({
          row: row.row,
          accountNumber: row.accountNumber,
          outcome: 'rejected',
          errors: [{ row: row.row, column: '', reason: `could not be registered: ${r.failed.message.slice(0, 300)}` }],
        });
      }
    });
    const registered = decided.filter((r) => r.outcome === 'registered').length;
    const rejected = decided.length - registered;
    processed = decided.length;
    if (decided.length > 0) {
      const rows = [...prior, ...decided].sort((x, y) => x.row - y.row);
      const record: ImportResults = { importId, kind: 'chunk', seq, rows, at };
      if (rows.some((r) => r.outcome !== 'registered')) record.errorsOf = importId;
      tx.set(resultsRef(importId, 'chunk', seq), { ...record });
    }
    const advance = failures.length === 0 || giveUp;
    const last = advance && seq + 1 >= current.chunks;
    return {
      done: current.done + processed,
      registered: current.registered + registered,
      rejected: current.rejected + rejected,
      nextChunk: advance ? seq + 1 : seq,
      attempts: advance ? 0 : current.attempts + 1,
      state: last ? 'DONE' : 'RUNNING',
      finishedAt: last ? at : null,
      error: failures.length > 0 ? `Chunk ${seq}: ${failures[0]!.failed.message.slice(0, 300)}` : null,
    };
  });
  if (!finished) return { ...summaryOf(importId, job), processed: 0, busy: true };
  return { ...summaryOf(importId, finished), processed, busy: false };
}

/**
 * The one transaction that ends a chunk: if the lease is still ours, applies `change` (which may write row
 * results through `tx`), releases the lease and returns the job as it now is; otherwise null (someone took over).
 */
async function finishChunk(
  importId: string,
  owner: string,
  deps: ImportDeps,
  change: (job: ImportJob, tx: Tx) => Partial<ImportJob>,
): Promise<ImportJob | null> {
  return runTx(async (tx) => {
    const ref = jobRef(importId);
    const snap = await tx.get(ref);
    const job = snap.data() as ImportJob;
    if (job.lease?.owner !== owner) return null;
    const update: Partial<ImportJob> = { ...change(job, tx), lease: null, updatedAt: deps.now() };
    tx.update(ref, update);
    return { ...job, ...update };
  });
}

/**
 * Runs chunks until the import is done, another runner holds it, `maxChunks` ran, or `budgetMs` is spent
 * (a callable answers in time; a trigger runs one chunk per event).
 */
export async function driveImport(
  importId: string,
  deps: ImportDeps,
  limits: { budgetMs?: number; maxChunks?: number } = {},
): Promise<ChunkResult> {
  const deadline = Date.now() + (limits.budgetMs ?? Number.POSITIVE_INFINITY);
  let last: ChunkResult | null = null;
  for (let n = 0; n < (limits.maxChunks ?? Number.POSITIVE_INFINITY); n++) {
    last = await runImportChunk(importId, deps);
    if (last.state !== 'RUNNING' || last.busy || Date.now() >= deadline) break;
  }
  if (!last) throw new Error('driveImport ran no chunk');
  return last;
}

/**
 * For a trigger on `imports/{importId}` (onDocumentWritten): true when the write finished staging or a chunk
 * (the next chunk should run), false for a runner's own lease claims and for finished jobs.
 */
export function shouldDriveImport(
  before: Partial<ImportJob> | undefined,
  after: Partial<ImportJob> | undefined,
): boolean {
  if (!after || after.state !== 'RUNNING' || after.lease) return false;
  if (!before || before.state !== 'RUNNING') return true;
  return before.nextChunk !== after.nextChunk || before.attempts !== after.attempts;
}

/**
 * For a schedule: running imports that nobody is working on (a runner crashed and its lease ran out, or a trigger
 * event was lost) get their next chunk run, which restarts the trigger chain.
 */
export async function resumeStalledImports(deps: ImportDeps, idleMs = LEASE_MS): Promise<string[]> {
  const snap = await readQuery(firestore().collection(IMPORTS).where('state', '==', 'RUNNING'));
  const now = deps.now();
  const idleBefore = new Date(Date.parse(now) - idleMs).toISOString();
  const stalled = snap.docs
    .filter((d) => {
      const job = d.data() as ImportJob;
      return !leaseActive(job, now) && job.updatedAt < idleBefore;
    })
    .map((d) => d.id);
  for (const id of stalled) await driveImport(id, deps, { maxChunks: 1 });
  return stalled;
}

export async function readImport(importId: string): Promise<ImportJob | null> {
  const snap = await readDoc(jobRef(importId));
  return snap.exists ? (snap.data() as ImportJob) : null;
}

/** Every row's outcome that is recorded so far, in row order (results documents, not one document a row). */
export async function importRowResults(importId: string): Promise<ImportRowResult[]> {
  const snap = await readQuery(firestore().collection(IMPORT_RESULTS).where('importId', '==', importId));
  return snap.docs.flatMap((d) => (d.data() as ImportResults).rows).sort((x, y) => x.row - y.row);
}

/**
 * The per-row error report as CSV (row, column, reason), rows in order, cells made formula-safe. Reads only the
 * results documents that hold a row that was not registered (one equality query: no composite index).
 */
export async function importErrorsCsv(importId: string, job: ImportJob): Promise<string> {
  const lines: (string | number)[][] = [['row', 'column', 'reason']];
  if (job.rejected === 0) return toCsv(lines);
  const snap = await readQuery(firestore().collection(IMPORT_RESULTS).where('errorsOf', '==', importId));
  const rows = snap.docs
    .flatMap((d) => (d.data() as ImportResults).rows)
    .filter((r) => r.outcome !== 'registered')
    .sort((x, y) => x.row - y.row);
  for (const r of rows) {
    for (const e of r.errors ?? [{ row: r.row, column: '', reason: r.outcome }]) {
      lines.push([e.row, e.column, e.reason]);
    }
  }
  return toCsv(lines);
}
