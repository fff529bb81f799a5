import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { nowIso, REGION } from '../config';
import { processSourceChange, SOURCE_CHANGES } from '../services/sourceSync';

/** A source system reported a change (webhook or lake): reflect it on the account's open cases. */
export const onSourceChangeCreated = onDocumentCreated(
  { document: `${SOURCE_CHANGES}/{changeId}`, region: REGION },
  async (event) => {
    await processSourceChange(event.params.changeId, nowIso());
  },
);
