import { useEffect, useState } from 'react';

/** The main areas of the application, in the order the navigation lists them. */
export const areas = [
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

const defaultArea: Area = 'inventory';

/** Areas live in the location hash, so a reload (or the Electron app:// protocol) keeps the place. */
export function areaHref(area: Area): string {
  return `#/${area}`;
}

function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '');
  return (areas as readonly string[]).includes(name) ? (name as Area) : defaultArea;
}

/** The area the window shows, following the hash. */
export function useCurrentArea(): Area {
  const [area, setArea] = useState<Area>(() => areaFromHash(window.location.hash));
  useEffect(() => {
    const follow = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return area;
}
