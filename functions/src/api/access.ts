import type { Query } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type { CaseState } from '../domain/model/case';
import type { Actor, Role } from '../domain/model/roles';
import { canSeeCase } from '../domain/policy/caseScope';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';

/** The mobile API is the field's (seed 000 §1.3): ROs and their DRC admins. Anyone else is refused. */
export const FIELD_ROLES: readonly Role[] = ['ro', 'drc_admin'];
/** Presence is for everyone who works cases, so an RO and an officer never talk to one customer at once. */
export const CASE_WORKER_ROLES: readonly Role[] = [
  'ro',
  'drc_admin',
  'recovery_officer',
  'supervisor',
  'mediation_board',
  'rcmp',
];

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
    return { drcId: null, roId: actor.uid };
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
 * A case the caller may see, or PERMISSION_DENIED with the same words whether it exists or not:
 * a caller outside the policy learns nothing about the case (not even that it exists).
 */
export async function loadCaseFor(actor: Actor, caseId: string): Promise<CaseState> {
  const snap = await readDoc(firestore().collection(COL.cases).doc(caseId));
  const c = snap.exists ? (snap.data() as CaseState) : null;
  if (!c || !canSeeCase(actor, c)) throw denied(`You may not see case ${caseId}.`);
  return c;
}
