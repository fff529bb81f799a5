/**
 * The shapes of the administration callables (functions/src/callables/users.ts and auditTrail.ts),
 * which functions/src/api/contract.ts does not carry yet. Types only, like the contract.
 */
import type { z } from 'zod';
import type * as users from '../../../functions/src/domain/contracts/users';

/** The user operations' shapes are their contracts' (functions/src/domain/contracts/users.ts). */
export type UserView = z.infer<typeof users.userView>;
export type ListUsersOutput = z.infer<typeof users.listUsers.output>;
export type InviteUserInput = z.input<typeof users.inviteUserInput>;
export type InviteUserOutput = z.infer<typeof users.inviteUser.output>;
export type UpdateUserInput = z.input<typeof users.updateUserInput>;

/** The audit trail's shapes: the contracts in functions/src/domain/contracts/audit.ts. */
export type {
  AuditEventView,
  ReadAuditTrailInput,
  ReadAuditTrailOutput,
  AuditTrailReport,
} from '../../../functions/src/domain/contracts/audit';
