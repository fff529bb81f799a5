import { ROLES, type Role } from '../model/roles';

/**
 * Who may call each group of operations at all, beside the policy table (table.ts) that then decides which cases
 * and users they reach. The contracts (domain/contracts) name these lists; the web client imports the same lists
 * to decide which screens and buttons to show, so the two cannot disagree.
 */

/** The field API is the field's (the DRCs' mobile app): ROs and their DRC admins. */
export const FIELD_ROLES = ['ro', 'drc_admin'] as const satisfies readonly Role[];

/** Presence is for everyone who works cases, so an RO and an officer never talk to one customer at once. */
export const CASE_WORKER_ROLES = [
  'ro',
  'drc_admin',
  'recovery_officer',
  'supervisor',
  'mediation_board',
  'rcmp',
] as const satisfies readonly Role[];

/** Who may see who is working a case: the case workers, and those who oversee them. */
export const PRESENCE_ROLES = [...CASE_WORKER_ROLES, 'admin', 'auditor'] as const satisfies readonly Role[];

/** Everyone with a DebtX role: what they reach is then the case scope of the policy table (or their own data). */
export const SIGNED_IN_ROLES = ROLES;

/** Who answers a data-subject access request (everything held on one customer). */
export const DATA_SUBJECT_ROLES = ['supervisor', 'admin', 'auditor'] as const satisfies readonly Role[];

/** Who invites and changes users: admins all of them, DRC admins their own DRC's ROs. */
export const USER_ADMIN_ROLES = ['admin', 'drc_admin'] as const satisfies readonly Role[];

/** Who reads the user directory: the operator's staff all of it, a DRC admin their own DRC's. */
export const USER_READER_ROLES = [
  'admin',
  'supervisor',
  'recovery_officer',
  'auditor',
  'drc_admin',
] as const satisfies readonly Role[];

/** Who reads the assignment policy: the recovery section and the auditor; a DRC admin sees only their own DRC. */
export const ASSIGNMENT_POLICY_READERS = [
  'admin',
  'recovery_officer',
  'supervisor',
  'auditor',
  'drc_admin',
] as const satisfies readonly Role[];

/** Configuration (the assignment policy, case types) is the administrator's alone. */
export const CONFIGURATION_EDITORS = ['admin'] as const satisfies readonly Role[];

/** Who sets how a DRC's cases reach its ROs and what each RO covers: the DRC's admin, or an administrator. */
export const RO_SETUP_ROLES = ['drc_admin', 'admin'] as const satisfies readonly Role[];

/** The recovery section's officers: they recall cases and place them with agencies. */
export const RECOVERY_OFFICER_ROLES = ['recovery_officer', 'supervisor'] as const satisfies readonly Role[];

/** Who reassigns cases in bulk: officers between DRCs, and a DRC admin between their own ROs. */
export const REASSIGN_ROLES = ['drc_admin', ...RECOVERY_OFFICER_ROLES] as const satisfies readonly Role[];

/** Who recomputes the DRCs' recovery rates on demand. */
export const DRC_PERFORMANCE_ROLES = ['admin', 'supervisor'] as const satisfies readonly Role[];

/** Who sees case types and their diagrams: the operator's staff. */
export const CASE_TYPE_VIEWERS = [
  'admin',
  'supervisor',
  'recovery_officer',
  'auditor',
] as const satisfies readonly Role[];

/** Who reads and verifies the audit trail. */
export const AUDIT_READERS = ['auditor', 'admin', 'supervisor'] as const satisfies readonly Role[];

/** Whether a role is in one of these lists (a typed `includes` for the web's screens). */
export function roleIn(roles: readonly Role[], role: string): boolean {
  return (roles as readonly string[]).includes(role);
}

/** Who registers cases in bulk (uploads a file, resumes its import): the recovery section's officers. */
export const IMPORT_UPLOAD_ROLES = ['recovery_officer', 'supervisor'] as const satisfies readonly Role[];

/** Who follows an import and reads its error report: those who upload, and auditors. */
export const IMPORT_READ_ROLES = [...IMPORT_UPLOAD_ROLES, 'auditor'] as const satisfies readonly Role[];

/** Who works what the source systems sent that needs a person: the recovery section's desks, and auditors. */
export const SOURCE_PROBLEM_ROLES = [
  'recovery_officer',
  'supervisor',
  'admin',
  'auditor',
] as const satisfies readonly Role[];

/** Every signed-in user has an inbox and notification preferences of their own. */
export const INBOX_ROLES = ROLES;

/** Who reads the notification routing and templates; only admins change them. */
export const NOTIFY_CONFIG_READERS = [
  'admin',
  'supervisor',
  'recovery_officer',
  'auditor',
] as const satisfies readonly Role[];
export const NOTIFY_CONFIG_EDITORS = ['admin'] as const satisfies readonly Role[];
