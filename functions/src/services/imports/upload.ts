import { Refusal } from '../../domain/refusal';
import { ImportFileError } from '../../imports/types';
import { driveImport, MAX_IMPORT_BYTES, startImport, type ImportDeps, type StartResult } from '../bulkImport';

/** The upload keeps registering chunks for this long before answering; the import's trigger drives the rest. */
export const INLINE_BUDGET_MS = 20_000;

const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
const TOO_LARGE = 'The file is larger than 10 MB; split it into smaller files.';

/** The file's bytes; a data: URL prefix (what a browser's FileReader gives) is allowed. */
function decodeUpload(contentBase64: string): Buffer {
  const body = contentBase64.startsWith('data:') ? contentBase64.slice(contentBase64.indexOf(',') + 1) : contentBase64;
  // Refused before decoding, so an oversized upload costs no memory.
  if (body.length > MAX_BASE64 + 4) throw new Refusal('invalid-argument', TOO_LARGE);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw new Refusal('invalid-argument', 'Please correct: contentBase64 is not base64.', {
      fields: { contentBase64: 'is not base64' },
    });
  }
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) throw new Refusal('invalid-argument', TOO_LARGE);
  return bytes;
}

/**
 * Registers a file of cases: the file is validated as a whole first (a file that cannot be read is refused and
 * nothing is written), then registration runs chunk by chunk for up to INLINE_BUDGET_MS (a small file finishes
 * before the answer). The same file again is the same import and creates nothing.
 */
export async function uploadImport(
  uploader: { uid: string },
  file: { fileName: string; contentBase64: string },
  deps: ImportDeps,
): Promise<StartResult> {
  const bytes = decodeUpload(file.contentBase64);
  let started: StartResult;
  try {
    started = await startImport(bytes, file.fileName, uploader, deps);
  } catch (error) {
    if (error instanceof ImportFileError) throw new Refusal('invalid-argument', error.message);
    throw error;
  }
  if (started.state !== 'RUNNING') return started;
  const progressed = await driveImport(started.importId, deps, { budgetMs: INLINE_BUDGET_MS });
  const { processed: _processed, busy: _busy, ...summary } = progressed;
  return { ...summary, existing: started.existing };
}
