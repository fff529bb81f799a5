import type { z } from 'zod';
import type { submitRequestInput } from '../domain/contracts/cases';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { parseOrRefuse } from '../domain/parseOrRefuse';
import { canSeeCase, REQUEST_ROLES } from '../domain/policy/caseScope';
import { notVisible, Refusal } from '../domain/refusal';
import { requestSchema } from '../domain/requests/schemas';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';
import { assertNoForeignLease, CUSTOMER_ACTIONS } from './presence';
import { createRequestDocument } from './requestDocs';

/**
 * Writes a request document on the caller's behalf: what a full-stack client writes directly
 * (firestore.rules check it there). The onRequestCreated trigger applies it either way.
 * Idempotent by the client's request id: a retry returns the same request.
 */
export async function submitRequest(
  actor: Actor,
  body: z.output<typeof submitRequestInput>,
): Promise<{ requestId: string }> {
  if (actor.role === 'system' || !REQUEST_ROLES[body.type].includes(actor.role)) {
    throw new Refusal('permission-denied', `A ${actor.role} may not submit ${body.type} requests.`);
  }
  // The shape is checked now so a typo fails at once; the trigger checks it again with the life cycle.
  parseOrRefuse(requestSchema, { type: body.type, caseId: body.caseId ?? null, payload: body.payload });
  if (body.type !== 'registerCase' && body.caseId) {
    // The scope first: a case outside it answers as one that does not exist, before anything else (such as a
    // lease on its customer) could say otherwise.
    const snap = await readDoc(firestore().collection(COL.cases).doc(body.caseId));
    const c = snap.exists ? (snap.data() as CaseState) : null;
    if (!c || !canSeeCase(actor, c)) throw notVisible('case', body.caseId);
    // Someone else working with this customer right now holds them: refused at once.
    if (body.type === 'caseAction' && CUSTOMER_ACTIONS.includes(String(body.payload.action)))
      await assertNoForeignLease(actor, c);
  }
  return createRequestDocument(actor, {
    type: body.type,
    caseId: body.caseId ?? null,
    payload: body.payload,
    clientRequestId: body.clientRequestId,
  });
}
