import type { Query } from 'firebase-admin/firestore';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { canSeeCase } from '../domain/policy/caseScope';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';
import { notVisible, Refusal } from '../domain/refusal';

export function denied(message: string): Refusal {
  return new Refusal('permission-denied', message);
}

/** The equality filters a list runs under: never wider than the policy table allows the caller. */
export interface ListScope {
  drcId: string | null;
  roId: string | null;
}

export function listScope(actor: Actor, requested: { drcId?: string | null; roId?: string | null }): ListScope {
  if (actor.role === 'ro') {
    if (requested.roId && requested.roId !== actor.uid) throw denied('An RO may list only their own cases.');
    if (requested.drcId && requested.drcId !== actor.drcId) throw denied('An RO may list only their own cases.');
    // An RO's cases are those assigned to them in their DRC: one they were moved from lists nothing of theirs.
    if (!actor.drcId) throw denied('Your account is not linked to a DRC; ask an administrator.');
    return { drcId: actor.drcId, roId: actor.uid };
  }
  if (actor.role === 'drc_admin') {
    if (!actor.drcId) throw denied('Your account is not linked to a DRC; ask an administrator.');
    if (requested.drcId && requested.drcId !== actor.drcId)
      throw denied('A DRC admin may list only their DRC’s cases.');
    return { drcId: actor.drcId, roId: requested.roId ?? null };
  }
  throw denied(`A ${actor.role} may not use the field API.`);
}

export function scopedCases(scope: ListScope): Query {
  let query: Query = firestore().collection(COL.cases);
  if (scope.drcId) query = query.where('drcId', '==', scope.drcId);
  if (scope.roId) query = query.where('roId', '==', scope.roId);
  return query;
}

/** A case the caller may see, or the notVisible answer whether it exists or not. */
export async function loadCaseFor(actor: Actor, caseId: string): Promise<CaseState> {
  const snap = await readDoc(firestore().collection(COL.cases).doc(caseId));
  const c = snap.exists ? (snap.data() as CaseState) : null;
  if (!c || !canSeeCase(actor, c)) throw notVisible('case', caseId);
  return c;
}
