import type { CallableRequest } from 'firebase-functions/v2/https';
import { DEMO_DRCS, DEMO_USERS } from '../../src/demo/dataset';
import { COL, firestore } from '../../src/data/db';
import type { Actor } from '../../src/domain/model/roles';

/** Writes the demo DRCs and user profiles into this test file's project. */
export async function seedOrganisation(): Promise<void> {
  const batch = firestore().batch();
  for (const d of DEMO_DRCS) {
    const { id, ...rest } = d;
    batch.set(firestore().collection(COL.drcs).doc(id), { ...rest, openCases: 0, lastAssignedAt: null });
  }
  for (const u of DEMO_USERS) {
    batch.set(firestore().collection(COL.users).doc(u.uid), {
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      drcId: u.drcId,
      active: true,
    });
  }
  await batch.commit();
}

export function demoActor(key: string): Actor {
  const u = DEMO_USERS.find((x) => x.uid === `demo-${key}`);
  if (!u) throw new Error(`no demo user ${key}`);
  return { uid: u.uid, role: u.role, drcId: u.drcId, displayName: u.displayName };
}

/** A callable request as the Functions runtime builds it from a verified token with our claims. */
export function asUser(
  key: string,
  data: unknown = {},
  /** Claims of a fresh token minted after the user's profile changed (a moved user signing in again). */
  claims: { drcId?: string } = {},
): Pick<CallableRequest, 'auth' | 'data'> {
  const a = demoActor(key);
  const token = {
    role: a.role,
    drcId: a.drcId ?? undefined,
    name: a.displayName,
    email: `${key}@demo.debtx`,
    uid: a.uid,
    ...claims,
  };
  // Only the claims our handlers read are set; the rest of a DecodedIdToken is irrelevant here.
  return { auth: { uid: a.uid, token, rawToken: 'test' } as unknown as CallableRequest['auth'], data };
}
