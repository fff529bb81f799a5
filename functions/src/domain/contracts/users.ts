import { z } from 'zod';
import { documentId } from '../model/ids';
import { ROLES } from '../model/roles';
import { LANGUAGES } from '../notifications/templates';
import { SIGNED_IN_ROLES, USER_ADMIN_ROLES, USER_READER_ROLES } from '../policy/operationRoles';
import { defineContract } from './define';

/**
 * Who the caller is, and user administration. Claims are set only by these operations, never by a client: an
 * admin invites users, changes roles, assigns DRCs and disables accounts; a DRC admin does the same for the ROs
 * of their own DRC.
 */

const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
const drcId = z
  .string()
  .regex(/^[a-z0-9_-]{1,64}$/, 'is not a DRC id')
  .nullish();

export const me = z.object({
  uid: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  drcId: z.string().nullable(),
  displayName: z.string(),
});

export const whoAmI = defineContract({
  name: 'whoAmI',
  summary: 'The signed-in user: uid, email, role, DRC and display name, as the session’s claims say now.',
  area: 'users',
  rest: { method: 'GET', path: '/me', tag: 'Account' },
  roles: SIGNED_IN_ROLES,
  input: z.strictObject({}),
  output: me,
});

/** A user as listUsers lists them, and as updateUser returns them. */
export const userView = z.object({
  uid: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  drcId: z.string().nullable(),
  active: z.boolean(),
});

export const inviteUserInput = z.strictObject({
  email: z.email({ error: 'must be an email address' }).max(254),
  displayName: z.string().trim().min(2, 'is required').max(120),
  role,
  /** Only for DRC admins and ROs, who belong to a DRC. */
  drcId,
  /** The language of the invitation email; English unless the inviter knows better. */
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
});

export const inviteUser = defineContract({
  name: 'inviteUser',
  summary: 'Create an account with a role (and DRC); the set-password link goes to the invitee by email.',
  area: 'users',
  roles: USER_ADMIN_ROLES,
  input: inviteUserInput,
  output: z.object({
    uid: z.string(),
    /** The set-password link went to the invited person by email; it is never returned to the inviter. */
    invitationSent: z.literal(true),
    emailedTo: z.string(),
  }),
});

/** Only the fields given change; `drcId: null` takes the user out of their DRC. */
export const updateUserInput = z.strictObject({
  uid: documentId('a user id', 128),
  role: role.optional(),
  drcId,
  disabled: z.boolean().optional(),
  displayName: z.string().trim().min(2).max(120).optional(),
});

export const updateUser = defineContract({
  name: 'updateUser',
  summary: 'Change a user’s role, DRC, name, or disable them; a changed role or DRC ends their sessions at once.',
  area: 'users',
  roles: USER_ADMIN_ROLES,
  input: updateUserInput,
  output: userView,
});

export const listUsers = defineContract({
  name: 'listUsers',
  summary: 'The user directory as the caller may read it (a DRC admin: their own DRC’s users).',
  area: 'users',
  roles: USER_READER_ROLES,
  input: z.strictObject({}),
  output: z.object({ users: z.array(userView) }),
});

export const USERS_CONTRACTS = [whoAmI, inviteUser, updateUser, listUsers] as const;
