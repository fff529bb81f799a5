import { CsvReadError, CsvReader, type CsvReadFailure, type CsvReadRow } from '../csv';
import { decodeUtf8 } from './utf8';
import { ImportFileError, type SheetRow } from './types';

/** A row longer than this is refused: almost always a quote that was opened and never closed. */
export const MAX_ROW_CHARS = 64 * 1024;
export const MAX_CELLS = 500;

/**
 * The import's CSV reader: the project's CSV module (csv-parse) fed text in pieces of any size, with the
 * import's limits and its words. Rows are numbered as a spreadsheet shows them (a quoted newline stays
 * inside its row); blank lines are skipped but keep their numbers, so row N is row N in Excel too.
 */
export class CsvParser {
  private readonly reader: CsvReader;

  constructor(delimiter = ',') {
    this.reader = new CsvReader({ delimiter, maxRowChars: MAX_ROW_CHARS, maxCells: MAX_CELLS });
  }

  push(s: string): SheetRow[] {
    return this.read(() => this.reader.push(s));
  }

  /** The end of the input: the last row, if it had no line end; an open quote is refused. */
  end(): SheetRow[] {
    return this.read(() => this.reader.end());
  }

  private read(step: () => CsvReadRow[]): SheetRow[] {
    let rows: CsvReadRow[];
    try {
      rows = step();
    } catch (error) {
      throw error instanceof CsvReadError ? refusal(error.failure) : error;
    }
    return rows.map(({ row, cells, textAfterQuote }) =>
      textAfterQuote === undefined
        ? { row, cells }
        : { row, cells, problem: `has text after a closing quote in cell ${textAfterQuote + 1}` },
    );
  }
}

function refusal(f: CsvReadFailure): ImportFileError {
  switch (f.kind) {
    case 'unclosed-quote':
      return new ImportFileError(`Row ${f.row} opens a quoted cell (") that is never closed; the file ends inside it.`);
    case 'row-too-long':
      return new ImportFileError(
        `Row ${f.row} is longer than ${MAX_ROW_CHARS / 1024} KB` +
          (f.inQuote ? ': a quoted cell (") seems never to be closed.' : '.'),
      );
    case 'too-many-cells':
      return new ImportFileError(`Row ${f.row} has more than ${MAX_CELLS} cells.`);
  }
}

/**
 * The delimiter of the first line: a comma, unless the line has none and has semicolons or tabs (as Excel
 * writes "CSV" where the decimal separator is a comma).
 */
export function detectDelimiter(firstLine: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch]! += 1;
  }
  if (counts[',']! > 0) return ',';
  if (counts[';']! > 0) return ';';
  if (counts['\t']! > 0) return '\t';
  return ',';
}

/** Parses decoded text pieces into batches of rows (one batch per piece). */
export async function* parseCsvText(text: AsyncIterable<string>): AsyncGenerator<SheetRow[]> {
  let parser: CsvParser | null = null;
  let head = '';
  for await (const piece of text) {
    if (!parser) {
      head += piece;
      const eol = head.search(/[\r\n]/);
      if (eol === -1 && head.length < MAX_ROW_CHARS) continue;
      parser = new CsvParser(detectDelimiter(eol === -1 ? head : head.slice(0, eol)));
      const rows = parser.push(head);
      head = '';
      if (rows.length) yield rows;
      continue;
    }
    const rows = parser.push(piece);
    if (rows.length) yield rows;
  }
  if (!parser) parser = new CsvParser(detectDelimiter(head));
  const rows = [...parser.push(head), ...parser.end()];
  if (rows.length) yield rows;
}

/** Strict UTF-8 bytes (a BOM is dropped) to batches of CSV rows. */
export function readCsv(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow[]> {
  return parseCsvText(decodeUtf8(bytes));
}
