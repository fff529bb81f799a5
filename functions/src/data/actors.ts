import { isRole, type Actor } from '../domain/model/roles';
import { COL, firestore } from './db';
import type { Tx } from './ops';

/** A user's profile (`users/{uid}`): the role and DRC mirrored from their custom claims. */
export interface UserProfile {
  uid: string;
  email: string;
  displayName: string;
  role: string;
  drcId: string | null;
  active: boolean;
  /** Sessions signed in before this instant have ended (set when the user is disabled, re-roled or moved). */
  sessionsRevokedAt?: string | null;
}

/** Triggers have no auth token: they read the requester's role from the profile the admin set with the claims. */
export async function actorFromProfile(tx: Tx, uid: string): Promise<Actor | { refused: string }> {
  const snap = await tx.get(firestore().collection(COL.users).doc(uid));
  if (!snap.exists) return { refused: `User ${uid} has no DebtX profile.` };
  const profile = snap.data() as UserProfile;
  if (!profile.active) return { refused: `User ${profile.email} is disabled.` };
  if (!isRole(profile.role)) return { refused: `User ${profile.email} has no valid role.` };
  return { uid, role: profile.role, drcId: profile.drcId ?? null, displayName: profile.displayName };
}
