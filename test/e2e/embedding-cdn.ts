/**
 * The CDN as partners use it, for end-to-end tests: a partner's site and `dist/cdn` served from a second loopback
 * origin with `Access-Control-Allow-Origin: *`, and a page that records every console error, uncaught error and CSP
 * violation.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright';

export interface StaticServer {
  /** `http://127.0.0.1:port`. */
  origin: string;
  /** HTML pages by path, served with their headers; tests add their own. */
  pages: Map<string, { html: string; headers?: Record<string, string> }>;
  stop(): Promise<void>;
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

/**
 * Serves folders (`{ '/cdn/': 'dist/cdn' }`) and pages on 127.0.0.1 with `Access-Control-Allow-Origin: *`, as a
 * CDN does. Pages come from a real loopback server, not from request interception: Chromium's Local Network Access
 * checks then see a loopback page asking a loopback CDN, as on a developer's machine.
 */
export async function startStaticServer(mounts: Record<string, string>, port = 0): Promise<StaticServer> {
  const pages: StaticServer['pages'] = new Map();
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname));
    const page = pages.get(path);
    if (page) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...page.headers });
      response.end(page.html);
      return;
    }
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    const file = mount === undefined ? undefined : join(mounts[mount]!, path.slice(mount.length));
    (file ? readFile(file) : Promise.reject(new Error('not found'))).then(
      (body) => {
        response.writeHead(200, {
          'Content-Type': types[extname(path)] ?? 'application/octet-stream',
          'Access-Control-Allow-Origin': '*',
        });
        response.end(body);
      },
      () => {
        response.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    pages,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page that records what a partner would see in the console, without the browser's own favicon request. */
export async function recordingPage(
  browser: Browser,
  options: Parameters<Browser['newPage']>[0] = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      problems.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return { page, problems };
}
