import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { accountSource, nowIso, REGION, SOURCE_TOKEN } from '../config';
import { processRequest } from '../services/processRequest';

/** A client asked for a change: validate it, check policy and life cycle, apply it or say why not. */
export const onRequestCreated = onDocumentCreated(
  // The source token is bound here because registration reads the source systems (ACCOUNT_SOURCE=http).
  { document: 'requests/{requestId}', region: REGION, secrets: [SOURCE_TOKEN] },
  async (event) => {
    if (!event.data) return;
    await processRequest(event.params.requestId, event.data.data(), { source: accountSource(), now: nowIso }, event.id);
  },
);
