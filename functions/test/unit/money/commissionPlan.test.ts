import fc from 'fast-check';
import { commissionPlanSchema, planFor, type PlanQuery } from '../../../src/domain/money/commissionPlan';
import { plan } from './fixtures';

const issues = (input: unknown) => {
  const result = commissionPlanSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const valid = {
  id: 'standard',
  version: 1,
  effectiveFrom: '2026-01-01',
  scope: {},
  rate: { kind: 'flat', bps: 250 },
  cpeBountyCents: 50_000,
  clawbackDays: 30,
  roIncentive: { kind: 'shareOfCommission', bps: 2_000 },
};

describe('the commission plan schema', () => {
  it('accepts a plan of every rate kind', () => {
    expect(issues(valid)).toEqual([]);
    const byRate = {
      kind: 'byRecoveryRate',
      tiers: [
        { fromRatePct: 0, bps: 100 },
        { fromRatePct: 37.5, bps: 200 },
      ],
    };
    expect(issues({ ...valid, rate: byRate })).toEqual([]);
    const byAge = {
      kind: 'byAgeBand',
      bands: [
        { fromAgeDays: 0, bps: 100 },
        { fromAgeDays: 90, bps: 300 },
      ],
    };
    expect(issues({ ...valid, rate: byAge, capPerCaseCents: 100_000 })).toEqual([]);
  });

  it('wants the first tier from 0 and the tiers sorted without overlap, naming the tier', () => {
    const tiers = (t: unknown[]) => issues({ ...valid, rate: { kind: 'byRecoveryRate', tiers: t } });
    expect(tiers([{ fromRatePct: 10, bps: 100 }])).toEqual([
      { path: 'rate.tiers.0.fromRatePct', message: 'the first tier must start from 0' },
    ]);
    expect(
      tiers([
        { fromRatePct: 0, bps: 100 },
        { fromRatePct: 50, bps: 200 },
        { fromRatePct: 50, bps: 300 },
      ]),
    ).toEqual([
      {
        path: 'rate.tiers.2.fromRatePct',
        message: 'must be greater than the tier before it (50): tiers are sorted and do not overlap',
      },
    ]);
    expect(tiers([])).toEqual([{ path: 'rate.tiers', message: 'needs at least one tier' }]);
    expect(
      tiers([
        { fromRatePct: 0, bps: 100 },
        { fromRatePct: 33.333, bps: 1 },
      ]),
    ).toEqual([{ path: 'rate.tiers.1.fromRatePct', message: 'must have at most two decimals' }]);
  });

  it('wants age bands sorted from day 0', () => {
    const bands = [
      { fromAgeDays: 0, bps: 100 },
      { fromAgeDays: 180, bps: 200 },
      { fromAgeDays: 90, bps: 300 },
    ];
    expect(issues({ ...valid, rate: { kind: 'byAgeBand', bands } })).toEqual([
      {
        path: 'rate.bands.2.fromAgeDays',
        message: 'must be greater than the band before it (180): bands are sorted and do not overlap',
      },
    ]);
  });

  it('keeps bps between 0 and 10000', () => {
    expect(issues({ ...valid, rate: { kind: 'flat', bps: 10_001 } })).toEqual([
      { path: 'rate.bps', message: 'must be at most 10000 bps (100%)' },
    ]);
    expect(issues({ ...valid, roIncentive: { kind: 'shareOfCommission', bps: -1 } })).toEqual([
      { path: 'roIncentive.bps', message: 'must be at least 0 bps' },
    ]);
    expect(issues({ ...valid, rate: { kind: 'flat', bps: 12.5 } })).toEqual([
      { path: 'rate.bps', message: 'must be a whole number' },
    ]);
  });

  it('refuses a scope naming both a DRC and a tier, a day that does not exist, unsorted targets', () => {
    expect(issues({ ...valid, scope: { drcId: 'd1', agencyTier: 'primary' } })).toEqual([
      { path: 'scope.agencyTier', message: 'a scope names a DRC or an agency tier, not both' },
    ]);
    expect(issues({ ...valid, effectiveFrom: '2026-02-30' })).toEqual([
      { path: 'effectiveFrom', message: 'must be a calendar date YYYY-MM-DD' },
    ]);
    const targets = [
      { collectedCents: 100_000, bonusCents: 1_000 },
      { collectedCents: 100_000, bonusCents: 2_000 },
    ];
    expect(issues({ ...valid, roIncentive: { kind: 'targets', targets } })).toEqual([
      {
        path: 'roIncentive.targets.1.collectedCents',
        message: 'must be greater than the target before it: targets are sorted and distinct',
      },
    ]);
    expect(issues({ ...valid, version: 0 })).toEqual([{ path: 'version', message: 'must be at least 1' }]);
  });
});

describe('choosing the plan version', () => {
  const q = (overrides: Partial<PlanQuery> = {}): PlanQuery => ({
    drcId: 'd1',
    agencyTier: 'primary',
    caseTypeId: 'telco',
    action: 'settlement',
    on: '2026-11-15',
    ...overrides,
  });

  it('never applies a version before its day, even when it was written first', () => {
    const v1 = plan({ version: 1, effectiveFrom: '2026-01-01' });
    const v2 = plan({ version: 2, effectiveFrom: '2026-12-01', rate: { kind: 'flat', bps: 300 } });
    expect(planFor([v2, v1], q({ on: '2026-11-30' }))).toBe(v1);
    expect(planFor([v2, v1], q({ on: '2026-12-01' }))).toBe(v2);
    expect(planFor([v2], q({ on: '2026-11-30' }))).toBeNull();
  });

  it('prefers a DRC plan to a tier plan to a plan for anyone', () => {
    const any = plan({ id: 'any' });
    const tier = plan({ id: 'tier', scope: { agencyTier: 'primary' } });
    const drc = plan({ id: 'drc', scope: { drcId: 'd1' } });
    expect(planFor([any, tier, drc], q())).toBe(drc);
    expect(planFor([any, tier, drc], q({ drcId: 'd2' }))).toBe(tier);
    expect(planFor([any, tier, drc], q({ drcId: 'd2', agencyTier: 'secondary' }))).toBe(any);
    expect(planFor([any, tier, drc], q({ drcId: 'd2', agencyTier: undefined }))).toBe(any);
  });

  it('narrows by case type, then action, within the same party', () => {
    const drc = plan({ id: 'drc', scope: { drcId: 'd1' } });
    const drcType = plan({ id: 'drcType', scope: { drcId: 'd1', caseTypeId: 'telco' } });
    const drcTypeAction = plan({
      id: 'drcTypeAction',
      scope: { drcId: 'd1', caseTypeId: 'telco', action: 'settlement' },
    });
    const anyTypeAction = plan({ id: 'anyTypeAction', scope: { caseTypeId: 'telco', action: 'settlement' } });
    const all = [anyTypeAction, drc, drcType, drcTypeAction];
    expect(planFor(all, q())).toBe(drcTypeAction);
    expect(planFor(all, q({ action: 'instalment' }))).toBe(drcType);
    expect(planFor(all, q({ caseTypeId: 'leasing', action: 'instalment' }))).toBe(drc);
    // The party comes first: a plan for the DRC beats a plan for anyone however narrow.
    expect(planFor([anyTypeAction, drc], q())).toBe(drc);
    expect(planFor([anyTypeAction], q({ action: 'instalment' }))).toBeNull();
  });

  it('takes the latest day, then the highest version, among equally specific plans', () => {
    const older = plan({ id: 'a', effectiveFrom: '2026-03-01', version: 9 });
    const later = plan({ id: 'b', effectiveFrom: '2026-06-01', version: 1 });
    expect(planFor([later, older], q())).toBe(later);
    const v1 = plan({ id: 'c', effectiveFrom: '2026-06-01', version: 1 });
    const v2 = plan({ id: 'c', effectiveFrom: '2026-06-01', version: 2 });
    expect(planFor([v2, v1], q())).toBe(v2);
    expect(planFor([v1, v2], q())).toBe(v2);
  });

  it('does not bring back a superseded version through a scope its successor dropped', () => {
    const v1 = plan({ id: 'p', version: 1, effectiveFrom: '2026-01-01', scope: { drcId: 'd1' } });
    const v2 = plan({ id: 'p', version: 2, effectiveFrom: '2026-06-01', scope: {} });
    const tier = plan({ id: 'tier', effectiveFrom: '2026-01-01', scope: { agencyTier: 'primary' } });
    expect(planFor([v1, v2, tier], q({ on: '2026-05-31' }))).toBe(v1);
    expect(planFor([v1, v2, tier], q({ on: '2026-06-01' }))).toBe(tier);
  });

  it('gives the same answer whatever the order of the list', () => {
    const plans = [
      plan({ id: 'a', effectiveFrom: '2026-02-01' }),
      plan({ id: 'a', version: 2, effectiveFrom: '2026-10-01' }),
      plan({ id: 'b', effectiveFrom: '2026-10-01' }),
      plan({ id: 'c', effectiveFrom: '2026-10-01', scope: { agencyTier: 'primary' } }),
      plan({ id: 'd', effectiveFrom: '2026-10-01', scope: { agencyTier: 'primary' } }),
      plan({ id: 'e', effectiveFrom: '2026-12-01', scope: { drcId: 'd1' } }),
    ];
    const days = fc.constantFrom('2026-01-15', '2026-02-01', '2026-09-30', '2026-10-01', '2026-12-01');
    fc.assert(
      fc.property(fc.shuffledSubarray(plans, { minLength: plans.length }), days, (shuffled, on) => {
        expect(planFor(shuffled, q({ on }))).toBe(planFor(plans, q({ on })));
      }),
    );
    expect(planFor(plans, q({ on: '2026-11-01' }))?.id).toBe('c');
  });
});
