import { z } from 'zod';
import { AGENCY_TIERS, type AgencyTier } from '../assignment/drcPolicy';
import { isCalendarDate, type CalendarDate } from '../model/time';

/**
 * A commission plan version: what a DRC earns on what its ROs collect, and what its ROs earn from that.
 * A plan is never edited: a change is a new version with its own `effectiveFrom` day (Asia/Colombo), so a
 * statement can always be run again and come out the same.
 */

const whole = z.number().int('must be a whole number');
const cents = whole.min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER, 'is too large');
const bps = whole.min(0, 'must be at least 0 bps').max(10_000, 'must be at most 10000 bps (100%)');
const code = z.string().trim().min(1, 'is required');

/** Steps given by where they start: sorted, each one after the last, the first from 0, so every value has one. */
function ascendingFromZero<K extends string>(from: K, label: string) {
  return (list: readonly Record<K, number>[], ctx: z.RefinementCtx) => {
    if (list.length > 0 && list[0]![from] !== 0) {
      ctx.addIssue({ code: 'custom', path: [0, from], message: `the first ${label} must start from 0` });
    }
    list.forEach((step, i) => {
      const before = list[i - 1];
      if (before && !(step[from] > before[from])) {
        ctx.addIssue({
          code: 'custom',
          path: [i, from],
          message: `must be greater than the ${label} before it (${before[from]}): ${label}s are sorted and do not overlap`,
        });
      }
    });
  };
}

const recoveryTier = z.strictObject({
  fromRatePct: z
    .number()
    .min(0, 'must not be negative')
    .max(1000, 'must be at most 1000')
    .refine((pct) => Math.abs(pct * 100 - Math.round(pct * 100)) < 1e-6, 'must have at most two decimals'),
  bps,
});
const ageBand = z.strictObject({ fromAgeDays: whole.min(0, 'must not be negative'), bps });

export const rateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flat'), bps }),
  /** Recovery rate = what the DRC collected over the arrears assigned to it in the period, in percent. */
  z.strictObject({
    kind: z.literal('byRecoveryRate'),
    tiers: z
      .array(recoveryTier)
      .min(1, 'needs at least one tier')
      .superRefine(ascendingFromZero('fromRatePct', 'tier')),
  }),
  /** The debt's age in days on the day of the payment. */
  z.strictObject({
    kind: z.literal('byAgeBand'),
    bands: z.array(ageBand).min(1, 'needs at least one band').superRefine(ascendingFromZero('fromAgeDays', 'band')),
  }),
]);

const target = z.strictObject({ collectedCents: cents, bonusCents: cents });

export const roIncentiveSchema = z.discriminatedUnion('kind', [
  /** The ROs share this part of the DRC's commission, in proportion to what each collected. */
  z.strictObject({ kind: z.literal('shareOfCommission'), bps }),
  /** Each RO earns the bonus of the highest target they reached in the period (not the sum of all reached). */
  z.strictObject({
    kind: z.literal('targets'),
    targets: z
      .array(target)
      .min(1, 'needs at least one target')
      .superRefine((list, ctx) => {
        list.forEach((t, i) => {
          if (i > 0 && !(t.collectedCents > list[i - 1]!.collectedCents)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'collectedCents'],
              message: 'must be greater than the target before it: targets are sorted and distinct',
            });
          }
        });
      }),
  }),
]);

export const planScopeSchema = z
  .strictObject({
    drcId: code.optional(),
    agencyTier: z.enum(AGENCY_TIERS, { message: `must be one of ${AGENCY_TIERS.join(', ')}` }).optional(),
    caseTypeId: code.optional(),
    action: code.optional(),
  })
  .refine((s) => !(s.drcId !== undefined && s.agencyTier !== undefined), {
    message: 'a scope names a DRC or an agency tier, not both',
    path: ['agencyTier'],
  });

export const commissionPlanSchema = z.strictObject({
  id: code,
  version: whole.min(1, 'must be at least 1'),
  effectiveFrom: z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD'),
  scope: planScopeSchema,
  rate: rateSchema,
  /** The most commission one case can earn under the plan, over all its payments. */
  capPerCaseCents: cents.min(1, 'must be at least 1 cent (leave it out for no cap)').optional(),
  /** Paid per approved CPE item; an item type listed in `cpeBountyByItemType` is paid that instead. */
  cpeBountyCents: cents,
  cpeBountyByItemType: z.record(code, cents).optional(),
  /** A payment reversed within this many Colombo calendar days of the payment takes its commission back. */
  clawbackDays: whole.min(0, 'must not be negative').max(3650, 'must be at most 3650'),
  roIncentive: roIncentiveSchema,
});

export type CommissionPlan = z.infer<typeof commissionPlanSchema>;
export type PlanScope = z.infer<typeof planScopeSchema>;
export type Rate = z.infer<typeof rateSchema>;
export type RoIncentive = z.infer<typeof roIncentiveSchema>;

export interface PlanQuery {
  drcId: string;
  agencyTier?: AgencyTier;
  caseTypeId?: string;
  action?: string;
  /** The Colombo day of the event the plan is for, not the day the calculation runs. */
  on: CalendarDate;
}

function matches(scope: PlanScope, q: PlanQuery): boolean {
  return (
    (scope.drcId === undefined || scope.drcId === q.drcId) &&
    (scope.agencyTier === undefined || scope.agencyTier === q.agencyTier) &&
    (scope.caseTypeId === undefined || scope.caseTypeId === q.caseTypeId) &&
    (scope.action === undefined || scope.action === q.action)
  );
}

/** Compared in order: the party (a DRC over its tier over anyone), then a case type, then an action. */
function specificity(scope: PlanScope): [number, number, number] {
  const party = scope.drcId !== undefined ? 2 : scope.agencyTier !== undefined ? 1 : 0;
  return [party, scope.caseTypeId !== undefined ? 1 : 0, scope.action !== undefined ? 1 : 0];
}

/** Latest first: a later day, then a higher version. */
function newer(a: CommissionPlan, b: CommissionPlan): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom ? -1 : 1;
  return b.version - a.version;
}

/**
 * The plan version that applies to an event on a day. Only versions in force that day count: a version whose
 * `effectiveFrom` is later never applies to an earlier event, even when it was written first. Of each plan
 * only its current version that day counts, so an older version of a plan cannot come back through a scope
 * its successor dropped. Then the most specific scope wins; among equally specific ones the latest day, then
 * the highest version, then the plan id (so the answer never depends on the order of the list).
 */
export function planFor(plans: readonly CommissionPlan[], q: PlanQuery): CommissionPlan | null {
  if (!isCalendarDate(q.on)) throw new RangeError(`not a calendar date: ${q.on}`);
  const current = new Map<string, CommissionPlan>();
  for (const plan of plans) {
    if (plan.effectiveFrom > q.on) continue;
    const seen = current.get(plan.id);
    if (!seen || newer(plan, seen) < 0) current.set(plan.id, plan);
  }
  const candidates = [...current.values()].filter((p) => matches(p.scope, q));
  candidates.sort((a, b) => {
    const sa = specificity(a.scope);
    const sb = specificity(b.scope);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
    return newer(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return candidates[0] ?? null;
}
