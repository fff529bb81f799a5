import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CsvFileError, readCsvRecords, type CsvRowProblem } from './csvRecords';
import { mergeSourceRecords, parseBss, parseCrm, parseOss, problemsReason, type Parsed } from './recordSchemas';
import type { AccountSource, SourceLookup } from './types';

/**
 * The file-drop connector: the source systems export to a folder, one file each, and lookups read an index.
 *
 *   bss.jsonl | bss.csv   billing: account status and products with arrears
 *   oss.jsonl | oss.csv   network: CPE items, each on a product
 *   crm.jsonl | crm.csv   the customer
 *
 * JSON lines: one record per account per line, the same shapes the HTTP connector reads (recordSchemas.ts):
 *   {"accountNumber":"0012345678","accountStatus":"suspended","products":[{"productId":"P1","kind":"Fibre",
 *    "status":"suspended","arrears":"12,345.67"}]}
 *   {"accountNumber":"0012345678","cpe":[{"itemId":"E1","productId":"P1","kind":"ONT","serialNumber":"SN1"}]}
 *   {"accountNumber":"0012345678","name":"...","phone":"...","email":null,"address":"...","city":"...",
 *    "region":"...","nic":null,"language":"si"}
 * CSV, with a header row (names matched ignoring case, spaces, `_` and `-`): one row per product in bss.csv
 *   (accountNumber, accountStatus, productId, kind, status, arrears or arrearsCents; a row with no productId is
 *   an account without products), one row per CPE item in oss.csv (accountNumber, itemId, productId, kind,
 *   serialNumber), one row per account in crm.csv (accountNumber, name, phone, email, address, city, region,
 *   nic, language). Empty cells are absent values.
 *
 * Each file is indexed by account number on first use and again whenever its modification time or size
 * changes, so a lookup is a map read. Exporters should write a new file and rename it into place, so a
 * lookup never reads a half-written export.
 *
 * Safety: a lookup only answers `found` when every file could be read for that account. A broken file (a
 * quote never closed, a missing column), a record listed twice, or a line whose account cannot be read
 * while the account is absent, all make the lookup `failed`, with the file and row in the reason, so a
 * registration never builds a case from half the account's data.
 */

export const SYSTEMS = ['bss', 'oss', 'crm'] as const;
type System = (typeof SYSTEMS)[number];
const LABEL: Record<System, 'BSS' | 'OSS' | 'CRM'> = { bss: 'BSS', oss: 'OSS', crm: 'CRM' };

interface Entry {
  raw: Record<string, unknown>;
  /** Rows or lines the record came from, for the reasons. */
  rows: number[];
  problems: string[];
  /** Set when the account has more than one record where one is expected (JSON lines; CRM rows). */
  duplicated?: boolean;
}

interface SystemIndex {
  system: System;
  file: string | null;
  stamp: string;
  entries: Map<string, Entry>;
  /** Rows or lines whose account could not be read: an account absent from the index may be in one of them. */
  unattributed: string[];
  /** The file as a whole is unusable: every lookup fails with this. */
  fatal: string | null;
  records: number;
}

/** CSV columns per system (the record field they fill) and which must be present. */
const CSV_COLUMNS: Record<System, { fields: string[]; required: string[][] }> = {
  bss: {
    fields: ['accountNumber', 'accountStatus', 'productId', 'kind', 'status', 'arrears', 'arrearsCents'],
    required: [['accountNumber'], ['accountStatus'], ['productId'], ['kind'], ['status'], ['arrears', 'arrearsCents']],
  },
  oss: {
    fields: ['accountNumber', 'itemId', 'productId', 'kind', 'serialNumber'],
    required: [['accountNumber'], ['itemId'], ['productId'], ['kind'], ['serialNumber']],
  },
  crm: {
    fields: ['accountNumber', 'name', 'phone', 'email', 'address', 'city', 'region', 'nic', 'language'],
    required: [['accountNumber'], ['name'], ['phone'], ['address'], ['city'], ['region']],
  },
};

