import { importErrorsCsv, importStatus, resumeImport, uploadImport } from './bulkImport';
import { listSourceProblems } from './sourceProblems';

/** Bulk registration's handlers, and the source systems' problems, by name. */
export const IMPORTS_OPERATIONS = { uploadImport, importStatus, importErrorsCsv, resumeImport, listSourceProblems };
