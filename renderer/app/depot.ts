import { createContext, useContext } from 'react';
import type { AppInfo, Settings } from '../../shared/contract';

/** What the whole window knows about the open depot: app facts and the current settings. */
export interface Depot {
  info: AppInfo;
  settings: Settings;
  /** Called with the settings the backend returned after a successful update. */
  settingsChanged(settings: Settings): void;
}

export const DepotContext = createContext<Depot | null>(null);

export function useDepot(): Depot {
  const depot = useContext(DepotContext);
  if (!depot) throw new Error('useDepot() outside <DepotContext>');
  return depot;
}
