import { z } from 'zod';
import type { CustomerOverview } from '../cases/customerOverview';
import type { CaseState } from '../model/case';
import { ROLES } from '../model/roles';
import { DATA_SUBJECT_ROLES, SIGNED_IN_ROLES } from '../policy/operationRoles';
import { defineContract } from './define';
import { caseId } from './schemas';

/**
 * One case as the web client works it (its page, its customer, the requests that change it) and the data-subject
 * export. A case outside the caller's scope answers as one that does not exist.
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The case document as the caller's role may read it (domain/policy/caseView.ts masks the NIC). Passed through
 * whole rather than re-declared field by field: the document has some fifty fields, nested ones among them, that
 * the case page reads and the life cycle adds to, and a copy of its shape here would drop every field it forgot.
 */
export const caseView = z
  .custom<CaseState>(isRecord, { message: 'is not a case' })
  .describe('The case document as the caller’s role may read it (the NIC masked unless the role needs it).');

/** A label's Sinhala and Tamil beside its English `label`; null where the case type's version has none. */
export const labelsView = z
  .object({ si: z.string(), ta: z.string() })
  .nullable()
  .describe('The label in Sinhala and Tamil (null: the version has no translations; show `label`).');

export const statusView = z.object({
  code: z.string(),
  label: z.string(),
  labels: labelsView.default(null),
  kind: z.enum(['initial', 'interim', 'final']),
});

export const personRef = z.object({ uid: z.string(), displayName: z.string() });

export const timelineEntry = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ uid: z.string(), role: z.enum([...ROLES, 'system']), displayName: z.string().nullable() }),
  /** e.g. `registerCase`, `recordPayment/received`, `manual:WRITTEN_OFF`. */
  action: z.string(),
  /** In English, for API clients; the web client writes the line from `action`, `values` and the case type's labels. */
  summary: z.string(),
  /** The figures the line names (amount, settlement, payment reference, days, hearing date, reason, note). */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), mode: z.string() })),
  requestId: z.string().nullable(),
});

export const resultView = z.object({
  code: z.string(),
  label: z.string(),
  labels: labelsView.default(null),
  next: z.string().nullable(),
  /** A JSON Schema (draft 2020-12) of the result's inputs, generated from its zod schema: the web renders the form. */
  inputSchema: z.record(z.string(), z.unknown()),
  /** The labels of the inputs the case type defines itself (the effects' inputs are named by the client), by name. */
  fieldLabels: z.record(z.string(), z.object({ label: z.string(), labels: labelsView.default(null) })).default({}),
});

export const actionView = z.object({
  code: z.string(),
  label: z.string(),
  labels: labelsView.default(null),
  results: z.array(resultView),
});

const labelled = z.object({ label: z.string(), labels: labelsView.default(null) });

/** Every status, action and result label of the case's type and version: the timeline names them in the reader's language. */
export const caseTypeLabels = z.object({
  statuses: z.record(z.string(), labelled),
  actions: z.record(z.string(), labelled.extend({ results: z.record(z.string(), labelled) })),
});

export const caseDetail = z.object({
  case: caseView,
  statusLabel: z.string(),
  statusLabels: labelsView.default(null),
  /** The case type's labels, for the timeline's lines. */
  labels: caseTypeLabels,
  timeline: z.array(timelineEntry),
  /** What the caller may record on this case now. */
  actions: z.array(actionView),
  /** Manual transitions the caller may make now. */
  manualTargets: z.array(statusView),
  /** For a DRC admin: the recovery officers of the case's DRC, to assign. */
  assignableRos: z.array(personRef),
  drcName: z.string().nullable(),
  roName: z.string().nullable(),
});

export const getCase = defineContract({
  name: 'getCase',
  summary: 'One case with its timeline, the actions and manual transitions the caller may take now, and names.',
  description:
    'What the web client’s case page shows. A case outside the caller’s scope and a case that does not exist get the same NOT_FOUND.',
  area: 'cases',
  rest: { method: 'GET', path: '/web-cases/{caseId}', tag: 'Cases' },
  roles: SIGNED_IN_ROLES,
  input: z.strictObject({ caseId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a case id') }),
  output: caseDetail,
});

/** Customer 360 (domain/cases/customerOverview.ts builds it): passed through as the domain shapes it. */
export const customerOverviewView = z
  .custom<CustomerOverview>(isRecord, { message: 'is not a customer overview' })
  .describe('The customer’s contact details and history, this account’s products and their other visible cases.');

export const customerOverview = defineContract({
  name: 'customerOverview',
  summary: 'Customer 360 for a case: contact details and their history, products, the customer’s other cases.',
  area: 'cases',
  roles: SIGNED_IN_ROLES,
  input: z.strictObject({ caseId }),
  output: customerOverviewView,
});

export const REQUEST_TYPES = ['registerCase', 'caseAction', 'manualTransition', 'completeTask'] as const;
export const REQUEST_STATES = ['PENDING', 'APPLIED', 'REJECTED'] as const;

export const submitRequestInput = z.strictObject({
  type: z.enum(REQUEST_TYPES, { error: 'is not a request type' }),
  caseId: z.string().max(128).optional(),
  /** Checked against the type's schema at once, and again by the life cycle when the request is applied. */
  payload: z.record(z.string(), z.unknown()),
  /** A client-made id (uuid) so a retried submission is the same request, never a second one. */
  clientRequestId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 letters, digits, - or _'),
});

export const submitRequest = defineContract({
  name: 'submitRequest',
  summary: 'Ask for a change (register a case, an action, a manual transition, a task done) as a request document.',
  description:
    'The request is applied by the case life cycle; follow it with getRequest. Idempotent by clientRequestId: a retry returns the same request.',
  area: 'cases',
  rest: { method: 'POST', path: '/web-requests', tag: 'Requests' },
  roles: SIGNED_IN_ROLES,
  input: submitRequestInput,
  output: z.object({ requestId: z.string() }),
});

export const requestView = z.object({
  id: z.string(),
  type: z.enum(REQUEST_TYPES),
  state: z.enum(REQUEST_STATES),
  caseId: z.string().nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() })
    .nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
});

export const getRequest = defineContract({
  name: 'getRequest',
  summary: 'The state of one of the caller’s own requests: PENDING, APPLIED, or REJECTED with the reason.',
  area: 'cases',
  rest: { method: 'GET', path: '/web-requests/{requestId}', tag: 'Requests' },
  roles: SIGNED_IN_ROLES,
  input: z.strictObject({ requestId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'is not a request id') }),
  output: requestView,
});

const plainRecord = z.record(z.string(), z.unknown());

export const exportCustomerData = defineContract({
  name: 'exportCustomerData',
  summary: 'Everything held on one customer (by NIC or account), for a data-subject access request; audited.',
  area: 'cases',
  roles: DATA_SUBJECT_ROLES,
  input: z.union([
    z.strictObject({ nic: z.string().regex(/^(\d{9}[VvXx]|\d{12})$/, 'is not a national identity number') }),
    z.strictObject({ accountNumber: z.string().regex(/^\d{10}$/, 'must be exactly 10 digits') }),
  ]),
  output: z.object({
    exportedAt: z.string(),
    // Whole documents, as held: an export that dropped a field would not be everything held.
    customer: plainRecord,
    cases: z.array(z.object({ case: plainRecord, trail: z.array(plainRecord) })),
  }),
});

export const CASES_CONTRACTS = [getCase, customerOverview, submitRequest, getRequest, exportCustomerData] as const;
