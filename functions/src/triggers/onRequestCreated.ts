import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { accountSource, nowIso, REGION, SOURCE_TOKEN } from '../config';
import { driveRequest } from '../services/processRequest';

/**
 * A client asked for a change: validate it, check policy and life cycle, apply it or say why not. Retried by the
 * platform when an attempt throws; each attempt is counted on the request, and the sweep re-drives what is still
 * PENDING (docs/decisions/0027-retries-and-the-sweep.md).
 */
export const onRequestCreated = onDocumentCreated(
  // The source token is bound here because registration reads the source systems (ACCOUNT_SOURCE=http).
  { document: 'requests/{requestId}', region: REGION, secrets: [SOURCE_TOKEN], retry: true },
  async (event) => {
    if (!event.data) return;
    await driveRequest(event.params.requestId, { source: accountSource(), now: nowIso }, event.id);
  },
);
