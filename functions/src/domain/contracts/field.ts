import { z } from 'zod';
import { CONTACT_CHANNELS, CPE_FAILURE_REASONS, emailAddress, geoPoint, phoneNumber } from '../lifecycle/inputs';
import { DELINQUENCY_REASONS } from '../lifecycle/configs/debtxTelco';
import { BOARD_PHASES, NEGOTIATION_PHASES, UNRECORDED_BOARD_PHASE, type NegotiationPhase } from '../cases/phases';
import { LEASE_SECONDS, RENEW_SECONDS } from '../presence/lease';
import { CASE_WORKER_ROLES, FIELD_ROLES, PRESENCE_ROLES, SIGNED_IN_ROLES } from '../policy/operationRoles';
import { defineContract } from './define';
import {
  caseDetails,
  caseId,
  caseSummary,
  clientRequestId,
  cpeItemView,
  expectedRev,
  pageInput,
  pageOf,
  pastOrTodayDate,
  phaseCounts,
  positiveCents,
  scopeInput,
  todayOrLaterDate,
  writeOutput,
} from './schemas';

/**
 * The field API (docs/decisions/0015): what the DRCs' mobile app and other non-web clients call, as callables
 * (`mobile-<name>`) and as REST under /api/v1, documented by the generated OpenAPI document.
 */

export const caseDetailsForDrc = defineContract({
  name: 'caseDetailsForDrc',
  summary: 'One case as the field works it: customer, amounts, promises, settlement, payments, CPE, to-dos.',
  description:
    'The field API’s Case_Details_for_DRC. The `rev` is what writes send back as `expectedRev`. A case outside the caller’s scope and a case that does not exist get the same NOT_FOUND.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/cases/{caseId}', tag: 'Cases' },
  roles: FIELD_ROLES,
  input: z.strictObject({ caseId }),
  output: caseDetails,
});

export const getRequestStatus = defineContract({
  name: 'getRequestStatus',
  summary: 'The fate of one of the caller’s own writes: PENDING, APPLIED, or REJECTED with the reason.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/requests/{requestId}', tag: 'Requests' },
  roles: FIELD_ROLES,
  input: z.strictObject({ requestId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a request id') }),
  output: writeOutput.omit({ caseRev: true }).extend({ caseId: z.string().nullable() }),
});

/**
 * A contact correction is the life cycle's `updateContacts` action (domain/lifecycle/effects.ts): the old value is
 * kept in the case's contact history with the reason, never overwritten silently, and old numbers stay searchable.
 * The field rules are the action's own, so the API and the web form accept exactly the same input.
 */
const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be blank (leave it out instead)')
    .max(max, `must be at most ${max} characters`);

export const CONTACT_FIELDS = ['phone', 'altPhone', 'email', 'address', 'city'] as const;

export const updateCustomerContacts = defineContract({
  name: 'updateCustomerContacts',
  summary: 'Correct the customer’s phone numbers, email or address as found in the field, with the reason.',
  description:
    'The field API’s Update_Customer_Contacts. At least one of phone, altPhone, email, address, city, and a reason. The previous values stay in the case’s contact history.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/customer-contacts', tag: 'Cases' },
  roles: FIELD_ROLES,
  input: z
    .strictObject({
      caseId,
      expectedRev,
      clientRequestId,
      phone: phoneNumber.nullish(),
      altPhone: phoneNumber.nullish(),
      email: emailAddress.nullish(),
      address: text(300).nullish(),
      city: text(100).nullish(),
      reason: z
        .string({ error: 'is required' })
        .trim()
        .min(1, 'is required')
        .max(500, 'must be at most 500 characters'),
    })
    .refine((v) => CONTACT_FIELDS.some((f) => v[f]), {
      message: 'give at least one of phone, altPhone, email, address, city',
      path: ['phone'],
    }),
  output: writeOutput,
});

