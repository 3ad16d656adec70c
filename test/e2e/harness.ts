/**
 * How a page gets the app's renderer and the real backend outside Electron: the built renderer over a
 * local HTTP server, and `window.api` built over a Playwright page binding with the preload's shape.
 * Used by the UI-test fixtures and by the UI benchmark.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { apiGlobalName } from '../../shared/api';
import { channels } from '../../shared/contract';

const bindingName = '__reliefReserveInvoke';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves a folder read-only on 127.0.0.1 at a free port; nothing outside the folder is reachable. */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(root + path.sep) || request.method !== 'GET') {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response
        .writeHead(200, {
          'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Gives the page `window.api` exactly as the preload does — frozen, one function per channel — over a binding. */
export async function exposeBackend(page: Page, backend: Backend): Promise<void> {
  await page.exposeBinding(bindingName, (_source, channel: string, input: unknown) => backend.invoke(channel, input));
  await page.addInitScript(
    ({ names, binding, globalName }) => {
      const send = (channel: string, input: unknown) =>
        (globalThis as unknown as Record<string, (c: string, i: unknown) => Promise<unknown>>)[binding]!(
          channel,
          input,
        );
      const api = Object.freeze(
        Object.fromEntries(names.map((name) => [name, (input?: unknown) => send(name, input)])),
      );
      // In the page `globalThis` is `window`; written so, this file needs no DOM typings.
      Object.defineProperty(globalThis, globalName, { value: api, enumerable: true });
    },
    { names: channels as string[], binding: bindingName, globalName: apiGlobalName },
  );
}

/** Chromium launch options: Debian's Chromium where installed (these machines cannot download Playwright's). */
export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  const systemChromium = '/usr/bin/chromium';
  if (!fs.existsSync(systemChromium)) return {};
  return {
    executablePath: systemChromium,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

/**
 * The built renderer's folder, from the project root the npm scripts run in (this file is loaded both as
 * CommonJS by Playwright and as an ES module by the benchmark, so it cannot rely on __dirname).
 * RELIEF_RESERVE_OUT_DIR lets several builds stand side by side.
 */
export const rendererDir = path.resolve(process.env.RELIEF_RESERVE_OUT_DIR ?? 'out', 'renderer');
