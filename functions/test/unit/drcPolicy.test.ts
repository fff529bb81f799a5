import { chooseDrc, type DrcProfile } from '../../src/domain/assignment/drcPolicy';

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
