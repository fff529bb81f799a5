import { nowIso } from '../config';
import type { Actor } from '../domain/model/roles';
import { notVisible } from '../domain/refusal';
import { readCases, runBulk, type BulkOpView } from './bulkOps';
import { recallCase } from './reassign';

/** Officers recall cases from their DRCs (single or bulk), with a reason; optionally placed again by the policy. */
export async function recallCases(
  actor: Actor,
  input: { operationId: string; caseIds: string[]; reason: string; replace: boolean },
): Promise<BulkOpView> {
  const found = await readCases(input.caseIds);
  const missing = input.caseIds.filter((i) => !found.has(i));
  if (missing.length) throw notVisible('case', missing, 'caseIds');
  const now = nowIso();
  return runBulk(
    actor,
    input.operationId,
    'recall',
    { reason: input.reason, replace: input.replace },
    input.caseIds,
    now,
    (caseId) => recallCase(actor, caseId, input.reason, input.replace, now, input.operationId),
  );
}
