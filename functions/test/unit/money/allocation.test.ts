import fc from 'fast-check';
import { allocate, ALLOCATION_ORDERS, type OwedProduct } from '../../../src/domain/money/allocation';

const products: OwedProduct[] = [
  { productId: 'mobile', owedCents: 3_000_00, dueDate: '2026-09-01' },
  { productId: 'fibre', owedCents: 5_000_00, dueDate: '2026-07-15' },
  { productId: 'tv', owedCents: 2_000_00, dueDate: '2026-07-15' },
];
const asPairs = (a: { allocations: { productId: string; cents: number }[] }) =>
  a.allocations.map((x) => [x.productId, x.cents]);

describe('allocating a payment across products', () => {
  it('pays the oldest debt first, one due date by product id', () => {
    const a = allocate(6_000_00, products, 'oldestFirst');
    // fibre and tv are both due 15 July: fibre first by id, then tv, then mobile with what is left.
    expect(asPairs(a)).toEqual([
      ['fibre', 5_000_00],
      ['tv', 1_000_00],
      ['mobile', 0],
    ]);
    expect(a.unallocatedCents).toBe(0);
  });

  it('pays the largest debt first when configured so', () => {
    expect(asPairs(allocate(6_000_00, products, 'largestFirst'))).toEqual([
      ['fibre', 5_000_00],
      ['mobile', 1_000_00],
      ['tv', 0],
    ]);
  });

  it('splits in proportion to what is owed, the odd cents by the largest remainder', () => {
    // 100.01 over 5,000 : 3,000 : 2,000 → 50.005, 30.003, 20.002: floors 50.00 + 30.00 + 20.00, the cent to fibre.
    expect(asPairs(allocate(100_01, products, 'proRata'))).toEqual([
      ['fibre', 50_01],
      ['tv', 20_00],
      ['mobile', 30_00],
    ]);
  });

  it('hands an overpayment back as unallocated, whatever the order', () => {
    for (const order of ALLOCATION_ORDERS) {
      const a = allocate(12_345_67, products, order);
      expect(a.unallocatedCents).toBe(2_345_67);
      expect(Object.fromEntries(asPairs(a))).toEqual({ mobile: 3_000_00, fibre: 5_000_00, tv: 2_000_00 });
    }
    expect(allocate(100, [], 'oldestFirst')).toEqual({ allocations: [], unallocatedCents: 100 });
  });

  it('refuses a negative payment, a product listed twice, a date that is not one', () => {
    expect(() => allocate(-1, products, 'oldestFirst')).toThrow(RangeError);
    expect(() => allocate(1, [...products, products[0]!], 'oldestFirst')).toThrow(/twice/);
    expect(() => allocate(1, [{ productId: 'x', owedCents: 1, dueDate: '2026-02-30' }], 'proRata')).toThrow(RangeError);
  });

  it('allocates all of the payment, gives no product more than it owes, and pays what it can', () => {
    const product = fc.record({
      owedCents: fc.integer({ min: 0, max: 1e11 }),
      dueDate: fc.constantFrom('2026-01-31', '2026-02-28', '2026-03-31'),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3e11 }),
        fc.array(product, { maxLength: 12 }),
        fc.constantFrom(...ALLOCATION_ORDERS),
        (payment, list, order) => {
          const owed = list.map((p, i) => ({ ...p, productId: `p${i}` }));
          const a = allocate(payment, owed, order);
          const total = a.allocations.reduce((s, x) => s + x.cents, 0);
          expect(total + a.unallocatedCents).toBe(payment);
          expect(a.allocations).toHaveLength(owed.length);
          for (const x of a.allocations) {
            const p = owed.find((o) => o.productId === x.productId)!;
            expect(x.cents).toBeGreaterThanOrEqual(0);
            expect(x.cents).toBeLessThanOrEqual(p.owedCents);
          }
          // Nothing is left over while something is still owed.
          const totalOwed = owed.reduce((s, p) => s + p.owedCents, 0);
          expect(a.unallocatedCents).toBe(Math.max(0, payment - totalOwed));
        },
      ),
    );
  });

  it('pays in the oldest-first order: no product gets anything while an older one is still owed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.record({ owedCents: fc.integer({ min: 0, max: 1e6 }), day: fc.integer({ min: 1, max: 28 }) }), {
          maxLength: 8,
        }),
        (payment, list) => {
          const owed = list.map((p, i) => ({
            productId: `p${i}`,
            owedCents: p.owedCents,
            dueDate: `2026-05-${String(p.day).padStart(2, '0')}`,
          }));
          const a = allocate(payment, owed, 'oldestFirst');
          const dueOf = (id: string) => owed.find((o) => o.productId === id)!;
          a.allocations.forEach((x, i) => {
            if (x.cents === 0) return;
            for (const before of a.allocations.slice(0, i)) {
              expect(before.cents).toBe(dueOf(before.productId).owedCents);
              expect(dueOf(before.productId).dueDate <= dueOf(x.productId).dueDate).toBe(true);
            }
          });
        },
      ),
    );
  });
});
