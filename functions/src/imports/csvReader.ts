import { decodeUtf8 } from './utf8';
import { ImportFileError, type SheetRow } from './types';

/** A row longer than this is refused: almost always a quote that was opened and never closed. */
export const MAX_ROW_CHARS = 64 * 1024;
export const MAX_CELLS = 500;

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * An RFC 4180 CSV parser fed text in pieces of any size: quoted fields with embedded delimiters, quotes ("")
 * and newlines; CRLF, LF or CR line ends. Rows are numbered as a spreadsheet shows them (a quoted newline
 * stays inside its row). Blank lines are skipped but keep their numbers, so row N is row N in Excel too.
 */
export class CsvParser {
  private state = State.FieldStart;
  private field = '';
  private cells: string[] = [];
  private rowChars = 0;
  private row = 1;
  private problem: string | undefined;
  private skipLf = false;
  private quotedAny = false;

  constructor(private readonly delimiter = ',') {}

  push(s: string): SheetRow[] {
    const out: SheetRow[] = [];
    const delim = this.delimiter.charCodeAt(0);
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (this.skipLf) {
        this.skipLf = false;
        if (s.charCodeAt(i) === LF) {
          i += 1;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (s.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quotedAny = true;
            i += 1;
            break;
          }
          this.state = State.Unquoted;
          break;
        case State.Unquoted: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = s.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j += 1;
          }
          this.append(s, i, j);
          if (j === n) {
            i = n;
            break;
          }
          i = j + 1;
          this.terminate(c, delim, out);
          break;
        }
        case State.Quoted: {
          const j = s.indexOf('"', i);
          if (j === -1) {
            this.append(s, i, n);
            i = n;
            break;
          }
          this.append(s, i, j);
          i = j + 1;
          this.state = State.QuoteInQuoted;
          break;
        }
        case State.QuoteInQuoted: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.append('"', 0, 1);
            this.state = State.Quoted;
            i += 1;
          } else if (c === delim || c === LF || c === CR) {
            i += 1;
            this.terminate(c, delim, out);
          } else {
            this.problem ??= `has text after a closing quote in cell ${this.cells.length + 1}`;
            this.state = State.Unquoted;
          }
          break;
        }
      }
    }
    return out;
  }

  /** The end of the input: the last row, if it had no line end; an open quote is refused. */
  end(): SheetRow[] {
    if (this.state === State.Quoted) {
      throw new ImportFileError(
        `Row ${this.row} opens a quoted cell (") that is never closed; the file ends inside it.`,
      );
    }
    const out: SheetRow[] = [];
    if (this.state !== State.FieldStart || this.cells.length > 0) this.endRow(out);
    return out;
  }

  private append(s: string, from: number, to: number): void {
    if (to <= from) return;
    this.rowChars += to - from;
    if (this.rowChars > MAX_ROW_CHARS) {
      throw new ImportFileError(
        `Row ${this.row} is longer than ${MAX_ROW_CHARS / 1024} KB` +
          (this.state === State.Quoted ? ': a quoted cell (") seems never to be closed.' : '.'),
      );
    }
    this.field += from === 0 && to === s.length ? s : s.slice(from, to);
  }

  private terminate(c: number, delim: number, out: SheetRow[]): void {
    if (c === delim) {
      this.cells.push(this.field);
      this.field = '';
      if (this.cells.length >= MAX_CELLS) {
        throw new ImportFileError(`Row ${this.row} has more than ${MAX_CELLS} cells.`);
      }
      this.state = State.FieldStart;
      return;
    }
    this.endRow(out);
    if (c === CR) this.skipLf = true;
  }

  private endRow(out: SheetRow[]): void {
    this.cells.push(this.field);
    const blank = !this.quotedAny && this.cells.length === 1 && this.cells[0] === '';
    if (!blank) {
      const r: SheetRow = { row: this.row, cells: this.cells };
      if (this.problem) r.problem = this.problem;
      out.push(r);
    }
    this.row += 1;
    this.cells = [];
    this.field = '';
    this.rowChars = 0;
    this.problem = undefined;
    this.quotedAny = false;
    this.state = State.FieldStart;
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
