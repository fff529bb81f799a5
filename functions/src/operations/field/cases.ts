import { loadCaseFor } from '../../services/caseAccess';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import { ownRequest } from '../../services/requestDocs';
import { caseSummaryOf } from '../../domain/cases/caseSummary';
import { Refusal } from '../../domain/refusal';

export const caseDetailsForDrc = implement(contracts.caseDetailsForDrc, async (actor, { caseId: id }) => {
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
});

export const getRequestStatus = implement(contracts.getRequestStatus, async (actor, { requestId }) => {
  const request = await ownRequest(actor, requestId);
  if (!request) throw new Refusal('permission-denied', `You may not see request ${requestId}.`);
  return {
    requestId,
    state: request.state,
    error: request.error,
    caseId: request.caseId,
  };
});
