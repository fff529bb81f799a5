import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import * as logger from 'firebase-functions/logger';
import { isRole, type Actor } from '../domain/model/roles';
import { SESSION_ENDED, sessionRefusal } from '../domain/policy/session';
import { issuesToFields } from '../domain/requests/schemas';
import { pleaseCorrect } from '../domain/validation/issues';
import { sessionProfile } from '../data/sessions';

/**
 * The caller, from the verified ID token's custom claims (set only by the user administration callables),
 * provided the session is still current: the profile says the account is active, with the token's role and
 * DRC, and the token was signed in after the profile's last revocation. Otherwise UNAUTHENTICATED, so the
 * client signs in again and gets a token with the claims as they are now.
 */
export async function callerActor(request: Pick<CallableRequest, 'auth'>): Promise<Actor> {
  const auth = request.auth;
  if (!auth) throw new HttpsError('unauthenticated', 'Please sign in.');
  const role = auth.token.role;
  if (!isRole(role))
    throw new HttpsError('permission-denied', 'Your account has no DebtX role yet; ask an administrator.');
  const drcId = typeof auth.token.drcId === 'string' ? auth.token.drcId : null;
  const authTime = typeof auth.token.auth_time === 'number' ? auth.token.auth_time : null;
  const why = sessionRefusal({ role, drcId, authTime }, await sessionProfile(auth.uid));
  if (why) {
    logger.info('session refused', { uid: auth.uid, why });
    throw new HttpsError('unauthenticated', SESSION_ENDED);
  }
  const name = typeof auth.token.name === 'string' ? auth.token.name : (auth.token.email ?? auth.uid);
  return { uid: auth.uid, role, drcId, displayName: name, email: auth.token.email ?? null };
}

/** Parses callable input with zod; bad input is INVALID_ARGUMENT with per-field messages. */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error);
    throw new HttpsError('invalid-argument', pleaseCorrect(fields), { fields });
  }
  return parsed.data;
}
