import { z } from 'zod';
import type { CaseState } from '../../domain/model/case';
import { listScope, loadCaseFor, scopedCases } from '../../services/caseAccess';
import { DEFAULT_PAGE, keysetPage } from '../../services/keysetPage';
import { implement } from '../../api/registry';
import * as contracts from '../../domain/contracts/field';
import { submitCaseWrite } from '../../services/caseWrites';
import { itemToCollect } from '../../services/fieldWrites';
import { assertPhotoOf, photoDownloadUrl, photoUploadUrl } from '../../services/cpePhotos';
import type { CpeFailureReason } from '../../domain/lifecycle/inputs';

function cpeView(c: CaseState): z.input<typeof contracts.cpeCase> {
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

export const recordCpeCollection = implement(contracts.recordCpeCollection, async (actor, input) => {
  const inputs = {
    itemId: input.itemId,
    condition: input.condition,
    ...(input.location ? { geo: input.location } : {}),
    ...(input.photoRef ? { photoRef: input.photoRef } : {}),
  };
  return submitCaseWrite(actor, {
    caseId: input.caseId,
    expectedRev: input.expectedRev,
    clientRequestId: input.clientRequestId,
    type: 'caseAction',
    payload: { action: 'recordCpeCollection', result: 'collected', inputs },
    prepare: async (c) => {
      itemToCollect(c, input.itemId);
      if (input.photoRef) await assertPhotoOf(c, input.itemId, input.photoRef);
    },
  });
});

/** The RO's reason decides the life cycle's result: refused → the board; not reached → negotiation; else stay. */
const FAILURE_RESULT: Record<CpeFailureReason, string> = {
  customer_refused: 'refused',
  not_at_home: 'not_reached',
  address_not_found: 'not_reached',
  item_lost: 'not_collected',
  item_damaged: 'not_collected',
  other: 'not_collected',
};

export const recordCpeCollectionFailure = implement(contracts.recordCpeCollectionFailure, async (actor, input) =>
  submitCaseWrite(actor, {
    caseId: input.caseId,
    expectedRev: input.expectedRev,
    clientRequestId: input.clientRequestId,
    type: 'caseAction',
    payload: {
      action: 'cpeCollectionFailed',
      result: FAILURE_RESULT[input.reason],
      inputs: { itemId: input.itemId, reasonCode: input.reason, reason: input.notes || input.reason },
    },
    prepare: async (c) => {
      itemToCollect(c, input.itemId);
    },
  }),
);

export const cpePhotoUploadUrl = implement(contracts.cpePhotoUploadUrl, async (actor, input) =>
  photoUploadUrl(actor, input),
);

export const cpePhotoDownloadUrl = implement(contracts.cpePhotoDownloadUrl, async (actor, input) =>
  photoDownloadUrl(actor, input),
);
