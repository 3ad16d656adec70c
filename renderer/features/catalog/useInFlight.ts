import { useCallback, useRef, useState } from 'react';

/**
 * One write at a time: `run` ignores a second call while the first is in flight (a double click, a
 * double Enter), and `busy` disables the buttons meanwhile. The ref guards before React re-renders.
 */
export function useInFlight(): { busy: boolean; run: <T>(task: () => Promise<T>) => Promise<T | undefined> } {
  const flying = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(task: () => Promise<T>): Promise<T | undefined> => {
    if (flying.current) return undefined;
    flying.current = true;
    setBusy(true);
    try {
      return await task();
    } finally {
      flying.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
