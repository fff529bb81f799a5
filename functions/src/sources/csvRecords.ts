import { createReadStream } from 'node:fs';

/**
 * CSV exports of the source systems (file-drop connector), read as records keyed by the header row.
 * RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes (""); line ends are
 * CRLF, LF or CR; a UTF-8 byte-order mark before the header is dropped. Fed text in chunks of any size, so a
 * file of any length streams through in constant memory (one record at a time).
 *
 * Rows are numbered by the line of the file where they start (the header is row 1), as an editor shows
 * them; a quoted line break keeps its record on its starting row, and blank lines keep their numbers.
 * A row whose field count differs from the header's is not a record: it is reported, with its row number
 * and the columns missing or the count of extra fields, so one bad row costs one record, not the file.
 */

export interface CsvRecord {
  row: number;
  values: Record<string, string>;
}

/** A row that is not a record. `values` holds the fields it has, by the header's names, to say whose it was. */
export interface CsvRowProblem {
  row: number;
  problem: string;
  values: Record<string, string>;
}

export type CsvItem = { record: CsvRecord } | { rowProblem: CsvRowProblem };

/** The file cannot be read as CSV at all (no header, a quote never closed): nothing in it can be trusted. */
export class CsvFileError extends Error {
  override name = 'CsvFileError';
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvRecordParser {
  private header: string[] | null = null;
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private rowStart = 1;
  private rowHasContent = false;
  private afterCr = false;
  private started = false;
  private rowProblem: string | null = null;

  constructor(private readonly delimiter = ',') {}

  /** The header's column names, once the first row is read. */
  get columns(): readonly string[] | null {
    return this.header;
  }

  push(chunk: string): CsvItem[] {
    const out: CsvItem[] = [];
    let s = chunk;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      const wasCr = this.afterCr;
      this.afterCr = c === '\r';
      if (c === '\n' && wasCr) {
        // The LF of a CRLF: the CR already ended the row (or, quoted, already counted the line).
        if (this.state === State.Quoted) this.field += c;
        continue;
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === '"') {
            this.state = State.Quoted;
            this.rowHasContent = true;
          } else if (c === this.delimiter) {
            this.rowHasContent = true;
            this.endField();
          } else if (c === '\n' || c === '\r') {
            this.endRow(out);
          } else {
            this.state = State.Unquoted;
            this.rowHasContent = true;
            this.field += c;
          }
          break;
        case State.Unquoted:
          if (c === this.delimiter) this.endField();
          else if (c === '\n' || c === '\r') this.endRow(out);
          else this.field += c;
          break;
        case State.Quoted:
          if (c === '"') this.state = State.QuoteInQuoted;
          else {
            this.field += c;
            if (c === '\n' || c === '\r') this.line += 1;
          }
          break;
        case State.QuoteInQuoted:
          if (c === '"') {
            this.field += '"';
            this.state = State.Quoted;
          } else if (c === this.delimiter) this.endField();
          else if (c === '\n' || c === '\r') this.endRow(out);
          else {
            this.rowProblem ??= `has text after the closing quote of field ${this.fields.length + 1}`;
            this.state = State.Unquoted;
            this.field += c;
          }
          break;
      }
    }
    return out;
  }

  /** The end of the file: the last row if it had no line end. A quote still open means the file is broken. */
  end(): CsvItem[] {
    if (this.state === State.Quoted) {
      throw new CsvFileError(`row ${this.rowStart} opens a quoted field that is never closed`);
    }
    const out: CsvItem[] = [];
    if (this.rowHasContent || this.state !== State.FieldStart) this.endRow(out, false);
    if (!this.header) throw new CsvFileError('is empty; a header row naming the columns is expected');
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRow(out: CsvItem[], lineEnd = true): void {
    const row = this.rowStart;
    if (lineEnd) this.line += 1;
    this.rowStart = this.line;
    if (!this.rowHasContent) {
      // A blank line: skipped, but it keeps its number.
      this.reset();
      return;
    }
    this.fields.push(this.field);
    const fields = this.fields;
    const problem = this.rowProblem;
    this.reset();
    if (!this.header) {
      this.header = readHeader(fields);
      return;
    }
    const header = this.header;
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      if (i < fields.length) values[name] = fields[i]!;
    });
    if (fields.length < header.length) {
      const missing = header.slice(fields.length);
      out.push({
        rowProblem: {
          row,
          values,
          problem: `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${header.length}: ${missing.join(', ')} missing`,
        },
      });
    } else if (fields.length > header.length) {
      const extra = fields.length - header.length;
      out.push({
        rowProblem: {
          row,
          values,
          problem: `has ${fields.length} fields where the header has ${header.length}: ${extra} extra`,
        },
      });
    } else if (problem) {
      out.push({ rowProblem: { row, values, problem } });
    } else {
      out.push({ record: { row, values } });
    }
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.state = State.FieldStart;
    this.rowHasContent = false;
    this.rowProblem = null;
  }
}

function readHeader(fields: string[]): string[] {
  const names = fields.map((f) => f.trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (!name) throw new CsvFileError(`header row: column ${i + 1} has no name`);
    const before = seen.get(name);
    if (before !== undefined) {
      throw new CsvFileError(`header row: columns ${before + 1} and ${i + 1} are both named ${name}`);
    }
    seen.set(name, i);
  });
  return names;
}

/** Parses a whole CSV text; throws CsvFileError when the file as a whole is unreadable. */
export function parseCsv(text: string): { columns: string[]; records: CsvRecord[]; problems: CsvRowProblem[] } {
  const parser = new CsvRecordParser();
  const items = [...parser.push(text), ...parser.end()];
  return {
    columns: [...(parser.columns ?? [])],
    records: items.flatMap((i) => ('record' in i ? [i.record] : [])),
    problems: items.flatMap((i) => ('rowProblem' in i ? [i.rowProblem] : [])),
  };
}

/** Streams a CSV file's records (UTF-8). The header's columns are passed to `onHeader` before the first item. */
export async function* readCsvRecords(
  path: string,
  onHeader?: (columns: readonly string[]) => void,
): AsyncGenerator<CsvItem> {
  const parser = new CsvRecordParser();
  let announced = false;
  const announce = () => {
    if (!announced && parser.columns) {
      announced = true;
      onHeader?.(parser.columns);
    }
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    const items = parser.push(chunk as string);
    announce();
    yield* items;
  }
  const last = parser.end();
  announce();
  yield* last;
}
