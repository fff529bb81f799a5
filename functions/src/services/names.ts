import type { CaseState } from '../domain/model/case';
import { COL, firestore } from '../data/db';
import { opCount } from '../data/ops';

export interface Names {
  /** DRC id → its name. */
  drcs: Record<string, string>;
  /** User id → display name (the ROs). */
  users: Record<string, string>;
}

/** The names of the DRCs and ROs of these cases, for lists that must not show bare ids: one getAll for all. */
export async function namesOf(cases: Pick<CaseState, 'drcId' | 'roId'>[]): Promise<Names> {
  const drcIds = [...new Set(cases.map((c) => c.drcId).filter((x): x is string => !!x))];
  const roIds = [...new Set(cases.map((c) => c.roId).filter((x): x is string => !!x))];
  const refs = [
    ...drcIds.map((id) => firestore().collection(COL.drcs).doc(id)),
    ...roIds.map((id) => firestore().collection(COL.users).doc(id)),
  ];
  const names: Names = { drcs: {}, users: {} };
  if (refs.length === 0) return names;
  const snaps = await firestore().getAll(...refs);
  opCount.reads += snaps.length;
  for (const snap of snaps) {
    if (!snap.exists) continue;
    if (snap.ref.parent.id === COL.drcs) names.drcs[snap.id] = String(snap.get('name') ?? snap.id);
    else names.users[snap.id] = String(snap.get('displayName') ?? snap.id);
  }
  return names;
}
