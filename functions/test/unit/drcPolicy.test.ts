import {
  chooseDrc,
  DEFAULT_RULES,
  exclusionOf,
  recoveryRateOver,
  type DrcProfile,
} from '../../src/domain/assignment/drcPolicy';

const base: DrcProfile = {
  id: 'a',
  name: 'A',
  active: true,
  actions: ['arrears', 'cpe', 'arrears_cpe'],
  regions: [],
  capacity: 10,
  openCases: 0,
  recoveryRate: 0.4,
  lastAssignedAt: null,
};
const c = { requiredAction: 'arrears' as const, region: 'Western', arrearsCents: 100_00 };

describe('DRC assignment policy', () => {
  it('skips inactive, uncontracted, out-of-region and full DRCs, and says why when none is left', () => {
    const r = chooseDrc(c, [
      { ...base, id: 'off', active: false },
      { ...base, id: 'cpeonly', actions: ['cpe'] },
      { ...base, id: 'north', regions: ['Northern'] },
      { ...base, id: 'full', openCases: 10 },
    ]);
    expect(r).toEqual({
      ok: false,
      reason:
        'No eligible DRC (off: inactive; cpeonly: not contracted for arrears; north: does not serve Western; full: at capacity 10).',
    });
  });

  it('prefers the better recovery-rate band', () => {
    const r = chooseDrc(c, [
      { ...base, id: 'low', recoveryRate: 0.31 },
      { ...base, id: 'high', recoveryRate: 0.52 },
    ]);
    expect(r).toMatchObject({ ok: true, drcId: 'high' });
    if (r.ok) expect(r.reason).toMatch(/^best recovery-rate band/);
  });

  it('rotates among equals: the one that waited longest wins, then by id', () => {
    const r = chooseDrc(c, [
      { ...base, id: 'b', recoveryRate: 0.41, lastAssignedAt: '2026-11-23T10:00:00.000Z' },
      { ...base, id: 'c', recoveryRate: 0.45, lastAssignedAt: '2026-11-23T09:00:00.000Z' },
    ]);
    expect(r).toMatchObject({ ok: true, drcId: 'c' });
    if (r.ok) expect(r.reason).toMatch(/^round-robin among equals/);
    const never = chooseDrc(c, [
      { ...base, id: 'z', lastAssignedAt: null },
      { ...base, id: 'y', lastAssignedAt: null },
    ]);
    expect(never).toMatchObject({ drcId: 'y' });
  });

  it('is deterministic for the same inputs', () => {
    const drcs = [
      { ...base, id: 'p', recoveryRate: 0.2 },
      { ...base, id: 'q', recoveryRate: 0.25 },
    ];
    expect(chooseDrc(c, drcs)).toEqual(chooseDrc(c, [...drcs].reverse()));
  });
});

