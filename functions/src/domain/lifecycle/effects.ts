import { z } from 'zod';
import {
  amountDueCents,
  isLivePayment,
  needsArrears,
  needsCpe,
  searchTermsFor,
  type Approval,
  type CaseState,
  type ContactChange,
  type ContactField,
  type Instalment,
  type RoRequest,
  type Settlement,
} from '../model/case';
import { CASE_INDICATORS, withIndicator, type CaseIndicator } from '../cases/indicators';
import { formatLkr, splitEvenly } from '../model/money';
import type { Actor } from '../model/roles';
import { addDays, addMonthsToDate, dateOf, type Instant } from '../model/time';
import {
  CONTACT_CHANNELS,
  CPE_FAILURE_REASONS,
  calendarDate,
  geoPoint,
  emailAddress,
  optionalNotes,
  optionalText,
  phoneNumber,
  positiveCents,
  shortText,
} from './inputs';
import type { CaseTypeSettings } from './types';
import { assignmentToRo, VALIDITY_EXTENSION } from './validity';

export interface EffectContext<I> {
  input: I;
  actor: Actor;
  now: Instant;
  requestId: string;
  /** The result the user recorded (e.g. `settlement_agreed`), for effects that log it. */
  resultCode: string;
  settings: Required<CaseTypeSettings>;
}

/** An effect refuses with a code and a message the user sees; nothing is applied then. */
export interface EffectRefusal {
  refused: { code: string; message: string; field?: string };
}

export interface EffectDef {
  description: string;
  input: z.ZodObject<z.ZodRawShape>;
  apply(c: CaseState, ctx: EffectContext<Record<string, unknown>>): CaseState | EffectRefusal;
}

function defineEffect<S extends z.ZodRawShape>(def: {
  description: string;
  input: z.ZodObject<S>;
  apply(c: CaseState, ctx: EffectContext<z.output<z.ZodObject<S>>>): CaseState | EffectRefusal;
}): EffectDef {
  // The registry holds effects of different input types; each effect's apply only ever receives
  // input parsed by its own schema (engine.ts), so widening the type here is safe.
  return def as unknown as EffectDef;
}

const refuse = (code: string, message: string, field?: string): EffectRefusal => ({
  refused: { code, message, field },
});

export function isRefusal(value: CaseState | EffectRefusal): value is EffectRefusal {
  return 'refused' in value;
}

/** Allocates a payment to the oldest unpaid instalments first, as collection staff expect. */
export function allocateToInstalments(instalments: Instalment[], amountCents: number): Instalment[] {
  let left = amountCents;
  return [...instalments]
    .sort((a, b) => a.seq - b.seq)
    .map((inst) => {
      const open = inst.amountCents - inst.paidCents;
      const take = Math.min(open, left);
      left -= take;
      return take > 0 ? { ...inst, paidCents: inst.paidCents + take } : inst;
    });
}

/**
 * Re-allocates what was paid towards a settlement's instalments from scratch, oldest first. What was paid
 * before the settlement was agreed is the base that the instalments do not cover (agreeSettlement), so after
 * a reversal the instalments carry exactly what is still owed: sum(open instalments) = amount due.
 */
export function reallocateInstalments(settlement: Settlement, paidCents: number): Instalment[] {
  const planned = settlement.instalments.reduce((s, i) => s + i.amountCents, 0);
  const base = settlement.agreedCents - planned;
  const towards = Math.min(planned, Math.max(0, paidCents - base));
  return allocateToInstalments(
    settlement.instalments.map((i) => ({ ...i, paidCents: 0 })),
    towards,
  );
}

interface SettlementInput {
  agreedCents: number;
  instalments: number;
  firstDueDate: string;
}

/**
 * The discount a settlement of `agreedCents` gives on what is still owed, and the RO's limit on it
 * (`maxRoDiscountPct` of the arrears). The field API reads it to send a settlement above the limit to the checker.
 */
export function roDiscount(
  c: Pick<CaseState, 'arrearsCents' | 'paidCents'>,
  agreedCents: number,
  settings: Pick<Required<CaseTypeSettings>, 'maxRoDiscountPct'>,
): { discountCents: number; limitCents: number; aboveLimit: boolean } {
  const discountCents = c.arrearsCents - c.paidCents - agreedCents;
  const limitCents = Math.floor((c.arrearsCents * settings.maxRoDiscountPct) / 100);
  return { discountCents, limitCents, aboveLimit: discountCents > limitCents };
}