const negotiationPhase = z.enum(Object.keys(NEGOTIATION_PHASES) as [NegotiationPhase, ...NegotiationPhase[]], {
  error: `must be one of ${Object.keys(NEGOTIATION_PHASES).join(', ')}`,
});

const historyInputValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One recorded value of a negotiation step, as the history shows it. */
export const negotiationHistoryValue = historyInputValue;

export const CONTACT_RESULTS = [
  'no_answer',
  'call_back',
  'refused',
  'promised',
  'settlement_agreed',
  // What the customer told the RO that stops further contact: each raises its indicator on the case.
  'disputes',
  'customer_deceased',
  'bankrupt',
  'do_not_contact',
] as const;

export const listActiveCustomerNegotiations = defineContract({
  name: 'listActiveCustomerNegotiations',
  summary: 'Cases where the customer has been reached and a negotiation or settlement is under way.',
  description: 'The field API’s list_Active_Customer_Negotiations. Newest change first, cursor-paged.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/negotiations/active', tag: 'Negotiation' },
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, ...pageInput }),
  output: pageOf(caseSummary),
});

export const listDrcNegotiationCases = defineContract({
  name: 'listDrcNegotiationCases',
  summary: 'Every case of the DRC (or one RO) in a negotiation phase, optionally one phase.',
  description: 'The field API’s List_All_DRC_Negotiation_Cases. Phases: not_contacted, negotiating, settlement.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/negotiations/cases', tag: 'Negotiation' },
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, phase: negotiationPhase.nullish(), ...pageInput }),
  output: pageOf(caseSummary),
});

export const countNegotiationPhaseCases = defineContract({
  name: 'countNegotiationPhaseCases',
  summary: 'How many cases are in each negotiation phase (one aggregation query: no documents are read).',
  description: 'The field API’s Count_Negotiation_Phase_Cases.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/negotiations/counts', tag: 'Negotiation' },
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput }),
  output: phaseCounts,
});

export const customerNegotiations = defineContract({
  name: 'customerNegotiations',
  summary: 'A case’s negotiation history: contacts and their outcomes, promises, settlements, payments, escalation.',
  description:
    'The field API’s Customer_Negotiations. Read from the case’s audit trail (newest first), so it is exactly what was recorded. Cursor-paged.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/cases/{caseId}/negotiations', tag: 'Negotiation' },
  roles: FIELD_ROLES,
  input: z.strictObject({ caseId, ...pageInput }),
  output: pageOf(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      action: z.string(),
      result: z.string(),
      summary: z.string(),
      by: z.object({ uid: z.string(), role: z.string(), displayName: z.string().nullable() }),
      inputs: z.record(z.string(), historyInputValue),
    }),
  ),
});

/** What a contact may be recorded as: the client's results, and the proposal a settlement above the limit becomes. */
export const RECORDED_CONTACT_RESULTS = [...CONTACT_RESULTS, 'settlement_proposed'] as const;

