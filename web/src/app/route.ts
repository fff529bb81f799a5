import { useEffect, useState } from 'react';

/**
 * A tiny hash router: `#/`, `#/cases/<caseId>`, `#/register`, `#/case-types`, `#/case-types/<id>/<version>`,
 * `#/users`, `#/audit`, `#/assignment`.
 */
export type Route =
  | { page: 'cases' }
  | { page: 'case'; caseId: string }
  | { page: 'register' }
  | { page: 'caseTypes' }
  | { page: 'caseType'; caseTypeId: string; version: number }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'assignment' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const caseMatch = /^cases\/([A-Za-z0-9_-]+)$/.exec(path);
  if (caseMatch?.[1]) return { page: 'case', caseId: caseMatch[1] };
  if (path === 'register') return { page: 'register' };
  if (path === 'case-types') return { page: 'caseTypes' };
  if (path === 'users') return { page: 'users' };
  if (path === 'audit') return { page: 'audit' };
  if (path === 'assignment') return { page: 'assignment' };
  const typeMatch = /^case-types\/([A-Za-z0-9_-]+)\/([1-9][0-9]{0,8})$/.exec(path);
  if (typeMatch?.[1] && typeMatch[2])
    return { page: 'caseType', caseTypeId: typeMatch[1], version: Number(typeMatch[2]) };
  return { page: 'cases' };
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
    case 'assignment':
      return '#/assignment';
    case 'cases':
      return '#/';
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
