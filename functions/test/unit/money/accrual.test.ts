import fc from 'fast-check';
import {
  accrue,
  type AccrualContext,
  type AccrualResult,
  type LedgerEntry,
  type PaymentEvent,
} from '../../../src/domain/money/accrual';
import { EXACT_PER_CENT } from '../../../src/domain/money/rounding';
import { plan } from './fixtures';

const cent = EXACT_PER_CENT;

const payment = (overrides: Partial<PaymentEvent> = {}): PaymentEvent => ({
  kind: 'payment',
  paymentId: 'P1',
  caseId: 'C1',
  drcId: 'd1',
  roId: 'ro1',
  amountCents: 10_000_00,
  paidAt: '2026-11-10T04:30:00.000Z', // 10:00 on 10 November in Colombo
  caseTypeId: 'telco',
  action: 'settlement',
  debtAgeDays: 120,
  ...overrides,
});

function entryOf(result: AccrualResult): LedgerEntry {
  if (!result.entry) throw new Error(`expected an entry, got ${result.reason}: ${result.detail}`);
  return result.entry;
}

const flat = (bps: number, extra: Parameters<typeof plan>[0] = {}) => plan({ rate: { kind: 'flat', bps }, ...extra });

describe('accruing a payment', () => {
  it('pays bps of the amount, under an id made from the payment, in the Colombo period', () => {
    const entry = entryOf(accrue(payment(), { plans: [flat(250)] }));
    // 2.5% of LKR 10,000.00 is LKR 250.00.
    expect(entry).toMatchObject({
      id: 'pay:P1',
      kind: 'payment',
      drcId: 'd1',
      roId: 'ro1',
      caseId: 'C1',
      period: '2026-11',
      planId: 'standard',
      planVersion: 1,
      baseCents: 10_000_00,
      bps: 250,
      exact: 250_00 * cent,
      commissionCents: 250_00,
      carryAfter: 0,
      clawbackUntil: '2026-12-10',
      rate: { rule: 'flat', bps: 250 },
      cap: null,
    });
  });

  it('makes the same entry when the same event comes again', () => {
    const ctx: AccrualContext = { plans: [flat(333)], ledger: { drcId: 'd1', period: '2026-11', carry: 1234 } };
    expect(accrue(payment({ amountCents: 777 }), ctx)).toEqual(accrue(payment({ amountCents: 777 }), ctx));
  });

  it('rounds with the carry of the DRC period and hands the new carry back', () => {
    // 250 bps of 333 cents is 8.325 cents: 8 alone, then 9 for the second (16.65 exact → 17 in all).
    const first = entryOf(accrue(payment({ amountCents: 333 }), { plans: [flat(250)] }));
    expect(first.exact).toBe(83_250);
    expect(first.commissionCents).toBe(8);
    const second = entryOf(
      accrue(payment({ paymentId: 'P2', amountCents: 333 }), {
        plans: [flat(250)],
        ledger: { drcId: 'd1', period: '2026-11', carry: first.carryAfter },
      }),
    );
    expect(second.commissionCents).toBe(9);
    expect(second.carryAfter).toBe(16_6500 - 17 * cent);
  });

  it('refuses the carry of another DRC or period', () => {
    const ctx = (drcId: string, period: string): AccrualContext => ({
      plans: [flat(250)],
      ledger: { drcId, period, carry: 0 },
    });
    expect(() => accrue(payment(), ctx('d2', '2026-11'))).toThrow(RangeError);
    expect(() => accrue(payment(), ctx('d1', '2026-10'))).toThrow(RangeError);
  });

  it('takes the period and the plan from the Colombo day of the payment', () => {
    const october = plan({ id: 'oct', effectiveFrom: '2026-01-01', rate: { kind: 'flat', bps: 100 } });
    const november = plan({ id: 'nov', effectiveFrom: '2026-11-01', rate: { kind: 'flat', bps: 200 } });
    const before = entryOf(accrue(payment({ paidAt: '2026-10-31T18:29:59.999Z' }), { plans: [october, november] }));
    const after = entryOf(accrue(payment({ paidAt: '2026-10-31T18:30:00.000Z' }), { plans: [october, november] }));
    expect([before.period, before.planId, before.bps]).toEqual(['2026-10', 'oct', 100]);
    expect([after.period, after.planId, after.bps]).toEqual(['2026-11', 'nov', 200]);
  });

  it('makes no entry, and says why, when no plan applies', () => {
    const later = plan({ effectiveFrom: '2026-12-01' });
    expect(accrue(payment(), { plans: [later] })).toMatchObject({ entry: null, reason: 'noPlan' });
  });

  it('refuses an event that is not one', () => {
    expect(() => accrue(payment({ amountCents: 12.5 }), { plans: [flat(250)] })).toThrow();
    expect(() => accrue(payment({ paidAt: '10 Nov 2026' }), { plans: [flat(250)] })).toThrow();
  });
});

