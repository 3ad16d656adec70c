import { useEffect, useState } from 'react';

/** The main areas of the application, in the order the navigation lists them. */
export const areas = [
  'home',
  'inventory',
  'receive',
  'dispatch',
  'documents',
  'stocktake',
  'ledger',
  'catalog',
  'reports',
  'settings',
] as const;
export type Area = (typeof areas)[number];

/** The reserve dashboard: what needs attention first, whoever opens the app. */
const defaultArea: Area = 'home';

/**
 * Where the window is: an area, and optionally one record in it (a document id in documents, an
 * item id in the ledger, a draft id in receive…). Both live in the location hash (`#/documents/<id>`),
 * so a reload — or the Electron app:// protocol — keeps the place, and any screen can link anywhere.
 */
export interface Route {
  area: Area;
  /** The record the area opens at, if any. */
  target: string | null;
}

/** The link to an area, or to one record in it. */
export function areaHref(area: Area, target?: string | null): string {
  return target ? `#/${area}/${encodeURIComponent(target)}` : `#/${area}`;
}

/** Moves the window to an area (and record), as following a link would. */
export function goTo(area: Area, target?: string | null): void {
  window.location.hash = areaHref(area, target);
}

export function routeFromHash(hash: string): Route {
  const [name = '', target = ''] = hash.replace(/^#\/?/, '').split('/', 2);
  const area = (areas as readonly string[]).includes(name) ? (name as Area) : defaultArea;
  return { area, target: area === name && target ? decodeURIComponent(target) : null };
}

/** The route the window shows, following the hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** The area the window shows, following the hash. */
export function useCurrentArea(): Area {
  return useRoute().area;
}
