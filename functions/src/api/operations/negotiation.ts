import { z } from 'zod';
import type { AuditEvent } from '../../domain/audit/chain';
import { CONTACT_CHANNELS } from '../../domain/lifecycle/inputs';
import { loadCaseType } from '../../data/caseTypes';
import { COL, firestore } from '../../data/db';
import { readQuery } from '../../data/ops';
import { FIELD_ROLES, listScope, loadCaseFor } from '../access';
import { countPhases, pageOfCases } from '../lists';
import { encodeCursor } from '../../domain/paging/cursor';
import { DEFAULT_PAGE, readCursor } from '../paging';
import {
  ACTIVE_NEGOTIATION_STATUSES,
  NEGOTIATION_PHASES,
  NEGOTIATION_STATUSES,
  type NegotiationPhase,
} from '../phases';
import { defineOperation } from '../registry';
import {
  caseId,
  caseSummary,
  clientRequestId,
  expectedRev,
  pageInput,
  pageOf,
  pastOrTodayDate,
  phaseCounts,
  positiveCents,
  scopeInput,
  todayOrLaterDate,
  writeOutput,
} from '../schemas';
import { submitCaseWrite } from '../writes';

const negotiationPhase = z.enum(Object.keys(NEGOTIATION_PHASES) as [NegotiationPhase, ...NegotiationPhase[]], {
  error: `must be one of ${Object.keys(NEGOTIATION_PHASES).join(', ')}`,
});

/** A trail cursor: the last event's sequence number; the next page is the events before it. */
const readSeqCursor = ([seq, ...rest]: readonly unknown[]) =>
  typeof seq === 'number' && Number.isSafeInteger(seq) && !rest.length ? seq : undefined;

export const listActiveCustomerNegotiations = defineOperation({
  name: 'listActiveCustomerNegotiations',
  summary: 'Cases where the customer has been reached and a negotiation or settlement is under way.',
  description: 'The field API’s list_Active_Customer_Negotiations. Newest change first, cursor-paged.',
  tag: 'Negotiation',
  method: 'GET',
  path: '/negotiations/active',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, ...pageInput }),
  output: pageOf(caseSummary),
  handler: async (actor, input) =>
    pageOfCases(listScope(actor, input), { statuses: ACTIVE_NEGOTIATION_STATUSES }, input),
});

export const listDrcNegotiationCases = defineOperation({
  name: 'listDrcNegotiationCases',
  summary: 'Every case of the DRC (or one RO) in a negotiation phase, optionally one phase.',
  description: 'The field API’s List_All_DRC_Negotiation_Cases. Phases: not_contacted, negotiating, settlement.',
  tag: 'Negotiation',
  method: 'GET',
  path: '/negotiations/cases',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput, phase: negotiationPhase.nullish(), ...pageInput }),
  output: pageOf(caseSummary),
  handler: async (actor, input) =>
    pageOfCases(
      listScope(actor, input),
      { statuses: input.phase ? [NEGOTIATION_PHASES[input.phase]] : NEGOTIATION_STATUSES },
      input,
    ),
});

export const countNegotiationPhaseCases = defineOperation({
  name: 'countNegotiationPhaseCases',
  summary: 'How many cases are in each negotiation phase (count aggregations: no documents are read).',
  description: 'The field API’s Count_Negotiation_Phase_Cases.',
  tag: 'Negotiation',
  method: 'GET',
  path: '/negotiations/counts',
  roles: FIELD_ROLES,
  input: z.strictObject({ ...scopeInput }),
  output: phaseCounts,
  handler: async (actor, input) => {
    const scope = listScope(actor, input);
    const byPhase = await countPhases(
      Object.fromEntries(
        Object.entries(NEGOTIATION_PHASES).map(([phase, status]) => [phase, [scope, { statuses: [status] }]]),
      ),
    );
    return { total: Object.values(byPhase).reduce((s, n) => s + n, 0), byPhase };
  },
});

/**
 * Actions whose audit events make up a case's negotiation history: contacts and promises, settlements and their
 * approval, payments and reversals, failed CPE collections, and the board's steps. 21 action/result pairs in
 * the telecom life cycle, under the 30 values Firestore's `in` takes.
 */
export const NEGOTIATION_ACTION_CODES = [
  'recordContact',
  'decideSettlement',
  'recordPayment',
  'reversePayment',
  'cpeCollectionFailed',
  'escalate',
  'scheduleHearing',
  'boardResponse',
  'boardOutcome',
];

const historyInputValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const customerNegotiations = defineOperation({
  name: 'customerNegotiations',
  summary: 'A case’s negotiation history: contacts and their outcomes, promises, settlements, payments, escalation.',
  description:
    'The field API’s Customer_Negotiations. Read from the case’s audit trail (newest first), so it is exactly what was recorded. Cursor-paged.',
  tag: 'Negotiation',
  method: 'GET',
  path: '/cases/{caseId}/negotiations',
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
  handler: async (actor, input) => {
    const c = await loadCaseFor(actor, input.caseId);
    const config = await loadCaseType(c.caseType, c.configVersion);
    const actions = (config?.actions ?? [])
      .filter((a) => NEGOTIATION_ACTION_CODES.includes(a.code))
      .flatMap((a) => a.results.map((r) => `${a.code}/${r.code}`))
      .slice(0, 30); // Firestore's `in` takes at most 30 values.
    if (actions.length === 0) return { items: [], nextCursor: null };
    const limit = input.limit ?? DEFAULT_PAGE;
    const before = input.cursor ? readCursor(input.cursor, readSeqCursor) : null;
    let query = firestore().collection(COL.audit).where('entity', '==', `cases/${c.id}`).where('action', 'in', actions);
    if (before !== null) query = query.where('seq', '<', before);
    const snap = await readQuery(query.orderBy('seq', 'desc').limit(limit + 1));
    const events = snap.docs.map((d) => d.data() as AuditEvent).sort((a, b) => b.seq - a.seq);
    const page = events.slice(0, limit);
    return {
      items: page.map((e) => {
        const [action, result] = e.action.split('/');
        const raw = ((e.details as { inputs?: Record<string, unknown> } | undefined)?.inputs ?? {}) as Record<
          string,
          unknown
        >;
        const inputs = Object.fromEntries(
          Object.entries(raw).filter(([, v]) => historyInputValue.safeParse(v).success),
        ) as Record<string, string | number | boolean | null>;
        return {
          seq: e.seq,
          at: e.at,
          action: action ?? e.action,
          result: result ?? '',
          summary: e.summary,
          by: { uid: e.actor.uid, role: e.actor.role, displayName: e.actor.displayName ?? null },
          inputs,
        };
      }),
      nextCursor: events.length > limit && page.length ? encodeCursor([page[page.length - 1]!.seq]) : null,
    };
  },
});

const CONTACT_RESULTS = ['no_answer', 'call_back', 'refused', 'promised', 'settlement_agreed'] as const;

export const recordContact = defineOperation({
  name: 'recordContact',
  summary: 'Record a contact with the customer and its outcome (a promise or a settlement with it).',
  description:
    'Written as a request document that the life cycle applies; follow it with getRequestStatus. Refused at once for a closed case, a stale expectedRev (conflict), or while another user holds the customer’s lease.',
  tag: 'Negotiation',
  method: 'POST',
  path: '/cases/{caseId}/contacts',
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
    })
    .superRefine((v, ctx) => {
      const need = (field: keyof typeof v) => {
        if (v[field] === undefined || v[field] === null)
          ctx.addIssue({ code: 'custom', path: [field], message: `is required when the result is ${v.result}` });
      };
      if (v.result === 'promised') (['promiseAmountCents', 'promiseDate'] as const).forEach(need);
      if (v.result === 'settlement_agreed') (['agreedCents', 'instalments', 'firstDueDate'] as const).forEach(need);
    }),
  output: writeOutput,
  handler: async (actor, input) => {
    const { caseId: id, expectedRev: rev, clientRequestId: clientId, result, ...rest } = input;
    const inputs = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined));
    return submitCaseWrite(actor, {
      caseId: id,
      expectedRev: rev,
      clientRequestId: clientId,
      type: 'caseAction',
      payload: { action: 'recordContact', result, inputs },
    });
  },
});

export const recordPayment = defineOperation({
  name: 'recordPayment',
  summary: 'Record a payment the customer made (never in the future, never more than is due).',
  tag: 'Negotiation',
  method: 'POST',
  path: '/cases/{caseId}/payments',
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
  handler: async (actor, { caseId: id, expectedRev: rev, clientRequestId: clientId, ...inputs }) =>
    submitCaseWrite(actor, {
      caseId: id,
      expectedRev: rev,
      clientRequestId: clientId,
      type: 'caseAction',
      payload: { action: 'recordPayment', result: 'received', inputs },
    }),
});
