import { HttpsError } from 'firebase-functions/v2/https';
import type { Actor } from '../domain/model/roles';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';

export interface RequestDocInput {
  type: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  clientRequestId: string;
}

/**
 * Writes `requests/{clientRequestId}` as PENDING for the onRequestCreated trigger to apply: the one shape
 * every writer (submitRequest, the mobile API) produces. Idempotent by the client's id: a retry by the same
 * user returns the same request; someone else's id is refused.
 */
export async function createRequestDocument(actor: Actor, body: RequestDocInput): Promise<{ requestId: string }> {
  const ref = firestore().collection(COL.requests).doc(body.clientRequestId);
  const doc = {
    type: body.type,
    caseId: body.caseId,
    payload: body.payload,
    clientRequestId: body.clientRequestId,
    createdBy: actor.uid,
    createdAt: new Date().toISOString(),
    state: 'PENDING',
    error: null,
    appliedAt: null,
  };
  try {
    await ref.create(doc);
  } catch (error) {
    const existing = await readDoc(ref);
    if (existing.exists && existing.get('createdBy') === actor.uid) return { requestId: ref.id };
    if (existing.exists) throw new HttpsError('already-exists', 'That request id is taken; generate a new one.');
    throw error;
  }
  return { requestId: ref.id };
}
