import fc from 'fast-check';
import type { LedgerEntry, MoneyEvent } from '../../../src/domain/money/accrual';
import { EXACT_PER_CENT } from '../../../src/domain/money/rounding';
import { roIncentives, statementFor, type Adjustment } from '../../../src/domain/money/statement';
import { plan, post } from './fixtures';

const NOV = '2026-11-10T04:30:00.000Z';
const pay = (paymentId: string, caseId: string, roId: string, amountCents: number, extra: object = {}): MoneyEvent => ({
  kind: 'payment',
  paymentId,
  caseId,
  drcId: 'd1',
  roId,
  amountCents,
  paidAt: NOV,
  caseTypeId: 'telco',
  action: 'settlement',
  debtAgeDays: 30,
  ...extra,
});

describe('a DRC statement', () => {
  const plans = [plan({ rate: { kind: 'flat', bps: 250 }, cpeBountyCents: 500_00 })];
  const events: MoneyEvent[] = [
    pay('P1', 'C1', 'ro1', 10_000_00),
    pay('P2', 'C2', 'ro2', 4_000_00),
    pay('P3', 'C2', 'ro2', 2_000_00),
    // Another DRC, and the same DRC in another period: not on this statement.
    pay('P4', 'C9', 'ro9', 1_000_00, { drcId: 'd2' }),
    pay('P5', 'C1', 'ro1', 1_000_00, { paidAt: '2026-11-30T18:30:00.000Z' }),
    { kind: 'reversal', paymentId: 'P3', reversedAt: '2026-11-20T04:30:00.000Z', amountCents: 2_000_00 },
    { kind: 'cpeApproval', itemId: 'I1', itemType: 'router', caseId: 'C1', drcId: 'd1', approvedAt: NOV },
  ];
  const adjustments: Adjustment[] = [
    {
      id: 'A1',
      reason: 'P0 was paid at the old rate',
      amountCents: 120_00,
      fromPeriod: '2026-10',
      disputedEntryId: 'pay:P0',
    },
  ];

  it('lays out collections, rate lines, clawbacks, bounties and adjustments, and adds them up', () => {
    const { entries } = post(events, plans);
    const s = statementFor('d1', '2026-11', entries, adjustments);
    expect(s.cases).toBe(2);
    expect(s.payments).toBe(3);
    expect(s.collectedCents).toBe(16_000_00);
    // 2.5% of 16,000.00 = 400.00 on one flat line.
    expect(s.rateLines).toEqual([
      {
        planId: 'standard',
        planVersion: 1,
        rule: 'flat',
        bps: 250,
        step: null,
        payments: 3,
        baseCents: 16_000_00,
        commissionCents: 400_00,
        capHits: 0,
      },
    ]);
    // P3 earned 50.00 and is taken back.
    expect(s.clawbacks).toEqual({
      lines: [{ entryId: 'rev:P3', paymentId: 'P3', caseId: 'C2', reversedCents: 2_000_00, commissionCents: -50_00 }],
      reversedCents: 2_000_00,
      commissionCents: -50_00,
    });
    expect(s.cpeBounties).toEqual({
      lines: [{ itemType: 'router', items: 1, commissionCents: 500_00 }],
      items: 1,
      commissionCents: 500_00,
    });
    expect(s.adjustments.totalCents).toBe(120_00);
    expect(s.commissionCents).toBe(400_00 - 50_00 + 500_00);
    expect(s.totalCents).toBe(400_00 - 50_00 + 500_00 + 120_00);
  });

  it('puts each tier or band on its own line, with the cap hits counted', () => {
    const byAge = plan({
      capPerCaseCents: 30_00,
      rate: {
        kind: 'byAgeBand',
        bands: [
          { fromAgeDays: 0, bps: 100 },
          { fromAgeDays: 90, bps: 300 },
        ],
      },
    });
    const { entries } = post(
      [
        pay('P1', 'C1', 'ro1', 1_000_00, { debtAgeDays: 10 }),
        pay('P2', 'C2', 'ro1', 1_000_00, { debtAgeDays: 100 }),
        pay('P3', 'C2', 'ro1', 1_000_00, { debtAgeDays: 100 }),
      ],
      [byAge],
    );
    const s = statementFor('d1', '2026-11', entries, []);
    // C2: 30.00 from P2 reaches the 30.00 cap, so P3 earns nothing.
    expect(s.rateLines.map((l) => [l.step, l.bps, l.payments, l.commissionCents, l.capHits])).toEqual([
      [{ index: 0, from: 0 }, 100, 1, 10_00, 0],
      [{ index: 1, from: 90 }, 300, 2, 30_00, 1],
    ]);
  });

  it('refuses a ledger with one entry twice, and adjustments that are not', () => {
    const { entries } = post(events, plans);
    expect(() => statementFor('d1', '2026-11', [...entries, entries[0]!], [])).toThrow(/twice/);
    expect(() => statementFor('d1', '2026-11', entries, [{ id: 'A', reason: 'x', amountCents: 0 }])).toThrow();
  });

  it('adds up to exactly the cents of the ledger, which stay within a cent of the exact commission', () => {
    const bps = fc.integer({ min: 0, max: 10_000 });
    const planArb = fc.record({
      flat: bps,
      cap: fc.option(fc.integer({ min: 1, max: 50_000_00 }), { nil: undefined }),
    });
    const instant = fc
      .integer({ min: Date.parse('2026-10-25T00:00:00.000Z'), max: Date.parse('2026-12-05T00:00:00.000Z') })
      .map((ms) => new Date(ms).toISOString());
    const eventArb = fc.oneof(
      fc.record({
        kind: fc.constant('payment' as const),
        paymentId: fc.integer({ min: 1, max: 30 }).map((n) => `P${n}`),
        caseId: fc.constantFrom('C1', 'C2', 'C3'),
        drcId: fc.constantFrom('d1', 'd2'),
        roId: fc.constantFrom('ro1', 'ro2', 'ro3'),
        amountCents: fc.integer({ min: 1, max: 5_000_000_00 }),
        paidAt: instant,
        caseTypeId: fc.constant('telco'),
        action: fc.constant('settlement'),
        debtAgeDays: fc.nat(1000),
      }),
      fc.record({
        kind: fc.constant('reversal' as const),
        paymentId: fc.integer({ min: 1, max: 30 }).map((n) => `P${n}`),
        reversedAt: instant,
        amountCents: fc.integer({ min: 1, max: 5_000_000_00 }),
      }),
      fc.record({
        kind: fc.constant('cpeApproval' as const),
        itemId: fc.integer({ min: 1, max: 30 }).map((n) => `I${n}`),
        itemType: fc.constantFrom('router', 'stb'),
        caseId: fc.constantFrom('C1', 'C2'),
        drcId: fc.constantFrom('d1', 'd2'),
        approvedAt: instant,
      }),
    );
    const adjustmentArb = fc.array(
      fc.record({
        id: fc.uuid(),
        reason: fc.constant('disputed'),
        amountCents: fc.integer({ min: -1e6, max: 1e6 }).filter((c) => c !== 0),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(planArb, fc.array(eventArb, { maxLength: 60 }), adjustmentArb, (p, events, adjustments) => {
        const plans = [
          plan({ rate: { kind: 'flat', bps: p.flat }, capPerCaseCents: p.cap, cpeBountyByItemType: { stb: 123 } }),
        ];
        const { entries } = post(events, plans);
        for (const drcId of ['d1', 'd2']) {
          for (const period of ['2026-10', '2026-11', '2026-12']) {
            const mine = entries.filter((e: LedgerEntry) => e.drcId === drcId && e.period === period);
            const s = statementFor(drcId, period, entries, adjustments);
            const cents = mine.reduce((a, e) => a + e.commissionCents, 0);
            const exact = mine.reduce((a, e) => a + e.exact, 0);
            const adjusted = adjustments.reduce((a, x) => a + x.amountCents, 0);
            expect(s.commissionCents).toBe(cents);
            expect(s.totalCents).toBe(cents + adjusted);
            expect(
              s.rateLines.reduce((a, l) => a + l.commissionCents, 0) +
                s.clawbacks.commissionCents +
                s.cpeBounties.commissionCents,
            ).toBe(s.commissionCents);
            expect(Math.abs(cents * EXACT_PER_CENT - exact)).toBeLessThan(EXACT_PER_CENT);
          }
        }
      }),
    );
  });
});

describe('RO incentives', () => {
  it('splits the share of commission by what each RO collected, to the cent', () => {
    const p = plan({
      rate: { kind: 'flat', bps: 100 },
      cpeBountyCents: 0,
      roIncentive: { kind: 'shareOfCommission', bps: 2_000 },
    });
    const { entries } = post(
      [pay('P1', 'C1', 'ro1', 1_000_00), pay('P2', 'C2', 'ro2', 1_000_00), pay('P3', 'C3', 'ro3', 1_000_00)],
      [p],
    );
    const s = statementFor('d1', '2026-11', entries, [{ id: 'A', reason: 'r', amountCents: 1 }]);
    // 3 × 10.00 + 0.01 = 30.01; 20% of it is 6.002 → a pool of 6.00 split three ways, 2.00 each.
    const ri = roIncentives(s, entries, p);
    expect(ri.poolCents).toBe(6_00);
    expect(ri.lines.map((l) => [l.roId, l.incentiveCents])).toEqual([
      ['ro1', 2_00],
      ['ro2', 2_00],
      ['ro3', 2_00],
    ]);
    const s2 = statementFor('d1', '2026-11', entries, [{ id: 'A', reason: 'r', amountCents: 5 }]);
    // 30.05 × 20% = 6.01: the extra cent goes to one RO (the first of the tie), never lost.
    expect(roIncentives(s2, entries, p).lines.map((l) => l.incentiveCents)).toEqual([2_01, 2_00, 2_00]);
  });

  it('counts a reversal against the RO who collected, and pays no share of a negative total', () => {
    const p = plan({ rate: { kind: 'flat', bps: 1_000 }, roIncentive: { kind: 'shareOfCommission', bps: 5_000 } });
    const { entries } = post(
      [
        pay('P1', 'C1', 'ro1', 1_000_00),
        pay('P2', 'C2', 'ro2', 3_000_00),
        { kind: 'reversal', paymentId: 'P2', reversedAt: '2026-11-11T00:00:00.000Z', amountCents: 2_000_00 },
      ],
      [p],
    );
    const s = statementFor('d1', '2026-11', entries, []);
    // Commission 100 + 300 − 200 = 200.00; the pool is half, 100.00, split 1,000 : 1,000.
    const ri = roIncentives(s, entries, p);
    expect(ri.lines.map((l) => [l.roId, l.collectedCents, l.incentiveCents])).toEqual([
      ['ro1', 1_000_00, 50_00],
      ['ro2', 1_000_00, 50_00],
    ]);
    const negative = statementFor('d1', '2026-11', entries, [
      { id: 'A', reason: 'overpaid before', amountCents: -500_00 },
    ]);
    expect(roIncentives(negative, entries, p)).toMatchObject({ poolCents: 0, totalCents: 0 });
  });

  it('pays each RO the bonus of the highest target reached', () => {
    const p = plan({
      roIncentive: {
        kind: 'targets',
        targets: [
          { collectedCents: 100_000_00, bonusCents: 1_000_00 },
          { collectedCents: 200_000_00, bonusCents: 3_000_00 },
        ],
      },
    });
    const { entries } = post(
      [
        pay('P1', 'C1', 'ro1', 99_999_99),
        pay('P2', 'C2', 'ro2', 100_000_00),
        pay('P3', 'C3', 'ro3', 150_000_00),
        pay('P4', 'C4', 'ro3', 50_000_00),
      ],
      [p],
    );
    const ri = roIncentives(statementFor('d1', '2026-11', entries, []), entries, p);
    expect(ri.lines.map((l) => [l.roId, l.incentiveCents])).toEqual([
      ['ro1', 0],
      ['ro2', 1_000_00],
      ['ro3', 3_000_00],
    ]);
    expect(ri.totalCents).toBe(4_000_00);
  });

  it('hands out exactly the pool when anyone collected', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ro: fc.constantFrom('a', 'b', 'c', 'd'), amount: fc.integer({ min: 1, max: 1e9 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (payments, rateBps, shareBps) => {
          const p = plan({
            rate: { kind: 'flat', bps: rateBps },
            roIncentive: { kind: 'shareOfCommission', bps: shareBps },
          });
          const { entries } = post(
            payments.map((x, i) => pay(`P${i}`, `C${i}`, x.ro, x.amount)),
            [p],
          );
          const s = statementFor('d1', '2026-11', entries, []);
          const ri = roIncentives(s, entries, p);
          expect(ri.poolCents).toBe(Math.floor((s.totalCents * shareBps) / 10_000));
          expect(ri.totalCents).toBe(ri.poolCents);
          expect(ri.lines.reduce((a, l) => a + l.incentiveCents, 0)).toBe(ri.poolCents);
          expect(ri.undistributedCents).toBe(0);
        },
      ),
    );
  });
});
