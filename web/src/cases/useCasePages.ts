import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type {
  CaseView,
  ListCasesInput,
  ListCasesOutput,
  NameMaps,
  StatusView,
} from '../../../functions/src/domain/contracts/types';
import type { BasketRouteFilter } from '../app/route';
import { call } from '../api/call';
import { useDataSource } from '../data/DataSourceContext';
import type { ShownError } from '../data/describeError';
import { liveOptions, opKey, POLL_MS, shownError, useLiveTopic } from '../data/queries';

const PAGE_SIZE = 25;

/** The basket's filters; empty strings mean "not given". */
export type CaseFilter = BasketRouteFilter;

export interface CasePages {
  cases: CaseView[];
  statuses: StatusView[];
  names: NameMaps;
  loading: boolean;
  error: ShownError | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

interface Page {
  key: string;
  input: ListCasesInput;
}

function uniqueById(cases: CaseView[]): CaseView[] {
  const byId = new Map<string, CaseView>();
  for (const c of cases) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()];
}

/**
 * The job basket's pages: every page loaded by "Load more" stays live (one query per page cursor); a new filter
 * starts again from the first page.
 */
export function useCasePages(filter: CaseFilter): CasePages {
  const filterKey = JSON.stringify(
    Object.entries(filter)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
      .filter(([, v]) => v)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const [paging, setPaging] = useState({ filterKey, cursors: [] as string[] });

  const pages: Page[] = useMemo(() => {
    const cursors = paging.filterKey === filterKey ? paging.cursors : [];
    return [undefined, ...cursors].map((cursor) => ({
      key: `${filterKey}#${cursor ?? ''}`,
      input: {
        ...(Object.fromEntries(JSON.parse(filterKey) as [string, string][]) as CaseFilter),
        limit: PAGE_SIZE,
        cursor,
      },
    }));
  }, [paging, filterKey]);

  const ds = useDataSource();
  // One listener for every page: any change among the caller's cases reads each loaded page again.
  const listenFailure = useLiveTopic({ kind: 'cases' }, [['listCases']]);
  const results = useQueries({
    queries: pages.map(({ input }) => ({
      queryKey: opKey('listCases', input),
      queryFn: () => call('listCases', input),
      ...liveOptions(ds, POLL_MS),
    })),
  });
  const failed = results.find((r) => r.error)?.error;
  const error = shownError(failed) ?? listenFailure;
  // The statuses of the last page read stay while another filter loads (the status choice must not flicker).
  const lastStatuses = useRef<StatusView[]>([]);
  const newest = results.map((r) => r.data?.statuses).filter((s) => s !== undefined);
  if (newest.length) lastStatuses.current = newest[newest.length - 1]!;
  const statuses = lastStatuses.current;

  const loaded: (ListCasesOutput | undefined)[] = results.map((r) => r.data);
  const last = loaded[loaded.length - 1];
  const nextCursor = last?.nextCursor ?? null;

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setPaging((current) => ({
      filterKey,
      cursors: [...(current.filterKey === filterKey ? current.cursors : []), nextCursor],
    }));
  }, [filterKey, nextCursor]);

  const names: NameMaps = { drcs: {}, users: {} };
  for (const page of loaded) {
    Object.assign(names.drcs, page?.names?.drcs);
    Object.assign(names.users, page?.names?.users);
  }
  return {
    cases: uniqueById(loaded.flatMap((page) => page?.cases ?? [])),
    statuses,
    names,
    loading: loaded[0] === undefined,
    error,
    hasMore: nextCursor !== null,
    loadingMore: loaded.length > 1 && last === undefined,
    loadMore,
  };
}
