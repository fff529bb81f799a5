import { Parser, type CsvError } from 'csv-parse';
import { parse as parseWhole } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV the project reads or writes goes through this module: the bulk-import reader
 * (imports/csvReader.ts), the file-drop source (sources/csvRecords.ts) and the exports (audit trail,
 * case basket, import errors). Parsing is csv-parse and writing csv-stringify (the csv project); what is
 * ours is only what they do not say: how rows are numbered for people, which malformed rows are kept with a
 * problem instead of failing the file, and formula neutralisation. See docs/decisions/0036-csv-and-smtp-libraries.md.
 */

// ---------------------------------------------------------------------------------------------------------
// Reading

/** One record as read, numbered both ways people count. */
export interface CsvReadRow {
  /** Records and blank lines before it, plus one: the row a spreadsheet shows (a quoted line break stays in it). */
  row: number;
  /** The line of the file it starts on, as an editor shows it (a quoted line break moves later records down). */
  line: number;
  cells: string[];
  /** The index of the first cell with text after its closing quote ("abc"def): the cell is kept as abcdef. */
  textAfterQuote?: number;
}

/** Why a file cannot be read at all; `row` and `line` are those of the record being read. */
export type CsvReadFailure =
  | { kind: 'unclosed-quote'; row: number; line: number }
  | { kind: 'row-too-long'; row: number; line: number; inQuote: boolean }
  | { kind: 'too-many-cells'; row: number; line: number };

export class CsvReadError extends Error {
  constructor(readonly failure: CsvReadFailure) {
    super(`CSV ${failure.kind} at row ${failure.row} (line ${failure.line})`);
    this.name = 'CsvReadError';
  }
}

export interface CsvReadOptions {
  delimiter?: string;
  /** Refuse a record whose cells hold more characters than this (0: no limit). */
  maxRowChars?: number;
  /** Refuse a record with more cells than this (0: no limit). */
  maxCells?: number;
}

/** CRLF, LF and lone CR, in one file if need be (csv-parse would otherwise keep the first one it sees). */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

interface RawRecord {
  record: string[];
  raw: string;
}

/**
 * csv-parse's stream parser, driven synchronously: `push` is where the parser hands over each record, and
 * its counters (records, empty lines) are then exactly those of that record, which numbers rows without the
 * per-record `info` objects (they halve its speed).
 */
class RecordTap extends Parser {
  private sink: ((r: RawRecord, records: number, emptyLines: number) => void) | null = null;

  tap(sink: (r: RawRecord, records: number, emptyLines: number) => void): void {
    this.sink = sink;
  }

  // The Transform API's `push` takes any chunk; the parser only ever pushes records (object mode) or null.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override push(chunk: any): boolean {
    if (chunk === null) return super.push(null);
    this.sink!(chunk as RawRecord, this.info.records, this.info.empty_lines);
    return true;
  }

  /** Whether the parser is inside a quoted field (csv-parse keeps it in its untyped `state`). */
  get inQuote(): boolean {
    return (this as unknown as { state: { quoting: boolean } }).state.quoting === true;
  }
}

/**
 * An RFC 4180 reader fed text in pieces of any size: quoted fields with delimiters, doubled quotes and line
 * breaks; CRLF, LF or CR line ends; a byte-order mark dropped; blank lines skipped but counted; rows of
 * different lengths kept as they are (the caller decides). Text after a closing quote keeps the row and
 * says so; a quote never closed, an over-long row or too many cells refuse the file (CsvReadError).
 */
export class CsvReader {
  private readonly parser: RecordTap;
  private readonly maxCells: number;
  private out: CsvReadRow[] = [];
  /** Line breaks in the records read so far (blank lines come from the parser's own count). */
  private breaks = 0;
  private rowsSeen = 0;
  private failure: CsvReadFailure | null = null;

  constructor(private readonly options: CsvReadOptions = {}) {
    this.maxCells = options.maxCells ?? 0;
    this.parser = new RecordTap({
      delimiter: options.delimiter ?? ',',
      record_delimiter: RECORD_DELIMITERS,
      bom: true,
      // A stray quote inside an unquoted cell is kept as text, and text after a closing quote does not stop
      // the file: both were accepted before; the second is found again below and reported on its row.
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      raw: true,
      max_record_size: options.maxRowChars ?? 0,
    });
    this.parser.tap((r, records, emptyLines) => this.onRecord(r, records, emptyLines));
  }

  push(text: string): CsvReadRow[] {
    if (text.length > 0) this.feed((done) => this.parser._transform(Buffer.from(text, 'utf8'), 'utf8', done));
    return this.take();
  }

