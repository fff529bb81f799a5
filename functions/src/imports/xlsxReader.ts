import { Readable } from 'node:stream';
import { ImportFileError, type SheetRow } from './types';

/** How many rows the reader hands on at once. */
const BATCH = 1000;

/**
 * Reads the first worksheet of an .xlsx workbook as text rows, streaming (exceljs's WorkbookReader: the sheet's
 * XML is parsed as it is unzipped; only the shared-string table is kept). Other sheets are skipped. Cells become
 * the text a user sees: dates as YYYY-MM-DD, formulas as `=…` (so validation refuses them like a CSV formula).
 */
export async function* readXlsx(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow[]> {
  // Uploads are at most 10 MB, so the bytes are kept: exceljs's streaming reader sometimes meets a worksheet
  // before the workbook part ("reading 'sheets'"), and then the whole-file reader reads it instead.
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  const buffer = Buffer.concat(chunks);
  try {
    yield* streamXlsx(buffer);
  } catch (error) {
    if (!(error instanceof ImportFileError) || !/reading 'sheets'/.test(error.message)) throw error;
    yield* loadXlsx(buffer);
  }
}

async function* loadXlsx(buffer: Buffer): AsyncGenerator<SheetRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('The Excel workbook has no worksheet.');
  let batch: SheetRow[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const values = sheet.getRow(n).values as unknown[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    if (cells.length === 0 || cells.every((c) => c === '')) continue;
    batch.push({ row: n, cells });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* streamXlsx(buffer: Buffer): AsyncGenerator<SheetRow[]> {
  // Loaded on first use: exceljs costs ~0.4 s of every cold start, and most instances never read a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell a date cell from a number cell
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      if (sawSheet) continue; // drain the rest of the workbook without reading it
      sawSheet = true;
      let batch: SheetRow[] = [];
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.every((c) => c === '')) continue;
        batch.push({ row: row.number, cells });
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`The file is not a readable Excel workbook (.xlsx): ${why.slice(0, 200)}`);
  }
  if (!sawSheet) throw new ImportFileError('The Excel workbook has no worksheet.');
}

/** A cell's value as the text a user sees in it. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.formula === 'string') return `=${o.formula}`;
    if (typeof o.sharedFormula === 'string') return `=${o.sharedFormula}`;
    if (Array.isArray(o.richText)) return o.richText.map((t: { text?: unknown }) => String(t.text ?? '')).join('');
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}
