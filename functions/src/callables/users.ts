import { getAuth } from 'firebase-admin/auth';
import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { documentId } from '../domain/model/ids';
import { REGION } from '../config';
import { diffFields, EMPTY_HEAD } from '../domain/audit/chain';
import { ROLES, type Actor, type Role } from '../domain/model/roles';
import type { UserProfile } from '../data/actors';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery, runTx, type Tx } from '../data/ops';
import { notVisible } from '../api/legacyRefusal';
import { forgetSession } from '../data/sessions';
import { invitationDelivery } from '../domain/notifications/invitation';
import { LANGUAGES } from '../domain/notifications/templates';
import { handBackCases } from '../services/handBack';
import { col } from '../services/notifications/store';
import { callerActor, parseInput } from '../api/caller';

/**
 * User administration. Claims are set only here, never by a client: an admin invites users,
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

/**
 * The Admin SDK's Auth, with the app started first: on a cold instance (or the command line) nothing may have
 * touched Firestore yet, and getAuth() alone then fails with "the default Firebase app does not exist".
 */
function adminAuth(): ReturnType<typeof getAuth> {
  firestore();
  return getAuth();
}

/** The claims a role and DRC give: set here only, for invitations, changes and the first admin alike. */
async function setRoleClaims(uid: string, target: { role: Role; drcId?: string | null }): Promise<void> {
  await adminAuth().setCustomUserClaims(uid, { role: target.role, ...(target.drcId ? { drcId: target.drcId } : {}) });
}

/** The profile as it was, without its chain head and timestamp: the audit event's "before". */
function plainProfile(profile: Record<string, unknown>): Omit<UserProfile, 'uid'> {
  const { audit: _audit, updatedAt: _updatedAt, uid: _uid, ...plain } = profile;
  return plain as unknown as Omit<UserProfile, 'uid'>;
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
  const auth = adminAuth();
  const existing = await auth.getUserByEmail(body.email).catch(() => null);
  if (existing)
    throw new HttpsError('already-exists', `${body.email} already has an account.`, {
      fields: { email: 'is already registered' },
    });
  const user = await auth.createUser({ email: body.email, displayName: body.displayName, emailVerified: false });
  await setRoleClaims(user.uid, body);
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
  const snap = await readDoc(firestore().collection(COL.users).doc(body.uid));
  // No such user and another DRC's user get one answer, so a DRC admin cannot probe the directory.
  if (!snap.exists) throw notVisible('user', body.uid);
  const before = { ...(snap.data() as UserProfile), uid: body.uid };
  if (!mayManage(actor, before)) throw notVisible('user', body.uid);
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
  const auth = adminAuth();
  await setRoleClaims(body.uid, { role: next.role as Role, drcId: next.drcId });
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

/** Who `npm run admin:create` acts as in the audit trail: a person with the project's credentials, not a user. */
export const COMMAND_LINE_ACTOR: Actor = { uid: 'command-line', role: 'system', displayName: 'npm run admin:create' };

const bootstrapInput = z.strictObject({
  email: inviteInput.shape.email,
  displayName: z.string().trim().min(2, 'is too short').max(120).optional(),
});

export interface BootstrapAdminResult {
  uid: string;
  /** A new Auth account was made. */
  created: boolean;
  /** Claims, profile or account changed (false: the user already was an active admin; nothing was written). */
  changed: boolean;
  setPasswordLink: string;
}

/**
 * The first administrator of a new project (`npm run admin:create -- <email>`): nobody can call `inviteUser`
 * before an admin exists. Creates the account or finds it by email and makes it an active admin with the same
 * claims, `users/{uid}` profile and audit event (`inviteUser` for a new profile, `updateUser` for an existing one)
 * as the callables, acting as COMMAND_LINE_ACTOR. Run again, it changes nothing and writes no event.
 */
export async function bootstrapAdmin(
  input: { email: string; displayName?: string },
  actor: Actor = COMMAND_LINE_ACTOR,
): Promise<BootstrapAdminResult> {
  const body = parseInput(bootstrapInput, input);
  const auth = adminAuth();
  const existing = await auth.getUserByEmail(body.email).catch((error: { code?: string }) => {
    if (error.code === 'auth/user-not-found') return null;
    throw error;
  });
  const user =
    existing ??
    (await auth.createUser({
      email: body.email,
      displayName: body.displayName ?? body.email.split('@')[0],
      emailVerified: false,
    }));
  const snap = await firestore().collection(COL.users).doc(user.uid).get();
  const before = snap.exists ? plainProfile(snap.data() as Record<string, unknown>) : null;
  const next = {
    email: body.email,
    displayName: body.displayName ?? before?.displayName ?? user.displayName ?? body.email,
    role: 'admin' as const,
    drcId: null,
    active: true,
  };
  const claims = user.customClaims ?? {};
  const alreadyAdmin =
    claims.role === 'admin' &&
    !claims.drcId &&
    !user.disabled &&
    before !== null &&
    (Object.keys(next) as (keyof typeof next)[]).every((key) => before[key] === next[key]);
  if (!alreadyAdmin) {
    await setRoleClaims(user.uid, next);
    if (user.disabled) await auth.updateUser(user.uid, { disabled: false });
    // As updateUser does: a changed role ends the sessions that carry the old claims.
    if (existing && (claims.role !== 'admin' || claims.drcId)) await auth.revokeRefreshTokens(user.uid);
    await writeProfile(actor, user.uid, before, next, before ? 'updateUser' : 'inviteUser');
  }
  return {
    uid: user.uid,
    created: !existing,
    changed: !alreadyAdmin,
    setPasswordLink: await auth.generatePasswordResetLink(body.email),
  };
}

export const inviteUser = onCall({ region: REGION }, inviteUserHandler);
export const updateUser = onCall({ region: REGION }, updateUserHandler);
export const listUsers = onCall({ region: REGION }, listUsersHandler);
