import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { startServer } from '../test/e2e/server.js';
import { createApp } from './app.js';
import { fileFeedSource } from './feed-source.js';
import { NOW, TEST_ENGINE, post, testApp, testDatabase, testStore, validBody } from './fixtures.js';
import { toUnavailable } from './storage-postgres.js';
import type { SqliteStore } from './storage-sqlite.js';
import { openStore } from './storage.js';

/** Another connection takes the registrations' write lock (as a long staff script would) until `release()`. */
async function holdWriteLock(location: string): Promise<() => Promise<void>> {
  if (TEST_ENGINE === 'postgres') {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE registrations IN EXCLUSIVE MODE');
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  }
  const db = new Database(location);
  db.exec('BEGIN IMMEDIATE');
  return async () => {
    db.exec('ROLLBACK');
    db.close();
  };
}

/** An app whose store gives up after 50 ms of waiting for a lock, on a database another connection can open. */
async function lockableApp() {
  const location = await testDatabase();
  return { location, ...(await testApp({ store: await openStore(location, { lockTimeoutMs: 50 }) })) };
}

describe('database busy or locked', () => {
  it('answers 503 unavailable with Retry-After and stores nothing while another connection holds the lock', async () => {
    const { app, store, location } = await lockableApp();
    const release = await holdWriteLock(location);
    try {
      const res = await post(app, 'petit-dej', validBody('petit-dej'));
      assert.deepEqual(
        [res.status, res.headers.get('Retry-After'), (await res.json()).code],
        [503, '5', 'unavailable'],
      );
    } finally {
      await release();
    }
    assert.equal((await store.list('petit-dej')).length, 0);
  });

  it('accepts the same request, same key, once the lock is released', async () => {
    const { app, store, location } = await lockableApp();
    const key = randomUUID();
    const body = validBody('petit-dej');
    const release = await holdWriteLock(location);
    await post(app, 'petit-dej', body, { 'Idempotency-Key': key });
    await release();
    const res = await post(app, 'petit-dej', body, { 'Idempotency-Key': key });
    assert.equal(res.status, 201);
    assert.equal((await store.list('petit-dej')).length, 1);
  });
});

describe('several instances starting at once', () => {
  /** Opens the store at `path` in a new process, at the instant `at`; resolves to what the process printed. */
  function openInAnotherProcess(path: string, at: number): Promise<string> {
    const store = JSON.stringify(new URL('./storage-sqlite.ts', import.meta.url).href);
    const script = `import { SqliteStore } from ${store};
      while (Date.now() < ${at});
      try { new SqliteStore(${JSON.stringify(path)}); console.log('opened'); }
      catch (error) { console.log(error.code ?? error.message); }`;
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script]);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      child.on('close', () => resolve(output.trim()));
    });
  }

  // Both switch the new file to WAL: SQLite answered one of them SQLITE_BUSY at once, in about a third of the
  // tries here, and that instance did not start. Eight pairs, each on a new file.
  it('opens a new SQLite file from two processes at the same moment', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ra-start-'));
    for (const round of [0, 1]) {
      const at = Date.now() + 2000;
      const opened = await Promise.all(
        [0, 1, 2, 3].flatMap((pair) => {
          const path = join(directory, `${round}-${pair}.sqlite`);
          return [openInAnotherProcess(path, at), openInAnotherProcess(path, at)];
        }),
      );
      assert.deepEqual(opened, Array(8).fill('opened'));
    }
  });
});

