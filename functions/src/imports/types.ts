/**
 * Shapes shared by the bulk-import pipeline. Pure TypeScript: no Firebase here, so the whole
 * pipeline (read, map columns, validate, de-duplicate, plan assignment) runs in unit tests and benchmarks.
 */

/** One row of the uploaded sheet as text cells, numbered as a spreadsheet shows it (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
  /** The reader saw something malformed in this row (e.g. text after a closing quote) but kept its cells. */
  problem?: string;
}

/** One reason a row cannot be registered, as the downloadable report lists it. */
export interface RowError {
  row: number;
  /** The column's header as written in the file; '' when the reason is about the whole row. */
  column: string;
  reason: string;
}

/** A whole-file refusal: nothing of the file is registered and nothing is written. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** The readers give rows in batches (one per input chunk), so a large file never sits in memory as rows. */
export type RowBatches = AsyncIterable<SheetRow[]>;

export type FileKind = 'csv' | 'xlsx';
