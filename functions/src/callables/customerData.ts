import { HttpsError, onCall, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { REGION } from '../config';
import type { AuditEvent } from '../domain/audit/chain';
import { EMPTY_HEAD } from '../domain/audit/chain';
import type { CaseState } from '../domain/model/case';
import { appendAudit } from '../data/audit';
import { COL, firestore } from '../data/db';
import { readQuery, runTx } from '../data/ops';
import { callerActor, parseInput } from '../api/caller';

const input = z.union([
  z.strictObject({ nic: z.string().regex(/^(\d{9}[VvXx]|\d{12})$/, 'is not a national identity number') }),
  z.strictObject({ accountNumber: z.string().regex(/^\d{10}$/, 'must be exactly 10 digits') }),
]);

/**
 * Everything DebtX holds on one customer, for a data-subject access request (docs/security.md, "Personal data"):
 * their cases and each case's trail. Giving it out is itself audited, on the customer's own chain.
 */
export async function exportCustomerDataHandler(request: Pick<CallableRequest, 'auth' | 'data'>) {
  const actor = await callerActor(request);
  if (!['supervisor', 'admin', 'auditor'].includes(actor.role)) {
    throw new HttpsError(
      'permission-denied',
      'Only supervisors, administrators and auditors answer data-subject requests.',
    );
  }
  const query = parseInput(input, request.data);
  const cases = firestore().collection(COL.cases);
  const snap = await readQuery(
    'nic' in query
      ? cases.where('customerKey', '==', `nic_${query.nic}`)
      : cases.where('accountNumber', '==', query.accountNumber),
  );
  if (snap.empty) throw new HttpsError('not-found', 'DebtX holds no case for that customer.');
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
  return { exportedAt: now, customer: found[0]!.customer, cases: found.map((c, i) => ({ case: c, trail: trails[i] })) };
}

export const exportCustomerData = onCall({ region: REGION }, exportCustomerDataHandler);
