import { recoveryRateOver } from '../domain/assignment/drcPolicy';
import { parseStoredRules } from '../domain/assignment/policyConfig';
import { EMPTY_HEAD } from '../domain/audit/chain';
import type { AuditHead, CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { addDays, type Instant } from '../domain/model/time';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { readDoc, readQuery, runTx } from '../data/ops';
import { policyRef, retryOnCollision } from './assignDrc';

/**
 * Recomputes each DRC's recovery rate over the policy's performance window (paid / placed arrears of the cases
 * placed with it in the window) and stores it on the DRC, audited on its chain: the performance the placement
 * policy weights by.
 */
export async function refreshDrcPerformance(actor: Actor, now: Instant): Promise<Record<string, number>> {
  const rulesSnap = await readDoc(policyRef());
  const { performanceWindowDays } = parseStoredRules(rulesSnap.exists ? rulesSnap.data() : undefined);
  const from = addDays(now, -performanceWindowDays);
  const drcs = await readQuery(firestore().collection(COL.drcs));
  const rates: Record<string, number> = {};
  for (const d of drcs.docs) {
    // The window is applied here, not in the query: the offline emulator implements no filter on a nested field
    // (assignment.drcAssignedAt). This reads the DRC's whole history; a top-level placement date would let an
    // indexed range query read only the window.
    const placed = await readQuery(firestore().collection(COL.cases).where('drcId', '==', d.id));
    const cases = placed.docs
      .map((s) => s.data() as CaseState)
      .filter((c) => c.assignment.drcAssignedAt !== null && c.assignment.drcAssignedAt >= from);
    const rate = recoveryRateOver(
      cases.map((c) => ({
        drcAssignedAt: c.assignment.drcAssignedAt,
        arrearsCents: c.arrearsCents,
        paidCents: c.paidCents,
      })),
      performanceWindowDays,
      now,
    );
    rates[d.id] = rate;
    await retryOnCollision(() =>
      runTx(async (tx) => {
        const ref = firestore().collection(COL.drcs).doc(d.id);
        const snap = await tx.get(ref);
        const before = (snap.get('recoveryRate') as number | undefined) ?? 0;
        const head = appendAudit(tx, (snap.get('audit') as AuditHead | undefined) ?? EMPTY_HEAD, {
          entity: `drcs/${d.id}`,
          at: now,
          actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
          action: 'performance/refresh',
          summary: `Recovery rate over ${performanceWindowDays} days: ${rate} (${cases.length} cases)`,
          requestId: null,
          before: { recoveryRate: before },
          after: { recoveryRate: rate },
          details: { windowDays: performanceWindowDays, from, cases: cases.length },
          transitions: [],
        });
        tx.update(ref, {
          recoveryRate: rate,
          performance: { windowDays: performanceWindowDays, computedAt: now, cases: cases.length },
          audit: head,
        });
      }),
    );
  }
  return rates;
}
