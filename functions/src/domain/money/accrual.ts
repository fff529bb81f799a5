import { z } from 'zod';
import type { AgencyTier } from '../assignment/drcPolicy';
import type { CalendarDate, Instant } from '../model/time';
import { planFor, type CommissionPlan } from './commissionPlan';
import { addCalendarDays, calendarDaysBetween, colomboDayOf, periodOf, type Period } from './period';
import { EXACT_PER_CENT, NO_CARRY, roundWithCarry, type Carry, type Exact } from './rounding';

/**
 * One money event in, at most one ledger entry out. The entry's id comes from the event (`pay:`, `rev:`,
 * `cpe:` and the payment's or item's id), so a redelivered event makes the same entry under the same id and
 * the ledger keeps one: idempotency is the id, not a flag.
 */

const id = z.string().trim().min(1, 'is required');
const instant = z.iso.datetime({ message: 'must be an ISO instant like 2026-11-23T10:00:00.000Z' });
const positiveCents = z
  .number()
  .int('must be whole cents')
  .min(1, 'must be at least 1 cent')
  .max(Number.MAX_SAFE_INTEGER / EXACT_PER_CENT, 'is too large');

export const moneyEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('payment'),
    paymentId: id,
    caseId: id,
    drcId: id,
    roId: id,
    amountCents: positiveCents,
    paidAt: instant,
    caseTypeId: id,
    action: id,
    debtAgeDays: z.number().int('must be whole days').min(0, 'must not be negative'),
  }),
  z.strictObject({ kind: z.literal('reversal'), paymentId: id, reversedAt: instant, amountCents: positiveCents }),
  z.strictObject({
    kind: z.literal('cpeApproval'),
    itemId: id,
    itemType: id,
    caseId: id,
    drcId: id,
    approvedAt: instant,
    caseTypeId: id.optional(),
    roId: id.optional(),
  }),
]);

export type MoneyEvent = z.infer<typeof moneyEventSchema>;
export type PaymentEvent = Extract<MoneyEvent, { kind: 'payment' }>;
export type ReversalEvent = Extract<MoneyEvent, { kind: 'reversal' }>;
export type CpeApprovalEvent = Extract<MoneyEvent, { kind: 'cpeApproval' }>;

/** How the commission of an entry came about, for the statement and for anyone who asks why. */
export type RateApplied =
  | { rule: 'flat'; bps: number }
  | { rule: 'byRecoveryRate'; bps: number; tier: number; fromRatePct: number; recoveryRatePct: number }
  | { rule: 'byAgeBand'; bps: number; band: number; fromAgeDays: number; debtAgeDays: number }
  | { rule: 'cpeBounty'; itemType: string; bountyCents: number; ofItemType: boolean }
  | { rule: 'clawback'; originalEntryId: string; daysAfterPayment: number; reversedCents: number; ofCents: number };

type PaymentRate = Extract<RateApplied, { rule: 'flat' | 'byRecoveryRate' | 'byAgeBand' }>;

export interface CapApplied {
  capPerCaseCents: number;
  /** The case's commission under the plan before this entry, exact. */
  earnedBefore: Exact;
  /** What the entry would have earned without the cap, exact. */
  uncapped: Exact;
  hit: boolean;
}

export interface LedgerEntry {
  id: string;
  kind: 'payment' | 'reversal' | 'cpeBounty';
  drcId: string;
  roId: string | null;
  caseId: string;
  paymentId: string | null;
  itemId: string | null;
  occurredAt: Instant;
  period: Period;
  planId: string;
  planVersion: number;
  /** The payment's amount; the reversed amount, negative, on a reversal; 0 on a bounty. */
  baseCents: number;
  bps: number | null;
  /** The commission exactly, in ten-thousandths of a cent (after the cap). */
  exact: Exact;
  /** The commission paid, rounded with the carry of the DRC's period. */
  commissionCents: number;
  /** The DRC period's carry after this entry: the next entry of the DRC in the period starts from it. */
  carryAfter: Carry;
  /** The last Colombo day on which a reversal of the payment takes the commission back (payments only). */
  clawbackUntil: CalendarDate | null;
  rate: RateApplied;
  cap: CapApplied | null;
}

export interface AccrualContext {
  plans: readonly CommissionPlan[];
  /** The tier the case is placed at with its DRC, for plans scoped to a tier. */
  agencyTier?: AgencyTier;
  /** The DRC's collected and assigned arrears in the event's period, for a rate by recovery rate. */
  recoveryRate?: { collectedCents: number; assignedCents: number };
  /** The case's commission so far under each plan (by plan id, all versions), exact, clawbacks netted. */
  caseEarned?: Readonly<Record<string, Exact>>;
  /** The entry a reversal reverses. */
  original?: LedgerEntry | null;
  /** The DRC's period ledger the entry goes on; none means the period has no entry yet. */
  ledger?: { drcId: string; period: Period; carry: Carry } | null;
}

