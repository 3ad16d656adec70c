/**
 * Guards every web page the app hosts (Electron's security checklist): no navigation away from our
 * own origin, no new windows, no webviews, and no browser permission granted to anything.
 */
import type { Session, WebContents } from 'electron';
import { isTrustedUrl } from './app-origin';

interface PreventableNavigation {
  readonly url: string;
  preventDefault(): void;
}

/**
 * Keeps a page on the app's own origins: navigations and redirects elsewhere are cancelled, window.open
 * and target=_blank links are denied, and no <webview> may attach. Nothing is handed to the OS
 * browser either: a depot PC is often offline and links from data must not leave the app.
 */
export function guardWebContents(contents: WebContents, origins: ReadonlySet<string>): void {
  const stayOnOurOrigin = (navigation: PreventableNavigation): void => {
    if (!isTrustedUrl(navigation.url, origins)) navigation.preventDefault();
  };
  contents.on('will-navigate', stayOnOurOrigin);
  contents.on('will-redirect', stayOnOurOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Refuses every permission (camera, microphone, notifications, geolocation, HID…) both when a page
 * asks and when Chromium checks silently: a stock ledger needs none of them.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
