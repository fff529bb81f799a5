import type { AuditEvent } from '../domain/audit/chain';
import { EMPTY_HEAD } from '../domain/audit/chain';
import type { CaseState } from '../domain/model/case';
import type { Actor } from '../domain/model/roles';
import { Refusal } from '../domain/refusal';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { readQuery, runTx } from '../data/ops';

/**
 * Everything DebtX holds on one customer, for a data-subject access request (docs/security.md, "Personal data"):
 * their cases and each case's trail. Giving it out is itself audited, on the customer's own chain.
 */
export async function exportCustomerData(actor: Actor, query: { nic: string } | { accountNumber: string }) {
  const cases = firestore().collection(COL.cases);
  const snap = await readQuery(
    'nic' in query
      ? cases.where('customerKey', '==', `nic_${query.nic}`)
      : cases.where('accountNumber', '==', query.accountNumber),
  );
  if (snap.empty) throw new Refusal('not-found', 'DebtX holds no case for that customer.');
  const found = snap.docs.map((d) => d.data() as CaseState);
  const trails = await Promise.all(
    found.map(async (c) =>
      (
        await readQuery(firestore().collection(COL.audit).where('entity', '==', `cases/${c.id}`).orderBy('seq'))
      ).docs.map((d) => d.data() as AuditEvent),
    ),
  );
  const customerKey = found[0]!.customerKey;
  const now = new Date().toISOString();
  await runTx(async (tx) => {
    const trailRef = firestore()
      .collection(COL.audit)
      .where('entity', '==', `customers/${customerKey}`)
      .orderBy('seq', 'desc')
      .limit(1);
    const last = (await tx.query(trailRef)).docs[0]?.data() as AuditEvent | undefined;
    appendAudit(tx, last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD, {
      entity: `customers/${customerKey}`,
      at: now,
      actor: { uid: actor.uid, role: actor.role, displayName: actor.displayName ?? null },
      action: 'exportCustomerData',
      summary: `Data-subject export: ${found.length} case(s)`,
      requestId: null,
      before: {},
      after: {},
      details: { caseIds: found.map((c) => c.id) },
      transitions: [],
    });
  });
  return {
    exportedAt: now,
    customer: found[0]!.customer,
    cases: found.map((c, i) => ({ case: c, trail: trails[i]! })),
  };
}
