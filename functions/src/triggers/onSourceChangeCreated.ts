import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { nowIso, REGION } from '../config';
import { driveSourceChange, SOURCE_CHANGES } from '../services/sourceSync';

/**
 * A source system reported a change (webhook or lake): reflect it on the account's cases. Retried by the platform
 * when an attempt throws; bounded and swept like requests (docs/decisions/0027-retries-and-the-sweep.md).
 */
export const onSourceChangeCreated = onDocumentCreated(
  { document: `${SOURCE_CHANGES}/{changeId}`, region: REGION, retry: true },
  async (event) => {
    await driveSourceChange(event.params.changeId, nowIso(), event.id);
  },
);