const normaliseHeader = (h: string) => h.toLowerCase().replace(/[\s_-]/g, '');

function rowsText(file: string, rows: number[], unit: 'row' | 'line'): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  return `${file} ${unit}${sorted.length === 1 ? '' : 's'} ${sorted.join(', ')}`;
}

const emptyIndex = (system: System, stamp: string, fatal: string | null, file: string | null = null): SystemIndex => ({
  system,
  file,
  stamp,
  entries: new Map(),
  unattributed: [],
  fatal,
  records: 0,
});

export interface FileDropStatus {
  dir: string;
  systems: Record<System, { file: string | null; accounts: number; records: number; problems: string[] }>;
}

export class FileDropSource implements AccountSource {
  readonly name = 'file';
  private readonly indexes = new Map<System, SystemIndex>();
  private readonly building = new Map<System, Promise<SystemIndex>>();

  constructor(readonly dir: string) {}

  async lookup(accountNumber: string): Promise<SourceLookup> {
    const [bss, oss, crm] = await Promise.all(SYSTEMS.map((s) => this.fresh(s)));
    const acct = accountNumber.trim();
    const failures = [bss!, oss!, crm!].flatMap((ix) => (ix.fatal ? [ix.fatal] : []));
    if (failures.length) return { failed: true, reason: `${failures.join('; ')}.` };

    const bssEntry = bss!.entries.get(acct);
    if (!bssEntry) {
      if (bss!.unattributed.length) return { failed: true, reason: unreadable(bss!, acct) };
      return { found: false, reason: `Account ${acct} is not in the billing (BSS) export ${bss!.file}.` };
    }
    const problems: string[] = [];
    const bssRecord = readEntry(bss!, bssEntry, parseBss, problems);
    const ossEntry = oss!.entries.get(acct);
    if (!ossEntry && oss!.unattributed.length) return { failed: true, reason: unreadable(oss!, acct) };
    const ossRecord = ossEntry ? readEntry(oss!, ossEntry, parseOss, problems) : null;
    const crmEntry = crm!.entries.get(acct);
    if (!crmEntry && crm!.unattributed.length) return { failed: true, reason: unreadable(crm!, acct) };
    const crmRecord = crmEntry ? readEntry(crm!, crmEntry, parseCrm, problems) : null;
    if (problems.length || !bssRecord || (ossEntry && !ossRecord) || (crmEntry && !crmRecord)) {
      return { inconsistent: true, reason: problemsReason(acct, problems) };
    }
    const merged = mergeSourceRecords(bssRecord, ossRecord, crmRecord, acct);
    if ('problems' in merged) return { inconsistent: true, reason: problemsReason(acct, merged.problems) };
    return { found: true, account: merged };
  }

  /** What the index holds, for diagnostics (the operator's "why is this account not found?"). */
  async status(): Promise<FileDropStatus> {
    const systems = {} as FileDropStatus['systems'];
    for (const s of SYSTEMS) {
      const ix = await this.fresh(s);
      systems[s] = {
        file: ix.file,
        accounts: ix.entries.size,
        records: ix.records,
        problems: [
          ...(ix.fatal ? [ix.fatal] : []),
          ...ix.unattributed,
          ...[...ix.entries].flatMap(([acct, e]) => [
            ...(e.duplicated ? [`account ${acct} is on more than one record (${e.rows.join(', ')})`] : []),
            ...e.problems,
          ]),
        ],
      };
    }
    return { dir: this.dir, systems };
  }

