import { getAuth } from 'firebase-admin/auth';
import { diffFields, EMPTY_HEAD } from '../../domain/audit/chain';
import type { Actor, Role } from '../../domain/model/roles';
import { Refusal } from '../../domain/refusal';
import type { UserProfile } from '../../data/actors';
import { appendAudit } from '../../data/audit';
import { COL, firestore } from '../../data/db';
import { readDoc, runTx, type Tx } from '../../data/ops';

/**
 * What user administration shares: who may manage whom, the DRC rule, the claims and the audited profile.
 * Claims are set only here, never by a client; the profile (`users/{uid}`) mirrors them so triggers know the role.
 */

export type ProfileFields = Omit<UserProfile, 'uid'>;

export function mayManage(actor: Actor, target: { role: string; drcId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'drc_admin' && target.role === 'ro' && !!actor.drcId && target.drcId === actor.drcId;
}

export function checkDrcRule(targetRole: string, targetDrc: string | null | undefined): void {
  const needsDrc = targetRole === 'drc_admin' || targetRole === 'ro';
  if (needsDrc && !targetDrc)
    throw new Refusal('invalid-argument', 'DRC admins and ROs belong to a DRC.', {
      fields: { drcId: 'is required for this role' },
    });
  if (!needsDrc && targetDrc)
    throw new Refusal('invalid-argument', 'Only DRC admins and ROs belong to a DRC.', {
      fields: { drcId: 'must be empty for this role' },
    });
}

export async function ensureDrcExists(id: string | null | undefined): Promise<void> {
  if (!id) return;
  if (!(await readDoc(firestore().collection(COL.drcs).doc(id))).exists) {
    throw new Refusal('invalid-argument', `There is no DRC ${id}.`, { fields: { drcId: 'is not a DRC' } });
  }
}

/**
 * The Admin SDK's Auth, with the app started first: on a cold instance (or the command line) nothing may have
 * touched Firestore yet, and getAuth() alone then fails with "the default Firebase app does not exist".
 */
export function adminAuth(): ReturnType<typeof getAuth> {
  firestore();
  return getAuth();
}

/** The claims a role and DRC give: set here only, for invitations, changes and the first admin alike. */
export async function setRoleClaims(uid: string, target: { role: Role; drcId?: string | null }): Promise<void> {
  await adminAuth().setCustomUserClaims(uid, { role: target.role, ...(target.drcId ? { drcId: target.drcId } : {}) });
}

/** The profile as it was, without its chain head and timestamp: the audit event's "before". */
export function plainProfile(profile: Record<string, unknown>): ProfileFields {
  const { audit: _audit, updatedAt: _updatedAt, uid: _uid, ...plain } = profile;
  return plain as unknown as ProfileFields;
}

/** Writes the profile and its audit event in one transaction (with `alongside`, a write that belongs with it). */
export async function writeProfile(
  actor: Actor,
  uid: string,
  before: ProfileFields | null,
  after: ProfileFields,
  action: string,
  alongside?: (tx: Tx, now: string) => void,
): Promise<void> {
  const now = new Date().toISOString();
  await runTx(async (tx) => {
    const ref = firestore().collection(COL.users).doc(uid);
    const current = await tx.get(ref);
    const head = (current.get('audit') as { seq: number; hash: string } | undefined) ?? EMPTY_HEAD;
    const diff = diffFields(
      before as unknown as Record<string, unknown> | null,
      after as unknown as Record<string, unknown>,
    );
    const next = appendAudit(tx, head, {
      entity: `users/${uid}`,
      at: now,
      actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
      action,
      summary: `${action}: ${after.email} as ${after.role}${after.drcId ? ` (${after.drcId})` : ''}${after.active ? '' : ', disabled'}`,
      requestId: null,
      before: diff.before,
      after: diff.after,
      details: {},
      transitions: [],
    });
    tx.set(ref, { ...after, audit: next, updatedAt: now });
    alongside?.(tx, now);
  });
}
