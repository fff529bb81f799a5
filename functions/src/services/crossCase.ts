import { applyCrossCase, type CrossCaseEffect } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import { SYSTEM_ACTOR } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import type { Tx } from '../data/ops';
import { writeCaseWithAudit } from './caseAudit';

/**
 * Cross-case rules (seed 003's Cross Strategy Action Matrix): an origin case holds, releases or closes the
 * other open cases on the same account or customer, in the origin's transaction. Reads happen in `prepare`
 * (before any write, as Firestore transactions require); `apply` writes.
 */
export interface CrossCasePlan {
  apply(): void;
  affected: string[];
}

export async function prepareCrossCase(
  tx: Tx,
  origin: CaseState,
  effects: CrossCaseEffect[],
  now: Instant,
): Promise<CrossCasePlan> {
  if (effects.length === 0) return { apply: () => {}, affected: [] };
  const cases = firestore().collection(COL.cases);
  const needAccount = effects.some((e) => e.scope === 'account');
  const needCustomer = effects.some((e) => e.scope === 'customer');
  const related = new Map<string, CaseState>();
  if (needAccount) {
    for (const d of (await tx.query(cases.where('accountNumber', '==', origin.accountNumber))).docs) {
      related.set(d.id, d.data() as CaseState);
    }
  }
  if (needCustomer) {
    for (const d of (await tx.query(cases.where('customerKey', '==', origin.customerKey))).docs) {
      related.set(d.id, d.data() as CaseState);
    }
  }
  related.delete(origin.id);
  const writes: (() => void)[] = [];
  const affected: string[] = [];
  for (const target of related.values()) {
    if (target.closedAt) continue;
    const config = await loadCaseType(target.caseType, target.configVersion);
    if (!config) continue;
    let current = target;
    const done: CrossCaseEffect[] = [];
    const transitions: { from: string; to: string; mode: 'system' }[] = [];
    for (const effect of effects) {
      const inScope =
        effect.scope === 'account'
          ? target.accountNumber === origin.accountNumber
          : target.customerKey === origin.customerKey;
      if (!inScope || !(effect.caseTypes.includes('*') || effect.caseTypes.includes(target.caseType))) continue;
      const outcome = applyCrossCase(config, current, effect, origin.id, now);
      if (!outcome.ok || !outcome.changed) continue;
      current = outcome.case;
      done.push(effect);
      transitions.push(...outcome.transitions.map((t) => ({ ...t, mode: 'system' as const })));
    }
    if (done.length === 0) continue;
    const before = target;
    const after = current;
    const verb = { hold: 'Held', release: 'Released', close: 'Closed' };
    writes.push(() =>
      writeCaseWithAudit(tx, before, after, {
        actor: SYSTEM_ACTOR,
        action: `crossCase:${done.map((e) => e.action).join('+')}`,
        summary: done.map((e) => `${verb[e.action]} by case ${origin.id}: ${e.reason}`).join('; '),
        requestId: null,
        details: { byCaseId: origin.id, effects: done },
        transitions,
      }),
    );
    affected.push(target.id);
  }
  return { apply: () => writes.forEach((w) => w()), affected };
}
