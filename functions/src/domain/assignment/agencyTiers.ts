import type { CaseTypeConfig, ActionDef, ResultDef } from '../lifecycle/types';
import type { ActorRole } from '../model/roles';
import { AGENCY_TIERS, type AgencyTier } from './drcPolicy';

/**
 * External-recovery agency tiers (docs/domain.md): a case goes to a primary agency first, and when an agency
 * could not recover it, the recovery supervisor places it with the next group (secondary, then tertiary), or
 * with another agency of the same group (line 5146); after the tertiary group come debt sale or write-off.
 */
export function nextTier(current: unknown): AgencyTier | null {
  if (current === null || current === undefined || current === '') return 'primary';
  const i = AGENCY_TIERS.indexOf(current as AgencyTier);
  if (i < 0) return 'primary';
  return AGENCY_TIERS[i + 1] ?? null;
}

/** The DRC ids a case has been placed with as an agency (kept as a characteristic: comma-separated). */
export function placedAgencies(value: unknown): string[] {
  return typeof value === 'string' && value.length > 0 ? value.split(',') : [];
}

/**
 * The configured action and result that place the case with an agency in its current status: a result with
 * the assignDrc effect and an agencyTier field (external recovery: "Assign to an agency" in Review, "Assign
 * agency" in Supervisor Review). None means the case cannot be placed with an agency now.
 */
export function agencyPlacementAction(
  config: CaseTypeConfig,
  status: string,
  role: ActorRole,
): { action: ActionDef; result: ResultDef } | null {
  for (const action of config.actions) {
    if (!action.roles.includes(role) || !action.statuses.includes(status)) continue;
    const result = action.results.find(
      (r) => r.effects.includes('assignDrc') && (r.fields ?? []).some((f) => f.name === 'agencyTier'),
    );
    if (result) return { action, result };
  }
  return null;
}
