import { commissionPlanSchema, type CommissionPlan } from '../../../src/domain/money/commissionPlan';

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
