import { applyCrossCase, type CrossCaseEffect } from '../domain/lifecycle/engine';
import type { CaseState } from '../domain/model/case';
import { SYSTEM_ACTOR } from '../domain/model/roles';
import type { Instant } from '../domain/model/time';
import { buildNewCase, caseIdFor, openCaseKey } from '../domain/cases/newCase';
import { latestCaseType, loadCaseType } from '../data/caseTypes';
import type { SourceAccount } from '../sources/types';
import { COL, firestore } from '../data/db';
import type { Tx } from '../data/ops';
import { writeCaseWithAudit } from './caseAudit';

/**
 * Cross-case rules (the cross-case matrix, docs/domain.md): an origin case holds, releases or closes the
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
  spawns: { caseType: string }[] = [],
): Promise<CrossCasePlan> {
  const spawnPlan = await prepareSpawns(tx, origin, spawns, now);
  if (effects.length === 0) return spawnPlan;
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
  return {
    apply: () => {
      writes.forEach((w) => w());
      spawnPlan.apply();
    },
    affected: [...affected, ...spawnPlan.affected],
  };
}

/**
 * Opens the cases a hook asked for (e.g. a repossession from a bankruptcy) on the same account, from
 * what the origin case already holds. A kind already open is left alone; a type that needs creation fields
 * the origin cannot supply is not opened, and the origin's trail says why.
 */
async function prepareSpawns(
  tx: Tx,
  origin: CaseState,
  spawns: { caseType: string }[],
  now: Instant,
): Promise<CrossCasePlan> {
  const writes: (() => void)[] = [];
  const affected: string[] = [];
  for (const { caseType } of spawns) {
    const config = await latestCaseType(caseType);
    if (!config) continue;
    const keyRef = firestore()
      .collection(COL.openCases)
      .doc(openCaseKey(config, origin.accountNumber, origin.customerKey, origin.requiredAction));
    if ((await tx.get(keyRef)).exists) continue;
    const account: SourceAccount = {
      accountNumber: origin.accountNumber,
      accountStatus: ['active', 'suspended', 'disconnected', 'closed'].includes(origin.accountStatus)
        ? (origin.accountStatus as SourceAccount['accountStatus'])
        : 'suspended',
      customer: origin.customer,
      products: origin.products,
      cpe: origin.cpe.map(({ itemId, kind, serialNumber }) => ({ itemId, kind, serialNumber })),
    };
    const caseId = caseIdFor(origin.accountNumber, origin.requiredAction, `${origin.id}${caseType}`);
    const built = buildNewCase(config, account, origin.requiredAction, caseId, SYSTEM_ACTOR, now);
    if ('ok' in built) continue;
    writes.push(() => {
      tx.create(keyRef, {
        caseId,
        accountNumber: origin.accountNumber,
        requiredAction: origin.requiredAction,
        caseType,
        openedAt: now,
      });
      writeCaseWithAudit(tx, null, built.case, {
        actor: SYSTEM_ACTOR,
        action: 'registerCase',
        summary: `Opened by case ${origin.id} (${config.name})`,
        requestId: null,
        details: { spawnedBy: origin.id },
        transitions: [],
      });
    });
    affected.push(caseId);
  }
  return { apply: () => writes.forEach((w) => w()), affected };
}
