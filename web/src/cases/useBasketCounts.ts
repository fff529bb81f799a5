import { useEffect, useState } from 'react';
import type { BasketCountsOutput, BasketFilter } from '../../../functions/src/domain/contracts/types';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, type ShownError } from '../data/describeError';
import { workApi } from '../data/workApi';

/** The basket's tab and counter figures for `filter` (its counter and sort left out), kept live. */
export function useBasketCounts(filter: BasketFilter & { sort?: string }): {
  counts: BasketCountsOutput | null;
  error: ShownError | null;
} {
  const ds = useDataSource();
  const [counts, setCounts] = useState<BasketCountsOutput | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  // Counts ignore the counter chosen (each counter is counted) and the order (jobBasketCounts refuses a sort).
  const { counter: _counter, sort: _sort, ...rest } = filter;
  const key = JSON.stringify(rest);
  useEffect(() => {
    const input = JSON.parse(key) as BasketFilter;
    return ds.watchLive(
      () => workApi().jobBasketCounts(input),
      (value) => {
        setCounts(value);
        setError(null);
      },
      (e) => setError(describeError(e)),
    );
  }, [ds, key]);
  return { counts, error };
}
