import { REQUIRED_ACTIONS, type RequiredAction } from '../domain/model/case';
import type { FieldDef } from '../domain/lifecycle/types';
import { columnLetter, mapColumns, knownHeaders, type ColumnMap, type ImportSchema } from './columns';
import { DATE_FORMATS_HINT, parseDate } from './dates';
import { ImportFileError, type RowBatches, type RowError, type SheetRow } from './types';

/** A row ready to register: exactly the payload of a registerCase request. */
export interface RegisterRow {
  accountNumber: string;
  requiredAction: RequiredAction;
  caseType?: string;
  fields?: Record<string, string | number | boolean>;
}

export type RowVerdict =
  | { row: number; ok: true; payload: RegisterRow }
  | { row: number; ok: false; outcome: 'rejected' | 'duplicate'; accountNumber: string | null; errors: RowError[] };

export interface ValidationStats {
  /** Data rows (not the header, not blank rows). */
  total: number;
  valid: number;
  /** Rows refused by validation, duplicates included. */
  invalid: number;
  duplicates: number;
  /** Error entries (a row may have several). */
  errors: number;
  lastRow: number;
}

export const FORMULA_REASON = 'looks like a spreadsheet formula (starts with =, +, - or @); type it as plain text';

const ACTION_NAMES = new Map<string, RequiredAction>([
  ['arrears', 'arrears'],
  ['cpe', 'cpe'],
  ['arrears_cpe', 'arrears_cpe'],
  ['arrears cpe', 'arrears_cpe'],
  ['collect arrears', 'arrears'],
  ['collect cpe', 'cpe'],
  ['collect cpe only', 'cpe'],
  ['collect arrears and cpe', 'arrears_cpe'],
  ['arrears and cpe', 'arrears_cpe'],
  ['arrears & cpe', 'arrears_cpe'],
]);

const norm = (s: string) => s.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

const ACCOUNT = /^\d{10}$/;

/** =, +, - or @ first (after spaces): a spreadsheet would run the cell as a formula. */
function looksLikeFormula(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 61 || c === 43 || c === 45 || c === 64;
  }
  return false;
}

/** Where each column the validator reads sits in a row (-1: not in the file). */
interface Layout {
  account: number;
  action: number;
  caseType: number;
  fields: { index: number; name: string; header: string }[];
}

/**
 * Validates an upload row by row: the first non-blank row is the header, every other row is checked on its own
 * (formulas, account number, required action, case type, case-type fields, dates in three forms) and then
 * against the rows before it (the same account, action and case type twice: the later row is a duplicate).
 * Holds nothing per row but one de-duplication key, so 100,000 rows stream through in little memory.
 */
export class RowValidator {
  columns: ColumnMap | null = null;
  readonly stats: ValidationStats = { total: 0, valid: 0, invalid: 0, duplicates: 0, errors: 0, lastRow: 0 };
  /** De-duplication key → first row. Keys of DebtX rows are numbers (account × 4 + action): ~40 bytes a row. */
  private readonly seen = new Map<string | number, number>();
  private readonly known;
  private readonly types;
  private readonly typesByName;
  private layout: Layout = { account: -1, action: -1, caseType: -1, fields: [] };

  constructor(private readonly schema: ImportSchema) {
    this.known = knownHeaders(schema);
    this.types = new Map(schema.caseTypes.map((t) => [t.id, t]));
    this.typesByName = new Map(schema.caseTypes.map((t) => [norm(t.name), t]));
  }

