import { z } from 'zod';
import type { CaseState } from '../../domain/model/case';
import { FIELD_ROLES, listScope, loadCaseFor, scopedCases } from '../access';
import { DEFAULT_PAGE, keysetPage } from '../paging';
import { defineOperation } from '../registry';
import {
  caseId,
  clientRequestId,
  cpeItemView,
  expectedRev,
  pageInput,
  pageOf,
  scopeInput,
  writeOutput,
} from '../schemas';
import { submitCaseWrite } from '../writes';

const cpeCase = z.object({
  caseId: z.string(),
  accountNumber: z.string(),
  status: z.string(),
  customerName: z.string(),
  address: z.string(),
  city: z.string(),
  phone: z.string(),
  roId: z.string().nullable(),
  rev: z.number().int(),
  closed: z.boolean(),
  items: z.array(cpeItemView),
  toCollect: z.number().int().describe('Items still pending or rejected (to collect again).'),
});

function cpeView(c: CaseState): z.infer<typeof cpeCase> {
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

export const roCpeCollection = defineOperation({
  name: 'roCpeCollection',
  summary: 'CPE collection details: the equipment to collect, per case, with its state.',
  description:
    'The field API’s RO_CPE_Collection. With caseId: that case only (one item in `items`); without: the caller’s cases that collect CPE, newest change first, cursor-paged. Recording a collection is recordCpeCollection.',
  tag: 'CPE',
  method: 'GET',
  path: '/cpe-collections',
  roles: FIELD_ROLES,
  input: z.strictObject({ caseId: caseId.nullish(), ...scopeInput, ...pageInput }),
  output: pageOf(cpeCase),
  handler: async (actor, input) => {
    if (input.caseId) {
      const c = await loadCaseFor(actor, input.caseId);
      return { items: c.requiredAction === 'arrears' ? [] : [cpeView(c)], nextCursor: null };
    }
    const query = scopedCases(listScope(actor, input)).where('requiredAction', 'in', ['cpe', 'arrears_cpe']);
    const { docs, nextCursor } = await keysetPage(query, 'updatedAt', input.limit ?? DEFAULT_PAGE, input.cursor);
    return { items: docs.map((d) => cpeView(d.data() as CaseState)), nextCursor };
  },
});

export const recordCpeCollection = defineOperation({
  name: 'recordCpeCollection',
  summary: 'Record that a CPE item was collected from the customer, with its condition (RCMP then decides).',
  tag: 'CPE',
  method: 'POST',
  path: '/cases/{caseId}/cpe-collections',
  roles: ['ro'],
  input: z.strictObject({
    caseId,
    expectedRev,
    clientRequestId,
    itemId: z.string({ error: 'is required' }).trim().min(1, 'is required').max(64, 'must be at most 64 characters'),
    condition: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(200, 'must be at most 200 characters'),
  }),
  output: writeOutput,
  handler: async (actor, { caseId: id, expectedRev: rev, clientRequestId: clientId, itemId, condition }) =>
    submitCaseWrite(actor, {
      caseId: id,
      expectedRev: rev,
      clientRequestId: clientId,
      type: 'caseAction',
      payload: { action: 'recordCpeCollection', result: 'collected', inputs: { itemId, condition } },
    }),
});
