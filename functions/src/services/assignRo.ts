import { parseDrcDoc } from '../domain/assignment/policyConfig';
import { chooseRo, type RoCandidate } from '../domain/assignment/roPolicy';
import { applyPlacement } from '../domain/lifecycle/engine';
import { SETTINGS_DEFAULTS } from '../domain/lifecycle/types';
import { assignmentToRo } from '../domain/lifecycle/validity';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { countQuery, readDoc, readQuery, runTx } from '../data/ops';
import { writeCaseWithAudit } from './caseAudit';

export type RoOutcome = { assigned: string } | { left: string } | 'skipped';

/** The system acting for a DRC's automatic RO assignment mode (shown on the trail as such). */
export const RO_MODE_ACTOR: Actor = { uid: 'system:roAssignment', role: 'system', displayName: 'DRC assignment mode' };

/**
 * An RO's open cases: all their cases less the closed ones. (`closedAt == null` together with another filter
 * is what the query wants to say, but the offline emulator refuses a null filter inside a composite filter;
 * two counts give the same answer on both stacks.) Counted as one read each, as Firestore bills small counts.
 */
async function openCasesOf(uid: string): Promise<number> {
  const mine = firestore().collection(COL.cases).where('roId', '==', uid);
  const [all, closed] = await Promise.all([countQuery(mine), countQuery(mine.where('closedAt', '>', ''))]);
  return all - closed;
}

/** The DRC's ROs with their areas, capacity and current load (a count per RO, not a read of their cases). */
export async function roCandidates(drcId: string): Promise<RoCandidate[]> {
  const snaps = await readQuery(
    firestore().collection(COL.users).where('drcId', '==', drcId).where('role', '==', 'ro'),
  );
  const ros = snaps.docs.map((d) => ({ id: d.id, data: d.data() }));
  ros.sort((a, b) => a.id.localeCompare(b.id));
  return Promise.all(
    ros.map(async ({ id, data }) => ({
      uid: id,
      displayName: typeof data.displayName === 'string' ? data.displayName : id,
      active: data.active === true,
      areas: Array.isArray(data.areas) ? data.areas.filter((a): a is string => typeof a === 'string') : [],
      capacity: typeof data.roCapacity === 'number' ? data.roCapacity : null,
      openCases: await openCasesOf(id),
      lastAssignedAt: typeof data.roLastAssignedAt === 'string' ? data.roLastAssignedAt : null,
    })),
  );
}

/**
 * Applies the DRC's automatic RO assignment mode to a case it holds without an RO. The choice is made on a
 * snapshot of the ROs' loads (RO capacity is a working limit, not a contract: a race may exceed it by one),
 * then applied in a transaction that re-checks the case is still the DRC's and still without an RO.
 */
export async function autoAssignRo(caseId: string, now: Instant, eventId: string): Promise<RoOutcome> {
  const first = await readDoc(firestore().collection(COL.cases).doc(caseId));
  if (!first.exists) return 'skipped';
  const c0 = first.data() as CaseState;
  if (!c0.drcId || c0.roId || c0.closedAt) return 'skipped';
  const drcSnap = await readDoc(firestore().collection(COL.drcs).doc(c0.drcId));
  const drc = parseDrcDoc(drcSnap.data());
  if (!drc.ok || drc.doc.roAssignmentMode === 'manual') return 'skipped';
  const mode = drc.doc.roAssignmentMode;
  const choice = chooseRo(mode, c0.customer, await roCandidates(c0.drcId));
  if (!choice.ok) return { left: choice.reason };
  return runTx(async (tx) => {
    const ref = firestore().collection(COL.cases).doc(caseId);
    const snap = await tx.get(ref);
    const c = snap.data() as CaseState;
    const roRef = firestore().collection(COL.users).doc(choice.roId);
    const ro = await tx.get(roRef);
    if (c.drcId !== c0.drcId || c.roId || c.closedAt) return 'skipped';
    if (!ro.exists || ro.get('active') !== true || ro.get('drcId') !== c.drcId) return { left: 'the RO changed' };
    const config = await loadCaseType(c.caseType, c.configVersion);
    if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
    const outcome = applyPlacement(
      config,
      c,
      {
        roId: choice.roId,
        assignment: assignmentToRo(
          c.assignment,
          RO_MODE_ACTOR.uid,
          now,
          { ...SETTINGS_DEFAULTS, ...config.settings }.validityDays,
        ),
      },
      { roId: choice.roId, mode },
      now,
    );
    if (!outcome.ok) return { left: outcome.message };
    writeCaseWithAudit(tx, c, outcome.case, {
      actor: RO_MODE_ACTOR,
      action: `assignRo/${mode}`,
      summary: `Assigned to ${ro.get('displayName') ?? choice.roId}: ${choice.reason}`,
      requestId: null,
      details: { mode, rule: choice.rule, scores: choice.scores, eventId },
      transitions: outcome.transitions,
    });
    tx.update(roRef, { roLastAssignedAt: now });
    return { assigned: choice.roId };
  });
}
