import { readCsv } from './csvReader';
import { readXlsx } from './xlsxReader';
import { ImportFileError, type FileKind, type RowBatches } from './types';

/** Byte sources the pipeline reads: a file stream, or an uploaded buffer cut into pieces. */
export type ByteSource = AsyncIterable<Uint8Array>;

export const PIECE_BYTES = 64 * 1024;

/** An in-memory upload as a stream of 64 KB pieces (views, not copies). */
export async function* piecesOf(bytes: Uint8Array, size = PIECE_BYTES): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}

/**
 * Opens an upload by what its bytes are, not by its name: a ZIP container is an .xlsx workbook, an OLE2
 * container an old .xls (refused with advice), anything else is read as UTF-8 CSV (and refused if it is not).
 */
export async function openSheet(bytes: ByteSource): Promise<{ kind: FileKind; rows: RowBatches }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Uint8Array = first.done ? new Uint8Array(0) : first.value;
  if (head.length === 0) throw new ImportFileError('The file is empty.');
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx', rows: readXlsx(replay()) };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportFileError(
      'The file is an Excel 97-2003 workbook (.xls), which cannot be read. Save it as .xlsx or "CSV UTF-8".',
    );
  }
  return { kind: 'csv', rows: readCsv(replay()) };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
