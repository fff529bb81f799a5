import type { Actor, Role } from '../../domain/model/roles';
import type { UserProfile } from '../../data/actors';
import { COL, firestore } from '../../data/db';
import { readQuery } from '../../data/ops';

/** The directory as the caller may read it: every user for the operator's staff, their own DRC's for a DRC admin. */
export async function listUsers(actor: Actor) {
  let query = firestore().collection(COL.users).orderBy('email');
  if (actor.role === 'drc_admin') {
    if (!actor.drcId) return { users: [] };
    query = firestore().collection(COL.users).where('drcId', '==', actor.drcId).orderBy('email');
  }
  const snap = await readQuery(query.limit(500));
  return {
    users: snap.docs.map((d) => {
      const u = d.data() as UserProfile;
      return {
        uid: d.id,
        email: u.email,
        displayName: u.displayName,
        role: u.role as Role,
        drcId: u.drcId ?? null,
        active: u.active,
      };
    }),
  };
}