describe('DRC assignment policy: contract terms, exclusions, explanation', () => {
  it('refuses DRCs not contracted for the case type; empty list means every type', () => {
    const r = chooseDrc({ ...c, caseType: 'external_recovery' }, [
      { ...base, id: 'telco', caseTypes: ['debtx_telco'] },
      { ...base, id: 'any', caseTypes: [] },
    ]);
    expect(r).toMatchObject({ ok: true, drcId: 'any' });
    if (r.ok) expect(r.explanation.refused).toEqual({ telco: 'not contracted for case type external_recovery' });
  });

  it('keeps to each DRC’s amount band, bounds inclusive', () => {
    const drcs = [
      { ...base, id: 'small', minArrearsCents: 0, maxArrearsCents: 50_000_00 },
      { ...base, id: 'large', minArrearsCents: 50_000_01, maxArrearsCents: null },
    ];
    expect(chooseDrc({ ...c, arrearsCents: 50_000_00 }, drcs)).toMatchObject({ drcId: 'small' });
    expect(chooseDrc({ ...c, arrearsCents: 50_000_01 }, drcs)).toMatchObject({ drcId: 'large' });
    const none = chooseDrc({ ...c, arrearsCents: 10 }, [{ ...base, id: 'large', minArrearsCents: 100 }]);
    expect(none).toEqual({ ok: false, reason: 'No eligible DRC (large: below its amount band (from 100 cents)).' });
    const above = chooseDrc({ ...c, arrearsCents: 200 }, [{ ...base, id: 'small', maxArrearsCents: 100 }]);
    expect(above.ok).toBe(false);
    if (!above.ok) expect(above.reason).toMatch(/above its amount band \(up to 100 cents\)/);
  });

  it.each([
    ['deceased', { indicators: ['deceased'] }, 'indicator deceased'],
    ['bankruptcy', { indicators: ['vip', 'bankruptcy'] }, 'indicator bankruptcy'],
    ['dispute', { indicators: ['dispute'] }, 'indicator dispute'],
    ['do-not-contact', { indicators: ['do_not_contact'] }, 'indicator do_not_contact'],
    ['a held case', { held: true }, 'held by another case'],
  ])('never places %s', (_name, extra, why) => {
    const r = chooseDrc({ ...c, ...extra }, [{ ...base }]);
    expect(r).toEqual({ ok: false, excluded: true, reason: `Excluded from placement: ${why}.` });
  });

  it('exclusions are configurable: an indicator off the list does not exclude', () => {
    const rules = { ...DEFAULT_RULES, excludedIndicators: ['deceased'], excludeHeld: false };
    expect(chooseDrc({ ...c, indicators: ['dispute'], held: true }, [{ ...base }], { rules })).toMatchObject({
      ok: true,
    });
    expect(exclusionOf({ ...c, indicators: ['deceased'] }, rules)).toBe('indicator deceased');
  });

  it('the band width is configurable: a wider band makes more DRCs equals', () => {
    const drcs = [
      { ...base, id: 'x', recoveryRate: 0.31, lastAssignedAt: '2026-11-01T00:00:00.000Z' },
      { ...base, id: 'y', recoveryRate: 0.49, lastAssignedAt: '2026-11-02T00:00:00.000Z' },
    ];
    expect(chooseDrc(c, drcs)).toMatchObject({ drcId: 'y' });
    const wide = chooseDrc(c, drcs, { rules: { ...DEFAULT_RULES, performanceBand: 0.5 } });
    expect(wide).toMatchObject({ drcId: 'x' });
    if (wide.ok) expect(wide.explanation.rule).toBe('round-robin among equals (waited longest)');
  });

  it('re-placement excludes the DRC the case was recalled from; tier placement only uses that agency group', () => {
    const drcs = [
      { ...base, id: 'p1', agencyTier: 'primary' as const, recoveryRate: 0.9 },
      { ...base, id: 's1', agencyTier: 'secondary' as const },
      { ...base, id: 's2', agencyTier: 'secondary' as const },
    ];
    expect(chooseDrc(c, drcs, { excludeDrcs: ['p1'] })).toMatchObject({ drcId: 's1' });
    expect(chooseDrc(c, drcs, { tier: 'secondary', excludeDrcs: ['s1'] })).toMatchObject({ drcId: 's2' });
    const none = chooseDrc(c, drcs, { tier: 'tertiary' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).toMatch(/p1: not a tertiary agency/);
  });

  it('explains the choice: rule, eligible, refused and every eligible DRC’s scores', () => {
    const r = chooseDrc(c, [
      { ...base, id: 'b', recoveryRate: 0.55, openCases: 3, capacity: 9 },
      { ...base, id: 'a', recoveryRate: 0.2 },
      { ...base, id: 'z', active: false },
    ]);
    expect(r).toMatchObject({
      ok: true,
      explanation: {
        rule: 'best recovery-rate band',
        chosen: 'b',
        eligible: ['a', 'b'],
        refused: { z: 'inactive' },
        scores: {
          a: { recoveryRate: 0.2, band: 2, load: 0, capacity: 10, lastAssignedAt: null },
          b: { recoveryRate: 0.55, band: 5, load: 3, capacity: 9, lastAssignedAt: null },
        },
      },
    });
    if (r.ok) expect(r.reason).toBe('best recovery-rate band: A; eligible a, b; load 4/9');
  });

  it('is deterministic whatever the order of DRCs, including explanations', () => {
    const drcs = [
      { ...base, id: 'm', lastAssignedAt: '2026-11-03T00:00:00.000Z' },
      { ...base, id: 'k', lastAssignedAt: '2026-11-03T00:00:00.000Z' },
      { ...base, id: 'q', actions: ['cpe' as const] },
    ];
    const one = chooseDrc(c, drcs);
    expect(one).toMatchObject({ drcId: 'k' });
    if (one.ok) expect(chooseDrc(c, [...drcs].reverse())).toMatchObject({ explanation: one.explanation });
  });

  it('recovery rate over a window counts only placements inside it, and caps overpayment at the arrears', () => {
    const now = '2026-11-23T00:00:00.000Z';
    const rate = recoveryRateOver(
      [
        { drcAssignedAt: '2026-11-01T00:00:00.000Z', arrearsCents: 1000, paidCents: 500 },
        { drcAssignedAt: '2026-10-30T00:00:00.000Z', arrearsCents: 1000, paidCents: 2000 },
        { drcAssignedAt: '2026-01-01T00:00:00.000Z', arrearsCents: 1000, paidCents: 1000 },
        { drcAssignedAt: null, arrearsCents: 1000, paidCents: 1000 },
      ],
      30,
      now,
    );
    expect(rate).toBe(0.75);
    expect(recoveryRateOver([], 30, now)).toBe(0);
  });
});
