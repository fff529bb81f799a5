/**
 * The shapes of the administration callables (functions/src/callables/users.ts and auditTrail.ts),
 * which functions/src/api/contract.ts does not carry yet. Types only, like the contract.
 */
import type { Language } from '../../../functions/src/domain/model/languages';
import type { ActorRole, Role } from '../../../functions/src/domain/model/roles';

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
  language?: Language;
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

/** One audit event (functions/src/domain/audit/chain.ts AuditEvent, with its document id). */
export interface AuditEventView {
  id: string;
  /** `cases/<id>`, `users/<uid>`, ... */
  entity: string;
  /** Its number in the entity's chain, from 1. */
  seq: number;
  at: string;
  actor: { uid: string; role: ActorRole; displayName: string | null };
  action: string;
  summary: string;
  requestId: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  details: Record<string, unknown>;
  transitions: { from: string; to: string; mode: string }[];
  prevHash: string;
  hash: string;
}

export interface ReadAuditTrailInput {
  /** One entity's chain, in order; without it, the newest events first. */
  entity?: string;
  limit?: number;
}

export interface ReadAuditTrailOutput {
  events: AuditEventView[];
}

/** What verifyAuditTrail found: every chain checked, and the first broken link of each broken one. */
export interface AuditTrailReport {
  entities: number;
  events: number;
  broken: { entity: string; seq: number; reason: string }[];
}
