import { HttpsError } from 'firebase-functions/v2/https';
import { notVisible as refusal } from '../domain/refusal';

/**
 * For the callables not yet moved into the registry (they throw HttpsErrors themselves): the same answer as
 * domain/refusal.ts notVisible, as an HttpsError. Goes when the last of them is an operation.
 */
export function notVisible(...args: Parameters<typeof refusal>): HttpsError {
  const r = refusal(...args);
  return new HttpsError(r.code, r.message, r.details);
}
