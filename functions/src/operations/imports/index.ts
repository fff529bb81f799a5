import * as bulkImport from './bulkImport';
import * as sourceProblems from './sourceProblems';

/** Bulk registration's handlers, and the source systems' problems, by name (each module exports only operations). */
export const IMPORTS_OPERATIONS = { ...bulkImport, ...sourceProblems };
