import { z } from 'zod';
import type { CaseState } from '../../domain/model/case';
import { listScope, loadCaseFor, scopedCases } from '../../services/caseAccess';
import { DEFAULT_PAGE, keysetPage } from '../../services/keysetPage';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import { submitCaseWrite } from '../../services/caseWrites';

function cpeView(c: CaseState): z.infer<typeof contracts.cpeCase> {
  const items = c.cpe ?? [];
  return {
    caseId: c.id,
    accountNumber: c.accountNumber,
    status: c.status,
    customerName: c.customer?.name ?? '',
    address: c.customer?.address ?? '',
    city: c.customer?.city ?? '',
    phone: c.customer?.phone ?? '',
    roId: c.roId ?? null,
    rev: c.rev ?? 0,
    closed: !!c.closedAt,
    items,
    toCollect: items.filter((i) => i.status === 'pending' || i.status === 'rejected').length,
  };
}

export const roCpeCollection = implement(contracts.roCpeCollection, async (actor, input) => {
  if (input.caseId) {
    const c = await loadCaseFor(actor, input.caseId);
    return { items: c.requiredAction === 'arrears' ? [] : [cpeView(c)], nextCursor: null };
  }
  const query = scopedCases(listScope(actor, input)).where('requiredAction', 'in', ['cpe', 'arrears_cpe']);
  const { docs, nextCursor } = await keysetPage(query, 'updatedAt', input.limit ?? DEFAULT_PAGE, input.cursor);
  return { items: docs.map((d) => cpeView(d.data() as CaseState)), nextCursor };
});

export const recordCpeCollection = implement(
  contracts.recordCpeCollection,
  async (actor, { caseId: id, expectedRev: rev, clientRequestId: clientId, itemId, condition }) =>
    submitCaseWrite(actor, {
      caseId: id,
      expectedRev: rev,
      clientRequestId: clientId,
      type: 'caseAction',
      payload: { action: 'recordCpeCollection', result: 'collected', inputs: { itemId, condition } },
    }),
);
