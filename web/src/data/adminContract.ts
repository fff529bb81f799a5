/**
 * The shapes of the administration callables (functions/src/callables/users.ts and auditTrail.ts),
 * which functions/src/api/contract.ts does not carry yet. Types only, like the contract.
 */
import type { Role } from '../../../functions/src/domain/model/roles';

/** A user as listUsers lists them, and as updateUser returns them. */
export interface UserView {
  uid: string;
  email: string;
  displayName: string;
  role: Role;
  drcId: string | null;
  active: boolean;
}

export interface ListUsersOutput {
  users: UserView[];
}

export interface InviteUserInput {
  email: string;
  displayName: string;
  role: Role;
  /** Only for DRC admins and ROs, who belong to a DRC. */
  drcId?: string | null;
  /** The language of the invitation email (the inviter's screen language: they usually share it). */
  language?: 'en' | 'si' | 'ta';
}

export interface InviteUserOutput {
  uid: string;
  /** The set-password link went to the invited person by email; it is never returned to the inviter. */
  invitationSent: true;
  emailedTo: string;
}

/** Only the fields given change; `drcId: null` takes the user out of their DRC. */
export interface UpdateUserInput {
  uid: string;
  role?: Role;
  drcId?: string | null;
  disabled?: boolean;
  displayName?: string;
}

/** The audit trail's shapes: the contracts in functions/src/domain/contracts/audit.ts. */
export type {
  AuditEventView,
  ReadAuditTrailInput,
  ReadAuditTrailOutput,
  AuditTrailReport,
} from '../../../functions/src/domain/contracts/audit';
