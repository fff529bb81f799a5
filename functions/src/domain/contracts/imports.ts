import { z } from 'zod';
import { IMPORT_READ_ROLES, IMPORT_UPLOAD_ROLES, SOURCE_PROBLEM_ROLES } from '../policy/operationRoles';
import { defineContract } from './define';

/**
 * Bulk registration (a file of cases, registered chunk by chunk and followed to the end) and what the source
 * systems sent that needs a person.
 */

/** The import id is the SHA-256 of the file's bytes: the same file is the same import whatever its name. */
export const importId = z.string().regex(/^[0-9a-f]{64}$/, 'is not an import id');

export const uploadImportInput = z.strictObject({
  fileName: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  contentBase64: z.string().min(1, 'is required'),
});

export const importIdInput = z.strictObject({ importId });

/** An import's progress as the officer's screen shows it. */
export const importSummary = z.object({
  importId: z.string(),
  fileName: z.string(),
  kind: z.string(),
  state: z.enum(['PARSING', 'RUNNING', 'DONE', 'FAILED']),
  total: z.number().int(),
  done: z.number().int(),
  registered: z.number().int(),
  rejected: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  /** Validation error entries ({row, column, reason}) found in the file. */
  errors: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  error: z.string().nullable(),
});

/** What each import operation adds to the summary; the screen keeps one view of all three answers. */
export const importView = importSummary.extend({
  /** The same file was uploaded before: nothing new was created. */
  existing: z.boolean().optional(),
  percent: z.number().int().optional(),
  /** Another runner holds the import: this call did nothing. */
  busy: z.boolean().optional(),
});
export type ImportView = z.infer<typeof importView>;

// Registration reads the source systems: the long import operations are bound to the gateway's token.
const LONG = { timeoutSeconds: 300, memory: '1GiB', secrets: ['SOURCE_TOKEN'] } as const;

export const uploadImport = defineContract({
  name: 'uploadImport',
  area: 'imports',
  summary: 'Register cases in bulk from a CSV or .xlsx file (base64), registering as much as fits in the call.',
  description:
    'The file is checked as a whole first: a file that cannot be read is refused and nothing is written. Uploading the same file again answers the same import and creates nothing.',
  roles: IMPORT_UPLOAD_ROLES,
  input: uploadImportInput,
  output: importSummary.extend({ existing: z.boolean() }),
  runtime: LONG,
});

export const importStatus = defineContract({
  name: 'importStatus',
  area: 'imports',
  summary: 'An import’s progress: rows done of total, registered and rejected so far.',
  roles: IMPORT_READ_ROLES,
  input: importIdInput,
  output: importSummary.extend({ percent: z.number().int() }),
});

export const importErrorsCsv = defineContract({
  name: 'importErrorsCsv',
  area: 'imports',
  summary: 'An import’s per-row error report (row, column, reason) as CSV text, safe to open in a spreadsheet.',
  roles: IMPORT_READ_ROLES,
  input: importIdInput,
  output: z.object({ importId: z.string(), fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  runtime: { timeoutSeconds: 120, memory: '512MiB' },
});

export const resumeImport = defineContract({
  name: 'resumeImport',
  area: 'imports',
  summary: 'Continue an import for a while (a client that sees no progress calls it until the import is DONE).',
  roles: IMPORT_UPLOAD_ROLES,
  input: importIdInput,
  output: importSummary.extend({ busy: z.boolean() }),
  runtime: LONG,
});

/** A source change that needs a person: parked FAILED after its last attempt, or a payment for an account with no case. */
export const sourceProblem = z.object({
  id: z.string(),
  state: z.enum(['FAILED', 'NO_OPEN_CASE']),
  kind: z.string(),
  source: z.string(),
  accountNumber: z.string(),
  /** For a payment: its amount and the source's payment id. */
  amountCents: z.number().int().nullable(),
  paymentId: z.string().nullable(),
  reason: z.string(),
  attempts: z.number().int(),
  receivedAt: z.string(),
});

/** Money a case holds as a credit (more than was due, a closed case, a case that takes no payments). */
export const sourceCredit = z.object({
  reference: z.string(),
  caseId: z.string(),
  amountCents: z.number().int(),
  creditCents: z.number().int(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
});

export const sourceProblemsOutput = z.object({ items: z.array(sourceProblem), credits: z.array(sourceCredit) });
export type SourceProblem = z.infer<typeof sourceProblem>;
export type SourceCredit = z.infer<typeof sourceCredit>;
export type SourceProblemsOutput = z.infer<typeof sourceProblemsOutput>;

export const listSourceProblems = defineContract({
  name: 'listSourceProblems',
  area: 'imports',
  summary: 'What the source systems sent that needs a person: failed changes, payments without a case, credits.',
  description:
    'Changes parked FAILED after their last attempt, payments for accounts without any case, and the money cases hold as credits to refund or re-allocate. Newest last, at most 100 of each.',
  roles: SOURCE_PROBLEM_ROLES,
  input: z.strictObject({}),
  output: sourceProblemsOutput,
});

export const IMPORTS_CONTRACTS = [
  uploadImport,
  importStatus,
  importErrorsCsv,
  resumeImport,
  listSourceProblems,
] as const;