describe('tiers and bands', () => {
  const byRate = plan({
    rate: {
      kind: 'byRecoveryRate',
      tiers: [
        { fromRatePct: 0, bps: 100 },
        { fromRatePct: 50, bps: 200 },
        { fromRatePct: 80, bps: 300 },
      ],
    },
  });
  const bpsAt = (collectedCents: number, assignedCents: number) =>
    entryOf(accrue(payment(), { plans: [byRate], recoveryRate: { collectedCents, assignedCents } })).bps;

  it('pays the tier the DRC recovery rate reaches, the tier start included', () => {
    expect(bpsAt(4_999_999, 10_000_000)).toBe(100);
    expect(bpsAt(5_000_000, 10_000_000)).toBe(200);
    expect(bpsAt(7_999_999, 10_000_000)).toBe(200);
    expect(bpsAt(8_000_000, 10_000_000)).toBe(300);
    expect(bpsAt(12_000_000, 10_000_000)).toBe(300);
    // Nothing assigned: a rate of 0, the first tier.
    expect(bpsAt(0, 0)).toBe(100);
  });

  it('explains the tier, and makes no entry when the rate was not given', () => {
    const entry = entryOf(
      accrue(payment(), { plans: [byRate], recoveryRate: { collectedCents: 3, assignedCents: 4 } }),
    );
    expect(entry.rate).toEqual({ rule: 'byRecoveryRate', bps: 200, tier: 1, fromRatePct: 50, recoveryRatePct: 75 });
    expect(accrue(payment(), { plans: [byRate] })).toMatchObject({ entry: null, reason: 'recoveryRateUnknown' });
  });

  it('compares fractional tier starts exactly', () => {
    const fine = plan({
      rate: {
        kind: 'byRecoveryRate',
        tiers: [
          { fromRatePct: 0, bps: 100 },
          { fromRatePct: 33.33, bps: 200 },
        ],
      },
    });
    const at = (collectedCents: number) =>
      entryOf(accrue(payment(), { plans: [fine], recoveryRate: { collectedCents, assignedCents: 1_000_000 } })).bps;
    expect(at(333_299)).toBe(100);
    expect(at(333_300)).toBe(200);
  });

  it('pays the band of the debt age on the day of the payment', () => {
    const byAge = plan({
      rate: {
        kind: 'byAgeBand',
        bands: [
          { fromAgeDays: 0, bps: 100 },
          { fromAgeDays: 90, bps: 200 },
          { fromAgeDays: 365, bps: 500 },
        ],
      },
    });
    const at = (debtAgeDays: number) => entryOf(accrue(payment({ debtAgeDays }), { plans: [byAge] }));
    expect([0, 89, 90, 364, 365, 2000].map((d) => at(d).bps)).toEqual([100, 100, 200, 200, 500, 500]);
    expect(at(400).rate).toEqual({ rule: 'byAgeBand', bps: 500, band: 2, fromAgeDays: 365, debtAgeDays: 400 });
  });
});

describe('the cap per case', () => {
  const capped = flat(250, { capPerCaseCents: 1_000_00 });

  it('pays in full below the cap, the part up to it when a payment crosses it, nothing above it', () => {
    const at = (earnedCents: number) =>
      entryOf(accrue(payment(), { plans: [capped], caseEarned: { standard: earnedCents * cent } }));
    // The payment earns LKR 250.00 uncapped.
    expect(at(0)).toMatchObject({ commissionCents: 250_00, cap: { hit: false } });
    expect(at(750_00)).toMatchObject({ commissionCents: 250_00, cap: { hit: false } });
    expect(at(900_00)).toMatchObject({
      commissionCents: 100_00,
      cap: { capPerCaseCents: 1_000_00, earnedBefore: 900_00 * cent, uncapped: 250_00 * cent, hit: true },
    });
    expect(at(1_000_00)).toMatchObject({ commissionCents: 0, exact: 0, cap: { hit: true } });
  });

  it('counts what the case earned under the same plan only', () => {
    const entry = entryOf(accrue(payment(), { plans: [capped], caseEarned: { other: 1_000_00 * cent } }));
    expect(entry.commissionCents).toBe(250_00);
  });

  it('never lets a case earn more than the cap, and pays everything up to it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200_000_00 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5_000_00 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amounts, capPerCaseCents, bps) => {
          const p = flat(bps, { capPerCaseCents });
          let earned = 0;
          let uncapped = 0;
          amounts.forEach((amountCents, i) => {
            const entry = entryOf(
              accrue(payment({ paymentId: `P${i}`, amountCents }), { plans: [p], caseEarned: { standard: earned } }),
            );
            earned += entry.exact;
            uncapped += amountCents * bps;
            expect(entry.exact).toBeGreaterThanOrEqual(0);
          });
          expect(earned).toBe(Math.min(capPerCaseCents * cent, uncapped));
        },
      ),
    );
  });
});

