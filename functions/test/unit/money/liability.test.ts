import fc from 'fast-check';
import {
  liabilityAsOf,
  liabilityConfigSchema,
  type LiabilityConfig,
  type LiabilityInput,
} from '../../../src/domain/money/liability';

// 5 bps a day is 0.05% a day: LKR 50.00 a day on LKR 100,000.00.
const config: LiabilityConfig = { dailyInterestBps: 5, graceDays: 10, lateFeeCents: 500_00 };
const fibre = { productId: 'fibre', arrearsCents: 100_000_00, dueDate: '2026-11-01' };
const input = (overrides: Partial<LiabilityInput> = {}): LiabilityInput => ({
  asOf: '2026-11-11',
  products: [fibre],
  payments: [],
  discounts: [],
  ...overrides,
});
const line = (i: LiabilityInput, c: LiabilityConfig = config) => liabilityAsOf(i, c).lines[0]!;

describe("the customer's liability", () => {
  it('charges nothing more during the grace days, the last one included', () => {
    // Due 1 November with 10 grace days: grace ends on 11 November.
    expect(line(input({ asOf: '2026-11-11' }))).toMatchObject({
      graceEnds: '2026-11-11',
      days: 0,
      interestCents: 0,
      lateFeeCents: 0,
      dueCents: 100_000_00,
    });
    expect(line(input({ asOf: '2026-10-15' }))).toMatchObject({ days: 0, dueCents: 100_000_00 });
  });

  it('charges the fee once and a day of interest on the first day after grace', () => {
    expect(line(input({ asOf: '2026-11-12' }))).toMatchObject({
      days: 1,
      interestCents: 50_00,
      lateFeeCents: 500_00,
      dueCents: 100_000_00 + 50_00 + 500_00,
    });
    // Thirty days later: thirty days of simple interest, still one fee.
    expect(line(input({ asOf: '2026-12-11' }))).toMatchObject({
      days: 30,
      interestCents: 1_500_00,
      lateFeeCents: 500_00,
    });
  });

  it('counts Colombo days when given an instant', () => {
    // 18:29:59.999Z on 11 November is still 11 November in Colombo; 18:30 is the 12th.
    expect(line(input({ asOf: '2026-11-11T18:29:59.999Z' })).days).toBe(0);
    expect(line(input({ asOf: '2026-11-11T18:30:00.000Z' })).days).toBe(1);
  });

  it('caps interest at the lower of the caps', () => {
    const capped = (caps: LiabilityConfig['caps']) => line(input({ asOf: '2027-11-11' }), { ...config, caps });
    // 365 days × 50.00 = 18,250.00 uncapped.
    expect(capped(undefined)).toMatchObject({
      interestCents: 18_250_00,
      interestCapped: false,
      interestCapCents: null,
    });
    expect(capped({ interestCents: 10_000_00 })).toMatchObject({ interestCents: 10_000_00, interestCapped: true });
    // 12.5% of the arrears is 12,500.00.
    expect(capped({ interestPctOfArrears: 12.5 })).toMatchObject({ interestCents: 12_500_00, interestCapped: true });
    expect(capped({ interestCents: 15_000_00, interestPctOfArrears: 12.5 })).toMatchObject({
      interestCents: 12_500_00,
    });
    expect(capped({ interestCents: 20_000_00 })).toMatchObject({ interestCents: 18_250_00, interestCapped: false });
  });

  it('rounds interest down to the cent', () => {
    // 333 cents × 5 bps × 7 days = 1.1655 cents → 1 cent.
    const small = input({ asOf: '2026-11-18', products: [{ ...fibre, arrearsCents: 333 }] });
    expect(line(small, { ...config, lateFeeCents: 0 })).toMatchObject({
      days: 7,
      interestUncappedCents: 1,
      interestCents: 1,
    });
  });

  it('deducts payments and approved discounts only, and shows an overpayment as a credit', () => {
    const l = line(
      input({
        asOf: '2026-11-12',
        payments: [
          { productId: 'fibre', amountCents: 10_000_00 },
          { productId: 'fibre', amountCents: 5_000_00 },
        ],
        discounts: [
          { productId: 'fibre', amountCents: 1_000_00, status: 'approved' },
          { productId: 'fibre', amountCents: 9_000_00, status: 'proposed' },
          { productId: 'fibre', amountCents: 9_000_00, status: 'rejected' },
        ],
      }),
    );
    expect(l).toMatchObject({ paidCents: 15_000_00, discountCents: 1_000_00 });
    expect(l.dueCents).toBe(100_000_00 + 50_00 + 500_00 - 15_000_00 - 1_000_00);
    const over = line(input({ payments: [{ productId: 'fibre', amountCents: 100_001_00 }] }));
    expect(over).toMatchObject({ dueCents: 0, creditCents: 1_00 });
  });

  it('lays out each product and adds them up', () => {
    const l = liabilityAsOf(
      input({
        asOf: '2026-11-21',
        products: [fibre, { productId: 'mobile', arrearsCents: 20_000_00, dueDate: '2026-11-15' }],
        payments: [{ productId: 'mobile', amountCents: 2_000_00 }],
      }),
      config,
    );
    // fibre: 10 days after grace; mobile: still in grace (ends 25 November).
    expect(l.lines.map((x) => [x.productId, x.days, x.interestCents, x.lateFeeCents, x.dueCents])).toEqual([
      ['fibre', 10, 500_00, 500_00, 101_000_00],
      ['mobile', 0, 0, 0, 18_000_00],
    ]);
    expect(l.totals).toEqual({
      principalCents: 120_000_00,
      interestCents: 500_00,
      lateFeeCents: 500_00,
      paidCents: 2_000_00,
      discountCents: 0,
      dueCents: 119_000_00,
      creditCents: 0,
    });
  });

  it('refuses a payment to a product not listed and a config that is not one', () => {
    expect(() => liabilityAsOf(input({ payments: [{ productId: 'tv', amountCents: 1 }] }), config)).toThrow(RangeError);
    const issues = liabilityConfigSchema.safeParse({ dailyInterestBps: 10_001, graceDays: -1, lateFeeCents: 1.5 });
    expect(issues.success ? [] : issues.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['dailyInterestBps', 'must be at most 10000 bps'],
      ['graceDays', 'must not be negative'],
      ['lateFeeCents', 'must be a whole number'],
    ]);
  });

  it('adds up line by line, never exceeds a cap, and never charges less for a later day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.record({
          dailyInterestBps: fc.integer({ min: 0, max: 10_000 }),
          graceDays: fc.integer({ min: 0, max: 60 }),
          lateFeeCents: fc.integer({ min: 0, max: 1e6 }),
          caps: fc.record({ interestCents: fc.integer({ min: 0, max: 1e9 }) }, { requiredKeys: [] }),
        }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 400 }),
        (arrearsCents, c, paidCents, dayOffset) => {
          const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString().slice(0, 10);
          const at = (n: number) =>
            line(
              input({
                asOf: day(n),
                products: [{ ...fibre, arrearsCents }],
                payments: [{ productId: 'fibre', amountCents: paidCents }],
              }),
              c,
            );
          const l = at(dayOffset);
          expect(l.dueCents - l.creditCents).toBe(
            l.principalCents + l.interestCents + l.lateFeeCents - l.paidCents - l.discountCents,
          );
          expect(Math.min(l.dueCents, l.creditCents)).toBe(0);
          if (c.caps.interestCents !== undefined) expect(l.interestCents).toBeLessThanOrEqual(c.caps.interestCents);
          const next = at(dayOffset + 1);
          expect(next.interestCents).toBeGreaterThanOrEqual(l.interestCents);
          expect(next.dueCents - next.creditCents).toBeGreaterThanOrEqual(l.dueCents - l.creditCents);
        },
      ),
    );
  });
});
