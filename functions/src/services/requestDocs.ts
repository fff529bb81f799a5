import type { DocumentSnapshot } from 'firebase-admin/firestore';
import { Refusal } from '../domain/refusal';
import type { Actor } from '../domain/model/roles';
import { keyReusedMessage, requestFingerprint } from '../domain/requests/fingerprint';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';

export interface RequestDocInput {
  type: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  clientRequestId: string;
}

/**
 * The fingerprint of a stored request: the one written with it, or, for a document a full-stack client created
 * directly (the rules let it write only the request's own fields), the one its fields give.
 */
function storedFingerprint(snap: DocumentSnapshot): string {
  const stored = snap.get('fingerprint') as unknown;
  if (typeof stored === 'string') return stored;
  return requestFingerprint({
    type: String(snap.get('type')),
    caseId: (snap.get('caseId') as string | null | undefined) ?? null,
    payload: snap.get('payload') as unknown,
  });
}

/**
 * Whether an existing request document is this caller's same request (same key, same canonical body). Anything
 * else (another body, another case, another type, someone else's key) is refused with the same words, naming the
 * key: a reused key never answers for a write it did not make.
 */
export function assertSameRequest(
  actor: Actor,
  snap: DocumentSnapshot,
  body: Omit<RequestDocInput, 'clientRequestId'>,
) {
  if (snap.get('createdBy') === actor.uid && storedFingerprint(snap) === requestFingerprint(body)) return;
  throw new Refusal('already-exists', keyReusedMessage(snap.id), {
    fields: { clientRequestId: 'is already used for a different request' },
  });
}

/**
 * Writes `requests/{clientRequestId}` as PENDING for the onRequestCreated trigger to apply: the one shape
 * every writer (submitRequest, the mobile API) produces, with the fingerprint of its canonical body. Idempotent by
 * the client's id: a retry by the same user with the same body returns the same request; any other use of the id
 * is refused (assertSameRequest).
 */
export async function createRequestDocument(
  actor: Actor,
  body: RequestDocInput,
  /** The body the client's key is bound to, when the server wrote another payload for it (caseWrites.ts). */
  boundTo: Omit<RequestDocInput, 'clientRequestId'> = body,
): Promise<{ requestId: string }> {
  const ref = firestore().collection(COL.requests).doc(body.clientRequestId);
  const doc = {
    type: body.type,
    caseId: body.caseId,
    payload: body.payload,
    clientRequestId: body.clientRequestId,
    fingerprint: requestFingerprint(boundTo),
    createdBy: actor.uid,
    createdAt: new Date().toISOString(),
    state: 'PENDING',
    error: null,
    appliedAt: null,
    attempts: 0,
  };
  try {
    await ref.create(doc);
  } catch (error) {
    const existing = await readDoc(ref);
    if (!existing.exists) throw error;
    assertSameRequest(actor, existing, boundTo);
  }
  return { requestId: ref.id };
}

/** A request's state as its author may read it: how a client learns its write was applied, or why not. */
export interface OwnRequest {
  state: 'PENDING' | 'APPLIED' | 'REJECTED';
  error: { code: string; message: string; fields?: Record<string, string> } | null;
  caseId: string | null;
}

/** One of the caller's own requests (its state and outcome), or null: someone else's looks like none at all. */
export async function ownRequest(actor: Actor, requestId: string): Promise<OwnRequest | null> {
  const snap = await readDoc(firestore().collection(COL.requests).doc(requestId));
  if (!snap.exists || snap.get('createdBy') !== actor.uid) return null;
  return { state: snap.get('state'), error: snap.get('error') ?? null, caseId: snap.get('caseId') ?? null };
}
