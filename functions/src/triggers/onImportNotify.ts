import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { nowIso, REGION } from '../config';
import { emitEvent } from '../services/notifications/emit';

const FINISHED = new Set(['DONE', 'FAILED']);

/** A bulk import that finished (or failed) tells the user who started it. */
export async function notifyImportFinished(importId: string, data: Record<string, unknown>, now: string) {
  return emitEvent(
    {
      id: `imports/${importId}@${String(data.state)}`,
      kind: 'import_finished',
      at: now,
      caseFacts: null,
      users: [String(data.createdBy)],
      vars: {
        importId,
        registered: String(data.registered ?? 0),
        rejected: String(data.rejected ?? 0),
        state: String(data.state),
      },
    },
    now,
  );
}

export const onImportNotify = onDocumentUpdated({ document: 'imports/{importId}', region: REGION }, async (event) => {
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  if (!after || !FINISHED.has(String(after.state)) || before?.state === after.state) return;
  await notifyImportFinished(event.params.importId, after, nowIso());
});