describe('disk full', () => {
  it('answers 503 with Retry-After when SQLite cannot grow the file, and every accepted registration is stored', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'ra-full-')), 'registrations.sqlite'));
    const { db } = store as SqliteStore;
    // The file may not grow past its present size: the first write that needs a new page gets SQLITE_FULL.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const { app } = await testApp({ store });
    let accepted = 0;
    let full: Response | undefined;
    for (let i = 0; i < 100 && !full; i += 1) {
      const res = await post(app, 'petit-dej', validBody('petit-dej', { jobTitle: 'x'.repeat(200) }));
      if (res.status === 201) accepted += 1;
      else full = res;
    }
    assert.deepEqual(
      [full?.status, full?.headers.get('Retry-After'), (await full?.json())?.code],
      [503, '5', 'unavailable'],
    );
    assert.equal((await store.list('petit-dej')).length, accepted);
  });

  it('counts PostgreSQL’s disk full, lock timeout and lost connection as "try later"', () => {
    const kinds = ['53100', '55P03', 'ECONNREFUSED'].map(
      (code) => toUnavailable(Object.assign(new Error(code), { code }))?.name,
    );
    assert.deepEqual(kinds, ['UnavailableError', 'UnavailableError', 'UnavailableError']);
  });

  it('does not count a constraint violation as "try later"', () => {
    assert.equal(toUnavailable(Object.assign(new Error('duplicate'), { code: '23505' })), undefined);
  });
});

const FEED = {
  version: 1,
  events: [
    {
      id: 'atelier',
      name: 'Atelier',
      startDate: '2026-04-02T09:00:00+02:00',
      registration: { mode: 'inline' },
    },
    { id: 'forum', name: 'Forum', startDate: '2026-04-03T09:00:00+02:00', registration: { mode: 'inline' } },
  ],
};

async function fileFeedApp(feedText?: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'ra-feed-')), 'feed.json');
  if (feedText !== undefined) writeFileSync(path, feedText);
  const store = await testStore();
  const app = createApp({
    store,
    feed: fileFeedSource(path),
    allowedOrigins: [],
    rateLimit: { windowMs: 60_000, max: 100 },
    now: () => NOW,
  });
  return { app, store, path };
}

describe('the feed file', () => {
  it('answers 503 with Retry-After while the feed is missing', async () => {
    const { app } = await fileFeedApp();
    const res = await post(app, 'atelier', validBody('atelier'));
    assert.deepEqual([res.status, res.headers.get('Retry-After')], [503, '10']);
  });

  it('answers 503 while the feed is broken JSON, and registers once it is fixed', async () => {
    const { app, path } = await fileFeedApp('{"version": 1, "events": [');
    const broken = await post(app, 'atelier', validBody('atelier'));
    writeFileSync(path, JSON.stringify(FEED));
    const fixed = await post(app, 'atelier', validBody('atelier'));
    assert.deepEqual([broken.status, fixed.status], [503, 201]);
  });

  it('answers 404 unknown-event for an event removed from the feed while people register', async () => {
    const { app, path } = await fileFeedApp(JSON.stringify(FEED));
    assert.equal((await post(app, 'forum', validBody('forum'))).status, 201);
    writeFileSync(path, JSON.stringify({ ...FEED, events: FEED.events.slice(0, 1) }));
    const res = await post(app, 'forum', validBody('forum'));
    assert.deepEqual([res.status, (await res.json()).code], [404, 'unknown-event']);
  });

  it('at start-up, missing: the server starts, says why in one line, and registers once the file appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-nofeed-'));
    const path = join(dir, 'feed.json');
    const database = await testDatabase();
    const server = await startServer({
      RA_FEED: path,
      PORT: '9312',
      ...(TEST_ENGINE === 'postgres' ? { DATABASE_URL: database } : { DATABASE_URL: '', RA_DB: database }),
      RA_NOW: NOW.toISOString(),
    });
    try {
      const send = (body = validBody('atelier')) =>
        fetch(`${server.origin}/api/events/atelier/registrations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify(body),
        });
      const before = await send();
      writeFileSync(path, JSON.stringify(FEED));
      const after = await send();
      assert.deepEqual(
        [
          server
            .stderr()
            .match(
              /^Feed .*feed\.json unreadable: missing; registrations answer 503 until it is readable\.$/m,
            )?.length,
          before.status,
          after.status,
        ],
        [1, 503, 201],
      );
    } finally {
      await server.stop();
    }
  });
});
