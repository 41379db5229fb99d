import { serve } from '@hono/node-server';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { fileFeedSource } from './feed-source.js';
import { NOW, post, testApp, testStore, validBody } from './fixtures.js';

const FEED_PATH = fileURLToPath(new URL('./test-feed.json', import.meta.url));

async function feedApp() {
  return createApp({
    store: await testStore(),
    feed: fileFeedSource(FEED_PATH),
    allowedOrigins: [],
    rateLimit: { windowMs: 60_000, max: 100 },
    now: () => NOW,
  });
}

describe('GET /feed.json', () => {
  it('fills in this server’s endpoint for inline events published without one', async () => {
    const res = await (await feedApp()).request('http://localhost:8787/feed.json');
    const feed = await res.json();
    assert.deepEqual(
      feed.events.map((e: { registration: { endpoint?: string } }) => e.registration.endpoint),
      [
        'http://localhost:8787/api/events/atelier-inline/registrations',
        'https://cms.example/api/events/atelier-cms/registrations',
        undefined,
      ],
    );
  });

  it('registers against the file feed, including events published without an endpoint', async () => {
    const app = await feedApp();
    const res = await post(app, 'atelier-inline', validBody('atelier-inline'));
    assert.equal(res.status, 201);
  });

  it('sends an ETag, caching rules and CORS for every origin', async () => {
    const res = await (await feedApp()).request('http://localhost:8787/feed.json');
    assert.match(res.headers.get('ETag') ?? '', /^"[\w-]+"$/);
    // Revalidated on every use: a changed feed shows at once, an unchanged one costs a 304.
    assert.equal(res.headers.get('Cache-Control'), 'no-cache');
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const app = await feedApp();
    const etag = (await app.request('http://localhost:8787/feed.json')).headers.get('ETag')!;
    const res = await app.request('http://localhost:8787/feed.json', {
      headers: { 'If-None-Match': `W/${etag}` },
    });
    assert.equal(res.status, 304);
    assert.equal(await res.text(), '');
  });

  it('lets partners’ pages load it from another origin (Cross-Origin-Resource-Policy)', async () => {
    const res = await (await feedApp()).request('http://localhost:8787/feed.json');
    assert.deepEqual(
      [res.headers.get('Cross-Origin-Resource-Policy'), res.headers.get('X-Content-Type-Options')],
      ['cross-origin', 'nosniff'],
    );
  });

  it('sends the strict Content-Security-Policy', async () => {
    const res = await (await feedApp()).request('http://localhost:8787/feed.json');
    assert.match(res.headers.get('Content-Security-Policy') ?? '', /script-src 'self'; style-src 'self';/);
  });
});

describe('GET /api/events/:id/registrations.csv', () => {
  const csv = (app: Awaited<ReturnType<typeof testApp>>['app'], authorization?: string) =>
    app.request('http://localhost:8787/api/events/petit-dej/registrations.csv', {
      headers: authorization ? { Authorization: authorization } : {},
    });

  it('asks for a token: 401', async () => {
    const { app } = await testApp();
    const res = await csv(app);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('WWW-Authenticate'), 'Bearer');
  });

  it('refuses a wrong token: 403', async () => {
    const { app } = await testApp();
    assert.equal((await csv(app, 'Bearer nope')).status, 403);
  });

  it('is off when no staff token is configured', async () => {
    const { app } = await testApp({ staffToken: undefined });
    assert.equal((await csv(app, 'Bearer staff-secret')).status, 404);
  });

  it('exports the registrations with quoting and defused formulas', async () => {
    const { app } = await testApp();
    await post(
      app,
      'petit-dej',
      validBody('petit-dej', {
        email: 'eve@example.org',
        firstName: '=HYPERLINK("http://evil.example")',
        organisation: 'Durand, fils & "associés"',
        phone: '+33 6 12 34 56 78',
      }),
    );
    const res = await csv(app, 'Bearer staff-secret');
    assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    const [header, row] = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    assert.match(header!, /^registration_id,status,waitlist_position,created_at,first_name,/);
    assert.ok(row!.includes(`,"'=HYPERLINK(""http://evil.example"")",Durand,eve@example.org,`));
    assert.ok(row!.includes(`,"Durand, fils & ""associés""",`));
    assert.ok(row!.includes(`,'+33 6 12 34 56 78,`));
  });
});

describe('concurrent registrations over HTTP', () => {
  it('confirms 3 and waitlists 7 of 10 simultaneous requests for 3 places', async () => {
    const { app, store } = await testApp();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`http://127.0.0.1:${port}/api/events/small/registrations`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
            body: JSON.stringify(validBody('small')),
          }).then(async (res) => [res.status, (await res.json()).status]),
        ),
      );
      const count = (status: number) => answers.filter(([s]) => s === status).length;
      assert.deepEqual([count(201), count(202)], [3, 7]);
      const rows = await store.list('small');
      assert.deepEqual(
        rows.map((r) => r.position),
        [null, null, null, 1, 2, 3, 4, 5, 6, 7],
      );
    } finally {
      server.close();
    }
  });
});