/**
 * Checks a settlement against the case and the case type's settings and builds it. The discount limit is
 * the maker's (an RO's): above it the settlement must go through a supervisor's approval instead.
 */
function planSettlement(
  c: CaseState,
  input: SettlementInput,
  ctx: { now: Instant; settings: Required<CaseTypeSettings> },
): { settlement: Omit<Settlement, 'agreedAt' | 'agreedBy'>; aboveLimit: boolean; limitCents: number } | EffectRefusal {
  const { now, settings } = ctx;
  if (!needsArrears(c.requiredAction)) {
    return refuse('no-arrears', 'This case collects CPE only; there is nothing to settle.');
  }
  const owed = c.arrearsCents - c.paidCents;
  if (input.agreedCents + c.paidCents > c.arrearsCents) {
    return refuse(
      'settlement-above-arrears',
      `The settlement (${formatLkr(input.agreedCents)}) is more than what is owed (${formatLkr(owed)}).`,
      'agreedCents',
    );
  }
  if (input.instalments > settings.maxInstalments) {
    return refuse('too-many-instalments', `At most ${settings.maxInstalments} instalments are allowed.`, 'instalments');
  }
  if (input.instalments > input.agreedCents) {
    return refuse('instalments-too-small', 'Every instalment must be at least one cent.', 'instalments');
  }
  if (input.firstDueDate < dateOf(now)) {
    return refuse('due-date-in-past', 'The first instalment cannot fall due in the past.', 'firstDueDate');
  }
  const { discountCents, limitCents } = roDiscount(c, input.agreedCents, settings);
  const amounts = splitEvenly(input.agreedCents, input.instalments);
  // Instalments are on what is still owed: what was paid before the settlement does not count towards them.
  return {
    aboveLimit: discountCents > limitCents,
    limitCents,
    settlement: {
      plan: input.instalments === 1 ? 'lump_sum' : 'instalments',
      approvalId: null,
      agreedCents: input.agreedCents + c.paidCents,
      discountCents,
      instalments: amounts.map((amountCents, i) => ({
        seq: i + 1,
        dueDate: addMonthsToDate(input.firstDueDate, i),
        amountCents,
        paidCents: 0,
      })),
    },
  };
}

