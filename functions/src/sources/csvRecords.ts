import { createReadStream } from 'node:fs';
import { CsvReadError, CsvReader, type CsvReadRow } from '../csv';

/**
 * CSV exports of the source systems (file-drop connector), read as records keyed by the header row, with the
 * project's CSV reader (functions/src/csv): fields in double quotes may hold commas, line breaks and doubled
 * quotes (""); line ends are CRLF, LF or CR; a UTF-8 byte-order mark before the header is dropped. Fed text in chunks of any size, so a
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

/** Turns the project's CSV reader's rows into records keyed by the header, and rows that are not records. */
export class CsvRecordParser {
  private header: string[] | null = null;
  private readonly reader: CsvReader;

  constructor(delimiter = ',') {
    this.reader = new CsvReader({ delimiter });
  }

  /** The header's column names, once the first row is read. */
  get columns(): readonly string[] | null {
    return this.header;
  }

  push(chunk: string): CsvItem[] {
    return this.items(() => this.reader.push(chunk));
  }

  /** The end of the file: the last row if it had no line end. A quote still open means the file is broken. */
  end(): CsvItem[] {
    const out = this.items(() => this.reader.end());
    if (!this.header) throw new CsvFileError('is empty; a header row naming the columns is expected');
    return out;
  }

  private items(step: () => CsvReadRow[]): CsvItem[] {
    let rows: CsvReadRow[];
    try {
      rows = step();
    } catch (error) {
      if (error instanceof CsvReadError && error.failure.kind === 'unclosed-quote') {
        throw new CsvFileError(`row ${error.failure.line} opens a quoted field that is never closed`);
      }
      throw error;
    }
    const out: CsvItem[] = [];
    for (const r of rows) this.item(r, out);
    return out;
  }

  private item({ line: row, cells: fields, textAfterQuote }: CsvReadRow, out: CsvItem[]): void {
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
    } else if (textAfterQuote !== undefined) {
      out.push({
        rowProblem: { row, values, problem: `has text after the closing quote of field ${textAfterQuote + 1}` },
      });
    } else {
      out.push({ record: { row, values } });
    }
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
