import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { REGION } from '../config';
import { canSeeCase, REQUEST_ROLES } from '../domain/policy/caseScope';
import { notVisible } from '../api/legacyRefusal';
import { requestSchema } from '../domain/requests/schemas';
import type { CaseState } from '../domain/model/case';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';
import { assertNoForeignLease, CUSTOMER_ACTIONS } from '../services/presence';
import { createRequestDocument } from '../services/requestDocs';
import { callerActor, parseInput } from '../api/caller';
import { asHttpsError } from '../api/registry';

const input = z.strictObject({
  type: z.enum(['registerCase', 'caseAction', 'manualTransition', 'completeTask'], { error: 'is not a request type' }),
  caseId: z.string().max(128).optional(),
  payload: z.record(z.string(), z.unknown()),
  clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 letters, digits, - or _'),
});

/**
 * Writes a request document on the caller's behalf: what a full-stack client writes directly
 * (firestore.rules check it there). The onRequestCreated trigger applies it either way.
 * Idempotent by the client's request id: a retry returns the same request.
 */
export async function submitRequestHandler(
  request: Pick<CallableRequest, 'auth' | 'data'>,
): Promise<{ requestId: string }> {
  const actor = await callerActor(request);
  const body = parseInput(input, request.data);
  if (actor.role === 'system' || !REQUEST_ROLES[body.type].includes(actor.role)) {
    throw new HttpsError('permission-denied', `A ${actor.role} may not submit ${body.type} requests.`);
  }
  // The shape is checked now so a typo fails at once; the trigger checks it again with the life cycle.
  parseInput(requestSchema, { type: body.type, caseId: body.caseId ?? null, payload: body.payload });
  if (body.type !== 'registerCase' && body.caseId) {
    // The scope first: a case outside it answers as one that does not exist, before anything else (such as a
    // lease on its customer) could say otherwise.
    const snap = await readDoc(firestore().collection(COL.cases).doc(body.caseId));
    const c = snap.exists ? (snap.data() as CaseState) : null;
    if (!c || !canSeeCase(actor, c)) throw notVisible('case', body.caseId);
    // Someone else working with this customer right now holds them: refused at once.
    if (body.type === 'caseAction' && CUSTOMER_ACTIONS.includes(String(body.payload.action)))
      await assertNoForeignLease(actor, c).catch((e: unknown) => {
        throw asHttpsError(e);
      });
  }
  return createRequestDocument(actor, {
    type: body.type,
    caseId: body.caseId ?? null,
    payload: body.payload,
    clientRequestId: body.clientRequestId,
  });
}

export const submitRequest = onCall({ region: REGION }, submitRequestHandler);
