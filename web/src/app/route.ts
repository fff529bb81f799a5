import { useEffect, useState } from 'react';
import type { ListCasesInput } from '../../../functions/src/domain/contracts/types';

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
 * A tiny hash router: `#/`, `#/cases/<caseId>`, `#/register`, `#/case-types`, `#/case-types/<id>/<version>`,
 * `#/users`, `#/audit`, `#/dashboard`, `#/imports`, `#/assignment`,
 * `#/notification-routing`, `#/notification-templates`, `#/inbox`, `#/notification-preferences`, `#/rcmp`, `#/assignment-rules`; the job basket `#/` takes its
 * filters as a query.
 */
export type Route =
  | { page: 'cases'; filter?: BasketRouteFilter }
  | { page: 'dashboard' }
  | { page: 'imports' }
  | { page: 'case'; caseId: string }
  | { page: 'register' }
  | { page: 'caseTypes' }
  | { page: 'caseType'; caseTypeId: string; version: number }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'assignment' }
  | { page: 'routing' }
  | { page: 'templates' }
  | { page: 'inbox' }
  | { page: 'preferences' }
  | { page: 'rcmp' }
  | { page: 'assignmentRules' };

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const caseMatch = /^cases\/([A-Za-z0-9_-]+)$/.exec(path);
  if (caseMatch?.[1]) return { page: 'case', caseId: caseMatch[1] };
  if (path === 'register') return { page: 'register' };
  if (path === 'case-types') return { page: 'caseTypes' };
  if (path === 'users') return { page: 'users' };
  if (path === 'audit') return { page: 'audit' };
  if (path === 'dashboard') return { page: 'dashboard' };
  if (path === 'imports') return { page: 'imports' };
  if (path === 'assignment') return { page: 'assignment' };
  if (path === 'notification-routing') return { page: 'routing' };
  if (path === 'notification-templates') return { page: 'templates' };
  if (path === 'inbox') return { page: 'inbox' };
  if (path === 'notification-preferences') return { page: 'preferences' };
  if (path === 'rcmp') return { page: 'rcmp' };
  if (path === 'assignment-rules') return { page: 'assignmentRules' };
  const typeMatch = /^case-types\/([A-Za-z0-9_-]+)\/([1-9][0-9]{0,8})$/.exec(path);
  if (typeMatch?.[1] && typeMatch[2])
    return { page: 'caseType', caseTypeId: typeMatch[1], version: Number(typeMatch[2]) };
  return { page: 'cases', filter: parseFilter(query) };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'register':
      return '#/register';
    case 'caseTypes':
      return '#/case-types';
    case 'caseType':
      return `#/case-types/${encodeURIComponent(route.caseTypeId)}/${route.version}`;
    case 'users':
      return '#/users';
    case 'audit':
      return '#/audit';
    case 'dashboard':
      return '#/dashboard';
    case 'imports':
      return '#/imports';
    case 'assignment':
      return '#/assignment';
    case 'routing':
      return '#/notification-routing';
    case 'templates':
      return '#/notification-templates';
    case 'inbox':
      return '#/inbox';
    case 'preferences':
      return '#/notification-preferences';
    case 'rcmp':
      return '#/rcmp';
    case 'assignmentRules':
      return '#/assignment-rules';
    case 'cases':
      return `#/${filterQuery(route.filter)}`;
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
