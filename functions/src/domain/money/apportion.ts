/**
 * Splits a whole number of cents in proportion to weights so that the parts add up to the total exactly:
 * every part gets the floor of its share, and the cents left over go one each to the largest remainders
 * (the largest-remainder method). Ties go to the earlier weight, so the result depends on the order only
 * there. BigInt, because cents × cents passes 2^53 for large amounts.
 */
export function apportion(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
    throw new RangeError(`total must be whole cents, not negative: ${totalCents}`);
  }
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weights must be whole, not negative: ${w}`);
  }
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) {
    if (totalCents === 0) return weights.map(() => 0);
    throw new RangeError('cannot apportion a positive total over weights that are all zero');
  }
  const total = BigInt(totalCents);
  const floors = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: total * BigInt(w) - floors[i] * sum }));
  let left = Number(total - floors.reduce((a, f) => a + f, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = floors.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}
