import { chooseRo, type RoCandidate } from '../../src/domain/assignment/roPolicy';

const ro = (uid: string, extra: Partial<RoCandidate> = {}): RoCandidate => ({
  uid,
  displayName: uid.toUpperCase(),
  active: true,
  areas: [],
  capacity: null,
  openCases: 0,
  lastAssignedAt: null,
  ...extra,
});
const customer = { city: 'Galle', region: 'Southern' };

describe('RO assignment modes', () => {
  it('manual: never chooses', () => {
    expect(chooseRo('manual', customer, [ro('a')])).toEqual({ ok: false, reason: 'The DRC assigns its ROs by hand.' });
  });

  it('round_robin: the RO who waited longest, never-assigned first, then by uid', () => {
    const ros = [
      ro('b', { lastAssignedAt: '2026-11-02T00:00:00.000Z' }),
      ro('a', { lastAssignedAt: '2026-11-03T00:00:00.000Z' }),
      ro('c', { lastAssignedAt: '2026-11-01T00:00:00.000Z', openCases: 50 }),
    ];
    expect(chooseRo('round_robin', customer, ros)).toMatchObject({ ok: true, roId: 'c', rule: 'round_robin' });
    expect(chooseRo('round_robin', customer, [ro('z'), ro('y'), ...ros])).toMatchObject({ roId: 'y' });
  });

  it('least_loaded: fewest open cases; ties to the one who waited longest, then uid', () => {
    const ros = [
      ro('a', { openCases: 4 }),
      ro('b', { openCases: 2, lastAssignedAt: '2026-11-05T00:00:00.000Z' }),
      ro('c', { openCases: 2, lastAssignedAt: '2026-11-04T00:00:00.000Z' }),
    ];
    const r = chooseRo('least_loaded', customer, ros);
    expect(r).toMatchObject({ ok: true, roId: 'c', scores: { a: 4, b: 2, c: 2 } });
  });

  it('by_area: the customer’s city first, then region (case-insensitive), least loaded among them', () => {
    const ros = [
      ro('south', { areas: ['southern'], openCases: 0 }),
      ro('galle1', { areas: ['GALLE'], openCases: 3 }),
      ro('galle2', { areas: ['Galle', 'Matara'], openCases: 1 }),
    ];
    expect(chooseRo('by_area', customer, ros)).toMatchObject({ roId: 'galle2', rule: 'by_area' });
    expect(chooseRo('by_area', { city: 'Matara', region: 'Southern' }, ros.slice(0, 2))).toMatchObject({
      roId: 'south',
    });
    expect(chooseRo('by_area', { city: 'Jaffna', region: 'Northern' }, ros)).toEqual({
      ok: false,
      reason: 'No available RO covers Jaffna or Northern.',
    });
  });

  it('never chooses an inactive RO, one at capacity, or an excluded one', () => {
    const ros = [
      ro('off', { active: false }),
      ro('full', { capacity: 2, openCases: 2 }),
      ro('gone'),
      ro('ok', { openCases: 9 }),
    ];
    expect(chooseRo('least_loaded', customer, ros, ['gone'])).toMatchObject({ roId: 'ok' });
    expect(chooseRo('round_robin', customer, ros.slice(0, 2))).toEqual({
      ok: false,
      reason: 'No RO of the DRC is active and below capacity.',
    });
  });

  it('is deterministic whatever the order of ROs', () => {
    const ros = [ro('a', { openCases: 1 }), ro('b', { openCases: 1 }), ro('c', { openCases: 1 })];
    for (const mode of ['round_robin', 'least_loaded'] as const) {
      expect(chooseRo(mode, customer, ros)).toEqual(chooseRo(mode, customer, [...ros].reverse()));
    }
  });
});
