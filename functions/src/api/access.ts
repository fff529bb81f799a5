import type { Query } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { canSeeCase } from '../domain/policy/caseScope';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';

export { CASE_WORKER_ROLES, FIELD_ROLES } from '../domain/policy/operationRoles';

export function denied(message: string): HttpsError {
  return new HttpsError('permission-denied', message);
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

/**
 * The one answer for "there is no such thing" and "it is outside your scope": the same code and the same words,
 * so a caller learns nothing about what they may not see, not even that it exists. Every callable and API
 * operation that looks up a case or a user by id on a caller's behalf refuses through this.
 */
export function notVisible(kind: 'case' | 'user', ids: string | readonly string[], field?: string): HttpsError {
  const list = typeof ids === 'string' ? ids : ids.join(', ');
  const message = `No ${kind} ${list} that you can see.`;
  // A form names the field to correct; the words are the same whether the ids exist elsewhere or not at all.
  return field
    ? new HttpsError('not-found', message, { fields: { [field]: `has no ${kind} ${list} that you can see` } })
    : new HttpsError('not-found', message);
}

/** A case the caller may see, or the notVisible answer whether it exists or not. */
export async function loadCaseFor(actor: Actor, caseId: string): Promise<CaseState> {
  const snap = await readDoc(firestore().collection(COL.cases).doc(caseId));
  const c = snap.exists ? (snap.data() as CaseState) : null;
  if (!c || !canSeeCase(actor, c)) throw notVisible('case', caseId);
  return c;
}
