import { agencyPlacementAction, nextTier, placedAgencies } from '../domain/assignment/agencyTiers';
import type { AgencyTier } from '../domain/assignment/drcPolicy';
import { applyAction, isFinal } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { runTx } from '../data/ops';
import { decidePlacement, readPlacementContext, retryOnCollision, takeDrcSlot } from './assignDrc';
import { writeCaseWithAudit } from './caseAudit';
import type { CaseResult } from './reassign';

export const AGENCIES_FIELD = 'placedAgencies';

/**
 * Places an external-recovery case with an agency (a DRC of that tier) by the assignment policy, through the
 * case type's own "assign agency" action, so the life cycle moves it to that tier's status. `next` takes the
 * tier after the one it was last placed in (none → primary); DRCs it was placed with before are never chosen
 * again. The DRC slot and the explanation are recorded as for any placement.
 */
export async function placeWithAgency(
  actor: Actor,
  caseId: string,
  tierWanted: AgencyTier | 'next',
  reason: string,
  now: Instant,
  opId: string,
): Promise<CaseResult> {
  const refused = (code: string, message: string): CaseResult => ({ caseId, ok: false, code, message });
  return retryOnCollision(() =>
    runTx(async (tx): Promise<CaseResult> => {
      const opRef = firestore().collection(COL.bulkOps).doc(opId);
      const prior = ((await tx.get(opRef)).get('results') as Record<string, CaseResult> | undefined)?.[caseId];
      if (prior) return prior;
      const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
      if (!snap.exists) return refused('not-found', `There is no case ${caseId}.`);
      const c = snap.data() as CaseState;
      const config = await loadCaseType(c.caseType, c.configVersion);
      if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
      if (isFinal(config, c.status)) return refused('case-closed', `Case ${caseId} is closed.`);
      const placement = agencyPlacementAction(config, c.status, actor.role);
      if (!placement)
        return refused(
          'wrong-status',
          `Case ${caseId} (${config.name}, ${c.status}) cannot be placed with an agency now.`,
        );
      const tier = tierWanted === 'next' ? nextTier(c.characteristics.agencyTier) : tierWanted;
      if (!tier)
        return refused('no-next-tier', `Case ${caseId} has been with a tertiary agency: debt sale or write-off next.`);
      const before = placedAgencies(c.characteristics[AGENCIES_FIELD]);
      const ctx = await readPlacementContext(tx);
      const choice = decidePlacement(ctx, c, { tier, excludeDrcs: before });
      if (!choice.ok) return refused('no-agency', choice.reason);
      const outcome = applyAction(
        config,
        c,
        {
          action: placement.action.code,
          result: placement.result.code,
          inputs: { drcId: choice.drcId, reason: `${tier} agency: ${choice.reason}`, agencyTier: tier },
          requestId: opId,
        },
        actor,
        now,
      );
      if (!outcome.ok) return refused(outcome.code, outcome.message);
      const drc = ctx.drcs.find((d) => d.id === choice.drcId)!;
      // The DRC slot is the first write (see takeDrcSlot).
      takeDrcSlot(
        tx,
        drc,
        caseId,
        {
          reason: `${tier} agency: ${choice.reason}`,
          details: { explanation: choice.explanation, tier, rules: ctx.rules },
        },
        actor,
        now,
        opId,
      );
      const after: CaseState = {
        ...outcome.case,
        characteristics: { ...outcome.case.characteristics, [AGENCIES_FIELD]: [...before, drc.id].join(',') },
      };
      writeCaseWithAudit(tx, c, after, {
        actor,
        action: `${placement.action.code}/${placement.result.code}`,
        summary: `Placed with ${drc.doc.name} (${tier} agency): ${reason}`,
        requestId: null,
        details: { tier, reason, scores: choice.scores, explanation: choice.explanation, operationId: opId },
        transitions: outcome.transitions,
        slotTaken: drc.id,
      });
      const result: CaseResult = {
        caseId,
        ok: true,
        code: 'placed',
        message: `Placed with ${drc.doc.name} (${tier} agency)`,
        drcId: drc.id,
        roId: null,
      };
      tx.update(opRef, { [`results.${caseId}`]: result });
      return result;
    }),
  );
}
