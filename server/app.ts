/**
 * The reference server as a Hono app: the feed, the registration API, the staff CSV export and (optionally) the
 * demo and the CDN bundle. `main.ts` serves it; tests call `app.request()` or serve it on port 0.
 *
 * Other routes live in their own modules and are registered here by one line each.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Feed } from '../src/feed/model.js';
import { IDEMPOTENCY_HEADER, MAX_BODY_BYTES, isIdempotencyKey } from '../src/registration/contract.js';
import { registerAgendaIcs } from './agenda-ics.js';
import { cdnServing } from './cdn-serving.js';
import { registrationsCsv } from './csv.js';
import { withEndpoints } from './feed-source.js';
import { errorOutcome, register, tooDeepField, type Outcome } from './registrations.js';
import type { RegistrationStore } from './storage.js';
import { UnavailableError } from './unavailable.js';
import { memberPages } from './member-page.js';

/** Where the feed comes from: the document as published, and the same document parsed into the domain model. */
export interface FeedSource {
  /** @throws UnavailableError when the feed cannot be read now (the app answers 503). */
  load(): Promise<{ document: unknown; feed: Feed }>;
}

export interface AppOptions {
  store: RegistrationStore;
  feed: FeedSource;
  /**
   * Origins allowed to post registrations (browser CORS). `http://localhost:*` allows any port. The server's own
   * origin is always allowed.
   */
  allowedOrigins: string[];
  /**
   * Per client IP: at most `max` registration attempts per fixed `windowMs`. The counts live in the database, so
   * every instance sharing it enforces one limit.
   */
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

type Env = { Bindings: { incoming?: IncomingMessage } };

const REGISTRATIONS = '/api/events/:id/registrations';

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

/**
 * Fixed windows aligned on multiples of `windowMs`, counted in the store: instances sharing a database share the
 * counts. Finished windows are forgotten once per window and process.
 */
function sharedLimiter(store: RegistrationStore, { windowMs, max }: AppOptions['rateLimit']) {
  let swept = -1;
  return async (client: string, now: number): Promise<number | undefined> => {
    const windowStart = now - (now % windowMs);
    if (windowStart !== swept) {
      swept = windowStart;
      await store.deleteRateWindowsBefore(windowStart);
    }
    const hits = await store.hit(client, windowStart);
    return hits > max ? Math.ceil((windowStart + windowMs - now) / 1000) : undefined;
  };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function createApp(options: AppOptions): Hono<Env> {
  const { store, feed, allowedOrigins, staffToken, trustProxy } = options;
  const now = options.now ?? (() => new Date());
  const limited = sharedLimiter(store, options.rateLimit);
  const app = new Hono<Env>();

  const ownOrigin = (c: Context) => options.publicOrigin ?? new URL(c.req.url).origin;
  const isAllowedOrigin = (c: Context, origin: string) =>
    origin === ownOrigin(c) || allowedOrigins.some((pattern) => originMatches(origin, pattern));
  const clientIp = (c: Context<Env>) =>
    (trustProxy && c.req.header('X-Forwarded-For')?.split(',')[0]?.trim()) ||
    c.env?.incoming?.socket.remoteAddress ||
    'unknown';

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      // Partners' pages load the feed and the CDN bundle from another origin, classic scripts included.
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  app.use('*', cdnServing({ cdnPrefix: '/cdn/', feedPaths: ['/feed.json'] }));

  app.onError((error, c) => {
    if (error instanceof UnavailableError) {
      console.error(error.message);
      return send(c, errorOutcome('unavailable', { retryAfter: error.retryAfter }));
    }
    console.error(error);
    return send(c, errorOutcome('server-error'));
  });
  app.notFound((c) => c.json({ status: 'error', code: 'not-found' }, 404));

  registerAgendaIcs(app, options);

  // cdnServing gives the feed its ETag and `no-cache`: readers revalidate it cheaply.
  app.get('/feed.json', cors({ origin: '*', exposeHeaders: ['ETag'] }), async (c) => {
    const { document } = await feed.load();
    c.header('Vary', 'Accept-Encoding');
    return c.json(withEndpoints(document, ownOrigin(c)));
  });

  app.route('/membres', memberPages(feed));

  // CORS for the registration API: only allowed origins get the headers, so browsers elsewhere never send the POST.
  app.use(
    REGISTRATIONS,
    cors({
      origin: (origin, c) => (isAllowedOrigin(c, origin) ? origin : null),
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: [IDEMPOTENCY_HEADER, 'Content-Type'],
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );

  app.post(
    REGISTRATIONS,
    async (c, next) => {
      // A browser on another site sends its origin: refuse it here too, not only by withholding CORS headers.
      const origin = c.req.header('Origin');
      if (origin !== undefined && !isAllowedOrigin(c, origin))
        return c.json({ status: 'error', code: 'origin-not-allowed' }, 403);
      const retryAfter = await limited(clientIp(c), now().getTime());
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
      const deep = tooDeepField(body as Record<string, unknown>);
      if (deep !== undefined) return send(c, errorOutcome('invalid', { fieldErrors: { [deep]: 'invalid' } }));
      const { feed: current } = await feed.load();
      return send(
        c,
        await register({
          store,
          feed: current,
          eventId: c.req.param('id'),
          idempotencyKey: key,
          body: body as Record<string, unknown>,
          now: now(),
        }),
      );
    },
  );

  app.get('/api/events/:id/registrations.csv', async (c) => {
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
    return c.body(registrationsCsv(await store.list(eventId)), 200, {
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
