import { applyPlacement, isFinal } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { readQuery, runTx } from '../data/ops';
import { HAND_BACK_ACTION } from '../domain/notifications/events';
import { writeCaseWithAudit } from './caseAudit';

const PAGE = 200;

/**
 * An RO leaves a DRC (moved to another, or no longer an RO): every open case of that DRC still assigned to them
 * goes back to the DRC unassigned, each in its own audited transaction that re-reads the case (so a case
 * reassigned or closed meanwhile is left alone, and running this twice changes nothing). The DRC's admins are
 * told through the audit trail. See docs/decisions/0025-moved-ro-hands-cases-back.md.
 */
export async function handBackCases(
  actor: Actor,
  roId: string,
  fromDrcId: string,
  reason: string,
  now: Instant,
): Promise<string[]> {
  const handed: string[] = [];
  // Pages by document id: every handed-back case leaves the query, so the next page starts after the last id seen.
  let after = '';
  for (;;) {
    let query = firestore()
      .collection(COL.cases)
      .where('roId', '==', roId)
      .where('drcId', '==', fromDrcId)
      .orderBy('id')
      .limit(PAGE);
    if (after) query = query.where('id', '>', after);
    const snap = await readQuery(query);
    if (snap.empty) break;
    for (const doc of snap.docs) {
      if (doc.get('closedAt')) continue;
      if (await handBackOne(actor, doc.id, roId, fromDrcId, reason, now)) handed.push(doc.id);
    }
    if (snap.size < PAGE) break;
    after = snap.docs[snap.docs.length - 1]!.id;
  }
  return handed;
}

async function handBackOne(
  actor: Actor,
  caseId: string,
  roId: string,
  fromDrcId: string,
  reason: string,
  now: Instant,
): Promise<boolean> {
  return runTx(async (tx) => {
    const snap = await tx.get(firestore().collection(COL.cases).doc(caseId));
    const c = snap.exists ? (snap.data() as CaseState) : null;
    if (!c || c.roId !== roId || c.drcId !== fromDrcId || c.closedAt) return false;
    const config = await loadCaseType(c.caseType, c.configVersion);
    if (!config) throw new Error(`case ${caseId} runs unknown case type ${c.caseType} v${c.configVersion}`);
    if (isFinal(config, c.status)) return false;
    const out = applyPlacement(
      config,
      c,
      { roId: null, assignment: { ...c.assignment, roAssignedAt: null, roAssignedBy: null } },
      { fromRoId: roId, reason },
      now,
    );
    // A life cycle that refuses an unassigned case in this status still loses the RO: access must end now.
    const next: CaseState = out.ok ? out.case : { ...c, roId: null, updatedAt: now };
    writeCaseWithAudit(tx, c, next, {
      actor,
      action: HAND_BACK_ACTION,
      summary: `Handed back to ${fromDrcId} unassigned: ${reason}`,
      requestId: null,
      details: { fromRoId: roId, drcId: fromDrcId, reason },
      transitions: out.ok ? out.transitions : [],
    });
    return true;
  });
}
