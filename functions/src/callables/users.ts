import { getAuth } from 'firebase-admin/auth';
import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { documentId } from '../domain/model/ids';
import { REGION } from '../config';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import { ROLES, type Actor } from '../domain/model/roles';
import type { UserProfile } from '../data/actors';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { readQuery, runTx, type Tx } from '../data/ops';
import { forgetSession } from '../data/sessions';
import { invitationDelivery } from '../domain/notifications/invitation';
import { LANGUAGES } from '../domain/notifications/templates';
import { handBackCases } from '../services/handBack';
import { col } from '../services/notifications/store';
import { callerActor, parseInput } from './callerActor';

/**
 * User administration (issue 7 §1). Claims are set only here, never by a client: an admin invites users,
 * changes roles, assigns DRCs and disables accounts; a DRC admin may do the same for ROs of their own DRC.
 * The profile (`users/{uid}`) mirrors the claims so triggers know the role; every change is audited and
 * a changed role revokes the user's sessions, so the new claims apply at once.
 */
const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
const drcId = z
  .string()
  .regex(/^[a-z0-9_-]{1,64}$/, 'is not a DRC id')
  .nullish();

const inviteInput = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(254),
  displayName: z.string().trim().min(2, 'is required').max(120),
  role,
  drcId,
  /** The language of the invitation email; English unless the inviter knows better. */
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
});

const updateInput = z.strictObject({
  uid: documentId('a user id', 128),
  role: role.optional(),
  drcId,
  disabled: z.boolean().optional(),
  displayName: z.string().trim().min(2).max(120).optional(),
});