export const recordContact = defineContract({
  name: 'recordContact',
  summary: 'Record a contact with the customer and its outcome (a promise or a settlement with it).',
  description:
    'Written as a request document that the life cycle applies; follow it with getRequestStatus. Refused at once for a closed case, a stale expectedRev (conflict), or while another user holds the customer’s lease. `contactedOn` is the day the contact happened (today when left out; never in the future, never before the case was assigned to the caller). `delinquencyReason` is kept on the case and in its history. A `settlement_agreed` whose discount is above the RO’s limit is recorded as a proposal (`recordedAs: settlement_proposed`) that applies when a supervisor approves it.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/contacts', tag: 'Negotiation' },
  roles: ['ro'],
  input: z
    .strictObject({
      caseId,
      expectedRev,
      clientRequestId,
      result: z.enum(CONTACT_RESULTS, { error: `must be one of ${CONTACT_RESULTS.join(', ')}` }),
      channel: z.enum(CONTACT_CHANNELS, { error: `must be one of ${CONTACT_CHANNELS.join(', ')}` }),
      notes: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
      nextFollowUpOn: todayOrLaterDate.nullish(),
      promiseAmountCents: positiveCents.nullish(),
      promiseDate: todayOrLaterDate.nullish(),
      agreedCents: positiveCents.nullish(),
      instalments: z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(60, 'must be at most 60')
        .nullish(),
      firstDueDate: todayOrLaterDate.nullish(),
      delinquencyReason: z
        .enum(DELINQUENCY_REASONS, { error: `must be one of ${DELINQUENCY_REASONS.join(', ')}` })
        .nullish()
        .describe('Why the customer fell behind, as they said it.'),
      contactedOn: pastOrTodayDate
        .nullish()
        .describe('The day the contact happened (YYYY-MM-DD), when recorded later; today when left out.'),
    })
    .superRefine((v, ctx) => {
      const need = (field: keyof typeof v) => {
        if (v[field] === undefined || v[field] === null)
          ctx.addIssue({ code: 'custom', path: [field], message: `is required when the result is ${v.result}` });
      };
      if (v.result === 'promised') (['promiseAmountCents', 'promiseDate'] as const).forEach(need);
      if (v.result === 'settlement_agreed') (['agreedCents', 'instalments', 'firstDueDate'] as const).forEach(need);
    }),
  output: writeOutput.extend({
    recordedAs: z
      .enum(RECORDED_CONTACT_RESULTS)
      .describe(
        'The result written: settlement_proposed when a settlement above the RO’s limit waits for a supervisor.',
      ),
  }),
  examples: [
    {
      summary: 'A phone call: the customer lost their job and promised to pay part by the end of the month',
      input: {
        caseId: 'C-2026-000123',
        expectedRev: 7,
        clientRequestId: '0b6f3c2e-5a4d-4e1b-9f7a-2c8d1e6b4a90',
        result: 'promised',
        channel: 'phone',
        delinquencyReason: 'job_loss',
        contactedOn: '2026-12-04',
        promiseAmountCents: 500000,
        promiseDate: '2026-12-31',
        notes: 'Starts a new job next week',
      },
      output: {
        requestId: '0b6f3c2e-5a4d-4e1b-9f7a-2c8d1e6b4a90',
        state: 'PENDING',
        error: null,
        caseRev: 7,
        recordedAs: 'promised',
      },
    },
  ],
});

export const recordPayment = defineContract({
  name: 'recordPayment',
  summary: 'Record a payment the customer made (never in the future, never more than is due).',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/payments', tag: 'Negotiation' },
  roles: ['ro'],
  input: z.strictObject({
    caseId,
    expectedRev,
    clientRequestId,
    amountCents: positiveCents,
    paidOn: pastOrTodayDate,
    method: z.enum(['cash', 'cheque', 'bank_transfer', 'card', 'online'], {
      error: 'must be one of cash, cheque, bank_transfer, card, online',
    }),
    reference: z.string({ error: 'is required' }).trim().min(1, 'is required').max(64, 'must be at most 64 characters'),
  }),
  output: writeOutput,
});

const boardPhase = z.enum(BOARD_PHASES, { error: `must be one of ${BOARD_PHASES.join(', ')}` });

/**
 * What an RO submits for the mediation board, each one the telecom life cycle's action (configs/debtxTelco.ts):
 * send a failed negotiation to the board (`escalate`), ask the recovery section for the board letter
 * (`roRequest/board_letter`), and record the customer's response after the hearing (`boardResponse/<response>`).
 * Scheduling the hearing and the board's outcome belong to the board itself, not to the field.
 */