const settlementInput = z.object({
  agreedCents: positiveCents,
  instalments: z
    .number({ error: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1 (1 = a lump sum)' })
    .max(120, { message: 'is more instalments than any plan allows' }),
  firstDueDate: calendarDate,
});

/** Roles whose discounts are limited by `maxRoDiscountPct` (the DRC's field staff). */
const LIMITED_ROLES = new Set(['ro']);

const withdrawPending = (approvals: Approval[], now: Instant): Approval[] =>
  approvals.map((a) =>
    a.state === 'pending' && a.kind === 'settlement_discount'
      ? { ...a, state: 'withdrawn' as const, decidedAt: now, note: 'superseded by an agreed settlement' }
      : a,
  );

const boardOrNew = (c: CaseState) =>
  c.board ?? {
    escalatedAt: c.updatedAt,
    escalatedBy: 'unknown',
    reason: '',
    letterRequestedAt: null,
    letterIssuedAt: null,
    hearingDate: null,
    hearingPlace: null,
    customerResponse: null,
    customerResponseNotes: null,
    outcome: null,
    outcomeAt: null,
  };

function openBoard(c: CaseState, reason: string, by: string, now: Instant): CaseState {
  return {
    ...c,
    boardPhase: 'escalated',
    board: {
      escalatedAt: now,
      escalatedBy: by,
      reason,
      letterRequestedAt: null,
      letterIssuedAt: null,
      hearingDate: null,
      hearingPlace: null,
      customerResponse: null,
      customerResponseNotes: null,
      outcome: null,
      outcomeAt: null,
    },
  };
}

/** Opens an RO request; kinds with consequences (board letter, validity extension) are checked here. */
function openRoRequest(
  c: CaseState,
  kind: string,
  reason: string,
  days: number | null,
  ctx: { actor: { uid: string }; now: Instant; requestId: string },
): CaseState | EffectRefusal {
  const requests = c.roRequests ?? [];
  const pending = requests.find((r) => r.kind === kind && r.state === 'pending');
  if (pending) {
    return refuse(
      'request-pending',
      `A ${kind.replace(/_/g, ' ')} request from ${dateOf(pending.requestedAt)} is still waiting for a decision.`,
    );
  }
  let next: CaseState = c;
  if (kind === 'board_letter') {
    if (c.status !== 'MEDIATION_BOARD') {
      return refuse(
        'not-before-board',
        'A board letter can be requested only once the case is escalated to the mediation board.',
      );
    }
    // A case that reached the board by a route that opened no record (older data) gets one now.
    const board = c.board ?? openBoard(c, 'escalated', ctx.actor.uid, c.statusSince).board!;
    if (board.letterIssuedAt) {
      return refuse('letter-issued', `The board letter was already issued on ${dateOf(board.letterIssuedAt)}.`);
    }
    next = { ...c, boardPhase: 'letter_requested', board: { ...board, letterRequestedAt: ctx.now } };
  }
  const request: RoRequest = {
    id: ctx.requestId,
    kind,
    reason,
    days,
    state: 'pending',
    requestedBy: ctx.actor.uid,
    requestedAt: ctx.now,
    decidedBy: null,
    decidedAt: null,
    note: null,
  };
  return { ...next, roRequests: [...requests, request] };
}

/** The effect that raises an indicator, by indicator: `indicateDispute`, `indicateDoNotContact`... */
export const INDICATOR_EFFECTS: Record<CaseIndicator, string> = {
  dispute: 'indicateDispute',
  deceased: 'indicateDeceased',
  bankruptcy: 'indicateBankruptcy',
  do_not_contact: 'indicateDoNotContact',
};

/**
 * A result that learns of a dispute, a death, a bankruptcy or a do-not-contact request raises the indicator, so
 * the contact gate stops further contact at once; only an officer's audited action clears it.
 */
const indicatorEffects = Object.fromEntries(
  CASE_INDICATORS.map((indicator) => [
    INDICATOR_EFFECTS[indicator],
    defineEffect({
      description: `raise the ${indicator.replace(/_/g, ' ')} indicator (stops contact until an officer clears it)`,
      input: z.object({}),
      apply: (c) => ({ ...c, indicators: withIndicator(c.indicators ?? [], indicator) }),
    }),
  ]),
);

export const EFFECTS: Record<string, EffectDef> = {
  ...indicatorEffects,

  assignDrc: defineEffect({
    description: 'place the case with a DRC and start its validity period',
    input: z.object({ drcId: shortText(64), reason: shortText(1000) }),
    apply: (c, { input, now, settings }) => ({
      ...c,
      drcId: input.drcId,
      roId: null,
      assignment: {
        ...c.assignment,
        drcAssignedAt: now,
        drcReason: input.reason,
        roAssignedAt: null,
        roAssignedBy: null,
        validUntil: addDays(now, settings.validityDays),
      },
    }),
  }),

  assignRo: defineEffect({
    description: 'assign the case to one of the DRC’s recovery officers',
    input: z.object({ roId: shortText(128) }),
    apply: (c, { input, now, actor, settings }) => {
      if (c.drcId === null) return refuse('no-drc', 'The case is not placed with a DRC yet.');
      if (c.roId === input.roId)
        return refuse('same-ro', 'The case is already assigned to this recovery officer.', 'roId');
      return {
        ...c,
        roId: input.roId,
        assignment: assignmentToRo(c.assignment, actor.uid, now, settings.validityDays),
      };
    },
  }),

  recordContact: defineEffect({
    description: 'log a contact with the customer and its outcome',
    input: z.object({
      channel: z.enum(CONTACT_CHANNELS, { error: `must be one of ${CONTACT_CHANNELS.join(', ')}` }),
      /** The day of the contact when recorded later (e.g. after a field visit offline); today when left out. */
      contactedOn: calendarDate.optional(),
      notes: optionalNotes,
      nextFollowUpOn: calendarDate.optional(),
    }),
    apply: (c, { input, now, actor, resultCode }) => {
      const today = dateOf(now);
      if (input.contactedOn !== undefined && input.contactedOn > today) {
        return refuse('contact-in-future', 'The contact date cannot be in the future.', 'contactedOn');
      }
      if (input.contactedOn !== undefined && input.contactedOn < dateOf(c.openedAt)) {
        return refuse('contact-before-case', 'The contact date is before the case was opened.', 'contactedOn');
      }
      const assigned = c.assignment?.roAssignedAt;
      if (actor.role === 'ro' && assigned && input.contactedOn !== undefined && input.contactedOn < dateOf(assigned)) {
        return refuse(
          'contact-before-assignment',
          `The contact date is before the case was assigned to you (${dateOf(assigned)}).`,
          'contactedOn',
        );
      }
      if (input.nextFollowUpOn !== undefined && input.nextFollowUpOn < today) {
        return refuse('follow-up-in-past', 'The next follow-up date cannot be in the past.', 'nextFollowUpOn');
      }
      // Unanswered attempts in a row drive skip tracing (algorithm `unreachable`); any real contact resets them.
      const unreached = resultCode === 'no_answer' || resultCode === 'unreachable';
      return {
        ...c,
        failedContacts: unreached ? c.failedContacts + 1 : 0,
        lastContact: {
          at: now,
          channel: input.channel,
          outcome: resultCode,
          by: actor.uid,
          contactedOn: input.contactedOn ?? today,
          notes: input.notes,
        },
        nextFollowUpOn: input.nextFollowUpOn ?? c.nextFollowUpOn,
      };
    },
  }),

  agreeSettlement: defineEffect({
    description: 'agree a settlement: an amount paid as a lump sum (1 instalment) or in instalments',
    input: settlementInput,
    apply: (c, { input, now, actor, settings }) => {
      const planned = planSettlement(c, input, { now, settings });
      if ('refused' in planned) return planned;
      if (LIMITED_ROLES.has(actor.role) && planned.aboveLimit) {
        return refuse(
          'discount-above-limit',
          `A discount of ${formatLkr(planned.settlement.discountCents)} is above your limit of ${settings.maxRoDiscountPct}% (${formatLkr(planned.limitCents)}); propose it for a supervisor's approval instead (“Settlement proposed”).`,
          'agreedCents',
        );
      }
      return {
        ...c,
        settlement: { ...planned.settlement, agreedAt: now, agreedBy: actor.uid },
        approvals: withdrawPending(c.approvals ?? [], now),
      };
    },
  }),

  proposeSettlement: defineEffect({
    description: 'propose a settlement whose discount is above the maker’s limit, for a supervisor’s approval',
    input: settlementInput,
    apply: (c, { input, now, actor, settings, requestId }) => {
      const planned = planSettlement(c, input, { now, settings });
      if ('refused' in planned) return planned;
      if (!planned.aboveLimit) {
        return refuse(
          'within-limit',
          `A discount of ${formatLkr(planned.settlement.discountCents)} is within the limit (${formatLkr(planned.limitCents)}); record it as “Settlement agreed”.`,
          'agreedCents',
        );
      }
      const approvals = c.approvals ?? [];
      const pending = approvals.find((a) => a.state === 'pending' && a.kind === 'settlement_discount');
      if (pending) {
        return refuse(
          'approval-pending',
          `A settlement proposed on ${dateOf(pending.madeAt)} is still waiting for a supervisor.`,
          'agreedCents',
        );
      }
      const approval: Approval = {
        id: requestId,
        kind: 'settlement_discount',
        state: 'pending',
        makerUid: actor.uid,
        makerRole: actor.role,
        madeAt: now,
        details: {
          agreedCents: input.agreedCents,
          instalments: input.instalments,
          firstDueDate: input.firstDueDate,
          discountCents: planned.settlement.discountCents,
          limitCents: planned.limitCents,
        },
        checkerUid: null,
        decidedAt: null,
        note: null,
      };
      return { ...c, approvals: [...approvals, approval] };
    },
  }),

  decideSettlementApproval: defineEffect({
    description: 'a supervisor approves (the settlement applies) or rejects a proposed settlement; never its maker',
    input: z.object({ note: optionalNotes }),
    apply: (c, { input, now, actor, settings, resultCode }) => {
      const approvals = c.approvals ?? [];
      const pending = approvals.find((a) => a.state === 'pending' && a.kind === 'settlement_discount');
      if (!pending) return refuse('no-pending-approval', 'No settlement on this case is waiting for approval.');
      if (pending.makerUid === actor.uid) {
        return refuse('maker-cannot-approve', 'You proposed this settlement; another person must decide it.');
      }
      const approve = resultCode === 'approved';
      if (!approve && input.note.length < 3) {
        return refuse('note-required', 'Please say why the settlement is rejected.', 'note');
      }
      const decided: Approval = {
        ...pending,
        state: approve ? 'approved' : 'rejected',
        checkerUid: actor.uid,
        decidedAt: now,
        note: input.note || null,
      };
      const nextApprovals = approvals.map((a) => (a.id === pending.id ? decided : a));
      if (!approve) return { ...c, approvals: nextApprovals };
      const planned = planSettlement(
        c,
        {
          agreedCents: Number(pending.details.agreedCents),
          instalments: Number(pending.details.instalments),
          firstDueDate: String(pending.details.firstDueDate),
        },
        { now, settings },
      );
      if ('refused' in planned) {
        // The case moved on since the proposal (a payment, a date now past): the RO must propose again.
        return refuse('proposal-stale', `The proposal no longer fits the case: ${planned.refused.message} Reject it.`);
      }
      return {
        ...c,
        approvals: nextApprovals,
        settlement: { ...planned.settlement, approvalId: pending.id, agreedAt: now, agreedBy: pending.makerUid },
      };
    },
  }),

  recordPayment: defineEffect({
    description: 'record a payment received from the customer',
    input: z.object({
      amountCents: positiveCents,
      paidOn: calendarDate,
      method: z.enum(['cash', 'cheque', 'bank_transfer', 'card', 'online'], {
        error: 'must be one of cash, cheque, bank_transfer, card, online',
      }),
      reference: shortText(64),
    }),
    apply: (c, { input, now, actor, requestId }) => {
      if (!needsArrears(c.requiredAction)) {
        return refuse('no-arrears', 'This case collects CPE only; it takes no payments.');
      }
      if (input.paidOn > dateOf(now)) {
        return refuse('paid-in-future', 'The payment date cannot be in the future.', 'paidOn');
      }
      if (c.payments.some((p) => isLivePayment(p) && p.reference.toLowerCase() === input.reference.toLowerCase())) {
        return refuse(
          'duplicate-payment',
          `A payment with reference ${input.reference} is already recorded.`,
          'reference',
        );
      }
      const due = amountDueCents(c);
      if (input.amountCents > due) {
        return refuse(
          'overpayment',
          `The payment (${formatLkr(input.amountCents)}) is more than the amount due (${formatLkr(due)}).`,
          'amountCents',
        );
      }
      return {
        ...c,
        paidCents: c.paidCents + input.amountCents,
        payments: [
          ...c.payments,
          {
            paymentId: requestId,
            amountCents: input.amountCents,
            paidOn: input.paidOn,
            method: input.method,
            reference: input.reference,
            recordedAt: now,
            recordedBy: actor.uid,
          },
        ],
        settlement: c.settlement
          ? { ...c.settlement, instalments: allocateToInstalments(c.settlement.instalments, input.amountCents) }
          : null,
        promises: c.promises.map((p) =>
          p.status === 'open' && c.paidCents + input.amountCents - p.paidAtMadeCents >= p.amountCents
            ? { ...p, status: 'kept' as const, decidedAt: now }
            : p,
        ),
      };
    },
  }),

  reversePayment: defineEffect({
    description: 'reverse a recorded payment (bounced cheque, wrong account): it no longer counts',
    input: z.object({ reference: shortText(64), reason: shortText(1000) }),
    apply: (c, { input, now, actor }) => {
      const ref = input.reference.toLowerCase();
      const payment = c.payments.find((p) => isLivePayment(p) && p.reference.toLowerCase() === ref);
      if (!payment) {
        const reversed = c.payments.some((p) => p.reference.toLowerCase() === ref);
        return reversed
          ? refuse('already-reversed', `The payment ${input.reference} is already reversed.`, 'reference')
          : refuse('unknown-payment', `No payment with reference ${input.reference} on this case.`, 'reference');
      }
      const paidCents = c.paidCents - payment.amountCents;
      return {
        ...c,
        paidCents,
        payments: c.payments.map((p) =>
          p === payment ? { ...p, reversedAt: now, reversedBy: actor.uid, reversalReason: input.reason } : p,
        ),
        settlement: c.settlement
          ? { ...c.settlement, instalments: reallocateInstalments(c.settlement, paidCents) }
          : null,
        // A promise kept only by the reversed money is open again; the promise watch breaks it if its date has passed.
        promises: c.promises.map((p) =>
          p.status === 'kept' && paidCents - p.paidAtMadeCents < p.amountCents
            ? { ...p, status: 'open' as const, decidedAt: null }
            : p,
        ),
      };
    },
  }),

  recordCpeCollection: defineEffect({
    description: 'record that a CPE item was collected from the customer (condition, when, where, photo)',
    input: z.object({
      itemId: shortText(64),
      condition: shortText(200),
      /** The day it was collected when recorded later; today when left out. */
      collectedOn: calendarDate.optional(),
      location: optionalText(300),
      geo: geoPoint.optional(),
      photoRef: optionalText(500),
    }),
    apply: (c, { input, now, actor }) => {
      if (!needsCpe(c.requiredAction)) return refuse('no-cpe', 'This case does not collect CPE.');
      const item = c.cpe.find((i) => i.itemId === input.itemId);
      if (!item) return refuse('unknown-item', `No CPE item ${input.itemId} on this case.`, 'itemId');
      if (item.status === 'collected' || item.status === 'approved') {
        return refuse('already-collected', `CPE item ${input.itemId} is already ${item.status}.`, 'itemId');
      }
      if (input.collectedOn !== undefined && input.collectedOn > dateOf(now)) {
        return refuse('collected-in-future', 'The collection date cannot be in the future.', 'collectedOn');
      }
      if (input.collectedOn !== undefined && input.collectedOn < dateOf(c.openedAt)) {
        return refuse('collected-before-case', 'The collection date is before the case was opened.', 'collectedOn');
      }
      return {
        ...c,
        cpe: c.cpe.map((i) =>
          i.itemId === input.itemId
            ? {
                ...i,
                status: 'collected',
                collectedAt: now,
                collectedOn: input.collectedOn ?? dateOf(now),
                condition: input.condition,
                location: input.location ?? null,
                geo: input.geo
                  ? { lat: input.geo.lat, lng: input.geo.lng, accuracyM: input.geo.accuracyM ?? null }
                  : null,
                photoRef: input.photoRef ?? null,
                decisionReason: null,
                decidedBy: null,
                decidedAt: null,
                collectedBy: actor.uid,
              }
            : i,
        ),
      };
    },
  }),

  recordCpeFailure: defineEffect({
    description: 'record a failed attempt to collect a CPE item (the result decides where the case goes)',
    input: z.object({
      itemId: shortText(64),
      reason: shortText(1000),
      reasonCode: z.enum(CPE_FAILURE_REASONS, { error: `must be one of ${CPE_FAILURE_REASONS.join(', ')}` }).optional(),
    }),
    apply: (c, { input, now, actor, requestId, resultCode }) => {
      if (!needsCpe(c.requiredAction)) return refuse('no-cpe', 'This case does not collect CPE.');
      const item = c.cpe.find((i) => i.itemId === input.itemId);
      if (!item) return refuse('unknown-item', `No CPE item ${input.itemId} on this case.`, 'itemId');
      if (item.status === 'collected' || item.status === 'approved') {
        return refuse('already-collected', `CPE item ${input.itemId} is already ${item.status}.`, 'itemId');
      }
      return {
        ...c,
        cpe: c.cpe.map((i) =>
          i.itemId === input.itemId
            ? {
                ...i,
                failedAttempts: (i.failedAttempts ?? 0) + 1,
                failureReason: input.reason,
                attempts: [
                  ...(i.attempts ?? []),
                  {
                    at: now,
                    by: actor.uid,
                    result: resultCode,
                    reasonCode: input.reasonCode ?? null,
                    reason: input.reason,
                    requestId,
                  },
                ],
              }
            : i,
        ),
      };
    },
  }),

  decideCpe: defineEffect({
    description: 'RCMP approves or rejects a collected CPE item (a rejection needs a reason)',
    input: z.object({
      itemId: shortText(64),
      approved: z.boolean({ error: 'must be true or false' }),
      reason: optionalText(1000),
    }),
    apply: (c, { input, now, actor }) => {
      const item = c.cpe.find((i) => i.itemId === input.itemId);
      if (!item) return refuse('unknown-item', `No CPE item ${input.itemId} on this case.`, 'itemId');
      if (item.status !== 'collected') {
        return refuse(
          'not-collected',
          `CPE item ${input.itemId} is ${item.status}, not waiting for approval.`,
          'itemId',
        );
      }
      if (!input.approved && !input.reason) {
        return refuse('reason-required', 'Please say why the item is rejected.', 'reason');
      }
      return {
        ...c,
        cpe: c.cpe.map((i) =>
          i.itemId === input.itemId
            ? {
                ...i,
                status: input.approved ? 'approved' : 'rejected',
                decisionReason: input.reason ?? null,
                decidedBy: actor.uid,
                decidedAt: now,
              }
            : i,
        ),
      };
    },
  }),

  escalateToBoard: defineEffect({
    description: 'escalate a failed negotiation to the mediation board (opens the board record)',
    input: z.object({ notes: shortText(2000) }),
    apply: (c, { input, now, actor }) => openBoard(c, input.notes, actor.uid, now),
  }),

  openBoardRecord: defineEffect({
    description: 'open the mediation board record for a result that escalates (its reason is the result)',
    input: z.object({}),
    apply: (c, { now, actor, resultCode }) => openBoard(c, resultCode.replace(/_/g, ' '), actor.uid, now),
  }),

  scheduleHearing: defineEffect({
    description: 'set (or move) the mediation board hearing date, once the board letter is issued',
    input: z.object({ hearingDate: calendarDate, hearingPlace: optionalText(200) }),
    apply: (c, { input, now }) => {
      const board = boardOrNew(c);
      if (!board.letterIssuedAt) {
        return refuse('no-letter', 'The board letter must be issued before a hearing is scheduled.', 'hearingDate');
      }
      if (input.hearingDate < dateOf(now)) {
        return refuse('hearing-in-past', 'The hearing date cannot be in the past.', 'hearingDate');
      }
      if (input.hearingDate > dateOf(addDays(now, 366))) {
        return refuse('hearing-too-far', 'The hearing date is more than a year ahead.', 'hearingDate');
      }
      return {
        ...c,
        boardPhase: 'hearing_scheduled',
        board: {
          ...board,
          hearingDate: input.hearingDate,
          hearingPlace: input.hearingPlace ?? board.hearingPlace,
          customerResponse: null,
          customerResponseNotes: null,
        },
      };
    },
  }),

  boardResponse: defineEffect({
    description: 'record the customer’s response at (or to) the board hearing; the result is the response',
    input: z.object({ notes: optionalNotes }),
    apply: (c, { input, now, resultCode }) => {
      const board = boardOrNew(c);
      if (!board.hearingDate) return refuse('no-hearing', 'No hearing is scheduled yet.');
      if (board.hearingDate > dateOf(now)) {
        return refuse('hearing-not-held', `The hearing is on ${board.hearingDate}; record the response after it.`);
      }
      return {
        ...c,
        boardPhase: 'customer_responded',
        board: { ...board, customerResponse: resultCode, customerResponseNotes: input.notes || null },
      };
    },
  }),

  boardOutcome: defineEffect({
    description: 'record the mediation board’s outcome; the result is the outcome',
    input: z.object({ notes: shortText(2000) }),
    apply: (c, { now, resultCode }) => {
      const board = boardOrNew(c);
      if (!board.hearingDate) {
        return refuse('no-hearing', 'The board decides at a hearing: schedule one first.');
      }
      const phase = resultCode === 'settled' ? 'settled' : 'unresolved';
      return { ...c, boardPhase: phase, board: { ...board, outcome: resultCode, outcomeAt: now } };
    },
  }),

  openRoRequest: defineEffect({
    description: 'an RO asks the recovery section for something (the result is the kind of request)',
    input: z.object({ reason: shortText(1000) }),
    apply: (c, { input, actor, now, requestId, resultCode }) =>
      openRoRequest(c, resultCode, input.reason, null, { actor, now, requestId }),
  }),

  requestExtension: defineEffect({
    description: 'an RO asks for the assignment’s validity period to be extended by some days',
    input: z.object({
      reason: shortText(1000),
      days: z
        .number({ error: 'must be a number of days' })
        .int({ message: 'must be a whole number of days' })
        .positive({ message: 'must be at least 1' }),
    }),
    apply: (c, { input, actor, now, requestId, resultCode, settings }) => {
      if (input.days > settings.maxExtensionDays) {
        return refuse('extension-too-long', `An extension is at most ${settings.maxExtensionDays} days.`, 'days');
      }
      if (!c.assignment.validUntil) return refuse('no-validity', 'The case has no assignment to extend.');
      return openRoRequest(c, resultCode, input.reason, input.days, { actor, now, requestId });
    },
  }),

  decideRoRequest: defineEffect({
    description: 'an officer approves or rejects an RO request (an approved extension moves the validity end)',
    input: z.object({ requestId: shortText(128), note: optionalNotes }),
    apply: (c, { input, actor, now, resultCode }) => {
      const requests = c.roRequests ?? [];
      const request = requests.find((r) => r.id === input.requestId);
      if (!request) return refuse('unknown-request', `No RO request ${input.requestId} on this case.`, 'requestId');
      if (request.state !== 'pending') {
        return refuse('request-decided', `That request is already ${request.state}.`, 'requestId');
      }
      if (request.requestedBy === actor.uid) {
        return refuse('maker-cannot-approve', 'You made this request; another person must decide it.', 'requestId');
      }
      const approve = resultCode === 'approved';
      if (!approve && input.note.length < 3) {
        return refuse('note-required', 'Please say why the request is rejected.', 'note');
      }
      const decided: RoRequest = {
        ...request,
        state: approve ? 'approved' : 'rejected',
        decidedBy: actor.uid,
        decidedAt: now,
        note: input.note || null,
      };
      let next: CaseState = { ...c, roRequests: requests.map((r) => (r.id === request.id ? decided : r)) };
      if (request.kind === VALIDITY_EXTENSION && approve && request.days) {
        const from = c.assignment.validUntil && c.assignment.validUntil > now ? c.assignment.validUntil : now;
        next = {
          ...next,
          assignment: { ...next.assignment, validUntil: addDays(from, request.days) },
          // The warning to-do was about the old end; the validity monitor warns again before the new one.
          tasks: next.tasks.map((t) =>
            t.status === 'open' && t.type === 'validity_expiring' ? { ...t, status: 'done' as const, doneAt: now } : t,
          ),
        };
      }
      if (request.kind === 'board_letter' && next.board) {
        next = approve
          ? { ...next, boardPhase: 'letter_issued', board: { ...next.board, letterIssuedAt: now } }
          : { ...next, boardPhase: 'escalated', board: { ...next.board, letterRequestedAt: null } };
      }
      return next;
    },
  }),

  updateContacts: defineEffect({
    description: 'correct the customer’s phone numbers, email or address; the old values are kept as history',
    input: z.object({
      phone: phoneNumber.optional(),
      altPhone: phoneNumber.optional(),
      email: emailAddress.optional(),
      address: optionalText(300),
      city: optionalText(100),
      reason: shortText(500),
    }),
    apply: (c, { input, actor, now, requestId }) => {
      const changes: ContactChange[] = [];
      const customer = { ...c.customer };
      for (const field of ['phone', 'altPhone', 'email', 'address', 'city'] as ContactField[]) {
        const to = input[field];
        if (to === undefined) continue;
        const from = customer[field] ?? null;
        if (from !== null && from.trim().toLowerCase() === to.trim().toLowerCase()) continue;
        changes.push({ field, from, to, reason: input.reason, at: now, by: actor.uid, requestId });
        customer[field] = to;
      }
      if (changes.length === 0) {
        return refuse('no-change', 'Nothing to update: give at least one new phone number, email or address.');
      }
      const terms = searchTermsFor(c.accountNumber, customer);
      if (customer.altPhone) terms.push(...searchTermsFor(c.accountNumber, { name: '', phone: customer.altPhone }));
      return {
        ...c,
        customer,
        // Old numbers stay findable: an RO searching the number they used last week still finds the case.
        searchTerms: Array.from(new Set([...c.searchTerms, ...terms])),
        contactHistory: [...(c.contactHistory ?? []), ...changes],
      };
    },
  }),

  recordPromise: defineEffect({
    description: 'record a promise to pay an amount by a date',
    input: z.object({ promiseAmountCents: positiveCents, promiseDate: calendarDate }),
    apply: (c, { input, now, requestId }) => {
      if (!needsArrears(c.requiredAction))
        return refuse('no-arrears', 'This case collects CPE only; there is nothing to promise.');
      if (input.promiseDate < dateOf(now)) {
        return refuse('promise-in-past', 'A promise cannot fall due in the past.', 'promiseDate');
      }
      const due = amountDueCents(c);
      if (input.promiseAmountCents > due) {
        return refuse(
          'promise-above-due',
          `The promise (${formatLkr(input.promiseAmountCents)}) is more than the amount due (${formatLkr(due)}).`,
          'promiseAmountCents',
        );
      }
      const open = c.promises.find((p) => p.status === 'open');
      if (open) {
        return refuse(
          'promise-open',
          `A promise of ${formatLkr(open.amountCents)} by ${open.dueDate} is still open; it must be kept or broken first.`,
          'promiseDate',
        );
      }
      return {
        ...c,
        promises: [
          ...c.promises,
          {
            id: requestId,
            amountCents: input.promiseAmountCents,
            dueDate: input.promiseDate,
            madeAt: now,
            paidAtMadeCents: c.paidCents,
            status: 'open' as const,
            decidedAt: null,
          },
        ],
      };
    },
  }),

  setClosureReason: defineEffect({
    description: 'record why the case is being closed',
    input: z.object({ reason: shortText(1000) }),
    apply: (c, { input }) => ({ ...c, closureReason: input.reason }),
  }),

  recordNote: defineEffect({
    description: 'record a note or reason on the case timeline',
    input: z.object({ notes: shortText(2000) }),
    apply: (c) => c,
  }),
};
