import { nowIso } from '../config';
import type { Actor } from '../domain/model/roles';
import { canSeeCase } from '../domain/policy/caseScope';
import { notVisible } from '../domain/refusal';
import { COL, firestore } from '../data/db';
import { readDoc } from '../data/ops';
import { readCases, refuseAll, runBulk, type BulkOpView } from './bulkOps';
import { moveToDrc, reassignRo } from './reassign';

/**
 * Bulk reassignment: a DRC admin moves cases between ROs of their DRC (toRoId); an officer moves cases to another
 * DRC (toDrcId). Everything is validated first — every case exists and is in the caller's scope, the target is
 * valid — and nothing changes if any of it is wrong; then each case is applied in its own audited transaction.
 */
export async function reassignCases(
  actor: Actor,
  input: { operationId: string; caseIds: string[]; reason: string; toRoId?: string; toDrcId?: string },
): Promise<BulkOpView> {
  const found = await readCases(input.caseIds);
  const problems: string[] = [];
  // A case that does not exist and one outside the caller's scope get the same answer (notVisible).
  const unseen = input.caseIds.filter((i) => !found.has(i) || !canSeeCase(actor, found.get(i)!));
  if (unseen.length) throw notVisible('case', unseen, 'caseIds');
  const now = nowIso();
  if (actor.role === 'drc_admin') {
    const toRoId = input.toRoId;
    if (!toRoId) refuseAll(['a DRC admin reassigns to an RO of their DRC (toRoId)'], 'toRoId');
    const ro = await readDoc(firestore().collection(COL.users).doc(toRoId));
    if (!ro.exists || ro.get('role') !== 'ro' || ro.get('drcId') !== actor.drcId)
      throw notVisible('user', toRoId, 'toRoId');
    if (ro.get('active') !== true) refuseAll([`${toRoId} is not an active RO of your DRC`], 'toRoId');
    return runBulk(
      actor,
      input.operationId,
      'reassignRo',
      { toRoId, reason: input.reason },
      input.caseIds,
      now,
      (caseId) => reassignRo(actor, caseId, toRoId, input.reason, now, input.operationId),
    );
  }
  const toDrcId = input.toDrcId;
  if (!toDrcId) refuseAll(['an officer moves cases to a DRC (toDrcId)'], 'toDrcId');
  const drc = await readDoc(firestore().collection(COL.drcs).doc(toDrcId));
  if (!drc.exists || drc.get('active') !== true) refuseAll([`${toDrcId} is not an active DRC`], 'toDrcId');
  const unplaced = [...found.values()].filter((c) => !c.drcId).map((c) => c.id);
  if (unplaced.length) problems.push(`not with a DRC (recall with re-placement instead): ${unplaced.join(', ')}`);
  if (problems.length) refuseAll(problems, 'caseIds');
  return runBulk(actor, input.operationId, 'moveDrc', { toDrcId, reason: input.reason }, input.caseIds, now, (caseId) =>
    moveToDrc(actor, caseId, toDrcId, input.reason, now, input.operationId),
  );
}
