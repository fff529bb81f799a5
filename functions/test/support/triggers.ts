import functionsTest from 'firebase-functions-test';
import { COL, firestore } from '../../src/data/db';
import { onCaseCreated } from '../../src/triggers/onCaseCreated';
import { onRequestCreated } from '../../src/triggers/onRequestCreated';

/**
 * Runs the real exported triggers on real documents, as the offline relay does:
 * firebase-functions-test builds the CloudEvent around the actual snapshot.
 */
// Named explicitly: without a config firebase-functions-test sets GCLOUD_PROJECT to a shared 'not-a-project',
// which would put every test file that wraps triggers into one project.
const fft = functionsTest({ projectId: process.env.GCLOUD_PROJECT });
const requestTrigger = fft.wrap(onRequestCreated);
const caseTrigger = fft.wrap(onCaseCreated);

export async function deliverRequestCreated(requestId: string, eventId = `evt-${requestId}`): Promise<void> {
  const snap = await firestore().collection(COL.requests).doc(requestId).get();
  await requestTrigger({ data: snap, params: { requestId }, id: eventId });
}

export async function deliverCaseCreated(caseId: string, eventId = `evt-${caseId}`): Promise<void> {
  const snap = await firestore().collection(COL.cases).doc(caseId).get();
  await caseTrigger({ data: snap, params: { caseId }, id: eventId });
}

export function cleanupTriggers(): void {
  fft.cleanup();
}