const required = (max: number) =>
  z.string({ error: 'is required' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const BOARD_RESPONSES = ['attended_agreed', 'attended_disputed', 'absent'] as const;

export const boardSubmission = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('escalate'), notes: required(2000) }),
    z.strictObject({ kind: z.literal('requestLetter'), reason: required(1000) }),
    z.strictObject({
      kind: z.literal('customerResponse'),
      response: z.enum(BOARD_RESPONSES, { error: `must be one of ${BOARD_RESPONSES.join(', ')}` }),
      notes: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
    }),
  ],
  { error: 'must be a mediation board submission (kind: escalate, requestLetter or customerResponse)' },
);
export type BoardSubmission = z.infer<typeof boardSubmission>;

export const listMediationBoardCases = defineContract({
  name: 'listMediationBoardCases',
  summary: 'Cases before the mediation board, by DRC or RO, optionally in one board phase.',
  description:
    'The field API’s List_All_Mediation_Board_Cases_By_DRC_ID_or_RO_ID. A DRC admin may narrow to one of their ROs (roId); an RO sees their own. The phase filter matches the phase the board process recorded on the case.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/mediation-board/cases', tag: 'Mediation board' },
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, phase: boardPhase.nullish(), ...pageInput }),
  output: pageOf(caseSummary),
});

export const countMediationBoardPhaseCases = defineContract({
  name: 'countMediationBoardPhaseCases',
  summary: 'How many cases are before the board, in each board phase (aggregation queries).',
  description: `The field API’s Count_Mediation_Board_Phase_Cases. Board cases from before the board record (no phase on the case) count as \`${UNRECORDED_BOARD_PHASE}\`.`,
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/mediation-board/counts', tag: 'Mediation board' },
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput }),
  output: phaseCounts,
});

export const submitMediationBoard = defineContract({
  name: 'submitMediationBoard',
  summary: 'Send a case to the mediation board, request its letter, or record the customer’s response to it.',
  description:
    'The field API’s Mediation_Board_Submit. `escalate` (negotiation failed, with notes), `requestLetter` (once before the board; an officer approves), `customerResponse` (after the hearing date). Written as a request document; follow it with getRequestStatus, which carries the life cycle’s reason when it refuses.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/mediation-board', tag: 'Mediation board' },
  roles: ['ro'],
  input: z.strictObject({ caseId, expectedRev, clientRequestId, submission: boardSubmission }),
  output: writeOutput,
});

export const cpeCase = z.object({
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

export const roCpeCollection = defineContract({
  name: 'roCpeCollection',
  summary: 'CPE collection details: the equipment to collect, per case, with its state.',
  description:
    'The field API’s RO_CPE_Collection. With caseId: that case only (one item in `items`); without: the caller’s cases that collect CPE, newest change first, cursor-paged. Recording a collection is recordCpeCollection.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/cpe-collections', tag: 'CPE' },
  roles: FIELD_ROLES,
  input: z.strictObject({ caseId: caseId.nullish(), ...scopeInput, ...pageInput }),
  output: pageOf(cpeCase),
});

const itemId = z.string({ error: 'is required' }).trim().min(1, 'is required').max(64, 'must be at most 64 characters');

/** Where an uploaded collection photo is kept: one object per upload, under its case and item. */
export const CPE_PHOTO_PATH = /^cpe-photos\/[A-Za-z0-9_-]{1,128}\/[^/]{1,64}\/[0-9a-f-]{36}\.(jpg|png)$/;
export const photoRef = z
  .string({ error: 'must be the photoRef cpePhotoUploadUrl gave' })
  .max(400, 'must be the photoRef cpePhotoUploadUrl gave')
  .regex(CPE_PHOTO_PATH, 'must be the photoRef cpePhotoUploadUrl gave');

export const recordCpeCollection = defineContract({
  name: 'recordCpeCollection',
  summary: 'Record that a CPE item was collected from the customer, with its condition (RCMP then decides).',
  description:
    'Optionally where the phone was (`location`) and the photo taken (`photoRef`: upload it first with the URL cpePhotoUploadUrl gives, then send its photoRef). A photo of another case or item, or one not uploaded, is refused.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/cpe-collections', tag: 'CPE' },
  roles: ['ro'],
  input: z.strictObject({
    caseId,
    expectedRev,
    clientRequestId,
    itemId,
    condition: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(200, 'must be at most 200 characters'),
    location: geoPoint.nullish().describe('The phone’s position fix when the item was collected.'),
    photoRef: photoRef.nullish(),
  }),
  output: writeOutput,
  examples: [
    {
      summary: 'A router collected in good condition, with the place and the photo',
      input: {
        caseId: 'C-2026-000123',
        expectedRev: 8,
        clientRequestId: '5d2a9c1e-7b3f-4a61-8e0d-93c4f1b27a55',
        itemId: 'CPE-1',
        condition: 'good, with power adapter',
        location: { lat: 6.9271, lng: 79.8612, accuracyM: 12 },
        photoRef: 'cpe-photos/C-2026-000123/CPE-1/3f1c7a2e-9b4d-4c8e-a1f0-6d2b5e8c9a14.jpg',
      },
      output: { requestId: '5d2a9c1e-7b3f-4a61-8e0d-93c4f1b27a55', state: 'PENDING', error: null, caseRev: 8 },
    },
  ],
});

