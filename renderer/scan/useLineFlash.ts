import { useEffect } from 'react';

/**
 * Flashes the element a scan changed (a line of the table) once per scan: the class is taken off,
 * the element reflowed and the class put back, so the animation replays even on the same line.
 */
export function useLineFlash(flash: { key: string; seq: number } | null, elementOf: (key: string) => Element | null) {
  useEffect(() => {
    if (!flash) return;
    const element = elementOf(flash.key);
    if (!(element instanceof HTMLElement)) return;
    element.classList.remove('scan-flash');
    void element.offsetWidth;
    element.classList.add('scan-flash');
    // elementOf is a lookup by id; only a new flash should replay the animation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flash]);
}
