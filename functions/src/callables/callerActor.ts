import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { isRole, type Actor } from '../domain/model/roles';
import { issuesToFields } from '../domain/requests/schemas';

/** The caller, from the verified ID token's custom claims (set only by admins, issue 7). */
export function callerActor(request: Pick<CallableRequest, 'auth'>): Actor {
  const auth = request.auth;
  if (!auth) throw new HttpsError('unauthenticated', 'Please sign in.');
  const role = auth.token.role;
  if (!isRole(role))
    throw new HttpsError('permission-denied', 'Your account has no DebtX role yet; ask an administrator.');
  const drcId = typeof auth.token.drcId === 'string' ? auth.token.drcId : null;
  const name = typeof auth.token.name === 'string' ? auth.token.name : (auth.token.email ?? auth.uid);
  return { uid: auth.uid, role, drcId, displayName: name };
}

/** Parses callable input with zod; bad input is INVALID_ARGUMENT with per-field messages. */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error);
    throw new HttpsError(
      'invalid-argument',
      `Please correct: ${Object.entries(fields)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}.`,
      { fields },
    );
  }
  return parsed.data;
}
