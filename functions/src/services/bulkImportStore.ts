import type { DocumentReference, WriteBatch } from 'firebase-admin/firestore';
import type { ColumnKey } from '../imports/columns';
import type { FileKind, RowError } from '../imports/types';
import type { RegisterRow } from '../imports/validateRows';
import type { Instant } from '../domain/model/time';
import { COL, firestore } from '../data/db';
import { opCount } from '../data/ops';

/**
 * Where bulk imports live (the names are in data/db.ts COL, with every other collection).
 * - `imports/{importId}`: the job (importId = SHA-256 of the file's bytes: the same file is the same import);
 * - `imports/{importId}/chunks/{seq}`: the valid rows, staged in chunks of CHUNK_ROWS, so processing can resume
 *   from Firestore alone after a crash without the file;
 * - `importResults/{importId}_c{seq}`: the outcomes of a chunk's rows, one document per chunk, written with the
 *   chunk's progress; `importResults/{importId}_v{n}`: the rows validation refused, INVALID_ROWS_PER_DOC a
 *   document, written while the file is staged (docs/decisions/0033-import-rows-without-requests.md).
 */
export const IMPORTS = COL.imports;
export const IMPORT_RESULTS = COL.importResults;
export const IMPORT_CHUNKS = COL.importChunks;

/**
 * Valid rows per processing chunk. A chunk's bookkeeping (staging it, claiming it, recording its results and
 * progress) is four writes whatever its size, so bigger chunks cost less per row; a chunk's staged rows and its
 * results are each one document, well under Firestore's 1 MiB at this size, and one trigger event registers it.
 */
export const CHUNK_ROWS = 1000;
/** Rows refused by validation, recorded this many to a results document. */
export const INVALID_ROWS_PER_DOC = 1000;

export type ImportState = 'PARSING' | 'RUNNING' | 'DONE' | 'FAILED';
export type RowOutcome = 'registered' | 'rejected' | 'duplicate';

export interface ImportLease {
  owner: string;
  until: Instant;
}

export interface ImportJob {
  fileName: string;
  kind: FileKind;
  bytes: number;
  /** Data rows in the file (not the header, not blank rows). */
  total: number;
  /** Rows that have a result (registered or not): progress is done of total. */
  done: number;
  registered: number;
  /** Rows not registered: refused by validation (duplicates included) or by registration. */
  rejected: number;
  /** Rows refused by validation, and of them repeats within the file; error entries of validation. */
  invalid: number;
  duplicates: number;
  errors: number;
  state: ImportState;
  createdBy: string;
  createdAt: Instant;
  updatedAt: Instant;
  /** The file's header for each column it has: error reports name columns as the user wrote them. */
  columns: Partial<Record<ColumnKey, string>>;
  chunkRows: number;
  chunks: number;
  nextChunk: number;
  lastRow: number;
  /** Who is working on the job now (staging or a chunk), until when: two runners never count a row twice. */
  lease: ImportLease | null;
  /** Failed attempts at the current chunk. */
  attempts: number;
  error: string | null;
  finishedAt: Instant | null;
}

export interface StagedRow extends RegisterRow {
  row: number;
}

export interface StagedChunk {
  seq: number;
  rows: StagedRow[];
}

/** One row's outcome, as the error report and a reader of the import see it. */
export interface ImportRowResult {
  row: number;
  accountNumber: string | null;
  outcome: RowOutcome;
  caseId?: string;
  errors?: RowError[];
}

/** The outcomes of a set of rows: a processing chunk's, or a batch of the rows validation refused. */
export interface ImportResults {
  importId: string;
  kind: 'chunk' | 'invalid';
  seq: number;
  rows: ImportRowResult[];
  /** The import id, only on documents with a row that was not registered: the error report reads only those. */
  errorsOf?: string;
  at: Instant;
}

export const jobRef = (importId: string) => firestore().collection(IMPORTS).doc(importId);
export const chunkRef = (importId: string, seq: number) =>
  jobRef(importId).collection(IMPORT_CHUNKS).doc(String(seq).padStart(6, '0'));
export const resultsRef = (importId: string, kind: ImportResults['kind'], seq: number) =>
  firestore()
    .collection(IMPORT_RESULTS)
    .doc(`${importId}_${kind === 'chunk' ? 'c' : 'v'}${String(seq).padStart(6, '0')}`);
/** Write batches of at most `maxOps` (Firestore allows 500), counted as data/ops.ts counts everything else. */
export class CountedBatches {
  private batch: WriteBatch = firestore().batch();
  private ops = 0;
  private weight = 0;

  constructor(
    private readonly maxOps = 450,
    /** Rough payload bound per batch (a commit is limited to 10 MiB). */
    private readonly maxWeight = 4 * 1024 * 1024,
  ) {}

  async set(ref: DocumentReference, data: object, weight = 512): Promise<void> {
    this.batch.set(ref, data);
    this.ops += 1;
    this.weight += weight;
    if (this.ops >= this.maxOps || this.weight >= this.maxWeight) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.ops === 0) return;
    const batch = this.batch;
    const ops = this.ops;
    this.batch = firestore().batch();
    this.ops = 0;
    this.weight = 0;
    await batch.commit();
    opCount.writes += ops;
  }
}

/** Firestore's ALREADY_EXISTS, from a create() of a document that exists. */
export function isAlreadyExists(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === 6 || e?.code === 'already-exists' || /already exists/i.test(String(e?.message ?? ''));
}