  /** The system's index, rebuilt when its file changed (name, modification time or size) since it was built. */
  private async fresh(system: System): Promise<SystemIndex> {
    const pending = this.building.get(system);
    if (pending) return pending;
    const found = await this.locate(system);
    const current = this.indexes.get(system);
    if (current && current.stamp === found.stamp) return current;
    const again = this.building.get(system);
    if (again) return again;
    const build = (
      found.file
        ? this.index(system, found.file, found.stamp)
        : Promise.resolve(emptyIndex(system, found.stamp, found.fatal))
    )
      .then((ix) => {
        this.indexes.set(system, ix);
        return ix;
      })
      .finally(() => this.building.delete(system));
    this.building.set(system, build);
    return build;
  }

  private async locate(system: System): Promise<{ file: string | null; stamp: string; fatal: string | null }> {
    const stats = await Promise.all(
      (['jsonl', 'csv'] as const).map(async (ext) => {
        const file = `${system}.${ext}`;
        try {
          const st = await stat(join(this.dir, file));
          return st.isFile() ? { file, stamp: `${file}:${st.mtimeMs}:${st.size}` } : null;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          return { file, stamp: `${file}:error`, error: (error as Error).message };
        }
      }),
    );
    const present = stats.filter((s) => s !== null);
    const label = LABEL[system];
    if (present.length === 0) {
      return {
        file: null,
        stamp: 'none',
        fatal: `The ${label} export is missing: ${this.dir} has no ${system}.jsonl or ${system}.csv`,
      };
    }
    if (present.length > 1) {
      return {
        file: null,
        stamp: present.map((p) => p.stamp).join('|'),
        fatal: `The drop folder has both ${system}.jsonl and ${system}.csv; keep one ${label} export`,
      };
    }
    const one = present[0]!;
    if ('error' in one) return { file: null, stamp: one.stamp, fatal: `${one.file} cannot be read: ${one.error}` };
    return { file: one.file, stamp: one.stamp, fatal: null };
  }

  private async index(system: System, file: string, stamp: string): Promise<SystemIndex> {
    const ix = emptyIndex(system, stamp, null, file);
    try {
      if (file.endsWith('.jsonl')) await indexJsonLines(join(this.dir, file), ix);
      else await indexCsv(system, join(this.dir, file), ix);
    } catch (error) {
      const message = error instanceof CsvFileError ? error.message : `cannot be read (${(error as Error).message})`;
      return emptyIndex(system, stamp, `${file} ${message}`, file);
    }
    return ix;
  }
}

export function createFileDropSource(dir: string): FileDropSource {
  return new FileDropSource(dir);
}

function unreadable(ix: SystemIndex, acct: string): string {
  const shown = ix.unattributed.slice(0, 5).join('; ');
  const more = ix.unattributed.length > 5 ? `; and ${ix.unattributed.length - 5} more` : '';
  return `Account ${acct} is not in ${ix.file}, but some of its records cannot be read, so it may be in one of them: ${shown}${more}.`;
}

function readEntry<T>(ix: SystemIndex, entry: Entry, parse: (raw: unknown) => Parsed<T>, problems: string[]): T | null {
  const where = rowsText(ix.file!, entry.rows, ix.file!.endsWith('.csv') ? 'row' : 'line');
  const own = [...entry.problems];
  if (entry.duplicated) {
    const unit = ix.file!.endsWith('.csv') ? 'row' : 'line';
    own.unshift(
      `${LABEL[ix.system]} export holds the account on more than one ${unit} (${rowsText(ix.file!, entry.rows, unit)})`,
    );
  }
  if (own.length) {
    problems.push(...own);
    return null;
  }
  const parsed = parse(entry.raw);
  if (parsed.ok) return parsed.record;
  problems.push(...parsed.problems.map((p) => `${p} (${where})`));
  return null;
}

