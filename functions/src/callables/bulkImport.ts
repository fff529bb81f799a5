import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { accountSource, nowIso, REGION, SOURCE_TOKEN } from '../config';
import type { Role } from '../domain/model/roles';
import { ImportFileError } from '../imports/types';
import {
  driveImport,
  importErrorsCsv,
  MAX_IMPORT_BYTES,
  readImport,
  startImport,
  summaryOf,
  type ImportDeps,
  type ImportSummary,
  type StartResult,
} from '../services/bulkImport';
import { callerActor, parseInput } from '../api/caller';

/** Who may upload (register cases in bulk), and who may follow an import and read its error report. */
export const IMPORT_UPLOAD_ROLES: readonly Role[] = ['recovery_officer', 'supervisor'];
export const IMPORT_READ_ROLES: readonly Role[] = ['recovery_officer', 'supervisor', 'auditor'];

/** A callable keeps registering chunks for this long before answering; the rest is driven elsewhere. */
export const INLINE_BUDGET_MS = 20_000;

const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
const importId = z.string().regex(/^[0-9a-f]{64}$/, 'is not an import id');

const uploadInput = z.strictObject({
  fileName: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  contentBase64: z.string().min(1, 'is required'),
});

const byId = z.strictObject({ importId });

export const importDeps = (): ImportDeps => ({ source: accountSource(), now: nowIso });

async function allow(request: Pick<CallableRequest, 'auth'>, roles: readonly Role[], what: string) {
  const actor = await callerActor(request);
  if (actor.role === 'system' || !roles.includes(actor.role)) {
    throw new HttpsError('permission-denied', `A ${actor.role} may not ${what}.`);
  }
  return actor;
}

function decodeUpload(contentBase64: string): Buffer {
  const body = contentBase64.startsWith('data:') ? contentBase64.slice(contentBase64.indexOf(',') + 1) : contentBase64;
  if (body.length > MAX_BASE64 + 4) {
    throw new HttpsError('invalid-argument', 'The file is larger than 10 MB; split it into smaller files.');
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw new HttpsError('invalid-argument', 'Please correct: contentBase64 is not base64.', {
      fields: { contentBase64: 'is not base64' },
    });
  }
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new HttpsError('invalid-argument', 'The file is larger than 10 MB; split it into smaller files.');
  }
  return bytes;
}

/**
 * Uploads a CSV or .xlsx file of cases to register: the file is validated as a whole first (a file that
 * cannot be read is refused and nothing is written), then registration runs chunk by chunk for up to
 * INLINE_BUDGET_MS here (a small file finishes before the answer); the import's trigger drives the rest.
 * Uploading the same file again returns the same import and creates nothing.
 */
export async function uploadImportHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
  deps: ImportDeps = importDeps(),
): Promise<StartResult> {
  const actor = await allow(request, IMPORT_UPLOAD_ROLES, 'register cases in bulk');
  const body = parseInput(uploadInput, request.data);
  const bytes = decodeUpload(body.contentBase64);
  let started: StartResult;
  try {
    started = await startImport(bytes, body.fileName, { uid: actor.uid }, deps);
  } catch (error) {
    if (error instanceof ImportFileError) throw new HttpsError('invalid-argument', error.message);
    throw error;
  }
  if (started.state !== 'RUNNING') return started;
  const progressed = await driveImport(started.importId, deps, { budgetMs: INLINE_BUDGET_MS });
  const { processed: _processed, busy: _busy, ...summary } = progressed;
  return { ...summary, existing: started.existing };
}

/** An import's progress: rows done of total, registered and rejected so far. */
export async function importStatusHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<ImportSummary & { percent: number }> {
  await allow(request, IMPORT_READ_ROLES, 'see bulk imports');
  const { importId: id } = parseInput(byId, request.data);
  const job = await readImport(id);
  if (!job) throw new HttpsError('not-found', `No import ${id}.`);
  const summary = summaryOf(id, job);
  return { ...summary, percent: job.total === 0 ? 100 : Math.floor((job.done / job.total) * 100) };
}

/** The per-row error report (row, column, reason) as CSV text, safe to open in a spreadsheet. */
export async function importErrorsCsvHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<{ importId: string; fileName: string; csv: string; rows: number }> {
  await allow(request, IMPORT_READ_ROLES, 'see bulk imports');
  const { importId: id } = parseInput(byId, request.data);
  const job = await readImport(id);
  if (!job) throw new HttpsError('not-found', `No import ${id}.`);
  const csv = await importErrorsCsv(id, job);
  return { importId: id, fileName: `${job.fileName.replace(/\.[^.]*$/, '')}-errors.csv`, csv, rows: job.rejected };
}

/**
 * Continues an import for up to INLINE_BUDGET_MS (a client that sees no progress, or a local stack without
 * the job trigger, calls it until the import is DONE).
 */
export async function resumeImportHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
  deps: ImportDeps = importDeps(),
): Promise<ImportSummary & { busy: boolean }> {
  await allow(request, IMPORT_UPLOAD_ROLES, 'register cases in bulk');
  const { importId: id } = parseInput(byId, request.data);
  const job = await readImport(id);
  if (!job) throw new HttpsError('not-found', `No import ${id}.`);
  if (job.state === 'PARSING' && (!job.lease || job.lease.until <= deps.now())) {
    throw new HttpsError('failed-precondition', 'Reading the file was interrupted; upload the same file again.');
  }
  if (job.state !== 'RUNNING') return { ...summaryOf(id, job), busy: false };
  const { processed: _processed, ...rest } = await driveImport(id, deps, { budgetMs: INLINE_BUDGET_MS });
  return rest;
}

// Registration reads the source systems, so the long-running import callables are bound to their token.
const LONG = { region: REGION, timeoutSeconds: 300, memory: '1GiB' as const, secrets: [SOURCE_TOKEN] };
export const uploadImport = onCall(LONG, (request) => uploadImportHandler(request));
export const importStatus = onCall({ region: REGION }, importStatusHandler);
export const importErrorsCsvFn = onCall(
  { region: REGION, timeoutSeconds: 120, memory: '512MiB' },
  importErrorsCsvHandler,
);
export const resumeImport = onCall(LONG, (request) => resumeImportHandler(request));
