import type { RoAssignmentMode } from '../domain/assignment/policyConfig';
import { EMPTY_HEAD } from '../domain/audit/chain';
import type { AuditHead } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { Refusal } from '../domain/refusal';
import { COL, firestore } from '../data/db';
import { runTx } from '../data/ops';
import { retryOnCollision } from './assignDrc';
import { appendDrcEvent } from './assignmentPolicy';

/** A DRC admin chooses how their DRC's cases reach its ROs (an admin may set it for any DRC). */
export async function setRoAssignmentMode(
  actor: Actor,
  input: { mode: RoAssignmentMode; drcId?: string },
): Promise<{ drcId: string; mode: RoAssignmentMode }> {
  const drcId = actor.role === 'drc_admin' ? actor.drcId : input.drcId;
  if (!drcId) throw new Refusal('invalid-argument', 'Which DRC?', { fields: { drcId: 'is required' } });
  if (actor.role === 'drc_admin' && input.drcId && input.drcId !== actor.drcId)
    throw new Refusal('permission-denied', 'You may set the mode of your own DRC only.');
  await retryOnCollision(() =>
    runTx(async (tx) => {
      const ref = firestore().collection(COL.drcs).doc(drcId);
      const snap = await tx.get(ref);
      if (!snap.exists)
        throw new Refusal('invalid-argument', `There is no DRC ${drcId}.`, { fields: { drcId: 'is not a DRC' } });
      const before = (snap.get('roAssignmentMode') as string | undefined) ?? 'manual';
      if (before === input.mode) return;
      const head = appendDrcEvent(
        tx,
        drcId,
        (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD,
        actor,
        'roAssignmentMode/set',
        `RO assignment mode: ${before} → ${input.mode}`,
        { roAssignmentMode: before },
        { roAssignmentMode: input.mode },
      );
      tx.update(ref, { roAssignmentMode: input.mode, audit: head });
    }),
  );
  return { drcId, mode: input.mode };
}