export type NoEntryReason =
  | 'noPlan'
  | 'recoveryRateUnknown'
  | 'originalMissing'
  | 'reversalBeforePayment'
  | 'reversalExceedsPayment'
  | 'clawbackWindowClosed';

export type AccrualResult = { entry: LedgerEntry } | { entry: null; reason: NoEntryReason; detail: string };

export function accrue(event: MoneyEvent, ctx: AccrualContext): AccrualResult {
  const parsed = moneyEventSchema.parse(event);
  switch (parsed.kind) {
    case 'payment':
      return accruePayment(parsed, ctx);
    case 'reversal':
      return accrueReversal(parsed, ctx);
    case 'cpeApproval':
      return accrueBounty(parsed, ctx);
  }
}

function none(reason: NoEntryReason, detail: string): AccrualResult {
  return { entry: null, reason, detail };
}

function carryFor(ctx: AccrualContext, drcId: string, period: Period): Carry {
  if (!ctx.ledger) return NO_CARRY;
  if (ctx.ledger.drcId !== drcId || ctx.ledger.period !== period) {
    throw new RangeError(
      `the ledger given is ${ctx.ledger.drcId} ${ctx.ledger.period}, the entry belongs to ${drcId} ${period}`,
    );
  }
  return ctx.ledger.carry;
}

function exactProduct(cents: number, bps: number): Exact {
  const exact = cents * bps;
  if (!Number.isSafeInteger(exact)) throw new RangeError(`amount too large to work out exactly: ${cents}`);
  return exact;
}

function rateFor(
  plan: CommissionPlan,
  event: PaymentEvent,
  ctx: AccrualContext,
): PaymentRate | { missing: 'recoveryRate' } {
  const rate = plan.rate;
  switch (rate.kind) {
    case 'flat':
      return { rule: 'flat', bps: rate.bps };
    case 'byAgeBand': {
      const band = lastIndexWhere(rate.bands, (b) => b.fromAgeDays <= event.debtAgeDays);
      const chosen = rate.bands[band]!;
      return {
        rule: 'byAgeBand',
        bps: chosen.bps,
        band,
        fromAgeDays: chosen.fromAgeDays,
        debtAgeDays: event.debtAgeDays,
      };
    }
    case 'byRecoveryRate': {
      const rr = ctx.recoveryRate;
      if (!rr) return { missing: 'recoveryRate' };
      // collected / assigned ≥ from% ⇔ collected × 10000 ≥ from% × 100 × assigned, in integers; no arrears
      // assigned is a rate of 0.
      const reaches = (fromRatePct: number) =>
        rr.assignedCents > 0
          ? BigInt(rr.collectedCents) * 10_000n >= BigInt(Math.round(fromRatePct * 100)) * BigInt(rr.assignedCents)
          : fromRatePct === 0;
      const tier = lastIndexWhere(rate.tiers, (t) => reaches(t.fromRatePct));
      const chosen = rate.tiers[tier]!;
      const recoveryRatePct = rr.assignedCents > 0 ? (rr.collectedCents * 100) / rr.assignedCents : 0;
      return { rule: 'byRecoveryRate', bps: chosen.bps, tier, fromRatePct: chosen.fromRatePct, recoveryRatePct };
    }
  }
}

/** Steps start from 0 (the schema says so), so the first always qualifies. */
function lastIndexWhere<T>(steps: readonly T[], qualifies: (step: T) => boolean): number {
  let found = 0;
  steps.forEach((s, i) => {
    if (qualifies(s)) found = i;
  });
  return found;
}

function accruePayment(event: PaymentEvent, ctx: AccrualContext): AccrualResult {
  const day = colomboDayOf(event.paidAt);
  const plan = planFor(ctx.plans, {
    drcId: event.drcId,
    agencyTier: ctx.agencyTier,
    caseTypeId: event.caseTypeId,
    action: event.action,
    on: day,
  });
  if (!plan) return none('noPlan', `no commission plan applies to ${event.drcId} on ${day}`);
  const rate = rateFor(plan, event, ctx);
  if ('missing' in rate) {
    return none('recoveryRateUnknown', `plan ${plan.id} v${plan.version} pays by recovery rate; none was given`);
  }
  const bps = rate.bps;
  const uncapped = exactProduct(event.amountCents, bps);
  let exact = uncapped;
  let cap: CapApplied | null = null;
  if (plan.capPerCaseCents !== undefined) {
    const earnedBefore = ctx.caseEarned?.[plan.id] ?? 0;
    const room = Math.max(0, plan.capPerCaseCents * EXACT_PER_CENT - earnedBefore);
    exact = Math.min(uncapped, room);
    cap = { capPerCaseCents: plan.capPerCaseCents, earnedBefore, uncapped, hit: exact < uncapped };
  }
  const period = periodOf(event.paidAt);
  const rounded = roundWithCarry(exact, carryFor(ctx, event.drcId, period));
  return {
    entry: {
      id: `pay:${event.paymentId}`,
      kind: 'payment',
      drcId: event.drcId,
      roId: event.roId,
      caseId: event.caseId,
      paymentId: event.paymentId,
      itemId: null,
      occurredAt: event.paidAt,
      period,
      planId: plan.id,
      planVersion: plan.version,
      baseCents: event.amountCents,
      bps,
      exact,
      commissionCents: rounded.cents,
      carryAfter: rounded.carry,
      clawbackUntil: addCalendarDays(day, plan.clawbackDays),
      rate,
      cap,
    },
  };
}

