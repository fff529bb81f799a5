import { accrue, type AccrualContext, type LedgerEntry, type MoneyEvent } from '../../../src/domain/money/accrual';
import { commissionPlanSchema, type CommissionPlan } from '../../../src/domain/money/commissionPlan';
import { periodOf } from '../../../src/domain/money/period';

/** A valid plan (parsed, so the tests only ever use plans the schema accepts) with what a test changes. */
export function plan(overrides: Partial<CommissionPlan> = {}): CommissionPlan {
  return commissionPlanSchema.parse({
    id: 'standard',
    version: 1,
    effectiveFrom: '2026-01-01',
    scope: {},
    rate: { kind: 'flat', bps: 250 },
    cpeBountyCents: 50_000,
    clawbackDays: 30,
    roIncentive: { kind: 'shareOfCommission', bps: 2_000 },
    ...overrides,
  });
}

/**
 * What the ledger store will do around `accrue`, kept here for the tests: one carry per DRC and period, the
 * case's earnings per plan for the cap, the original entry for a reversal, and an event whose entry id is
 * already on the ledger left out.
 */
export function post(
  events: readonly MoneyEvent[],
  plans: readonly CommissionPlan[],
  extra: Partial<AccrualContext> = {},
) {
  const entries: LedgerEntry[] = [];
  const byId = new Map<string, LedgerEntry>();
  const carries = new Map<string, number>();
  const earned = new Map<string, Record<string, number>>();
  const skipped: string[] = [];
  for (const event of events) {
    const original = event.kind === 'reversal' ? (byId.get(`pay:${event.paymentId}`) ?? null) : null;
    const drcId = event.kind === 'reversal' ? (original?.drcId ?? '') : event.drcId;
    const at =
      event.kind === 'payment' ? event.paidAt : event.kind === 'reversal' ? event.reversedAt : event.approvedAt;
    const period = periodOf(at);
    const caseId = event.kind === 'reversal' ? (original?.caseId ?? '') : event.caseId;
    const result = accrue(event, {
      ...extra,
      plans,
      original,
      caseEarned: earned.get(caseId) ?? {},
      ledger: { drcId, period, carry: carries.get(`${drcId}|${period}`) ?? 0 },
    });
    if (!result.entry) {
      skipped.push(result.reason);
      continue;
    }
    const entry = result.entry;
    if (byId.has(entry.id)) continue;
    byId.set(entry.id, entry);
    entries.push(entry);
    carries.set(`${entry.drcId}|${entry.period}`, entry.carryAfter);
    if (entry.kind !== 'cpeBounty') {
      const mine = earned.get(entry.caseId) ?? {};
      mine[entry.planId] = (mine[entry.planId] ?? 0) + entry.exact;
      earned.set(entry.caseId, mine);
    }
  }
  return { entries, skipped };
}
