/**
 * The reference server as a Hono app: the feed, the registration API, the staff CSV export and (optionally) the
 * demo and the CDN bundle. `main.ts` serves it; tests call `app.request()` or serve it on port 0.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Feed } from '../src/feed/model.js';
import { IDEMPOTENCY_HEADER, MAX_BODY_BYTES, isIdempotencyKey } from '../src/registration/contract.js';
import { registerAgendaIcs } from './agenda-ics.js';
import { etagOf, matchesEtag } from './etag.js';
import { registrationsCsv } from './csv.js';
import { withEndpoints } from './feed-source.js';
import { errorOutcome, register, type Outcome } from './registrations.js';
import { listRegistrations, type Db } from './storage.js';

/** Where the feed comes from: the document as published, and the same document parsed into the domain model. */
export interface FeedSource {
  load(): Promise<{ document: unknown; feed: Feed }>;
}

export interface AppOptions {
  db: Db;
  feed: FeedSource;
  /**
   * Origins allowed to post registrations (browser CORS). `http://localhost:*` allows any port. The server's own
   * origin is always allowed.
   */
  allowedOrigins: string[];
  /** Per client IP: at most `max` registration attempts per `windowMs`. */
  rateLimit: { windowMs: number; max: number };
  /** Bearer token for the staff export; the export is off without one. */
  staffToken?: string;
  /** The public origin of this server (behind a proxy); by default, the origin the request was addressed to. */
  publicOrigin?: string;
  /** Take the client IP from `X-Forwarded-For` (only behind a proxy you trust). */
  trustProxy?: boolean;
  /** Paths relative to the working directory; nothing static is served without them. */
  staticRoots?: { demo: string; cdn: string };
  now?: () => Date;
}

export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'";

type Env = { Bindings: { incoming?: IncomingMessage } };

function originMatches(origin: string, pattern: string): boolean {
  if (!pattern.endsWith(':*')) return origin === pattern;
  const prefix = pattern.slice(0, -1);
  return origin.startsWith(prefix) && /^\d+$/.test(origin.slice(prefix.length));
}

function send(c: Context, outcome: Outcome): Response {
  if (outcome.body.status === 'error' && outcome.body.retryAfter !== undefined) {
    c.header('Retry-After', String(outcome.body.retryAfter));
  }
  if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(outcome.body, outcome.statusCode as 200);
}

/** Fixed windows per key, in memory: enough for one server process. */
function fixedWindowLimiter({ windowMs, max }: AppOptions['rateLimit']) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, now: number): number | undefined => {
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      // Forget finished windows now and then, so the map does not grow with every client ever seen.
      if (windows.size > 10_000)
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return window.count > max ? Math.ceil((window.start + windowMs - now) / 1000) : undefined;
  };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function createApp(options: AppOptions): Hono<Env> {
  const { db, feed, allowedOrigins, staffToken, trustProxy } = options;
  const now = options.now ?? (() => new Date());
  const limited = fixedWindowLimiter(options.rateLimit);
  const app = new Hono<Env>();

  const ownOrigin = (c: Context) => options.publicOrigin ?? new URL(c.req.url).origin;
  const isAllowedOrigin = (c: Context, origin: string) =>
    origin === ownOrigin(c) || allowedOrigins.some((pattern) => originMatches(origin, pattern));
  const clientIp = (c: Context<Env>) =>
    (trustProxy && c.req.header('X-Forwarded-For')?.split(',')[0]?.trim()) ||
    c.env?.incoming?.socket.remoteAddress ||
    'unknown';

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });

  app.onError((error, c) => {
    console.error(error);
    return send(c, errorOutcome('server-error'));
  });
  app.notFound((c) => c.json({ status: 'error', code: 'not-found' }, 404));

  registerAgendaIcs(app, options);

  app.get('/feed.json', async (c) => {
    const { document } = await feed.load();
    const body = JSON.stringify(withEndpoints(document, ownOrigin(c)));
    const etag = etagOf(body);
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=60, stale-while-revalidate=600');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', 'ETag');
    c.header('Vary', 'Accept-Encoding');
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  // CORS for the registration API: answer only allowed origins, so browsers elsewhere never send the POST.
  app.use('/api/events/:id/registrations', async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && isAllowedOrigin(c, origin);
    if (c.req.method === 'OPTIONS') {
      if (!allowed) return c.body(null, 403);
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', `${IDEMPOTENCY_HEADER}, Content-Type`);
      c.header('Access-Control-Max-Age', '600');
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    // A browser on another site sends its origin: refuse it here too, not only by withholding CORS headers.
    if (origin !== undefined && !allowed) return c.json({ status: 'error', code: 'origin-not-allowed' }, 403);
    if (origin !== undefined) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
    }
    c.header('Vary', 'Origin');
    await next();
  });

  app.post(
    '/api/events/:id/registrations',
    async (c, next) => {
      const retryAfter = limited(clientIp(c), now().getTime());
      return retryAfter === undefined ? next() : send(c, errorOutcome('rate-limited', { retryAfter }));
    },
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => send(c, errorOutcome('too-large')) }),
    async (c) => {
      const key = c.req.header(IDEMPOTENCY_HEADER);
      const isJson = /^application\/json\b/i.test(c.req.header('Content-Type') ?? '');
      if (!isIdempotencyKey(key) || !isJson) return send(c, errorOutcome('bad-request'));
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return send(c, errorOutcome('bad-request'));
      }
      if (!body || typeof body !== 'object' || Array.isArray(body))
        return send(c, errorOutcome('bad-request'));
      const { feed: current } = await feed.load();
      return send(
        c,
        register({
          db,
          feed: current,
          eventId: c.req.param('id'),
          idempotencyKey: key,
          body: body as Record<string, unknown>,
          now: now(),
        }),
      );
    },
  );

  app.get('/api/events/:id/registrations.csv', (c) => {
    if (!staffToken) return c.json({ status: 'error', code: 'not-found' }, 404);
    const token = /^Bearer (.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ status: 'error', code: 'unauthorized' }, 401);
    }
    if (!sameSecret(token, staffToken)) return c.json({ status: 'error', code: 'forbidden' }, 403);
    const eventId = c.req.param('id');
    c.header(
      'Content-Disposition',
      `attachment; filename="registrations-${eventId.replace(/[^a-z0-9-]/g, '')}.csv"`,
    );
    c.header('Cache-Control', 'no-store');
    return c.body(registrationsCsv(listRegistrations(db, eventId)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });

  if (options.staticRoots) {
    const { demo, cdn } = options.staticRoots;
    app.use('/cdn/*', serveStatic({ root: cdn, rewriteRequestPath: (path) => path.replace(/^\/cdn/, '') }));
    app.use('/*', serveStatic({ root: demo }));
  }
  return app;
}