describe('reversals', () => {
  const plans = [flat(250, { clawbackDays: 30 })];
  const original = entryOf(accrue(payment(), { plans }));

  it('claws back within the window, up to the last millisecond of its last Colombo day', () => {
    // Paid on 10 November (Colombo); 30 days later is 10 December, which ends at 18:30 UTC.
    const last = accrue(
      { kind: 'reversal', paymentId: 'P1', reversedAt: '2026-12-10T18:29:59.999Z', amountCents: 10_000_00 },
      { plans, original },
    );
    expect(entryOf(last)).toMatchObject({
      id: 'rev:P1',
      kind: 'reversal',
      drcId: 'd1',
      roId: 'ro1',
      caseId: 'C1',
      period: '2026-12',
      planId: 'standard',
      baseCents: -10_000_00,
      commissionCents: -250_00,
      rate: { rule: 'clawback', originalEntryId: 'pay:P1', daysAfterPayment: 30 },
    });
  });

  it('claws nothing back once the window has closed, and says why', () => {
    const late = accrue(
      { kind: 'reversal', paymentId: 'P1', reversedAt: '2026-12-10T18:30:00.000Z', amountCents: 10_000_00 },
      { plans, original },
    );
    expect(late).toMatchObject({ entry: null, reason: 'clawbackWindowClosed' });
  });

  it('with a window of 0 days, claws back on the day of the payment only', () => {
    const sameDay = entryOf(accrue(payment(), { plans: [flat(250, { clawbackDays: 0 })] }));
    const reverse = (reversedAt: string) =>
      accrue({ kind: 'reversal', paymentId: 'P1', reversedAt, amountCents: 10_000_00 }, { plans, original: sameDay });
    expect(reverse('2026-11-10T18:29:59.999Z').entry?.commissionCents).toBe(-250_00);
    expect(reverse('2026-11-10T18:30:00.000Z')).toMatchObject({ entry: null, reason: 'clawbackWindowClosed' });
  });

  it('takes back exactly the cents paid, whatever the carry of its period', () => {
    const odd = entryOf(
      accrue(payment({ amountCents: 333 }), { plans, ledger: { drcId: 'd1', period: '2026-11', carry: 4_000 } }),
    );
    // 8.325 + 0.4 carried = 8.725 → 9 cents paid.
    expect(odd.commissionCents).toBe(9);
    for (const carry of [-5_000, 0, 4_999]) {
      const back = accrue(
        { kind: 'reversal', paymentId: 'P1', reversedAt: '2026-11-20T00:00:00.000Z', amountCents: 333 },
        { plans, original: odd, ledger: { drcId: 'd1', period: '2026-11', carry } },
      );
      expect(back.entry?.commissionCents).toBe(-9);
      expect(back.entry?.carryAfter).toBe(carry);
    }
  });

  it('takes back the share of a partial reversal', () => {
    const half = accrue(
      { kind: 'reversal', paymentId: 'P1', reversedAt: '2026-11-20T00:00:00.000Z', amountCents: 5_000_00 },
      { plans, original },
    );
    expect(half.entry).toMatchObject({ baseCents: -5_000_00, exact: -125_00 * cent, commissionCents: -125_00 });
  });

  it('makes no entry for a reversal it cannot match to its payment', () => {
    const reversal = {
      kind: 'reversal' as const,
      paymentId: 'P1',
      reversedAt: '2026-11-20T00:00:00.000Z',
      amountCents: 100,
    };
    expect(accrue(reversal, { plans })).toMatchObject({ entry: null, reason: 'originalMissing' });
    expect(accrue({ ...reversal, paymentId: 'P9' }, { plans, original })).toMatchObject({ reason: 'originalMissing' });
    expect(accrue({ ...reversal, amountCents: 10_000_01 }, { plans, original })).toMatchObject({
      reason: 'reversalExceedsPayment',
    });
    expect(accrue({ ...reversal, reversedAt: '2026-11-10T04:29:59.999Z' }, { plans, original })).toMatchObject({
      reason: 'reversalBeforePayment',
    });
  });
});

describe('CPE bounties', () => {
  const approval = {
    kind: 'cpeApproval' as const,
    itemId: 'I1',
    itemType: 'router',
    caseId: 'C1',
    drcId: 'd1',
    approvedAt: '2026-11-30T18:30:00.000Z', // 1 December in Colombo
  };

  it('pays the bounty of the item type, else the plan bounty, in the Colombo period', () => {
    const p = plan({ cpeBountyCents: 500_00, cpeBountyByItemType: { router: 750_00 } });
    expect(entryOf(accrue(approval, { plans: [p] }))).toMatchObject({
      id: 'cpe:I1',
      kind: 'cpeBounty',
      period: '2026-12',
      baseCents: 0,
      bps: null,
      commissionCents: 750_00,
      rate: { rule: 'cpeBounty', itemType: 'router', bountyCents: 750_00, ofItemType: true },
    });
    expect(entryOf(accrue({ ...approval, itemType: 'stb' }, { plans: [p] })).commissionCents).toBe(500_00);
  });

  it('pays a bounty even when the case reached its commission cap', () => {
    const p = plan({ capPerCaseCents: 100, cpeBountyCents: 500_00 });
    const entry = entryOf(accrue(approval, { plans: [p], caseEarned: { standard: 100 * cent } }));
    expect(entry.commissionCents).toBe(500_00);
  });
});
