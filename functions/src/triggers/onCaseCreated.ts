import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { log } from '../logs';
import { nowIso, REGION } from '../config';
import { assignCaseToDrc } from '../services/assignDrc';

/** A new case is placed with a DRC straight away, by the assignment policy. */
export const onCaseCreated = onDocumentCreated({ document: 'cases/{caseId}', region: REGION }, async (event) => {
  const outcome = await assignCaseToDrc(event.params.caseId, nowIso(), event.id);
  if (typeof outcome === 'object' && 'deferred' in outcome) {
    log.warn('case not placed', { caseId: event.params.caseId, reason: outcome.deferred });
  }
});
