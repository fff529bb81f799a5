import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  CaseView,
  ListCasesInput,
  ListCasesOutput,
  NameMaps,
  StatusView,
} from '../../../functions/src/domain/contracts/types';
import type { BasketRouteFilter } from '../app/route';
import type { Unsubscribe } from '../data/DataSource';
import { useDataSource } from '../data/DataSourceContext';
import { describeError, type ShownError } from '../data/describeError';

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
 * The job basket's pages: every page loaded by "Load more" stays live (one watchCases per page
 * cursor); a new filter starts again from the first page.
 */
export function useCasePages(filter: CaseFilter): CasePages {
  const ds = useDataSource();
  const filterKey = JSON.stringify(
    Object.entries(filter)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
      .filter(([, v]) => v)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const [paging, setPaging] = useState({ filterKey, cursors: [] as string[] });
  const [loadedPages, setLoadedPages] = useState<Record<string, ListCasesOutput>>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [statuses, setStatuses] = useState<StatusView[]>([]);
  const watching = useRef(new Map<string, Unsubscribe>());

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

  useEffect(() => {
    const subs = watching.current;
    const wanted = new Set(pages.map((p) => p.key));
    for (const [key, stop] of subs) {
      if (wanted.has(key)) continue;
      stop();
      subs.delete(key);
      setLoadedPages((all) => Object.fromEntries(Object.entries(all).filter(([k]) => wanted.has(k))));
    }
    for (const { key, input } of pages) {
      if (subs.has(key)) continue;
      const onData = (page: ListCasesOutput) => {
        setLoadedPages((all) => ({ ...all, [key]: page }));
        setStatuses(page.statuses);
        setError(null);
      };
      subs.set(
        key,
        ds.watchCases(input, onData, (e) => setError(describeError(e))),
      );
    }
  }, [ds, pages]);

  useEffect(() => {
    const subs = watching.current;
    return () => {
      for (const stop of subs.values()) stop();
      subs.clear();
    };
  }, []);

  const loaded = pages.map((p) => loadedPages[p.key]);
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
