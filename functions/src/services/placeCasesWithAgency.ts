import { nowIso } from '../config';
import type { AgencyTier } from '../domain/assignment/drcPolicy';
import type { Actor } from '../domain/model/roles';
import { placeWithAgency } from './agencyPlacement';
import { readCases, refuseAll, runBulk, type BulkOpView } from './bulkOps';

/**
 * Officers place external-recovery cases with an agency of a tier (or the next tier) by the policy: from Review,
 * or from Supervisor Review after a recall; agencies a case was with before are not chosen again.
 */
export async function placeCasesWithAgency(
  actor: Actor,
  input: { operationId: string; caseIds: string[]; reason: string; tier: 'next' | AgencyTier },
): Promise<BulkOpView> {
  const found = await readCases(input.caseIds);
  const missing = input.caseIds.filter((i) => !found.has(i));
  if (missing.length) refuseAll([`no case ${missing.join(', ')}`], 'caseIds');
  const now = nowIso();
  return runBulk(
    actor,
    input.operationId,
    'placeWithAgency',
    { tier: input.tier, reason: input.reason },
    input.caseIds,
    now,
    (caseId) => placeWithAgency(actor, caseId, input.tier, input.reason, now, input.operationId),
  );
}
