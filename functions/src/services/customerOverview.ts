import { customerOverviewOf, visibleSiblings, type CustomerOverview } from '../domain/cases/customerOverview';
import { statusOf } from '../domain/lifecycle/engine';
import type { CaseTypeConfig } from '../domain/lifecycle/types';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { canSeeCase } from '../domain/policy/caseScope';
import { notVisible } from '../domain/refusal';
import { loadCaseType } from '../data/caseTypes';
import { COL, firestore } from '../data/db';
import { opCount, readDoc, readQuery } from '../data/ops';

/**
 * The newest cases of one customer read at most: a customer has a handful of accounts, and the panel lists
 * them, it does not page them. The query is ordered so a cut keeps the newest (index in firestore.indexes.json).
 */
export const CUSTOMER_CASES_LIMIT = 100;

/** Display names of users and DRCs by id, one getAll for all. */
async function namesById(userIds: string[], drcIds: string[]) {
  const refs = [
    ...[...new Set(userIds)].map((id) => firestore().collection(COL.users).doc(id)),
    ...[...new Set(drcIds)].map((id) => firestore().collection(COL.drcs).doc(id)),
  ];
  const users: Record<string, string> = {};
  const drcs: Record<string, string> = {};
  if (refs.length === 0) return { users, drcs };
  const snaps = await firestore().getAll(...refs);
  opCount.reads += snaps.length;
  for (const snap of snaps) {
    if (!snap.exists) continue;
    if (snap.ref.parent.id === COL.drcs) drcs[snap.id] = String(snap.get('name') ?? snap.id);
    else users[snap.id] = String(snap.get('displayName') ?? snap.id);
  }
  return { users, drcs };
}

/**
 * Customer 360 for the case page: the customer's other cases the caller may see, this account's products,
 * the contact details and their history. A case outside the caller's scope gets the same refusal as one
 * that does not exist, so the caller learns nothing about it or its customer.
 */
export async function customerOverviewFor(actor: Actor, id: string): Promise<CustomerOverview> {
  const db = firestore();
  const snap = await readDoc(db.collection(COL.cases).doc(id));
  const current = snap.exists ? (snap.data() as CaseState) : null;
  if (!current || !canSeeCase(actor, current)) throw notVisible('case', id);
  const sameCustomer = (
    await readQuery(
      db
        .collection(COL.cases)
        .where('customerKey', '==', current.customerKey)
        .orderBy('openedAt', 'desc')
        .limit(CUSTOMER_CASES_LIMIT),
    )
  ).docs.map((d) => d.data() as CaseState);
  // Names and labels only for what will be shown: nothing is looked up for cases the caller may not see.
  const shown = [current, ...visibleSiblings(actor, current, sameCustomer)];
  const configs = new Map<string, CaseTypeConfig | undefined>();
  for (const c of shown) {
    const key = `${c.caseType}@${c.configVersion}`;
    if (!configs.has(key)) configs.set(key, await loadCaseType(c.caseType, c.configVersion));
  }
  const { users, drcs } = await namesById(
    shown.flatMap((c) => [
      ...(c.roId ? [c.roId] : []),
      ...(c.contactHistory ?? []).map((h) => h.by).filter((uid) => /^[A-Za-z0-9_-]{1,128}$/.test(uid)),
    ]),
    shown.flatMap((c) => (c.drcId ? [c.drcId] : [])),
  );
  return customerOverviewOf(actor, current, sameCustomer, {
    statusLabel: (c) => {
      const config = configs.get(`${c.caseType}@${c.configVersion}`);
      return (config && statusOf(config, c.status)?.label) ?? c.status;
    },
    statusLabels: (c) => {
      const config = configs.get(`${c.caseType}@${c.configVersion}`);
      return (config && statusOf(config, c.status)?.labels) ?? null;
    },
    users,
    drcs,
  });
}
