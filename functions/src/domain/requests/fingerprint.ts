import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/chain';

/**
 * What an idempotency key (a request's `clientRequestId`, a bulk operation's `operationId`) is bound to: the
 * canonical JSON (keys sorted at every level) of the request's type, case and payload, hashed. Two submissions
 * with the same key are the same request only when their fingerprints are equal; the second then gets the first
 * one's outcome, and anything else is refused, so a reused key can never stand for a write it did not make.
 *
 * A registration's case id is left out: it is null when asked for and becomes the new case's id once applied,
 * so the fingerprint of a stored request document must not depend on it.
 */
export function requestFingerprint(request: { type: string; caseId?: string | null; payload: unknown }): string {
  const caseId = request.type === 'registerCase' ? null : (request.caseId ?? null);
  return createHash('sha256')
    .update(canonicalJson({ type: request.type, caseId, payload: request.payload ?? null }))
    .digest('hex');
}

/** The words every path uses when a key comes back with a different request (REST answers it with 409). */
export function keyReusedMessage(key: string): string {
  return `The key ${key} was already used for a different request.`;
}
