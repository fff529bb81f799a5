import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { log } from '../logs';
import { nowIso, REGION } from '../config';
import { assignCaseToDrc } from '../services/assignDrc';
import { autoAssignRo } from '../services/assignRo';

/**
 * A new case is placed with a DRC straight away, by the assignment policy; when that DRC assigns its ROs
 * automatically, the RO follows in a second transaction (decision 0020).
 */
export const onCaseCreated = onDocumentCreated({ document: 'cases/{caseId}', region: REGION }, async (event) => {
  const caseId = event.params.caseId;
  const now = nowIso();
  const outcome = await assignCaseToDrc(caseId, now, event.id);
  if (typeof outcome === 'object' && 'deferred' in outcome) {
    log.warn('case not placed', { caseId, reason: outcome.deferred });
  }
  // Also after 'skipped': a redelivery after a crash between the two steps still gets its RO (autoAssignRo
  // itself does nothing unless the case's DRC assigns automatically and the case has no RO).
  if (!(typeof outcome === 'object' && 'deferred' in outcome)) {
    const ro = await autoAssignRo(caseId, now, event.id);
    if (typeof ro === 'object' && 'left' in ro) log.info('case left with its DRC', { caseId, reason: ro.left });
  }
});
