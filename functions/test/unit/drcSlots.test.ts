import { slotMove, slotOf } from '../../src/domain/assignment/drcSlots';

/** One function says which DRC counters a write of a case moves, whatever path changed its DRC. */
describe('drcSlots: the counter movement of every placement change', () => {
  const open = (drcId: string | null) => ({ drcId, closedAt: null });
  const closed = (drcId: string | null) => ({ drcId, closedAt: '2026-12-01T00:00:00.000Z' });

  it('an open placed case holds its DRC slot; a closed or unplaced one holds none', () => {
    expect(slotOf(open('a'))).toBe('a');
    expect(slotOf(closed('a'))).toBeNull();
    expect(slotOf(open(null))).toBeNull();
    expect(slotOf(null)).toBeNull();
  });

  it('placement takes, recall and reallocate release, a move does both, closing releases', () => {
    expect(slotMove(open(null), open('a'))).toEqual({ take: 'a', release: null });
    expect(slotMove(open('a'), open(null))).toEqual({ take: null, release: 'a' });
    expect(slotMove(open('a'), open('b'))).toEqual({ take: 'b', release: 'a' });
    expect(slotMove(open('a'), closed('a'))).toEqual({ take: null, release: 'a' });
    expect(slotMove(open('a'), closed(null))).toEqual({ take: null, release: 'a' });
  });

  it('writes that keep the placement move nothing, and a closed case never moves a counter again', () => {
    expect(slotMove(open('a'), open('a'))).toEqual({ take: null, release: null });
    expect(slotMove(null, open(null))).toEqual({ take: null, release: null });
    expect(slotMove(closed('a'), closed('a'))).toEqual({ take: null, release: null });
    expect(slotMove(closed('a'), closed(null))).toEqual({ take: null, release: null });
  });
});
