import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { accountSource, nowIso, REGION, SOURCE_TOKEN } from '../config';
import { driveImport, shouldDriveImport } from '../services/bulkImport';

/** A bulk import advances one chunk per event: each finished chunk's write fires the next (resumable, leased). */
export const onImportWritten = onDocumentWritten(
  { document: 'imports/{importId}', region: REGION, timeoutSeconds: 300, memory: '1GiB', secrets: [SOURCE_TOKEN] },
  async (event) => {
    if (!shouldDriveImport(event.data?.before.data(), event.data?.after.data())) return;
    await driveImport(event.params.importId, { source: accountSource(), now: nowIso }, { maxChunks: 1 });
  },
);