  check(batch: SheetRow[]): RowVerdict[] {
    const out: RowVerdict[] = [];
    for (const r of batch) {
      if (!this.columns) {
        this.columns = mapColumns(r, this.schema, this.known);
        const keys = this.columns.keys;
        this.layout = {
          account: keys.indexOf('accountNumber'),
          action: keys.indexOf('requiredAction'),
          caseType: keys.indexOf('caseType'),
          fields: keys.flatMap((k, index) =>
            k?.startsWith('field:') ? [{ index, name: k.slice(6), header: this.columns!.headers[k]! }] : [],
          ),
        };
        continue;
      }
      if (r.cells.every((c) => c.trim() === '')) continue;
      const verdict = this.checkRow(r, this.columns);
      this.stats.total += 1;
      this.stats.lastRow = r.row;
      if (verdict.ok) this.stats.valid += 1;
      else {
        this.stats.invalid += 1;
        this.stats.errors += verdict.errors.length;
        if (verdict.outcome === 'duplicate') this.stats.duplicates += 1;
      }
      out.push(verdict);
    }
    return out;
  }

  /** After the last batch: a file without a header or without rows is refused as a whole. */
  finish(): ValidationStats {
    if (!this.columns) throw new ImportFileError('The file has no header row (it is empty or blank).');
    if (this.stats.total === 0) throw new ImportFileError('The file has a header row but no rows to register.');
    return this.stats;
  }

  private checkRow(r: SheetRow, map: ColumnMap): RowVerdict {
    // No closures here: a row is checked in a couple of microseconds, and closures per row would double that.
    const errors: RowError[] = [];
    const row = r.row;
    if (r.problem) errors.push({ row, column: '', reason: r.problem });
    const cells = r.cells;
    const L = this.layout;
    // Cells refused as formulas are not checked further (one reason per cell is enough).
    let formulas: Set<number> | null = null;
    for (let i = 0; i < cells.length; i++) {
      const raw = cells[i]!;
      if (raw.length === 0) continue;
      const key = map.keys[i];
      if (key === undefined || key === null) {
        if (raw.trim() !== '')
          errors.push({
            row,
            column: `(column ${columnLetter(i)})`,
            reason: 'has a value in a column without a header',
          });
      } else if (looksLikeFormula(raw)) {
        errors.push({ row, column: map.headers[key]!, reason: FORMULA_REASON });
        (formulas ??= new Set()).add(i);
      }
    }

    const accountHeader = map.headers.accountNumber ?? 'Account number';
    const account = cellAt(cells, L.account, formulas);
    if (!refused(formulas, L.account)) {
      if (account === '') errors.push({ row, column: accountHeader, reason: 'is required' });
      else if (!ACCOUNT.test(account)) {
        errors.push({
          row,
          column: accountHeader,
          reason: /^\d{1,9}$/.test(account)
            ? 'must be exactly 10 digits (e.g. 0041234567); leading zeros are lost when a spreadsheet stores it as a number: format the column as Text'
            : 'must be exactly 10 digits (e.g. 0041234567)',
        });
      }
    }

    const actionText = cellAt(cells, L.action, formulas);
    const action = ACTION_NAMES.get(actionText) ?? ACTION_NAMES.get(norm(actionText));
    if (!action && !refused(formulas, L.action)) {
      errors.push({
        row,
        column: map.headers.requiredAction ?? 'Required action',
        reason: actionText === '' ? 'is required' : `must be one of ${REQUIRED_ACTIONS.join(', ')}`,
      });
    }

    const typeText = cellAt(cells, L.caseType, formulas);
    const type =
      typeText === ''
        ? this.types.get(this.schema.defaultCaseType)
        : (this.types.get(typeText) ?? this.typesByName.get(norm(typeText)));
    if (!type && !refused(formulas, L.caseType))
      errors.push({ row, column: map.headers.caseType ?? 'Case type', reason: `is not a case type ("${typeText}")` });

    let fields: Record<string, string | number | boolean> | undefined;
    if (type) {
      const own = type.creationFields;
      for (const col of L.fields) {
        const text = cellAt(cells, col.index, formulas);
        if (text === '') continue;
        const def = own.find((f) => f.name === col.name);
        if (!def) {
          errors.push({
            row,
            column: col.header,
            reason: `is not a field of case type ${type.name}; leave it empty on this row`,
          });
          continue;
        }
        const parsed = parseField(def, text);
        if ('error' in parsed) errors.push({ row, column: col.header, reason: parsed.error });
        else (fields ??= {})[col.name] = parsed.value;
      }
      for (const def of own) {
        if (!def.required) continue;
        const col = L.fields.find((f) => f.name === def.name);
        if (col && (refused(formulas, col.index) || cellAt(cells, col.index, formulas) !== '')) continue;
        errors.push({
          row,
          column: col?.header ?? def.label,
          reason: col
            ? `is required for case type ${type.name}`
            : `is required for case type ${type.name}: add a column "${def.label}"`,
        });
      }
    }

    const accountNumber = ACCOUNT.test(account) ? account : account === '' ? null : account.slice(0, 40);
    if (errors.length > 0 || !action || !type) {
      return { row: r.row, ok: false, outcome: 'rejected', accountNumber, errors };
    }

    const isDefault = type.id === this.schema.defaultCaseType;
    const dedupeKey = isDefault
      ? Number(account) * 4 + REQUIRED_ACTIONS.indexOf(action)
      : `${type.id}|${account}|${action}`;
    const first = this.seen.get(dedupeKey);
    if (first !== undefined) {
      return {
        row: r.row,
        ok: false,
        outcome: 'duplicate',
        accountNumber,
        errors: [
          {
            row: r.row,
            column: accountHeader,
            reason: `repeats row ${first} (the same account and required action${isDefault ? '' : ' and case type'}); only row ${first} is registered`,
          },
        ],
      };
    }
    this.seen.set(dedupeKey, r.row);
    const payload: RegisterRow = { accountNumber: account, requiredAction: action };
    if (typeText !== '') payload.caseType = type.id;
    if (fields) payload.fields = fields;
    return { row: r.row, ok: true, payload };
  }
}

