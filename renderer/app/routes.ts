import { useEffect, useState } from 'react';

export const areas = [
  'inventory',
  'movements',
  'group',
  'exhibits',
  'declarations',
  'reports',
  'settings',
] as const;
export type Area = (typeof areas)[number];

export function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (areas as readonly string[]).includes(name ?? '') ? (name as Area) : 'inventory';
}

/** The current area lives in the URL fragment, so a reload comes back to the same screen. */
export function useArea(): [Area, (area: Area) => void] {
  const [area, setArea] = useState<Area>(() => areaFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [area, (next) => (window.location.hash = `#/${next}`)];
}
