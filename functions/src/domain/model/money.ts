/**
 * Money is held as integer cents of LKR everywhere: floating point rupees would drift
 * when instalments are split and payments allocated.
 */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Splits `total` into `parts` instalments that differ by at most one cent, larger first. */
export function splitEvenly(total: Cents, parts: number): Cents[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const base = Math.floor(total / parts);
  const remainder = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

export function formatLkr(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rupees = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}LKR ${rupees}.${String(abs % 100).padStart(2, '0')}`;
}
