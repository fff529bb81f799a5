import { z } from 'zod';
import { calendarDate, positiveCents } from '../lifecycle/inputs';
import { dateOf } from '../model/time';

/**
 * The mobile API's shared input and output schemas. Inputs are what both surfaces accept
 * (callable data, REST path + query + body); outputs are what handlers return, parsed before sending so
 * the OpenAPI document (generated from these) can never describe something the API does not return.
 */
const idPattern = /^[A-Za-z0-9_-]{1,128}$/;

export const caseId = z.string({ error: 'is required' }).regex(idPattern, 'is not a case id');
export const userId = z.string().regex(idPattern, 'is not a user id');
export const drcId = z.string().regex(idPattern, 'is not a DRC id');

// Callable clients send an absent optional field as null; REST query strings carry numbers as text.
export const pageInput = {
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .nullish()
    .describe('Page size, 1-100 (default 25).'),
  cursor: z.string().max(300, 'is not valid').nullish().describe('nextCursor of the previous page.'),
};

/** Which cases a list covers: a DRC admin may narrow to one of their ROs; an RO may only name themselves. */
export const scopeInput = {
  drcId: drcId.nullish().describe('Defaults to the caller’s DRC (DRC admins); another DRC is refused.'),
  roId: userId.nullish().describe('One RO’s cases; an RO may only name themselves.'),
};

export const clientRequestId = z
  .string({ error: 'is required' })
  .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 letters, digits, - or _')
  .describe('A client-made id (uuid): a retried or replayed submission is the same request, never a second one.');

export const expectedRev = z
  .number({ error: 'is required: the case revision you saw' })
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .describe('The case revision the user saw; if the case has moved on since, the write is refused as a conflict.');

/** A calendar date that has already happened (payments): "today" is the server's UTC day. */
export const pastOrTodayDate = calendarDate.refine((d) => d <= dateOf(new Date().toISOString()), {
  message: 'cannot be in the future',
});
export const todayOrLaterDate = calendarDate.refine((d) => d >= dateOf(new Date().toISOString()), {
  message: 'cannot be in the past',
});

export { positiveCents };

export const writeOutput = z.object({
  requestId: z.string(),
  state: z.enum(['PENDING', 'APPLIED', 'REJECTED']),
  error: z
    .object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() })
    .nullable(),
  caseRev: z.number().int().describe('The revision the write was checked against.'),
});
export type WriteOutput = z.infer<typeof writeOutput>;

const contactSummary = z.object({ at: z.string(), channel: z.string(), outcome: z.string(), by: z.string() });

export const promiseView = z.object({
  id: z.string(),
  amountCents: z.number().int(),
  dueDate: z.string(),
  status: z.enum(['open', 'kept', 'broken']),
});

export const caseSummary = z.object({
  id: z.string(),
  accountNumber: z.string(),
  requiredAction: z.enum(['arrears', 'cpe', 'arrears_cpe']),
  status: z.string(),
  phase: z.string().describe('Negotiation or mediation-board phase (see the count operations).'),
  customerName: z.string(),
  customerPhone: z.string(),
  city: z.string(),
  arrearsCents: z.number().int(),
  paidCents: z.number().int(),
  creditCents: z
    .number()
    .int()
    .describe(
      'Money received from the source systems that the case could not take as a payment (to refund or re-allocate).',
    ),
  amountDueCents: z.number().int(),
  drcId: z.string().nullable(),
  roId: z.string().nullable(),
  lastContact: contactSummary.nullable(),
  nextFollowUpOn: z.string().nullable(),
  openPromise: promiseView.nullable(),
  validUntil: z.string().nullable(),
  updatedAt: z.string(),
  rev: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const cpeAttemptView = z.object({
  at: z.string(),
  by: z.string(),
  result: z.string().describe('not_reached, refused (to the mediation board) or not_collected.'),
  reasonCode: z.string().nullable(),
  reason: z.string(),
});

export const cpeItemView = z.object({
  itemId: z.string(),
  kind: z.string(),
  serialNumber: z.string(),
  status: z.enum(['pending', 'collected', 'approved', 'rejected']),
  collectedAt: z.string().nullable(),
  condition: z.string().nullable(),
  geo: z
    .object({ lat: z.number(), lng: z.number(), accuracyM: z.number().nullable() })
    .nullable()
    .default(null)
    .describe('Where the phone was when the collection was recorded.'),
  photoRef: z
    .string()
    .nullable()
    .default(null)
    .describe('The collection photo, if one was taken: ask cpePhotoDownloadUrl for a link to it.'),
  attempts: z.array(cpeAttemptView).default([]).describe('Failed attempts to collect it, oldest first.'),
});

export const caseDetails = caseSummary.extend({
  customer: z.object({
    name: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    address: z.string(),
    city: z.string(),
    region: z.string(),
    language: z.string(),
  }),
  products: z.array(
    z.object({ productId: z.string(), kind: z.string(), status: z.string(), arrearsCents: z.number().int() }),
  ),
  cpe: z.array(cpeItemView),
  promises: z.array(promiseView),
  settlement: z
    .object({
      agreedCents: z.number().int(),
      discountCents: z.number().int(),
      instalments: z.array(
        z.object({
          seq: z.number().int(),
          dueDate: z.string(),
          amountCents: z.number().int(),
          paidCents: z.number().int(),
        }),
      ),
      agreedAt: z.string(),
    })
    .nullable(),
  payments: z.array(
    z.object({
      paymentId: z.string(),
      amountCents: z.number().int(),
      paidOn: z.string(),
      method: z.string(),
      reference: z.string(),
    }),
  ),
  openTasks: z.array(z.object({ id: z.string(), label: z.string(), dueAt: z.string().nullable() })),
  closed: z.boolean(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const phaseCounts = z.object({
  total: z.number().int(),
  byPhase: z.record(z.string(), z.number().int()),
});
