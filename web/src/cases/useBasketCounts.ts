import type { BasketCountsOutput, BasketFilter } from '../../../functions/src/domain/contracts/types';
import type { ShownError } from '../data/describeError';
import { FIGURES_POLL_MS, useLiveCall } from '../data/queries';

/** The basket's tab and counter figures for `filter` (its counter and sort left out), kept live. */
export function useBasketCounts(filter: BasketFilter & { sort?: string }): {
  counts: BasketCountsOutput | null;
  error: ShownError | null;
} {
  // Counts ignore the counter chosen (each counter is counted) and the order (jobBasketCounts refuses a sort).
  const { counter: _counter, sort: _sort, ...input } = filter;
  const { data, shown } = useLiveCall('jobBasketCounts', input, { kind: 'cases' }, FIGURES_POLL_MS, {
    // The figures of the previous filter stay until the new ones arrive, as they did.
    placeholderData: (previous) => previous,
  });
  return { counts: data ?? null, error: shown };
}
