import { createContext, useContext } from 'react';
import type { AppInfo, AuthStatus, Settings, User } from '../../shared/contract';

/** What the whole window knows about the open depot: app facts and the current settings. */
export interface Depot {
  info: AppInfo;
  settings: Settings;
  /** Called with the settings the backend returned after a successful update. */
  settingsChanged(settings: Settings): void;
  /** The signed-in user: whose name every posting, print and export carries. */
  user: User;
  /** Called with the session the backend returned after lock, sign-out or a switch of user. */
  authChanged(status: AuthStatus): void;
}

export const DepotContext = createContext<Depot | null>(null);

export function useDepot(): Depot {
  const depot = useContext(DepotContext);
  if (!depot) throw new Error('useDepot() outside <DepotContext>');
  return depot;
}
