import type { FieldDef } from '../domain/lifecycle/types';
import { ImportFileError, type SheetRow } from './types';

/** What the import needs to know about each case type an upload may name. */
export interface ImportCaseType {
  id: string;
  name: string;
  creationFields: FieldDef[];
}

export interface ImportSchema {
  caseTypes: ImportCaseType[];
  /** The case type of rows that name none. */
  defaultCaseType: string;
}

export type ColumnKey = 'accountNumber' | 'requiredAction' | 'caseType' | `field:${string}`;

/** Which column of the file holds what, and each column's header as the user wrote it. */
export interface ColumnMap {
  headerRow: number;
  /** Per cell index: what the column holds, or null for a column without a header. */
  keys: (ColumnKey | null)[];
  /** The header text of each mapped column, for error reports. */
  headers: Partial<Record<ColumnKey, string>>;
}

/** Header names compare without case, spaces, underscores, hyphens, dots or camelCase: "Account_No." = "account no". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-.:#/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const FIXED_COLUMNS: { key: ColumnKey; label: string; names: string[]; required: boolean }[] = [
  {
    key: 'accountNumber',
    label: 'Account number',
    names: ['account', 'account number', 'account no', 'account num', 'acct', 'acct no'],
    required: true,
  },
  { key: 'requiredAction', label: 'Required action', names: ['action', 'required action'], required: true },
  { key: 'caseType', label: 'Case type', names: ['case type', 'case type id'], required: false },
];

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Every header name DebtX reads, normalised, to its column key. */
export function knownHeaders(schema: ImportSchema): Map<string, ColumnKey> {
  const known = new Map<string, ColumnKey>();
  for (const c of FIXED_COLUMNS) for (const n of c.names) known.set(n, c.key);
  for (const t of schema.caseTypes) {
    for (const f of t.creationFields) {
      const key: ColumnKey = `field:${f.name}`;
      for (const n of [normaliseHeader(f.name), normaliseHeader(f.label)]) if (!known.has(n)) known.set(n, key);
    }
  }
  return known;
}

/**
 * Maps the header row to columns. Refuses the file (nothing is registered) when a required column is missing,
 * a column is unknown (its data would be silently ignored) or named twice.
 */
export function mapColumns(header: SheetRow, schema: ImportSchema, known = knownHeaders(schema)): ColumnMap {
  const keys: (ColumnKey | null)[] = [];
  const headers: Partial<Record<ColumnKey, string>> = {};
  const problems: string[] = [];
  header.cells.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') {
      keys.push(null);
      return;
    }
    const key = known.get(normaliseHeader(text));
    if (!key) {
      problems.push(`unknown column "${text}" (column ${columnLetter(i)})`);
      keys.push(null);
      return;
    }
    if (headers[key] !== undefined) {
      problems.push(`column "${text}" (column ${columnLetter(i)}) repeats "${headers[key]}"`);
      keys.push(null);
      return;
    }
    headers[key] = text;
    keys.push(key);
  });
  for (const c of FIXED_COLUMNS) {
    if (c.required && headers[c.key] === undefined) {
      problems.unshift(`missing column "${c.label}" (accepted names: ${c.names.join(', ')})`);
    }
  }
  if (problems.length > 0) {
    const fields = [...new Set(schema.caseTypes.flatMap((t) => t.creationFields.map((f) => f.label)))];
    throw new ImportFileError(
      `The header row (row ${header.row}) does not match: ${problems.join('; ')}. ` +
        `Columns read: Account number, Required action, Case type (optional)` +
        (fields.length ? `, and case-type fields (${fields.join(', ')})` : '') +
        '.',
    );
  }
  return { headerRow: header.row, keys, headers };
}
