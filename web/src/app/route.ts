import { useEffect, useState } from 'react';
import type { ListCasesInput } from '../../../functions/src/domain/contracts/types';
import { SCREENS, type PlainPage, type Screen } from './routes';

/** The job basket's filters, carried in the address (`#/?tab=active&counter=promisesDue`) so figures link to them. */
export type BasketRouteFilter = Omit<ListCasesInput, 'limit' | 'cursor'>;

const FILTER_KEYS = [
  'tab',
  'counter',
  'status',
  'search',
  'sort',
  'drcId',
  'roId',
  'updatedFrom',
  'updatedTo',
  'openedFrom',
  'openedTo',
] as const satisfies readonly (keyof BasketRouteFilter)[];

function parseFilter(query: string): BasketRouteFilter | undefined {
  const params = new URLSearchParams(query);
  const filter: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  // The server validates each value; an unknown one gets a specific error shown on the basket.
  return Object.keys(filter).length ? (filter as BasketRouteFilter) : undefined;
}

export function filterQuery(filter: BasketRouteFilter | undefined): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter?.[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A tiny hash router. The screens with a plain address (`#/users`, `#/notification-routing`...) are the entries of
 * the route table (app/routes.tsx); three carry parameters: the job basket `#/` its filters as a query, a case
 * `#/cases/<caseId>`, a case type version `#/case-types/<id>/<version>`.
 */
export type Route =
  | { page: 'cases'; filter?: BasketRouteFilter }
  | { page: 'case'; caseId: string }
  | { page: 'caseType'; caseTypeId: string; version: number }
  | { page: PlainPage };

// Read inside the functions only: the table imports the pages, which import this module.
const plainScreens = () => (SCREENS as readonly Screen[]).filter((s) => s.path);

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const caseMatch = /^cases\/([A-Za-z0-9_-]+)$/.exec(path);
  if (caseMatch?.[1]) return { page: 'case', caseId: caseMatch[1] };
  const plain = plainScreens().find((s) => s.path === path);
  if (plain) return { page: plain.page as PlainPage };
  const typeMatch = /^case-types\/([A-Za-z0-9_-]+)\/([1-9][0-9]{0,8})$/.exec(path);
  if (typeMatch?.[1] && typeMatch[2])
    return { page: 'caseType', caseTypeId: typeMatch[1], version: Number(typeMatch[2]) };
  return { page: 'cases', filter: parseFilter(query) };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'caseType':
      return `#/case-types/${encodeURIComponent(route.caseTypeId)}/${route.version}`;
    case 'cases':
      return `#/${'filter' in route ? filterQuery(route.filter) : ''}`;
    default:
      return `#/${plainScreens().find((s) => s.page === route.page)?.path ?? ''}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