export const recordCpeCollectionFailure = defineContract({
  name: 'recordCpeCollectionFailure',
  summary: 'Record a failed attempt to collect a CPE item, with the reason: the item stays to collect.',
  description:
    'The attempt is listed on the item in roCpeCollection. A customer who refuses sends the case to the mediation board; not at home or an address not found returns it to negotiation; a lost or damaged item, or another reason, leaves the case where it is. `notes` are required with `other`.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/cpe-collection-failures', tag: 'CPE' },
  roles: ['ro'],
  input: z
    .strictObject({
      caseId,
      expectedRev,
      clientRequestId,
      itemId,
      reason: z.enum(CPE_FAILURE_REASONS, { error: `must be one of ${CPE_FAILURE_REASONS.join(', ')}` }),
      notes: z.string().trim().max(1000, 'must be at most 1000 characters').nullish(),
    })
    .refine((v) => v.reason !== 'other' || !!v.notes, {
      message: 'is required when the reason is other',
      path: ['notes'],
    }),
  output: writeOutput,
  examples: [
    {
      summary: 'Nobody was at home',
      input: {
        caseId: 'C-2026-000123',
        expectedRev: 8,
        clientRequestId: '9e4b1d7a-2c6f-4f3a-b8e5-1a7d0c9f2e36',
        itemId: 'CPE-1',
        reason: 'not_at_home',
        notes: 'Neighbour says they are back on Monday',
      },
      output: { requestId: '9e4b1d7a-2c6f-4f3a-b8e5-1a7d0c9f2e36', state: 'PENDING', error: null, caseRev: 8 },
    },
  ],
});

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export const cpePhotoUploadUrl = defineContract({
  name: 'cpePhotoUploadUrl',
  summary: 'A signed URL to upload one photo of a CPE item (JPEG or PNG, at most 5 MB), valid for 15 minutes.',
  description:
    'PUT the image bytes to `uploadUrl` with the given `headers`, then send `photoRef` with recordCpeCollection. On a deployed project the URL is a Cloud Storage V4 signed URL; on the local stacks an endpoint of the functions that keeps the file on disk. Either way the URL uploads only that one object, of that type and at most that size.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/cpe-photos', tag: 'CPE' },
  roles: ['ro'],
  input: z.strictObject({
    caseId,
    itemId,
    contentType: z.enum(PHOTO_CONTENT_TYPES, { error: `must be one of ${PHOTO_CONTENT_TYPES.join(', ')}` }),
    bytes: z
      .number({ error: 'must be the photo’s size in bytes' })
      .int('must be a whole number of bytes')
      .min(1, 'must be at least 1 byte')
      .max(MAX_PHOTO_BYTES, `must be at most ${MAX_PHOTO_BYTES} bytes (5 MB)`),
  }),
  output: z.object({
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).describe('Send these headers with the PUT, exactly.'),
    photoRef: z.string(),
    expiresAt: z.string(),
  }),
  examples: [
    {
      summary: 'A 1.2 MB JPEG of the router',
      input: { caseId: 'C-2026-000123', itemId: 'CPE-1', contentType: 'image/jpeg', bytes: 1_250_000 },
      output: {
        uploadUrl:
          'https://storage.googleapis.com/debtx-prod.appspot.com/cpe-photos/C-2026-000123/CPE-1/3f1c7a2e-9b4d-4c8e-a1f0-6d2b5e8c9a14.jpg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Expires=900&X-Goog-Signature=…',
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', 'x-goog-content-length-range': '0,1250000' },
        photoRef: 'cpe-photos/C-2026-000123/CPE-1/3f1c7a2e-9b4d-4c8e-a1f0-6d2b5e8c9a14.jpg',
        expiresAt: '2026-12-05T06:15:00.000Z',
      },
    },
  ],
});

