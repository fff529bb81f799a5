/**
 * The shapes of the administration callables (functions/src/callables/users.ts and auditTrail.ts),
 * which functions/src/api/contract.ts does not carry yet. Types only, like the contract.
 */
import type { z } from 'zod';
import type * as users from '../../../functions/src/domain/contracts/users';
import type { ActorRole } from '../../../functions/src/domain/model/roles';

/** The user operations' shapes are their contracts' (functions/src/domain/contracts/users.ts). */
export type UserView = z.infer<typeof users.userView>;
export type ListUsersOutput = z.infer<typeof users.listUsers.output>;
export type InviteUserInput = z.input<typeof users.inviteUserInput>;
export type InviteUserOutput = z.infer<typeof users.inviteUser.output>;
export type UpdateUserInput = z.input<typeof users.updateUserInput>;

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
