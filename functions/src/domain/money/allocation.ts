import { z } from 'zod';
import { isCalendarDate, type CalendarDate } from '../model/time';
import { apportion } from './apportion';

/**
 * How one payment is spread over the products of an account. What the products do not owe is handed back as
 * `unallocatedCents` for the caller to keep as a credit: a payment is never partly dropped.
 */
export const ALLOCATION_ORDERS = ['oldestFirst', 'largestFirst', 'proRata'] as const;
export type AllocationOrder = (typeof ALLOCATION_ORDERS)[number];

export const allocationOrderSchema = z.enum(ALLOCATION_ORDERS, {
  message: `must be one of ${ALLOCATION_ORDERS.join(', ')}`,
});

export interface OwedProduct {
  productId: string;
  owedCents: number;
  dueDate: CalendarDate;
}

export interface Allocation {
  /** Every product, in the order the payment reached them (0 for those it did not). */
  allocations: { productId: string; cents: number }[];
  unallocatedCents: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The oldest debt first; one due date's products by id, so the order never depends on the input's. */
const oldest = (a: OwedProduct, b: OwedProduct) => byText(a.dueDate, b.dueDate) || byText(a.productId, b.productId);

export function allocate(paymentCents: number, products: readonly OwedProduct[], order: AllocationOrder): Allocation {
  if (!Number.isSafeInteger(paymentCents) || paymentCents < 0) {
    throw new RangeError(`a payment is whole cents, not negative: ${paymentCents}`);
  }
  const ids = new Set<string>();
  for (const p of products) {
    if (!Number.isSafeInteger(p.owedCents) || p.owedCents < 0) {
      throw new RangeError(`${p.productId} owes ${p.owedCents}: whole cents, not negative`);
    }
    if (!isCalendarDate(p.dueDate)) throw new RangeError(`${p.productId}: not a calendar date: ${p.dueDate}`);
    if (ids.has(p.productId)) throw new RangeError(`product ${p.productId} is listed twice`);
    ids.add(p.productId);
  }
  const owed = products.reduce((a, p) => a + p.owedCents, 0);

  if (order === 'proRata') {
    const sorted = [...products].sort(oldest);
    // Paying everything is not a split; a split in proportion to what is owed gives no product more than it owes.
    const parts =
      paymentCents >= owed
        ? sorted.map((p) => p.owedCents)
        : apportion(
            paymentCents,
            sorted.map((p) => p.owedCents),
          );
    const allocated = parts.reduce((a, c) => a + c, 0);
    return {
      allocations: sorted.map((p, i) => ({ productId: p.productId, cents: parts[i]! })),
      unallocatedCents: paymentCents - allocated,
    };
  }

  const sorted = [...products].sort(
    order === 'largestFirst' ? (a, b) => b.owedCents - a.owedCents || oldest(a, b) : oldest,
  );
  let left = paymentCents;
  const allocations = sorted.map((p) => {
    const cents = Math.min(left, p.owedCents);
    left -= cents;
    return { productId: p.productId, cents };
  });
  return { allocations, unallocatedCents: left };
}
