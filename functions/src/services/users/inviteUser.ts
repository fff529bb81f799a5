import type { z } from 'zod';
import type { inviteUserInput } from '../../domain/contracts/users';
import type { Actor } from '../../domain/model/roles';
import { invitationDelivery } from '../../domain/notifications/invitation';
import { Refusal } from '../../domain/refusal';
import { col } from '../notifications/store';
import { adminAuth, checkDrcRule, ensureDrcExists, mayManage, setRoleClaims, writeProfile } from './profiles';

/**
 * Creates the account with its claims and an audited profile; the invitee sets their own password through a link
 * that goes to them by email through the outbox, in the same transaction as the profile.
 */
export async function inviteUser(actor: Actor, body: z.output<typeof inviteUserInput>) {
  const target = { role: body.role, drcId: body.drcId ?? null };
  if (!mayManage(actor, target)) throw new Refusal('permission-denied', 'You may not invite a user with that role.');
  checkDrcRule(body.role, body.drcId);
  await ensureDrcExists(body.drcId);
  const auth = adminAuth();
  const existing = await auth.getUserByEmail(body.email).catch(() => null);
  if (existing)
    throw new Refusal('already-exists', `${body.email} already has an account.`, {
      fields: { email: 'is already registered' },
    });
  const user = await auth.createUser({ email: body.email, displayName: body.displayName, emailVerified: false });
  await setRoleClaims(user.uid, body);
  // Never back to the inviter (who could then sign in as them) and never into a log.
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
