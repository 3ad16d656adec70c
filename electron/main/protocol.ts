/**
 * The `app://` scheme that serves the built renderer. A custom standard scheme gives the pages a real
 * origin (for the CSP, fetch and the IPC sender check) without file://'s extra privileges.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { appScheme, rendererHost } from './app-origin';

/** Declares the app scheme standard and secure. Electron requires this before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file inside `rendererRoot` that an app:// URL names, or null when the URL is for another host,
 * is malformed, or resolves outside the renderer folder (`..`, encoded or not).
 */
export function rendererFileFor(requestUrl: string, rendererRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== rendererHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const relative = path.relative(root, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside ? file : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Answers one app:// request: the renderer file it names, or 404 (never a directory listing). */
export async function serveRendererRequest(requestUrl: string, rendererRoot: string): Promise<Response> {
  const file = rendererFileFor(requestUrl, rendererRoot);
  if (file === null || !(await isFile(file))) return notFound();
  try {
    return await net.fetch(pathToFileURL(file).toString());
  } catch {
    return notFound();
  }
}

/** Serves the app scheme from the built renderer folder. Call once the app is ready. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, (request) => serveRendererRequest(request.url, rendererRoot));
}
