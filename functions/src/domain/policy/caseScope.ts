import type { CaseState } from '../model/case';
import { OPERATOR_ROLES, type Actor, type Role } from '../model/roles';

/**
 * Who may see a case: the operator's staff see all; a DRC admin only their DRC's; an RO only cases assigned to
 * them in their DRC; RCMP cases with CPE; the mediation board cases before it.
 * firestore.rules say the same for direct reads (rules tests and policyCoverage.test.ts keep the two together).
 */
export function canSeeCase(actor: Actor, c: Pick<CaseState, 'drcId' | 'roId' | 'requiredAction' | 'status'>): boolean {
  switch (actor.role) {
    case 'system':
      return true;
    case 'drc_admin':
      return !!actor.drcId && c.drcId === actor.drcId;
    case 'ro':
      // Both: an RO moved to another DRC keeps no case of the old one, even one still naming them.
      return !!actor.drcId && c.roId === actor.uid && c.drcId === actor.drcId;
    case 'rcmp':
      return c.requiredAction !== 'arrears';
    case 'mediation_board':
      return c.status === 'MEDIATION_BOARD' || c.status === 'LEGAL';
    default:
      return (OPERATOR_ROLES as readonly string[]).includes(actor.role);
  }
}

/** The Firestore filters that list exactly the cases an actor may see (null: no filter, sees all). */
export type ScopeFilter =
  | { field: 'drcId'; value: string }
  | { field: 'roId'; value: string; drcId: string }
  | { field: 'status'; in: string[] }
  | {
      field: 'requiredAction';
      in: string[];
    }
  | null;

export function caseListScope(actor: Actor): ScopeFilter | 'none' {
  switch (actor.role) {
    case 'drc_admin':
      return actor.drcId ? { field: 'drcId', value: actor.drcId } : 'none';
    case 'ro':
      return actor.drcId ? { field: 'roId', value: actor.uid, drcId: actor.drcId } : 'none';
    case 'rcmp':
      return { field: 'requiredAction', in: ['cpe', 'arrears_cpe'] };
    case 'mediation_board':
      return { field: 'status', in: ['MEDIATION_BOARD', 'LEGAL'] };
    case 'system':
      return null;
    default:
      return (OPERATOR_ROLES as readonly Role[]).includes(actor.role) ? null : 'none';
  }
}

/**
 * Request types each role may submit at all; the life cycle then decides each action. Auditors change nothing
 * and administrators configure rather than work cases: neither submits any request (firestore.rules agree).
 */
export const REQUEST_ROLES: Record<
  'registerCase' | 'caseAction' | 'manualTransition' | 'completeTask',
  readonly Role[]
> = {
  registerCase: ['recovery_officer', 'supervisor'],
  caseAction: ['recovery_officer', 'supervisor', 'drc_admin', 'ro', 'mediation_board', 'rcmp'],
  manualTransition: ['recovery_officer', 'supervisor'],
  completeTask: ['recovery_officer', 'supervisor', 'drc_admin', 'ro', 'mediation_board', 'rcmp'],
};
