import { HttpsError } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { COL, firestore } from '../../data/db';
import { readDoc } from '../../data/ops';
import { FIELD_ROLES, loadCaseFor } from '../access';
import { defineOperation } from '../registry';
import { caseDetails, caseId, writeOutput } from '../schemas';
import { caseSummaryOf } from '../views';

export const caseDetailsForDrc = defineOperation({
  name: 'caseDetailsForDrc',
  summary: 'One case as the field works it: customer, amounts, promises, settlement, payments, CPE, to-dos.',
  description:
    'The field API’s Case_Details_for_DRC. The `rev` is what writes send back as `expectedRev`. A case outside the caller’s scope and a case that does not exist get the same PERMISSION_DENIED.',
  tag: 'Cases',
  method: 'GET',
  path: '/cases/{caseId}',
  roles: FIELD_ROLES,
  input: z.strictObject({ caseId }),
  output: caseDetails,
  handler: async (actor, { caseId: id }) => {
    const c = await loadCaseFor(actor, id);
    return {
      ...caseSummaryOf(c),
      customer: {
        name: c.customer.name,
        phone: c.customer.phone,
        email: c.customer.email ?? null,
        address: c.customer.address,
        city: c.customer.city,
        region: c.customer.region,
        language: c.customer.language,
      },
      products: c.products ?? [],
      cpe: c.cpe ?? [],
      promises: (c.promises ?? []).map((p) => ({
        id: p.id,
        amountCents: p.amountCents,
        dueDate: p.dueDate,
        status: p.status,
      })),
      settlement: c.settlement ?? null,
      payments: c.payments ?? [],
      openTasks: (c.tasks ?? [])
        .filter((t) => t.status === 'open')
        .map((t) => ({ id: t.id, label: t.label, dueAt: t.dueAt })),
      closed: c.closedAt !== null && c.closedAt !== undefined,
    };
  },
});

export const getRequestStatus = defineOperation({
  name: 'getRequestStatus',
  summary: 'The fate of one of the caller’s own writes: PENDING, APPLIED, or REJECTED with the reason.',
  tag: 'Requests',
  method: 'GET',
  path: '/requests/{requestId}',
  roles: FIELD_ROLES,
  input: z.strictObject({ requestId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a request id') }),
  output: writeOutput.omit({ caseRev: true }).extend({ caseId: z.string().nullable() }),
  handler: async (actor, { requestId }) => {
    const snap = await readDoc(firestore().collection(COL.requests).doc(requestId));
    if (!snap.exists || snap.get('createdBy') !== actor.uid) {
      throw new HttpsError('permission-denied', `You may not see request ${requestId}.`);
    }
    return {
      requestId,
      state: snap.get('state'),
      error: snap.get('error') ?? null,
      caseId: snap.get('caseId') ?? null,
    };
  },
});
