import fc from 'fast-check';
import { apportion } from '../../../src/domain/money/apportion';
import { EXACT_PER_CENT, NO_CARRY, roundAll, roundHalfUp, roundWithCarry } from '../../../src/domain/money/rounding';

const cent = EXACT_PER_CENT;

describe('rounding with the remainder carried', () => {
  it('carries the fraction of one entry into the next', () => {
    // 0.4 cent three times: rounded alone each would be 0 (total 0), the exact sum is 1.2 cents.
    const { cents, carry } = roundAll([0.4 * cent, 0.4 * cent, 0.4 * cent]);
    expect(cents).toEqual([0, 1, 0]);
    expect(carry).toBe(0.2 * cent);
  });

  it('rounds half a cent up, for credits and clawbacks alike', () => {
    expect(roundWithCarry(0.5 * cent, NO_CARRY)).toEqual({ cents: 1, carry: -0.5 * cent });
    expect(roundWithCarry(-0.5 * cent, NO_CARRY)).toEqual({ cents: 0, carry: -0.5 * cent });
    expect(roundHalfUp(-1.5 * cent)).toBe(-1);
    expect(roundHalfUp(-1.51 * cent)).toBe(-2);
  });

  it('passes whole cents through unchanged, whatever the carry', () => {
    for (const carry of [-0.5 * cent, -1, 0, 1, 0.4999 * cent]) {
      expect(roundWithCarry(1234 * cent, carry)).toEqual({ cents: 1234, carry });
      expect(roundWithCarry(-1234 * cent, carry)).toEqual({ cents: -1234, carry });
    }
  });

  it('refuses a carry that no rounding could have left, and fractions of the exact unit', () => {
    expect(() => roundWithCarry(0, 0.5 * cent)).toThrow(RangeError);
    expect(() => roundWithCarry(0.5, 0)).toThrow(RangeError);
  });

  it('never drifts: the rounded sum is the exact sum rounded once, less than a cent away', () => {
    const exact = fc.integer({ min: -50_000_000, max: 50_000_000 });
    fc.assert(
      fc.property(fc.array(exact, { maxLength: 300 }), (exacts) => {
        const { cents, carry } = roundAll(exacts);
        const sumExact = exacts.reduce((a, e) => a + e, 0);
        const sumCents = cents.reduce((a, c) => a + c, 0);
        expect(Math.abs(sumCents * cent - sumExact)).toBeLessThan(cent);
        expect(sumCents).toBe(Math.floor((sumExact + cent / 2) / cent));
        expect(sumCents * cent + carry).toBe(sumExact);
        // Each entry stays within a cent of its own exact amount.
        cents.forEach((c, i) => expect(Math.abs(c * cent - exacts[i]!)).toBeLessThan(cent));
      }),
    );
  });

  it('continues a period from its carry as if the entries had been rounded in one run', () => {
    const exact = fc.integer({ min: -5_000_000, max: 5_000_000 });
    fc.assert(
      fc.property(fc.array(exact), fc.array(exact), (first, second) => {
        const a = roundAll(first);
        const b = roundAll(second, a.carry);
        expect([...a.cents, ...b.cents]).toEqual(roundAll([...first, ...second]).cents);
      }),
    );
  });
});

describe('apportioning by the largest remainder', () => {
  it('gives the leftover cents to the largest remainders, ties to the earlier weight', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 × 2/7 = 2.857, 10 × 5/7 = 7.142: floors 2 + 7, the cent goes to the first.
    expect(apportion(10, [2, 5])).toEqual([3, 7]);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
    expect(() => apportion(1, [0, 0])).toThrow(RangeError);
  });

  it('adds up exactly, never gives a zero weight anything, and stays within a cent of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = apportion(total, weights);
          expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
          const sum = weights.reduce((a, w) => a + w, 0);
          parts.forEach((p, i) => {
            if (weights[i] === 0) expect(p).toBe(0);
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});