export const cpePhotoDownloadUrl = defineContract({
  name: 'cpePhotoDownloadUrl',
  summary: 'A link to a CPE item’s collection photo, valid for 15 minutes, for whoever may see the case.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/cases/{caseId}/cpe-photos/{itemId}', tag: 'CPE' },
  roles: SIGNED_IN_ROLES,
  input: z.strictObject({ caseId, itemId }),
  output: z.object({ url: z.string(), photoRef: z.string(), expiresAt: z.string() }),
  examples: [
    {
      summary: 'The photo of a collected router',
      input: { caseId: 'C-2026-000123', itemId: 'CPE-1' },
      output: {
        url: 'https://storage.googleapis.com/debtx-prod.appspot.com/cpe-photos/C-2026-000123/CPE-1/3f1c7a2e-9b4d-4c8e-a1f0-6d2b5e8c9a14.jpg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Expires=900&X-Goog-Signature=…',
        photoRef: 'cpe-photos/C-2026-000123/CPE-1/3f1c7a2e-9b4d-4c8e-a1f0-6d2b5e8c9a14.jpg',
        expiresAt: '2026-12-05T06:15:00.000Z',
      },
    },
  ],
});

export const requestValidityExtension = defineContract({
  name: 'requestValidityExtension',
  summary: 'Ask the recovery section to extend the case’s validity period by some days (an officer decides).',
  description:
    'At most the case type’s maxExtensionDays (30 for the telecom cases); one request at a time per case. It shows in listActiveRoRequests while it waits; an officer approves or rejects it on the web.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/validity-extensions', tag: 'Requests' },
  roles: ['ro'],
  input: z.strictObject({
    caseId,
    expectedRev,
    clientRequestId,
    days: z
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(365, 'must be at most 365'),
    reason: required(1000),
  }),
  output: writeOutput,
  examples: [
    {
      summary: 'Two more weeks to finish collecting',
      input: {
        caseId: 'C-2026-000123',
        expectedRev: 9,
        clientRequestId: 'c7a1e5d3-4b2f-4e8a-9d6c-0f3b7a2e1d58',
        days: 14,
        reason: 'Customer pays the last instalment on the 20th',
      },
      output: { requestId: 'c7a1e5d3-4b2f-4e8a-9d6c-0f3b7a2e1d58', state: 'PENDING', error: null, caseRev: 9 },
    },
  ],
});

export const roRequestView = z.object({
  id: z.string(),
  caseId: z.string(),
  accountNumber: z.string().nullable(),
  customerName: z.string().nullable(),
  kind: z.string(),
  state: z.string(),
  days: z.number().nullable(),
  roId: z.string().nullable(),
  drcId: z.string().nullable(),
  caseStatus: z.string().nullable(),
  requestedAt: z.string(),
  reason: z.string().nullable(),
});