  /** The end of the input: the last record, if it had no line end. */
  end(): CsvReadRow[] {
    this.feed((done) => this.parser._flush(done));
    return this.take();
  }

  private feed(step: (done: (error?: Error | null) => void) => void): void {
    if (this.failure) throw new CsvReadError(this.failure);
    let error: Error | null | undefined;
    step((e) => (error = e));
    if (!this.failure && error) {
      const code = (error as CsvError).code;
      const at = this.next();
      if (code === 'CSV_QUOTE_NOT_CLOSED') this.failure = { kind: 'unclosed-quote', ...at };
      else if (code === 'CSV_MAX_RECORD_SIZE')
        this.failure = { kind: 'row-too-long', ...at, inQuote: this.parser.inQuote };
      else throw error;
    }
    if (this.failure) throw new CsvReadError(this.failure);
  }

  private take(): CsvReadRow[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }

  /** Where the record being read starts. */
  private next(): { row: number; line: number } {
    const empty = this.parser.info.empty_lines;
    return { row: this.rowsSeen + empty + 1, line: this.breaks + empty + 1 };
  }

  private onRecord({ record, raw }: RawRecord, records: number, emptyLines: number): void {
    if (this.failure) return;
    const row = records + emptyLines;
    const line = this.breaks + emptyLines + 1;
    this.rowsSeen = records;
    this.breaks += 1;
    let textAfterQuote: number | undefined;
    for (let i = 0; i < record.length; i++) {
      const cell = record[i]!;
      if (cell.length === 0) continue;
      // Line breaks inside quoted cells, for the line numbers of the records after this one.
      if (cell.includes('\n') || cell.includes('\r')) this.breaks += cell.match(/\r\n|\r|\n/g)!.length;
      // Only a quoted cell that begins with a quote can be either `"""x"""` or `"x"y` relaxed into `"x"y`.
      if (textAfterQuote === undefined && cell.charCodeAt(0) === 34) textAfterQuote = this.closingQuoteProblem(raw);
    }
    if (this.maxCells > 0 && record.length > this.maxCells) {
      this.failure = { kind: 'too-many-cells', row, line };
      return;
    }
    if (textAfterQuote !== undefined) {
      const cell = record[textAfterQuote]!.slice(1);
      const close = cell.indexOf('"');
      record[textAfterQuote] = close === -1 ? cell : cell.slice(0, close) + cell.slice(close + 1);
    }
    this.out.push(
      textAfterQuote === undefined ? { row, line, cells: record } : { row, line, cells: record, textAfterQuote },
    );
  }

  /** Reads the record again without relaxing quotes: the cell it stops at has text after its closing quote. */
  private closingQuoteProblem(raw: string): number | undefined {
    try {
      parseWhole(raw, {
        delimiter: this.options.delimiter ?? ',',
        record_delimiter: RECORD_DELIMITERS,
        relax_column_count: true,
        skip_empty_lines: true,
      });
      return undefined;
    } catch (error) {
      const e = error as CsvError & { column?: unknown };
      return e.code === 'CSV_INVALID_CLOSING_QUOTE' && typeof e.column === 'number' ? e.column : undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** A cell beginning with one of these would run as a formula (or be read as one) when a spreadsheet opens the file. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formula neutralisation (against CSV formula injection): text that starts with = + - @, a tab or a CR gets a
 * leading apostrophe, which spreadsheets show as text. Numbers are written as numbers (-5 is not a formula).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value as the exports give it: text, a number, a flag, nothing, or a structure (written as JSON). */
export type CsvValue = unknown;

export interface CsvWriteOptions {
  /** Line end after every record, the last included. */
  eol?: '\n' | '\r\n';
  /** Start with a byte-order mark, so spreadsheet programs read Sinhala and Tamil text as UTF-8. */
  bom?: boolean;
}

/**
 * RFC 4180 text of the rows (the first is usually the header): a cell is quoted when it holds a comma, a quote
 * or a line break; null and undefined are empty; objects are JSON; text is formula-neutralised.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  return stringify(rows as CsvValue[][], {
    record_delimiter: options.eol ?? '\n',
    bom: options.bom ?? false,
    // csv-stringify quotes only the configured record delimiter; any line break must be quoted.
    quoted_match: /[\r\n]/,
    cast: {
      string: neutraliseFormula,
      boolean: (value) => String(value),
      date: (value) => String(value),
      object: (value) => JSON.stringify(value),
    },
  });
}

/** One cell as `toCsv` writes it (quoted and neutralised as needed). */
export function csvCell(value: CsvValue): string {
  return toCsv([[value]]).slice(0, -1);
}
