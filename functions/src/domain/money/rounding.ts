/**
 * Commission is worked out exactly before it is rounded: `bps × cents` is a whole number of ten-thousandths of
 * a cent, so the exact amount is an integer in that unit (`Exact`) and no floating point touches it.
 *
 * Rounding each entry on its own would let a DRC's statement drift from the exact sum by up to half a cent per
 * entry. Instead the remainder left by rounding one entry is carried into the next entry of the same DRC and
 * period: the sum of the rounded entries is then always the exact sum rounded once, so it never differs from
 * it by a cent or more, however many entries there are.
 */
export type Exact = number;

export const EXACT_PER_CENT = 10_000;

/**
 * What rounding has not yet paid out, in `Exact` units, kept on the DRC's period ledger. Always in
 * [-EXACT_PER_CENT/2, EXACT_PER_CENT/2). A new period starts at zero.
 */
export type Carry = number;

export const NO_CARRY: Carry = 0;

export function exactOfCents(cents: number): Exact {
  return cents * EXACT_PER_CENT;
}

/** Half a cent rounds up (towards +∞) whatever the sign: one rule, so the carry stays in [-½, ½) of a cent. */
export function roundHalfUp(exact: Exact): number {
  return Math.floor((exact + EXACT_PER_CENT / 2) / EXACT_PER_CENT);
}

/**
 * Rounds one entry with the carry of the entries before it. An entry that is already whole cents comes out
 * unchanged, whatever the carry: a bounty or a clawback is paid to the cent.
 */
export function roundWithCarry(exact: Exact, carry: Carry): { cents: number; carry: Carry } {
  if (!Number.isSafeInteger(exact)) throw new RangeError(`exact amount must be a safe integer: ${exact}`);
  if (!Number.isSafeInteger(carry) || carry < -EXACT_PER_CENT / 2 || carry >= EXACT_PER_CENT / 2) {
    throw new RangeError(`carry out of range: ${carry}`);
  }
  const running = carry + exact;
  const cents = roundHalfUp(running);
  return { cents, carry: running - cents * EXACT_PER_CENT };
}

/** Rounds a run of entries in order, from a carry (zero at the start of a period). */
export function roundAll(exacts: readonly Exact[], carry: Carry = NO_CARRY): { cents: number[]; carry: Carry } {
  const cents: number[] = [];
  let current = carry;
  for (const exact of exacts) {
    const rounded = roundWithCarry(exact, current);
    cents.push(rounded.cents);
    current = rounded.carry;
  }
  return { cents, carry: current };
}
