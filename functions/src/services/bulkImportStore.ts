import type { DocumentReference, WriteBatch } from 'firebase-admin/firestore';
import type { ColumnKey } from '../imports/columns';
import type { FileKind, RowError } from '../imports/types';
import type { RegisterRow } from '../imports/validateRows';
import type { Instant } from '../domain/model/time';
import { firestore } from '../data/db';
import { opCount } from '../data/ops';

/**
 * Where bulk imports live. Own constants rather than data/db.ts's COL: the import is one module.
 * - `imports/{importId}`: the job (importId = SHA-256 of the file's bytes: the same file is the same import);
 * - `imports/{importId}/chunks/{seq}`: the valid rows, staged in chunks of CHUNK_ROWS, so processing can resume
 *   from Firestore alone after a crash without the file;
 * - `importRows/{importId}_{row}`: one result per row, written once the row is decided.
 */
export const IMPORTS = 'imports';
export const IMPORT_ROWS = 'importRows';
export const IMPORT_CHUNKS = 'chunks';

/** Valid rows per processing chunk: one transaction records a chunk's results and progress (≤ 500 writes). */
export const CHUNK_ROWS = 200;
/** Result documents are grouped by row number in blocks, so the error report pages with equality queries only. */
export const ERROR_BLOCK_ROWS = 1000;

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

export interface ImportRowResult {
  importId: string;
  row: number;
  accountNumber: string | null;
  outcome: RowOutcome;
  caseId?: string;
  requestId?: string;
  errors?: RowError[];
  /** `${importId}#${seq}` on rows of a processing chunk: which of a chunk's rows are already done. */
  chunkKey?: string;
  /** `${importId}#${block}` on rows not registered: the error report reads only these. */
  errorBlock?: string;
  at: Instant;
}

export const jobRef = (importId: string) => firestore().collection(IMPORTS).doc(importId);
export const chunkRef = (importId: string, seq: number) =>
  jobRef(importId).collection(IMPORT_CHUNKS).doc(String(seq).padStart(6, '0'));
export const rowRef = (importId: string, row: number) => firestore().collection(IMPORT_ROWS).doc(`${importId}_${row}`);
export const chunkKeyOf = (importId: string, seq: number) => `${importId}#${seq}`;
export const errorBlockOf = (importId: string, row: number) => `${importId}#${Math.floor(row / ERROR_BLOCK_ROWS)}`;

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
