/** The people who use DebtX (docs/domain.md, "Roles"). Claims carry one of these as `role`. */
export const ROLES = [
  'admin',
  'recovery_officer',
  'supervisor',
  'drc_admin',
  'ro',
  'mediation_board',
  'rcmp',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Who performed an action: a signed-in user, or the system itself (triggers, monitors). */
export type ActorRole = Role | 'system';

export interface Actor {
  uid: string;
  role: ActorRole;
  /** Set for drc_admin and ro: the DRC they belong to. */
  drcId?: string | null;
  displayName?: string;
  /** The signed-in user's email, from the verified token (whoAmI shows it). */
  email?: string | null;
}

export const SYSTEM_ACTOR: Actor = { uid: 'system', role: 'system', displayName: 'DebtX' };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles of the operator's recovery section: they see every case. */
export const OPERATOR_ROLES: readonly Role[] = ['admin', 'recovery_officer', 'supervisor', 'auditor'];