/** Was the cell refused as a formula? */
function refused(formulas: Set<number> | null, i: number): boolean {
  return formulas !== null && formulas.has(i);
}

/** A cell's trimmed text; '' when the column is absent or the cell was refused as a formula. */
function cellAt(cells: string[], i: number, formulas: Set<number> | null): string {
  return i < 0 || i >= cells.length || refused(formulas, i) ? '' : cells[i]!.trim();
}

type Parsed = { value: string | number | boolean } | { error: string };

/** A case-type field's cell, by the field's type (the engine checks the values again when the case is built). */
export function parseField(def: FieldDef, text: string): Parsed {
  switch (def.type) {
    case 'date': {
      const date = parseDate(text);
      return date ? { value: date } : { error: `is not a date in the form ${DATE_FORMATS_HINT}` };
    }
    case 'amount': {
      const t = text.replace(/^(LKR|Rs\.?)\s*/i, '');
      if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t))
        return { error: 'must be an amount in rupees, e.g. 12,500.00' };
      const [whole, cents = ''] = t.replace(/,/g, '').split('.');
      return { value: Number(whole) * 100 + Number(cents.padEnd(2, '0')) };
    }
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (['true', 'yes', 'y', '1'].includes(t)) return { value: true };
      if (['false', 'no', 'n', '0'].includes(t)) return { value: false };
      return { error: 'must be yes or no' };
    }
    case 'choice': {
      const choice = (def.choices ?? []).find((c) => norm(c) === norm(text));
      return choice ? { value: choice } : { error: `must be one of ${(def.choices ?? []).join(', ')}` };
    }
    default:
      return text.length > 2000 ? { error: 'must be at most 2000 characters' } : { value: text };
  }
}

/** Streams verdicts batch by batch; `validator.stats` holds the totals once the stream ends. */
export async function* validateRows(rows: RowBatches, validator: RowValidator): AsyncGenerator<RowVerdict[]> {
  for await (const batch of rows) {
    const verdicts = validator.check(batch);
    if (verdicts.length) yield verdicts;
  }
  validator.finish();
}
