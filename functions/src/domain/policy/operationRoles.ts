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
