import { FieldValue } from 'firebase-admin/firestore';
import { chooseDrc, type DrcProfile } from '../domain/assignment/drcPolicy';
import { applyAction } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import { SYSTEM_ACTOR } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { appendAudit } from '../data/audit';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { runTx } from '../data/ops';
import { writeCaseWithAudit } from './caseAudit';

export type AssignOutcome = { assigned: string } | { deferred: string } | 'skipped';

/**
 * Places an open case with a DRC by the assignment policy, in one transaction with the DRC's
 * open-case counter, so cases placed at the same moment cannot push a DRC past its capacity.
 */
export async function assignCaseToDrc(caseId: string, now: Instant, eventId: string): Promise<AssignOutcome> {
  return runTx(async (tx) => {
    const caseSnap = await tx.get(firestore().collection(COL.cases).doc(caseId));
    if (!caseSnap.exists) return 'skipped';
    const c = caseSnap.data() as CaseState;
    if (c.status !== 'OPEN' || c.drcId !== null || c.closedAt !== null) return 'skipped';
    const config = await loadCaseType(c.caseType, c.configVersion);
    if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
    const drcSnaps = await tx.query(firestore().collection(COL.drcs).where('active', '==', true));
    const drcs = drcSnaps.docs.map((d) => ({ ...(d.data() as Omit<DrcProfile, 'id'>), id: d.id }));
    const choice = chooseDrc(
      { requiredAction: c.requiredAction, region: c.customer.region, arrearsCents: c.arrearsCents },
      drcs,
    );
    if (!choice.ok) {
      // Nothing changes on the case, but the attempt and its reason are on the trail (the sweep retries later).
      const head = appendAudit(tx, c.audit, {
        entity: `cases/${c.id}`,
        at: now,
        actor: { uid: SYSTEM_ACTOR.uid, role: 'system', displayName: SYSTEM_ACTOR.displayName ?? null },
        action: 'assignDrc/deferred',
        summary: `Not placed: ${choice.reason}`,
        requestId: null,
        before: {},
        after: {},
        details: { eventId },
        transitions: [],
      });
      tx.update(caseSnap.ref, { audit: head, assignment: { ...c.assignment, drcReason: choice.reason } });
      return { deferred: choice.reason };
    }
    const outcome = applyAction(
      config,
      c,
      {
        action: 'assignDrc',
        result: 'assigned',
        inputs: { drcId: choice.drcId, reason: choice.reason },
        requestId: eventId,
      },
      SYSTEM_ACTOR,
      now,
    );
    if (!outcome.ok) throw new Error(`assignDrc refused for ${caseId}: ${outcome.message}`);
    writeCaseWithAudit(tx, c, outcome.case, {
      actor: SYSTEM_ACTOR,
      action: 'assignDrc/assigned',
      summary: `Placed with ${drcs.find((d) => d.id === choice.drcId)?.name ?? choice.drcId}: ${choice.reason}`,
      requestId: null,
      details: { scores: choice.scores, eventId },
      transitions: outcome.transitions,
    });
    tx.update(firestore().collection(COL.drcs).doc(choice.drcId), {
      openCases: FieldValue.increment(1),
      lastAssignedAt: now,
    });
    return { assigned: choice.drcId };
  });
}
