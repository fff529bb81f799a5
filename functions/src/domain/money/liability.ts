import { z } from 'zod';
import { isCalendarDate, type CalendarDate, type Instant } from '../model/time';
import { addCalendarDays, calendarDaysBetween, colomboDayOf } from './period';

/**
 * What a customer owes on a day, laid out line by line so that an officer can read the calculation to the
 * customer: arrears, then interest and a late fee once the grace days are over, less what was paid and the
 * discounts approved. Days are Colombo calendar days: a payment made at 23:30 in Colombo is made that day.
 */

const whole = z.number().int('must be a whole number');
const cents = whole.min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER, 'is too large');

export const liabilityConfigSchema = z.strictObject({
  /** Simple interest per day on the product's arrears, in bps (5 = 0.05% a day). */
  dailyInterestBps: whole.min(0, 'must be at least 0 bps').max(10_000, 'must be at most 10000 bps'),
  /** Days after the due date without interest or fee. */
  graceDays: whole.min(0, 'must not be negative').max(3650, 'must be at most 3650'),
  /** Charged once, when the grace days are over. */
  lateFeeCents: cents,
  /** Interest stops at the lower of the caps given. */
  caps: z
    .strictObject({
      interestCents: cents.optional(),
      interestPctOfArrears: z
        .number()
        .min(0, 'must not be negative')
        .max(1000, 'must be at most 1000')
        .refine((pct) => Math.abs(pct * 100 - Math.round(pct * 100)) < 1e-6, 'must have at most two decimals')
        .optional(),
    })
    .optional(),
});
export type LiabilityConfig = z.infer<typeof liabilityConfigSchema>;

/** The liability rules of each case type, by case type id. */
export const liabilityConfigsSchema = z.record(z.string().trim().min(1, 'is required'), liabilityConfigSchema);

export interface ProductArrears {
  productId: string;
  arrearsCents: number;
  dueDate: CalendarDate;
}

export interface LiabilityInput {
  /** A Colombo day, or an instant taken as its Colombo day. */
  asOf: CalendarDate | Instant;
  products: readonly ProductArrears[];
  /** Payments as allocated to the products (allocation.ts). */
  payments: readonly { productId: string; amountCents: number }[];
  /** Only approved discounts count; proposed and rejected ones are listed by the caller, not deducted. */
  discounts: readonly { productId: string; amountCents: number; status: 'approved' | 'proposed' | 'rejected' }[];
}

export interface LiabilityLine {
  productId: string;
  dueDate: CalendarDate;
  principalCents: number;
  /** The last day of grace; interest runs for the days after it. */
  graceEnds: CalendarDate;
  days: number;
  dailyInterestBps: number;
  /** principal × bps × days / 10000, rounded down: the customer never pays a fraction of a cent of interest. */
  interestUncappedCents: number;
  interestCapCents: number | null;
  interestCents: number;
  interestCapped: boolean;
  lateFeeCents: number;
  paidCents: number;
  discountCents: number;
  dueCents: number;
  /** Paid and discounted beyond what the product owes. */
  creditCents: number;
}

export interface Liability {
  asOf: CalendarDate;
  lines: LiabilityLine[];
  totals: {
    principalCents: number;
    interestCents: number;
    lateFeeCents: number;
    paidCents: number;
    discountCents: number;
    dueCents: number;
    creditCents: number;
  };
}

function wholeCents(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be whole cents, not negative`);
  return value;
}

function interestCap(arrearsCents: number, caps: LiabilityConfig['caps']): number | null {
  const candidates: number[] = [];
  if (caps?.interestCents !== undefined) candidates.push(caps.interestCents);
  if (caps?.interestPctOfArrears !== undefined) {
    const hundredths = BigInt(Math.round(caps.interestPctOfArrears * 100));
    candidates.push(Number((BigInt(arrearsCents) * hundredths) / 10_000n));
  }
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

export function liabilityAsOf(input: LiabilityInput, config: LiabilityConfig): Liability {
  const rules = liabilityConfigSchema.parse(config);
  const asOf = isCalendarDate(input.asOf) ? input.asOf : colomboDayOf(input.asOf);
  const ids = new Set<string>();
  for (const p of input.products) {
    if (ids.has(p.productId)) throw new RangeError(`product ${p.productId} is listed twice`);
    ids.add(p.productId);
    wholeCents(p.arrearsCents, `the arrears of ${p.productId}`);
  }
  const credited = (list: readonly { productId: string; amountCents: number }[], what: string) => {
    const by = new Map<string, number>();
    for (const x of list) {
      if (!ids.has(x.productId)) throw new RangeError(`a ${what} of ${x.productId}, which is not one of the products`);
      by.set(x.productId, (by.get(x.productId) ?? 0) + wholeCents(x.amountCents, `a ${what}`));
    }
    return by;
  };
  const paid = credited(input.payments, 'payment');
  const discounted = credited(
    input.discounts.filter((d) => d.status === 'approved'),
    'discount',
  );

  const lines = input.products.map((p): LiabilityLine => {
    const graceEnds = addCalendarDays(p.dueDate, rules.graceDays);
    const days = Math.max(0, calendarDaysBetween(graceEnds, asOf));
    const uncapped = Number((BigInt(p.arrearsCents) * BigInt(rules.dailyInterestBps) * BigInt(days)) / 10_000n);
    const cap = interestCap(p.arrearsCents, rules.caps);
    const interestCents = cap === null ? uncapped : Math.min(uncapped, cap);
    const lateFeeCents = days > 0 ? rules.lateFeeCents : 0;
    const paidCents = paid.get(p.productId) ?? 0;
    const discountCents = discounted.get(p.productId) ?? 0;
    const balance = p.arrearsCents + interestCents + lateFeeCents - paidCents - discountCents;
    return {
      productId: p.productId,
      dueDate: p.dueDate,
      principalCents: p.arrearsCents,
      graceEnds,
      days,
      dailyInterestBps: rules.dailyInterestBps,
      interestUncappedCents: uncapped,
      interestCapCents: cap,
      interestCents,
      interestCapped: interestCents < uncapped,
      lateFeeCents,
      paidCents,
      discountCents,
      dueCents: Math.max(0, balance),
      creditCents: Math.max(0, -balance),
    };
  });
  const total = (pick: (l: LiabilityLine) => number) => lines.reduce((a, l) => a + pick(l), 0);
  return {
    asOf,
    lines,
    totals: {
      principalCents: total((l) => l.principalCents),
      interestCents: total((l) => l.interestCents),
      lateFeeCents: total((l) => l.lateFeeCents),
      paidCents: total((l) => l.paidCents),
      discountCents: total((l) => l.discountCents),
      dueCents: total((l) => l.dueCents),
      creditCents: total((l) => l.creditCents),
    },
  };
}