async function indexJsonLines(path: string, ix: SystemIndex): Promise<void> {
  const file = ix.file!;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const rawLine of lines) {
    n += 1;
    const line = n === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      ix.unattributed.push(`${file} line ${n} is not JSON`);
      continue;
    }
    const acct = (value as Record<string, unknown> | null)?.accountNumber;
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      typeof acct !== 'string' ||
      !acct.trim()
    ) {
      ix.unattributed.push(`${file} line ${n} has no accountNumber`);
      continue;
    }
    ix.records += 1;
    const key = acct.trim();
    const before = ix.entries.get(key);
    if (before) {
      before.rows.push(n);
      before.duplicated = true;
      continue;
    }
    ix.entries.set(key, { raw: value as Record<string, unknown>, rows: [n], problems: [] });
  }
}

async function indexCsv(system: System, path: string, ix: SystemIndex): Promise<void> {
  const file = ix.file!;
  const spec = CSV_COLUMNS[system];
  let fieldOf = new Map<string, string>();
  const onHeader = (columns: readonly string[]) => {
    const wanted = new Map(spec.fields.map((f) => [normaliseHeader(f), f]));
    fieldOf = new Map(
      columns.flatMap((c) => (wanted.has(normaliseHeader(c)) ? [[c, wanted.get(normaliseHeader(c))!]] : [])),
    );
    const have = new Set(fieldOf.values());
    const missing = spec.required.filter((alts) => !alts.some((a) => have.has(a))).map((alts) => alts.join(' or '));
    if (missing.length) throw new CsvFileError(`has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'}`);
    if (fieldOf.size !== new Set(fieldOf.values()).size) {
      throw new CsvFileError(`names a column twice (${columns.join(', ')})`);
    }
  };
  const valuesOf = (values: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [column, field] of fieldOf) {
      const v = values[column];
      if (v !== undefined && v.trim() !== '') out[field] = v;
    }
    return out;
  };
  const entryFor = (acct: string): Entry => {
    let entry = ix.entries.get(acct);
    if (!entry) {
      entry = {
        raw:
          system === 'bss'
            ? { accountNumber: acct, products: [] }
            : system === 'oss'
              ? { accountNumber: acct, cpe: [] }
              : {},
        rows: [],
        problems: [],
      };
      ix.entries.set(acct, entry);
    }
    return entry;
  };
  const onProblem = (p: CsvRowProblem) => {
    const acct = valuesOf(p.values).accountNumber?.trim();
    const text = `${file} row ${p.row} ${p.problem}`;
    if (!acct) {
      ix.unattributed.push(text);
      return;
    }
    const entry = entryFor(acct);
    entry.rows.push(p.row);
    entry.problems.push(text);
  };

  for await (const item of readCsvRecords(path, onHeader)) {
    if ('rowProblem' in item) {
      onProblem(item.rowProblem);
      continue;
    }
    const { row } = item.record;
    const v = valuesOf(item.record.values);
    const acct = v.accountNumber?.trim();
    if (!acct) {
      ix.unattributed.push(`${file} row ${row} has no accountNumber`);
      continue;
    }
    ix.records += 1;
    const entry = entryFor(acct);
    const firstRow = entry.rows[0];
    entry.rows.push(row);
    if (system === 'bss') {
      const { accountNumber: _a, accountStatus, ...product } = v;
      if (firstRow === undefined) entry.raw.accountStatus = accountStatus;
      else if ((accountStatus ?? '').toLowerCase() !== String(entry.raw.accountStatus ?? '').toLowerCase()) {
        entry.problems.push(
          `${file} rows ${firstRow} and ${row} give account ${acct} different statuses (${String(entry.raw.accountStatus ?? 'none')}, ${accountStatus ?? 'none'})`,
        );
      }
      // A row with no product fields at all stands for an account without products.
      if (Object.keys(product).length > 0) (entry.raw.products as unknown[]).push(product);
    } else if (system === 'oss') {
      const { accountNumber: _a, ...item } = v;
      (entry.raw.cpe as unknown[]).push(item);
    } else if (firstRow !== undefined) {
      entry.duplicated = true;
    } else {
      entry.raw = { ...v, accountNumber: acct };
    }
  }
}
