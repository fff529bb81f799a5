import { useEffect, useState } from 'react';

/** A tiny hash router: `#/`, `#/cases/<caseId>`, `#/register`. */
export type Route = { page: 'cases' } | { page: 'case'; caseId: string } | { page: 'register' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const caseMatch = /^cases\/([A-Za-z0-9_-]+)$/.exec(path);
  if (caseMatch?.[1]) return { page: 'case', caseId: caseMatch[1] };
  if (path === 'register') return { page: 'register' };
  return { page: 'cases' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'register':
      return '#/register';
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
