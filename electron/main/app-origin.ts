/**
 * Where the app's own pages come from. The renderer is served from `app://renderer/` (never file://),
 * or from the electron-vite dev server while developing; every trust decision in main (IPC senders,
 * navigation) compares against these origins.
 */

/** The privileged scheme the renderer is served from. */
export const appScheme = 'app';

/** The one host of the app scheme: the built renderer folder. */
export const rendererHost = 'renderer';

/** The renderer's origin in a built app. */
export const appOrigin = `${appScheme}://${rendererHost}`;

/** The page a built app's window opens. */
export const rendererEntryUrl = `${appOrigin}/index.html`;

/**
 * The scheme, host and port of a URL (`app://renderer`, `http://localhost:5173`), or null when it has
 * none. Computed from the URL itself because WHATWG `URL.origin` is "null" for custom schemes.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * The electron-vite dev server's URL when running under `electron-vite dev`. Ignored in a packaged
 * app: an environment variable must never point the app — and its IPC doors — at another site.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const url = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || url === undefined || originOf(url) === null) return null;
  return url;
}

/** The origins whose pages may navigate within the app and call the backend. */
export function trustedOrigins(devUrl: string | null): ReadonlySet<string> {
  const devOrigin = devUrl === null ? null : originOf(devUrl);
  return new Set(devOrigin === null ? [appOrigin] : [appOrigin, devOrigin]);
}

/** Whether a URL belongs to one of the trusted origins. */
export function isTrustedUrl(url: string, origins: ReadonlySet<string>): boolean {
  const origin = originOf(url);
  return origin !== null && origins.has(origin);
}