export const listActiveRoRequests = defineContract({
  name: 'listActiveRoRequests',
  summary: 'The RO’s open requests (validity extensions, mediation board letters...), newest first.',
  description: 'The field API’s List_Active_RO_Requests. A DRC admin sees their DRC’s, or one RO’s with roId.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/ro-requests/active', tag: 'Requests' },
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, ...pageInput }),
  output: pageOf(roRequestView),
});

export const leaseView = z
  .object({
    /** Null when the lease is on another case of the customer that the caller may not see. */
    holder: z.object({ uid: z.string(), displayName: z.string(), role: z.string() }).nullable(),
    mine: z.boolean(),
    /** Only when the lease is on this very case: another case of the customer may be outside the caller's scope. */
    onThisCase: z.boolean(),
    since: z.string(),
    expiresAt: z.string(),
  })
  .nullable();

const leaseOut = z.object({
  acquired: z.boolean(),
  /** Why not: another user holds the customer, or the caller reached the longest continuous hold. */
  refusal: z.enum(['held', 'hold-limit']).nullable(),
  lease: leaseView,
  maxHoldSeconds: z.number().int(),
  leaseSeconds: z.number().int(),
  renewSeconds: z.number().int(),
});

const acquire = <const N extends string>(name: N, path: string, summary: string) =>
  defineContract({
    name,
    summary,
    description: `A lease on the case’s customer for ${LEASE_SECONDS} s, to renew every ${RENEW_SECONDS} s while the case is open. Refused (acquired: false, with who holds it) while another user’s lease is live; while it is live nobody else may record contact with that customer. A hold is renewed for at most maxHoldSeconds in a row: then the renewal is refused (refusal: hold-limit) and the lease lapses, so someone waiting gets the customer; the holder may take it again one lease period later.`,
    area: 'field',
    group: 'mobile',
    rest: { method: 'POST', path, tag: 'Presence' },
    roles: CASE_WORKER_ROLES,
    input: z.strictObject({ caseId }),
    output: leaseOut,
  });

export const acquireCaseLease = acquire(
  'acquireCaseLease',
  '/cases/{caseId}/lease',
  'Start working a case: take the customer’s lease.',
);
export const renewCaseLease = acquire(
  'renewCaseLease',
  '/cases/{caseId}/lease/renew',
  'Still working: extend the lease (takes it if it lapsed and is free).',
);

export const releaseCaseLease = defineContract({
  name: 'releaseCaseLease',
  summary: 'Leave the case: give the customer’s lease up (if the caller holds it).',
  area: 'field',
  group: 'mobile',
  rest: { method: 'POST', path: '/cases/{caseId}/lease/release', tag: 'Presence' },
  roles: CASE_WORKER_ROLES,
  input: z.strictObject({ caseId }),
  output: z.object({ released: z.boolean() }),
});

export const whoIsOnCase = defineContract({
  name: 'whoIsOnCase',
  summary: 'Who is working with this case’s customer now, if anyone.',
  area: 'field',
  group: 'mobile',
  rest: { method: 'GET', path: '/cases/{caseId}/presence', tag: 'Presence' },
  roles: PRESENCE_ROLES,
  input: z.strictObject({ caseId }),
  output: z.object({ lease: leaseView }),
});

/** The field API, in the order the OpenAPI document lists it. */
export const FIELD_CONTRACTS = [
  caseDetailsForDrc,
  updateCustomerContacts,
  listActiveCustomerNegotiations,
  listDrcNegotiationCases,
  countNegotiationPhaseCases,
  customerNegotiations,
  recordContact,
  recordPayment,
  listMediationBoardCases,
  countMediationBoardPhaseCases,
  submitMediationBoard,
  roCpeCollection,
  recordCpeCollection,
  recordCpeCollectionFailure,
  cpePhotoUploadUrl,
  cpePhotoDownloadUrl,
  listActiveRoRequests,
  requestValidityExtension,
  getRequestStatus,
  acquireCaseLease,
  renewCaseLease,
  releaseCaseLease,
  whoIsOnCase,
] as const;
