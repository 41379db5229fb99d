/**
 * Serving like a CDN: compressed bodies, validators and cache lifetimes that suit each kind of file. Partners who
 * host the bundle themselves need the same (README, "Hosting the files yourself").
 *
 * - Brotli (node:zlib) when the client accepts it, else gzip (Hono's `compress`), for JavaScript, JSON, HTML, CSS
 *   and source maps of 1 KB or more; brotli results are kept per ETag, so a file is compressed once.
 * - An ETag on every GET (Hono's `etag`, unless the route set one), answering `If-None-Match` with 304.
 * - `Cache-Control`: hashed chunks (`<cdn>chunks/…`, their names change with their content) for a year,
 *   `immutable`; the entry files (fixed names a partner's page links to) for five minutes; the feed `no-cache`
 *   (revalidated on every use, cheap with its ETag); anything else that has no policy of its own `no-cache`.
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const brotli = promisify(brotliCompress);

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const ENTRY_FILE = 'public, max-age=300';
export const REVALIDATE = 'no-cache';

/** What is worth compressing; images and fonts are compressed already. */
const compressible = /^(text\/|application\/(javascript|json|ld\+json|manifest\+json)|image\/svg\+xml)/i;
/** Below this, compression saves less than the headers it costs. */
const threshold = 1024;
/** Brotli results kept (by ETag): the CDN folder, the feed and the demo pages fit many times over. */
const maxCached = 256;

export interface CdnServingOptions {
  /** Where the CDN folder is mounted, with its trailing slash: `/cdn/`. */
  cdnPrefix: string;
  /** The feed's paths: `no-cache`, so that readers revalidate it (its ETag makes that a 304). */
  feedPaths: string[];
}

function accepts(header: string | undefined, encoding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return name?.trim().toLowerCase() === encoding && (q === undefined || Number(q) > 0);
  });
}

function addVary(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/** The `Cache-Control` a path gets, or undefined to keep the route's own. */
function lifetime(path: string, { cdnPrefix, feedPaths }: CdnServingOptions): string | undefined {
  if (feedPaths.includes(path)) return REVALIDATE;
  if (path.startsWith(`${cdnPrefix}chunks/`)) return IMMUTABLE;
  if (path.startsWith(cdnPrefix)) return ENTRY_FILE;
  return undefined;
}

/** The middleware: `app.use('*', cdnServing({ cdnPrefix: '/cdn/', feedPaths: ['/feed.json'] }))`. */
export function cdnServing(options: CdnServingOptions): MiddlewareHandler {
  const gzip = compress({ encoding: 'gzip', threshold });
  const tag = etag();
  const cache = new Map<string, Buffer>();

  const brotliWhenAccepted: MiddlewareHandler = async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    if (
      c.req.method !== 'GET' ||
      res.status !== 200 ||
      !res.body ||
      res.headers.has('Content-Encoding') ||
      !compressible.test(type) ||
      /(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('Cache-Control') ?? '') ||
      !accepts(c.req.header('Accept-Encoding'), 'br')
    )
      return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    addVary(headers);
    if (body.byteLength < threshold) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const key = headers.get('ETag');
    let compressed = key ? cache.get(key) : undefined;
    if (!compressed) {
      compressed = await brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      });
      if (key) {
        if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
        cache.set(key, compressed);
      }
    }
    headers.set('Content-Encoding', 'br');
    headers.set('Content-Length', String(compressed.byteLength));
    // The bytes differ from the identity response's: the validator becomes weak, as Hono's gzip does it.
    if (key && !key.startsWith('W/')) headers.set('ETag', `W/${key}`);
    // Hono copies the previous response's headers onto a new one (its Content-Length would cut the body short):
    // clear it first, as Hono's documentation says to replace a response whole.
    c.res = undefined;
    c.res = new Response(new Uint8Array(compressed), { status: res.status, headers });
  };

  return async (c, next) => {
    await gzip(c, async () => {
      await brotliWhenAccepted(c, async () => {
        await tag(c, next);
      });
    });
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
    if (c.res.status !== 200 && c.res.status !== 304) return;
    const policy = lifetime(c.req.path, options);
    if (policy) c.res.headers.set('Cache-Control', policy);
    else if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', REVALIDATE);
  };
}
