import type { z } from 'zod';
import type { updateUserInput } from '../../domain/contracts/users';
import type { Actor, Role } from '../../domain/model/roles';
import { notVisible, Refusal } from '../../domain/refusal';
import type { UserProfile } from '../../data/actors';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { forgetSession } from '../../data/sessions';
import { handBackCases } from '../handBack';
import {
  adminAuth,
  checkDrcRule,
  ensureDrcExists,
  mayManage,
  plainProfile,
  setRoleClaims,
  writeProfile,
} from './profiles';

/**
 * Changes a user's role, DRC, name or state. A changed role or DRC, or a disabled account, revokes the user's
 * sessions so the new claims apply at once; an RO who leaves a DRC hands its cases back.
 */
export async function updateUser(actor: Actor, body: z.output<typeof updateUserInput>) {
  const snap = await readDoc(firestore().collection(COL.users).doc(body.uid));
  // No such user and another DRC's user get one answer, so a DRC admin cannot probe the directory.
  if (!snap.exists) throw notVisible('user', body.uid);
  const before = { ...(snap.data() as UserProfile), uid: body.uid };
  if (!mayManage(actor, before)) throw notVisible('user', body.uid);
  if (body.uid === actor.uid && (body.role || body.disabled))
    throw new Refusal('failed-precondition', 'You cannot change your own role or disable yourself.');
  const next = {
    email: before.email,
    displayName: body.displayName ?? before.displayName,
    // A profile's role is one the claims were set from (this file and inviteUser only).
    role: (body.role ?? before.role) as Role,
    drcId: body.drcId === undefined ? (before.drcId ?? null) : body.drcId,
    active: body.disabled === undefined ? before.active : !body.disabled,
  };
  if (!mayManage(actor, next)) throw new Refusal('permission-denied', 'You may not give a user that role or DRC.');
  checkDrcRule(next.role, next.drcId);
  await ensureDrcExists(next.drcId);
  const auth = adminAuth();
  await setRoleClaims(body.uid, { role: next.role, drcId: next.drcId });
  await auth.updateUser(body.uid, { disabled: !next.active, displayName: next.displayName });
  const revoke = next.role !== before.role || next.drcId !== before.drcId || (!next.active && before.active);
  if (revoke) await auth.revokeRefreshTokens(body.uid);
  // Refresh tokens only stop new ID tokens; the revocation time on the profile ends the ones already issued
  // (callerActor compares each token's auth_time with it), so a moved or disabled user stops at once.
  const now = new Date().toISOString();
  await writeProfile(
    actor,
    body.uid,
    plainProfile(before as unknown as Record<string, unknown>),
    // Over the profile as it was: what other screens keep there (an RO's areas and capacity) stays.
    {
      ...plainProfile(before as unknown as Record<string, unknown>),
      ...next,
      sessionsRevokedAt: revoke ? now : (before.sessionsRevokedAt ?? null),
    },
    'updateUser',
  );
  forgetSession(body.uid);
  if (before.role === 'ro' && before.drcId && (next.role !== 'ro' || next.drcId !== before.drcId)) {
    // An RO who leaves a DRC takes none of its customers along (docs/decisions/0025-moved-ro-hands-cases-back.md).
    const why = next.role !== 'ro' ? `${before.displayName} is no longer an RO` : `${before.displayName} moved DRC`;
    await handBackCases(actor, body.uid, before.drcId, why, now);
  }
  return { uid: body.uid, ...next };
}
