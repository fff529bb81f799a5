import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { accountSource, nowIso, REGION } from '../config';
import { processRequest } from '../services/processRequest';

/** A client asked for a change: validate it, check policy and life cycle, apply it or say why not. */
export const onRequestCreated = onDocumentCreated(
  { document: 'requests/{requestId}', region: REGION },
  async (event) => {
    if (!event.data) return;
    await processRequest(event.params.requestId, event.data.data(), { source: accountSource(), now: nowIso }, event.id);
  },
);
