import { z } from 'zod';
import { inviteUserInput } from '../../domain/contracts/users';
import type { Actor } from '../../domain/model/roles';
import { parseOrRefuse } from '../../domain/parseOrRefuse';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { adminAuth, plainProfile, setRoleClaims, writeProfile } from './profiles';

/** Who `npm run admin:create` acts as in the audit trail: a person with the project's credentials, not a user. */
export const COMMAND_LINE_ACTOR: Actor = { uid: 'command-line', role: 'system', displayName: 'npm run admin:create' };

const bootstrapInput = z.strictObject({
  email: inviteUserInput.shape.email,
  displayName: z.string().trim().min(2, 'is too short').max(120).optional(),
});

export interface BootstrapAdminResult {
  uid: string;
  /** A new Auth account was made. */
  created: boolean;
  /** Claims, profile or account changed (false: the user already was an active admin; nothing was written). */
  changed: boolean;
  setPasswordLink: string;
}

/**
 * The first administrator of a new project (`npm run admin:create -- <email>`): nobody can call `inviteUser`
 * before an admin exists. Creates the account or finds it by email and makes it an active admin with the same
 * claims, `users/{uid}` profile and audit event (`inviteUser` for a new profile, `updateUser` for an existing one)
 * as the operations, acting as COMMAND_LINE_ACTOR. Run again, it changes nothing and writes no event.
 */
export async function bootstrapAdmin(
  input: { email: string; displayName?: string },
  actor: Actor = COMMAND_LINE_ACTOR,
): Promise<BootstrapAdminResult> {
  const body = parseOrRefuse(bootstrapInput, input);
  const auth = adminAuth();
  const existing = await auth.getUserByEmail(body.email).catch((error: { code?: string }) => {
    if (error.code === 'auth/user-not-found') return null;
    throw error;
  });
  const user =
    existing ??
    (await auth.createUser({
      email: body.email,
      displayName: body.displayName ?? body.email.split('@')[0],
      emailVerified: false,
    }));
  const snap = await readDoc(firestore().collection(COL.users).doc(user.uid));
  const before = snap.exists ? plainProfile(snap.data() as Record<string, unknown>) : null;
  const next = {
    email: body.email,
    displayName: body.displayName ?? before?.displayName ?? user.displayName ?? body.email,
    role: 'admin' as const,
    drcId: null,
    active: true,
  };
  const claims = user.customClaims ?? {};
  const alreadyAdmin =
    claims.role === 'admin' &&
    !claims.drcId &&
    !user.disabled &&
    before !== null &&
    (Object.keys(next) as (keyof typeof next)[]).every((key) => before[key] === next[key]);
  if (!alreadyAdmin) {
    await setRoleClaims(user.uid, next);
    if (user.disabled) await auth.updateUser(user.uid, { disabled: false });
    // As updateUser does: a changed role ends the sessions that carry the old claims.
    if (existing && (claims.role !== 'admin' || claims.drcId)) await auth.revokeRefreshTokens(user.uid);
    await writeProfile(actor, user.uid, before, next, before ? 'updateUser' : 'inviteUser');
  }
  return {
    uid: user.uid,
    created: !existing,
    changed: !alreadyAdmin,
    setPasswordLink: await auth.generatePasswordResetLink(body.email),
  };
}
