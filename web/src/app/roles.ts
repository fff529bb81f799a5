import type { Me } from '../../../functions/src/domain/contracts/types';
import type { ActorRole } from '../../../functions/src/domain/model/roles';
import {
  ASSIGNMENT_POLICY_READERS,
  AUDIT_READERS,
  CASE_TYPE_VIEWERS,
  CONFIGURATION_EDITORS,
  NOTIFY_CONFIG_READERS,
  REASSIGN_ROLES,
  roleIn,
  USER_ADMIN_ROLES,
} from '../../../functions/src/domain/policy/operationRoles';
import { REQUEST_ROLES } from '../../../functions/src/domain/policy/caseScope';
import { CONTACT_POLICY_READERS } from '../../../functions/src/domain/contracts/compliance';
import { t, type MessageKey } from '../i18n/t';

export function roleLabel(role: ActorRole): string {
  return t(`role.${role}` satisfies MessageKey);
}

/** Who may register cases (the registerCase request's roles). */
export function canRegisterCases(me: Me): boolean {
  return roleIn(REQUEST_ROLES.registerCase, me.role);
}

/** Who may see case types and their diagrams (the listCaseTypes contract's roles). */
export function canSeeCaseTypes(me: Me): boolean {
  return roleIn(CASE_TYPE_VIEWERS, me.role);
}

/** Who may save a new case-type version (the saveCaseType contract's roles). */
export function canSaveCaseTypes(me: Me): boolean {
  return roleIn(CONFIGURATION_EDITORS, me.role);
}

/** Who manages users (functions/src/domain/policy/operationRoles.ts): admins all, DRC admins their DRC's ROs. */
export function canManageUsers(me: Me): boolean {
  return roleIn(USER_ADMIN_ROLES, me.role);
}

/** Who reads and verifies the audit trail (the readAuditTrail and verifyAuditTrail contracts' roles). */
export function canReadAuditTrail(me: Me): boolean {
  return roleIn(AUDIT_READERS, me.role);
}

/** Who recalls or reassigns cases in bulk (the reassignCases contract's roles): officers, and DRC admins between their ROs. */
export function canReassignCases(me: Me): boolean {
  return roleIn(REASSIGN_ROLES, me.role);
}

/** Who may complete to-dos (the completeTask request's roles: not auditors, and not administrators, who configure). */
export function canCompleteTasks(me: Me): boolean {
  return roleIn(REQUEST_ROLES.completeTask, me.role);
}

/** Roles that belong to a DRC (functions/src/services/users/profiles.ts checkDrcRule); every other role has none. */
export function roleHasDrc(role: string): boolean {
  return role === 'drc_admin' || role === 'ro';
}

/** Who reads the notification routing and templates; only admins change them. */
export function canSeeNotificationRouting(me: Me): boolean {
  return roleIn(NOTIFY_CONFIG_READERS, me.role);
}

/** Who sees the contact policy: its editors, its approvers and the auditor (the getContactPolicy contract's roles). */
export function canSeeContactPolicy(me: Me): boolean {
  return roleIn(CONTACT_POLICY_READERS, me.role);
}

/** Who sees the queue of collected CPE waiting for the RCMP desk: the desk, and supervisors who follow it. */
export function canSeeCpeQueue(me: Me): boolean {
  return me.role === 'rcmp' || me.role === 'supervisor';
}

/** Who approves or rejects collected CPE (functions/src/domain/lifecycle/configs/debtxTelco.ts `decideCpe`). */
export function canDecideCpe(me: Me): boolean {
  return me.role === 'rcmp';
}

/** Who sees the assignment policy: the recovery section reads it, an admin edits it, a DRC admin sees its own DRC. */
export function canSeeAssignmentRules(me: Me): boolean {
  return roleIn(ASSIGNMENT_POLICY_READERS, me.role);
}
