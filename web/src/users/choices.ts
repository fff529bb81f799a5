import type { Role } from '../../../functions/src/domain/model/roles';
import type { UserView } from '../../../functions/src/domain/contracts/types';

/** Every role once (a Record, so a role added to functions/src/domain/model/roles.ts ROLES must be added here). */
const EVERY_ROLE: Record<Role, true> = {
  admin: true,
  recovery_officer: true,
  supervisor: true,
  drc_admin: true,
  ro: true,
  mediation_board: true,
  rcmp: true,
  auditor: true,
};

/** The roles, in the order ROLES lists them. */
export const ALL_ROLES = Object.keys(EVERY_ROLE) as Role[];

/**
 * The DRCs of the demo organisation (functions/src/demo/dataset.ts). No function lists DRCs yet, so the
 * choices are these and every DRC a listed user belongs to; the functions refuse a DRC that does not exist.
 */
const KNOWN_DRC_IDS = ['drc1', 'drc2', 'drc3'];

export function drcChoices(users: readonly UserView[] | null): string[] {
  const ids = new Set(KNOWN_DRC_IDS);
  for (const user of users ?? []) if (user.drcId) ids.add(user.drcId);
  return [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
