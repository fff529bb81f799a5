/** Bulk registration's pure pipeline: readers, column mapping, validation, assignment preview. */
export { AssignmentPlanner } from './assignmentPlan';
export {
  FIXED_COLUMNS,
  mapColumns,
  normaliseHeader,
  type ColumnMap,
  type ImportCaseType,
  type ImportSchema,
} from './columns';
export { CsvParser, MAX_ROW_CHARS, readCsv } from './csvReader';
export { DATE_FORMATS_HINT, parseDate } from './dates';
export { openSheet, piecesOf, type ByteSource } from './openSheet';
export { runPipeline, type PipelineResult, type PlanOptions } from './pipeline';
export { ImportFileError, type FileKind, type RowError, type SheetRow } from './types';
export { decodeUtf8, firstInvalidUtf8 } from './utf8';
export {
  FORMULA_REASON,
  RowValidator,
  validateRows,
  type RegisterRow,
  type RowVerdict,
  type ValidationStats,
} from './validateRows';
export { readXlsx } from './xlsxReader';
