import { z } from 'zod';
import { amountDueCents, needsArrears, needsCpe, type CaseState, type Instalment } from '../model/case';
import { formatLkr, splitEvenly } from '../model/money';
import type { Actor } from '../model/roles';
import { addDays, addMonthsToDate, dateOf, type Instant } from '../model/time';
import { CONTACT_CHANNELS, calendarDate, optionalNotes, positiveCents, shortText } from './inputs';
import type { CaseTypeSettings } from './types';

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

/** Allocates a payment to the oldest unpaid instalments first (seed 002: oldest due first). */
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

export const EFFECTS: Record<string, EffectDef> = {
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
    apply: (c, { input, now, actor }) => {
      if (c.drcId === null) return refuse('no-drc', 'The case is not placed with a DRC yet.');
      if (c.roId === input.roId)
        return refuse('same-ro', 'The case is already assigned to this recovery officer.', 'roId');
      return { ...c, roId: input.roId, assignment: { ...c.assignment, roAssignedAt: now, roAssignedBy: actor.uid } };
    },
  }),

  recordContact: defineEffect({
    description: 'log a contact with the customer and its outcome',
    input: z.object({
      channel: z.enum(CONTACT_CHANNELS, { error: `must be one of ${CONTACT_CHANNELS.join(', ')}` }),
      notes: optionalNotes,
      nextFollowUpOn: calendarDate.optional(),
    }),
    apply: (c, { input, now, actor, resultCode }) => {
      if (input.nextFollowUpOn !== undefined && input.nextFollowUpOn < dateOf(now)) {
        return refuse('follow-up-in-past', 'The next follow-up date cannot be in the past.', 'nextFollowUpOn');
      }
      // Unanswered attempts in a row drive skip tracing (algorithm `unreachable`); any real contact resets them.
      const unreached = resultCode === 'no_answer' || resultCode === 'unreachable';
      return {
        ...c,
        failedContacts: unreached ? c.failedContacts + 1 : 0,
        lastContact: { at: now, channel: input.channel, outcome: resultCode, by: actor.uid },
        nextFollowUpOn: input.nextFollowUpOn ?? c.nextFollowUpOn,
      };
    },
  }),

  agreeSettlement: defineEffect({
    description: 'agree a settlement: an amount paid as a lump sum or in instalments',
    input: z.object({
      agreedCents: positiveCents,
      instalments: z.number({ error: 'must be a number' }).int({ message: 'must be a whole number' }).min(1, {
        message: 'must be at least 1',
      }),
      firstDueDate: calendarDate,
    }),
    apply: (c, { input, now, actor, settings }) => {
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
        return refuse(
          'too-many-instalments',
          `At most ${settings.maxInstalments} instalments are allowed.`,
          'instalments',
        );
      }
      if (input.firstDueDate < dateOf(now)) {
        return refuse('due-date-in-past', 'The first instalment cannot fall due in the past.', 'firstDueDate');
      }
      const discountCents = owed - input.agreedCents;
      const limitCents = Math.floor((c.arrearsCents * settings.maxRoDiscountPct) / 100);
      if (actor.role === 'ro' && discountCents > limitCents) {
        return refuse(
          'discount-above-limit',
          `A discount of ${formatLkr(discountCents)} is above your limit of ${settings.maxRoDiscountPct}% (${formatLkr(limitCents)}); a supervisor must approve it.`,
          'agreedCents',
        );
      }
      const amounts = splitEvenly(input.agreedCents, input.instalments);
      // Instalments are on what is still owed: what was paid before the settlement does not count towards them.
      return {
        ...c,
        settlement: {
          agreedCents: input.agreedCents + c.paidCents,
          discountCents,
          instalments: amounts.map((amountCents, i) => ({
            seq: i + 1,
            dueDate: addMonthsToDate(input.firstDueDate, i),
            amountCents,
            paidCents: 0,
          })),
          agreedAt: now,
          agreedBy: actor.uid,
        },
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
      if (c.payments.some((p) => p.reference.toLowerCase() === input.reference.toLowerCase())) {
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

  recordCpeCollection: defineEffect({
    description: 'record that a CPE item was collected from the customer',
    input: z.object({ itemId: shortText(64), condition: shortText(200) }),
    apply: (c, { input, now }) => {
      if (!needsCpe(c.requiredAction)) return refuse('no-cpe', 'This case does not collect CPE.');
      const item = c.cpe.find((i) => i.itemId === input.itemId);
      if (!item) return refuse('unknown-item', `No CPE item ${input.itemId} on this case.`, 'itemId');
      if (item.status === 'collected' || item.status === 'approved') {
        return refuse('already-collected', `CPE item ${input.itemId} is already ${item.status}.`, 'itemId');
      }
      return {
        ...c,
        cpe: c.cpe.map((i) =>
          i.itemId === input.itemId ? { ...i, status: 'collected', collectedAt: now, condition: input.condition } : i,
        ),
      };
    },
  }),

  decideCpe: defineEffect({
    description: 'RCMP approves or rejects a collected CPE item',
    input: z.object({ itemId: shortText(64), approved: z.boolean({ error: 'must be true or false' }) }),
    apply: (c, { input }) => {
      const item = c.cpe.find((i) => i.itemId === input.itemId);
      if (!item) return refuse('unknown-item', `No CPE item ${input.itemId} on this case.`, 'itemId');
      if (item.status !== 'collected') {
        return refuse(
          'not-collected',
          `CPE item ${input.itemId} is ${item.status}, not waiting for approval.`,
          'itemId',
        );
      }
      return {
        ...c,
        cpe: c.cpe.map((i) =>
          i.itemId === input.itemId ? { ...i, status: input.approved ? 'approved' : 'rejected' } : i,
        ),
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