function mayManage(actor: Actor, target: { role: string; drcId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'drc_admin' && target.role === 'ro' && !!actor.drcId && target.drcId === actor.drcId;
}

function checkDrcRule(targetRole: string, targetDrc: string | null | undefined): void {
  const needsDrc = targetRole === 'drc_admin' || targetRole === 'ro';
  if (needsDrc && !targetDrc)
    throw new HttpsError('invalid-argument', 'DRC admins and ROs belong to a DRC.', {
      fields: { drcId: 'is required for this role' },
    });
  if (!needsDrc && targetDrc)
    throw new HttpsError('invalid-argument', 'Only DRC admins and ROs belong to a DRC.', {
      fields: { drcId: 'must be empty for this role' },
    });
}

async function ensureDrcExists(id: string | null | undefined): Promise<void> {
  if (!id) return;
  if (!(await firestore().collection(COL.drcs).doc(id).get()).exists) {
    throw new HttpsError('invalid-argument', `There is no DRC ${id}.`, { fields: { drcId: 'is not a DRC' } });
  }
}

async function writeProfile(
  actor: Actor,
  uid: string,
  before: Omit<UserProfile, 'uid'> | null,
  after: Omit<UserProfile, 'uid'>,
  action: string,
  /** A write that belongs with this change (the invitation email), in the same transaction. */
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

export async function inviteUserHandler(request: Pick<CallableRequest, 'auth' | 'data'>) {
  const actor = await callerActor(request);
  const body = parseInput(inviteInput, request.data);
  const target = { role: body.role, drcId: body.drcId ?? null };
  if (!mayManage(actor, target)) throw new HttpsError('permission-denied', 'You may not invite a user with that role.');
  checkDrcRule(body.role, body.drcId);
  await ensureDrcExists(body.drcId);
  const auth = getAuth();
  const existing = await auth.getUserByEmail(body.email).catch(() => null);
  if (existing)
    throw new HttpsError('already-exists', `${body.email} already has an account.`, {
      fields: { email: 'is already registered' },
    });
  const user = await auth.createUser({ email: body.email, displayName: body.displayName, emailVerified: false });
  await auth.setCustomUserClaims(user.uid, { role: body.role, ...(body.drcId ? { drcId: body.drcId } : {}) });
  // The invitee sets their own password through this link. It goes to them by email through the outbox, never
  // back to the inviter (who could then sign in as them) and never into a log.
  const setPasswordLink = await auth.generatePasswordResetLink(body.email);
  const invitee = { uid: user.uid, email: body.email, displayName: body.displayName, role: body.role };
  await writeProfile(
    actor,
    user.uid,
    null,
    { email: body.email, displayName: body.displayName, role: body.role, drcId: body.drcId ?? null, active: true },
    'inviteUser',
    (tx, now) => {
      const message = invitationDelivery(invitee, body.language ?? 'en', setPasswordLink, now);
      tx.create(col('outbox').doc(message.id), { ...message });
    },
  );
  return { uid: user.uid, invitationSent: true as const, emailedTo: body.email };
}

export async function updateUserHandler(request: Pick<CallableRequest, 'auth' | 'data'>) {
  const actor = await callerActor(request);
  const body = parseInput(updateInput, request.data);
  const snap = await firestore().collection(COL.users).doc(body.uid).get();
  if (!snap.exists) throw new HttpsError('not-found', `No user ${body.uid}.`);
  const before = { ...(snap.data() as UserProfile), uid: body.uid };
  if (!mayManage(actor, before)) throw new HttpsError('permission-denied', 'You may not manage this user.');
  if (body.uid === actor.uid && (body.role || body.disabled))
    throw new HttpsError('failed-precondition', 'You cannot change your own role or disable yourself.');
  const next = {
    email: before.email,
    displayName: body.displayName ?? before.displayName,
    role: body.role ?? before.role,
    drcId: body.drcId === undefined ? before.drcId : body.drcId,
    active: body.disabled === undefined ? before.active : !body.disabled,
  };
  if (!mayManage(actor, next)) throw new HttpsError('permission-denied', 'You may not give a user that role or DRC.');
  checkDrcRule(next.role, next.drcId);
  await ensureDrcExists(next.drcId);
  const auth = getAuth();
  await auth.setCustomUserClaims(body.uid, { role: next.role, ...(next.drcId ? { drcId: next.drcId } : {}) });
  await auth.updateUser(body.uid, { disabled: !next.active, displayName: next.displayName });
  const revoke = next.role !== before.role || next.drcId !== before.drcId || (!next.active && before.active);
  if (revoke) await auth.revokeRefreshTokens(body.uid);
  const {
    audit: _audit,
    updatedAt: _updatedAt,
    uid: _uid,
    ...plainBefore
  } = before as UserProfile & { audit?: unknown; updatedAt?: unknown };
  // Refresh tokens only stop new ID tokens; the revocation time on the profile ends the ones already issued
  // (callerActor compares each token's auth_time with it), so a moved or disabled user stops at once.
  const now = new Date().toISOString();
  await writeProfile(
    actor,
    body.uid,
    plainBefore,
    { ...next, sessionsRevokedAt: revoke ? now : (before.sessionsRevokedAt ?? null) },
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

export async function listUsersHandler(request: Pick<CallableRequest, 'auth' | 'data'>) {
  const actor = await callerActor(request);
  let query = firestore().collection(COL.users).orderBy('email');
  if (actor.role === 'drc_admin') {
    if (!actor.drcId) return { users: [] };
    query = firestore().collection(COL.users).where('drcId', '==', actor.drcId).orderBy('email');
  } else if (!['admin', 'supervisor', 'recovery_officer', 'auditor'].includes(actor.role)) {
    throw new HttpsError('permission-denied', 'You may not list users.');
  }
  const snap = await readQuery(query.limit(500));
  return {
    users: snap.docs.map((d) => {
      const u = d.data() as UserProfile;
      return {
        uid: d.id,
        email: u.email,
        displayName: u.displayName,
        role: u.role,
        drcId: u.drcId ?? null,
        active: u.active,
      };
    }),
  };
}

export const inviteUser = onCall({ region: REGION }, inviteUserHandler);
export const updateUser = onCall({ region: REGION }, updateUserHandler);
export const listUsers = onCall({ region: REGION }, listUsersHandler);
