import { decideAcquire, foreignLease, type Lease } from '../../src/domain/presence/lease';

/** The customer lease's decisions: one holder at a time, and nobody holds a customer past the hold limit. */
const terms = { leaseSeconds: 90, maxHoldSeconds: 1800 };
const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 10) + s * 1000).toISOString();
const ro1 = { uid: 'ro1', displayName: 'RO 1', role: 'ro' };
const ro3 = { uid: 'ro3', displayName: 'RO 3', role: 'ro' };
const target = (caseId: string) => ({ customerKey: 'cust', caseId });

function take(current: Lease | null, who: Lease['holder'], caseId: string, now: number): Lease {
  const d = decideAcquire(current, who, target(caseId), at(now), terms);
  if (d.kind !== 'take') throw new Error(`expected take, got ${d.kind}`);
  return d.lease;
}

describe('lease hold limit (pure)', () => {
  it('renewals keep the hold start, across the customer’s cases, and hold up to the limit', () => {
    let lease = take(null, ro1, 'A', 0);
    for (let s = 30; s < 1800; s += 30) lease = take(lease, ro1, s % 60 ? 'A' : 'B', s);
    expect(lease.acquiredAt).toBe(at(0));
    expect(decideAcquire(lease, ro3, target('C'), at(1790), terms)).toMatchObject({ kind: 'held' });
  });

  it('at the limit the renewal is refused, the lease lapses, and the holder waits one lease period', () => {
    let lease = take(null, ro1, 'A', 0);
    for (let s = 30; s < 1800; s += 30) lease = take(lease, ro1, 'A', s);
    const capped = decideAcquire(lease, ro1, target('A'), at(1800), terms);
    expect(capped.kind).toBe('hold-limit');
    const lapsed = (capped as Extract<typeof capped, { kind: 'hold-limit' }>).lapsed;
    expect(foreignLease(lapsed, 'ro3', at(1800))).toBeNull();
    expect(decideAcquire(lapsed, ro1, target('A'), at(1830), terms)).toMatchObject({ kind: 'hold-limit' });
    const theirs = take(lapsed, ro3, 'C', 1830);
    expect(theirs).toMatchObject({ acquiredAt: at(1830), cappedUid: null });
    // Nobody else wanted it: after the pause the first holder may start a new hold.
    expect(take(lapsed, ro1, 'A', 1800 + 91).acquiredAt).toBe(at(1891));
  });
});