/**
 * A reversal takes back what was paid on the payment, to the cent (its share of it when only part of the
 * payment is reversed), as an entry of the period it happens in: the earlier statement stays as it was.
 */
function accrueReversal(event: ReversalEvent, ctx: AccrualContext): AccrualResult {
  const original = ctx.original;
  if (!original || original.kind !== 'payment' || original.paymentId !== event.paymentId || !original.clawbackUntil) {
    return none('originalMissing', `no payment entry pay:${event.paymentId} was given for the reversal`);
  }
  const paidOn = colomboDayOf(original.occurredAt);
  const reversedOn = colomboDayOf(event.reversedAt);
  const daysAfterPayment = calendarDaysBetween(paidOn, reversedOn);
  if (Date.parse(event.reversedAt) < Date.parse(original.occurredAt)) {
    return none(
      'reversalBeforePayment',
      `reversed at ${event.reversedAt}, before the payment at ${original.occurredAt}`,
    );
  }
  if (event.amountCents > original.baseCents) {
    return none('reversalExceedsPayment', `reverses ${event.amountCents} of a payment of ${original.baseCents}`);
  }
  if (reversedOn > original.clawbackUntil) {
    return none(
      'clawbackWindowClosed',
      `reversed on ${reversedOn}, after ${original.clawbackUntil}, the last day the commission could be clawed back`,
    );
  }
  // Its share of the cents paid, to the nearest ten-thousandth of a cent (half up), in integers.
  const paid = BigInt(original.commissionCents) * BigInt(EXACT_PER_CENT) * BigInt(event.amountCents);
  const base = BigInt(original.baseCents);
  const share = Number((2n * paid + base) / (2n * base));
  const exact = -share;
  const period = periodOf(event.reversedAt);
  const rounded = roundWithCarry(exact, carryFor(ctx, original.drcId, period));
  return {
    entry: {
      id: `rev:${event.paymentId}`,
      kind: 'reversal',
      drcId: original.drcId,
      roId: original.roId,
      caseId: original.caseId,
      paymentId: event.paymentId,
      itemId: null,
      occurredAt: event.reversedAt,
      period,
      planId: original.planId,
      planVersion: original.planVersion,
      baseCents: -event.amountCents,
      bps: original.bps,
      exact,
      commissionCents: rounded.cents,
      carryAfter: rounded.carry,
      clawbackUntil: null,
      rate: {
        rule: 'clawback',
        originalEntryId: original.id,
        daysAfterPayment,
        reversedCents: event.amountCents,
        ofCents: original.baseCents,
      },
      cap: null,
    },
  };
}

/** A bounty is a fixed amount per approved item; the per-case cap is on commission, not on bounties. */
function accrueBounty(event: CpeApprovalEvent, ctx: AccrualContext): AccrualResult {
  const day = colomboDayOf(event.approvedAt);
  const plan = planFor(ctx.plans, {
    drcId: event.drcId,
    agencyTier: ctx.agencyTier,
    caseTypeId: event.caseTypeId,
    on: day,
  });
  if (!plan) return none('noPlan', `no commission plan applies to ${event.drcId} on ${day}`);
  const byType = plan.cpeBountyByItemType?.[event.itemType];
  const bountyCents = byType ?? plan.cpeBountyCents;
  const period = periodOf(event.approvedAt);
  const rounded = roundWithCarry(bountyCents * EXACT_PER_CENT, carryFor(ctx, event.drcId, period));
  return {
    entry: {
      id: `cpe:${event.itemId}`,
      kind: 'cpeBounty',
      drcId: event.drcId,
      roId: event.roId ?? null,
      caseId: event.caseId,
      paymentId: null,
      itemId: event.itemId,
      occurredAt: event.approvedAt,
      period,
      planId: plan.id,
      planVersion: plan.version,
      baseCents: 0,
      bps: null,
      exact: bountyCents * EXACT_PER_CENT,
      commissionCents: rounded.cents,
      carryAfter: rounded.carry,
      clawbackUntil: null,
      rate: { rule: 'cpeBounty', itemType: event.itemType, bountyCents, ofItemType: byType !== undefined },
      cap: null,
    },
  };
}
