import { z } from 'zod';
import type { LedgerEntry } from './accrual';
import { apportion } from './apportion';
import type { CommissionPlan } from './commissionPlan';
import { isPeriod, type Period } from './period';

/**
 * A DRC's statement for a period is a view of its ledger entries and nothing else: every figure is a sum of
 * entries' rounded cents, so the statement's total is exactly what the ledger says, and running it again
 * gives the same statement.
 */

/** A correction decided after an earlier statement was disputed; it is paid in the statement it is added to. */
export const adjustmentSchema = z.strictObject({
  id: z.string().trim().min(1, 'is required'),
  reason: z.string().trim().min(1, 'is required'),
  amountCents: z
    .number()
    .int('must be whole cents')
    .refine((c) => c !== 0, 'must not be zero')
    .refine(Number.isSafeInteger, 'is too large'),
  /** The period of the statement whose line was disputed, and that line's entry. */
  fromPeriod: z.string().refine(isPeriod, 'must be a period YYYY-MM').optional(),
  disputedEntryId: z.string().trim().min(1).optional(),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

export interface RateLine {
  planId: string;
  planVersion: number;
  rule: 'flat' | 'byRecoveryRate' | 'byAgeBand';
  bps: number;
  /** The tier or band (its index and where it starts); null for a flat rate. */
  step: { index: number; from: number } | null;
  payments: number;
  baseCents: number;
  commissionCents: number;
  /** Payments on which the per-case cap cut the commission. */
  capHits: number;
}

export interface ClawbackLine {
  entryId: string;
  paymentId: string;
  caseId: string;
  reversedCents: number;
  commissionCents: number;
}

export interface BountyLine {
  itemType: string;
  items: number;
  commissionCents: number;
}

export interface Statement {
  drcId: string;
  period: Period;
  /** Cases with a payment in the period. */
  cases: number;
  payments: number;
  collectedCents: number;
  rateLines: RateLine[];
  clawbacks: { lines: ClawbackLine[]; reversedCents: number; commissionCents: number };
  cpeBounties: { lines: BountyLine[]; items: number; commissionCents: number };
  adjustments: { lines: Adjustment[]; totalCents: number };
  /** Rate lines + clawbacks + bounties: the sum of the entries' cents. */
  commissionCents: number;
  totalCents: number;
}

const sum = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The entries of one DRC and period; two entries under one id would pay an event twice, so they are refused. */
export function entriesOf(drcId: string, period: Period, entries: readonly LedgerEntry[]): LedgerEntry[] {
  const seen = new Set<string>();
  const mine = entries.filter((e) => e.drcId === drcId && e.period === period);
  for (const e of mine) {
    if (seen.has(e.id)) throw new RangeError(`the ledger has entry ${e.id} twice`);
    seen.add(e.id);
  }
  return mine;
}

export function statementFor(
  drcId: string,
  period: Period,
  entries: readonly LedgerEntry[],
  adjustments: readonly Adjustment[],
): Statement {
  if (!isPeriod(period)) throw new RangeError(`not a period YYYY-MM: ${period}`);
  const mine = entriesOf(drcId, period, entries);
  const adjustmentLines = adjustments.map((a) => adjustmentSchema.parse(a));
  const payments = mine.filter((e) => e.kind === 'payment');
  const reversals = mine.filter((e) => e.kind === 'reversal');
  const bounties = mine.filter((e) => e.kind === 'cpeBounty');

  const lines = new Map<string, RateLine>();
  for (const e of payments) {
    const rate = e.rate;
    if (rate.rule !== 'flat' && rate.rule !== 'byRecoveryRate' && rate.rule !== 'byAgeBand') {
      throw new RangeError(`payment entry ${e.id} has the rate of a ${rate.rule}`);
    }
    const step =
      rate.rule === 'byRecoveryRate'
        ? { index: rate.tier, from: rate.fromRatePct }
        : rate.rule === 'byAgeBand'
          ? { index: rate.band, from: rate.fromAgeDays }
          : null;
    const key = JSON.stringify([e.planId, e.planVersion, rate.rule, rate.bps, step?.index ?? null]);
    const line = lines.get(key) ?? {
      planId: e.planId,
      planVersion: e.planVersion,
      rule: rate.rule,
      bps: rate.bps,
      step,
      payments: 0,
      baseCents: 0,
      commissionCents: 0,
      capHits: 0,
    };
    line.payments += 1;
    line.baseCents += e.baseCents;
    line.commissionCents += e.commissionCents;
    if (e.cap?.hit) line.capHits += 1;
    lines.set(key, line);
  }
  const rateLines = [...lines.values()].sort(
    (a, b) =>
      byText(a.planId, b.planId) ||
      a.planVersion - b.planVersion ||
      byText(a.rule, b.rule) ||
      (a.step?.index ?? -1) - (b.step?.index ?? -1) ||
      a.bps - b.bps,
  );

  const clawbackLines: ClawbackLine[] = reversals
    .map((e) => ({
      entryId: e.id,
      paymentId: e.paymentId ?? '',
      caseId: e.caseId,
      reversedCents: -e.baseCents,
      commissionCents: e.commissionCents,
    }))
    .sort((a, b) => byText(a.entryId, b.entryId));

  const bountyLines = new Map<string, BountyLine>();
  for (const e of bounties) {
    const itemType = e.rate.rule === 'cpeBounty' ? e.rate.itemType : '';
    const line = bountyLines.get(itemType) ?? { itemType, items: 0, commissionCents: 0 };
    line.items += 1;
    line.commissionCents += e.commissionCents;
    bountyLines.set(itemType, line);
  }

  const commissionCents = sum(mine.map((e) => e.commissionCents));
  const adjustmentsCents = sum(adjustmentLines.map((a) => a.amountCents));
  return {
    drcId,
    period,
    cases: new Set(payments.map((e) => e.caseId)).size,
    payments: payments.length,
    collectedCents: sum(payments.map((e) => e.baseCents)),
    rateLines,
    clawbacks: {
      lines: clawbackLines,
      reversedCents: sum(clawbackLines.map((l) => l.reversedCents)),
      commissionCents: sum(clawbackLines.map((l) => l.commissionCents)),
    },
    cpeBounties: {
      lines: [...bountyLines.values()].sort((a, b) => byText(a.itemType, b.itemType)),
      items: bounties.length,
      commissionCents: sum(bounties.map((e) => e.commissionCents)),
    },
    adjustments: { lines: adjustmentLines, totalCents: adjustmentsCents },
    commissionCents,
    totalCents: commissionCents + adjustmentsCents,
  };
}

export interface RoIncentiveLine {
  roId: string;
  /** Collected in the period, less the reversals that clawed commission back (never below 0). */
  collectedCents: number;
  incentiveCents: number;
  /** For targets: the highest target reached. */
  targetReached: { collectedCents: number; bonusCents: number } | null;
}

export interface RoIncentives {
  drcId: string;
  period: Period;
  planId: string;
  planVersion: number;
  kind: CommissionPlan['roIncentive']['kind'];
  /** For a share of commission: the share of the statement's total, whole cents, rounded down. */
  poolCents: number | null;
  lines: RoIncentiveLine[];
  totalCents: number;
  /** A pool with no RO who collected anything is not paid out. */
  undistributedCents: number;
}

/**
 * What the DRC's ROs earn for the period. A share of commission is split by what each RO collected with the
 * largest-remainder method, so the shares add up to the pool to the cent; targets pay each RO the bonus of
 * the highest target reached.
 */
export function roIncentives(
  statement: Statement,
  entries: readonly LedgerEntry[],
  plan: CommissionPlan,
): RoIncentives {
  const collected = new Map<string, number>();
  for (const e of entriesOf(statement.drcId, statement.period, entries)) {
    if (e.roId === null || (e.kind !== 'payment' && e.kind !== 'reversal')) continue;
    collected.set(e.roId, (collected.get(e.roId) ?? 0) + e.baseCents);
  }
  const ros = [...collected.keys()].sort(byText);
  const collectedOf = (roId: string) => Math.max(0, collected.get(roId) ?? 0);
  const base = { drcId: statement.drcId, period: statement.period, planId: plan.id, planVersion: plan.version };
  const incentive = plan.roIncentive;

  if (incentive.kind === 'targets') {
    const lines = ros.map((roId) => {
      const reached = [...incentive.targets].reverse().find((t) => collectedOf(roId) >= t.collectedCents) ?? null;
      return {
        roId,
        collectedCents: collectedOf(roId),
        incentiveCents: reached?.bonusCents ?? 0,
        targetReached: reached ? { collectedCents: reached.collectedCents, bonusCents: reached.bonusCents } : null,
      };
    });
    const totalCents = sum(lines.map((l) => l.incentiveCents));
    return { ...base, kind: 'targets', poolCents: null, lines, totalCents, undistributedCents: 0 };
  }

  const total = BigInt(Math.max(0, statement.totalCents));
  const poolCents = Number((total * BigInt(incentive.bps)) / 10_000n);
  const weights = ros.map(collectedOf);
  const paid = weights.some((w) => w > 0);
  const shares = paid ? apportion(poolCents, weights) : weights.map(() => 0);
  const lines = ros.map((roId, i) => ({
    roId,
    collectedCents: weights[i]!,
    incentiveCents: shares[i]!,
    targetReached: null,
  }));
  const totalCents = sum(shares);
  return {
    ...base,
    kind: 'shareOfCommission',
    poolCents,
    lines,
    totalCents,
    undistributedCents: poolCents - totalCents,
  };
}
