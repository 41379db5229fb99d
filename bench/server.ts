/**
 * The benchmark's own static server on 127.0.0.1 (a free port): files held in memory, gzip -9 when the browser
 * accepts it (as a CDN would send them; Chromium asks brotli only over HTTPS), ETags, and an optional delay per
 * path to hold a response back.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

interface Resource {
  body: Buffer;
  gzip: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

export interface ServeOptions {
  /** `Cache-Control`; `no-cache` (revalidate every time) by default. */
  cacheControl?: string;
}

export class BenchServer {
  readonly #resources = new Map<string, Resource>();
  readonly #delays = new Map<string, number>();
  readonly #server = createServer((request, response) => void this.#handle(request, response));
  #origin = '';

  /** `http://127.0.0.1:PORT`, once started. */
  get origin(): string {
    return this.#origin;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve, reject) =>
      this.#server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  /** Serves `body` at `path` (`/feeds/100.json`). */
  add(path: string, body: string | Buffer, options: ServeOptions = {}): void {
    const buffer = typeof body === 'string' ? Buffer.from(body) : body;
    this.#resources.set(path, {
      body: buffer,
      gzip: gzipSync(buffer, { level: 9 }),
      type: types[extname(path)] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(buffer).digest('base64url')}"`,
      cacheControl: options.cacheControl ?? 'no-cache',
    });
  }

  /** Serves every file under `dir` at `prefix/…`; `cacheControl` may depend on the file's relative path. */
  addDirectory(prefix: string, dir: string, cacheControl: (path: string) => string = () => 'no-cache'): void {
    const walk = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    for (const path of walk(dir)) {
      const name = relative(dir, path).split(sep).join('/');
      this.add(`${prefix}/${name}`, readFileSync(path), { cacheControl: cacheControl(name) });
    }
  }

  /** Holds every response for `path` back by `ms` (0 to stop). */
  delay(path: string, ms: number): void {
    this.#delays.set(path, ms);
  }

  /** The gzip size of what is served at `path`. */
  transferSize(path: string): { raw: number; gzip: number } {
    const resource = this.#resources.get(path);
    if (!resource) throw new Error(`nothing served at ${path}`);
    return { raw: resource.body.length, gzip: resource.gzip.length };
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const resource = this.#resources.get(path);
    const delay = this.#delays.get(path) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (!resource) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': resource.type,
      'Cache-Control': resource.cacheControl,
      ETag: resource.etag,
      Vary: 'Accept-Encoding',
    };
    if (request.headers['if-none-match'] === resource.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? resource.gzip : resource.body;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
  }
}
