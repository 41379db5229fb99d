import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { post, testApp, testDatabase, validBody } from './fixtures.js';
import { MIGRATIONS } from './migrations.js';
import { REGISTRATION_COLUMNS, openStore } from './storage.js';

const LATEST = MIGRATIONS.at(-1)!.version;

/** The schema `openDatabase()` created before migrations existed (version 0), copied verbatim from that code. */
const VERSION_0_SCHEMA = `
CREATE TABLE IF NOT EXISTS registrations (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  email TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  job_title TEXT NOT NULL,
  phone TEXT,
  member_organisation TEXT,
  answers TEXT NOT NULL,
  newsletter INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted')),
  position INTEGER,
  created_at TEXT NOT NULL
);
-- One registration per person per event; e-mails are stored lower-cased.
CREATE UNIQUE INDEX IF NOT EXISTS registrations_event_email ON registrations (event_id, email);
CREATE INDEX IF NOT EXISTS registrations_email ON registrations (email);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  body TEXT NOT NULL,
  registration_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_keys_registration ON idempotency_keys (registration_id);
`;

/** A version-0 SQLite file with two confirmed registrations for the 3 places of `small`, as the old server wrote them. */
function version0Database(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ra-v0-')), 'registrations.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(VERSION_0_SCHEMA);
  const insert = db.prepare(
    `INSERT INTO registrations (id, event_id, email, first_name, last_name, organisation, job_title, phone,
       member_organisation, answers, newsletter, status, position, created_at)
     VALUES (?, 'small', ?, 'Camille', 'Durand', 'Atelier Crétois', 'Dirigeante', NULL, NULL, '{}', 0, 'confirmed',
       NULL, '2026-03-01T09:00:00.000Z')`,
  );
  insert.run('old-1', 'ancienne@example.org');
  insert.run('old-2', 'autre@example.org');
  db.close();
  return path;
}

describe('migrations', () => {
  it('upgrades a version-0 SQLite database in place, keeping its registrations', async () => {
    const store = await openStore(version0Database(), { migrate: false });
    assert.deepEqual(
      await store.migrate(),
      MIGRATIONS.map((m) => m.version),
    );
    assert.deepEqual(
      (await store.list('small')).map((r) => [r.id, r.email, r.email_key]),
      [
        ['old-1', 'ancienne@example.org', 'ancienne@example.org'],
        ['old-2', 'autre@example.org', 'autre@example.org'],
      ],
    );
    await store.close();
  });

  it('registers into an upgraded version-0 database, counting its old registrations', async () => {
    const { app, store } = await testApp({ store: await openStore(version0Database()) });
    const third = await post(app, 'small', validBody('small'));
    const fourth = await post(app, 'small', validBody('small'));
    assert.deepEqual([third.status, fourth.status, (await fourth.json()).position], [201, 202, 1]);
    assert.equal((await store.list('small')).length, 4);
  });

  it('refuses, after the upgrade, an e-mail registered before it', async () => {
    const { app } = await testApp({ store: await openStore(version0Database()) });
    const res = await post(app, 'small', validBody('small', { email: 'Ancienne@Example.org' }));
    assert.deepEqual([res.status, (await res.json()).code], [409, 'already-registered']);
  });

  it('does nothing on a database already up to date', async () => {
    const store = await openStore(await testDatabase());
    assert.deepEqual([await store.migrate(), await store.schemaVersion()], [[], LATEST]);
    await store.close();
  });

  it('runs each step once when two instances start together on one database', async () => {
    const location = await testDatabase();
    const [a, b] = await Promise.all([
      openStore(location, { migrate: false }),
      openStore(location, { migrate: false }),
    ]);
    const applied = await Promise.all([a.migrate(), b.migrate()]);
    assert.deepEqual(
      applied.flat().sort((x, y) => x - y),
      MIGRATIONS.map((m) => m.version),
    );
    await Promise.all([a.close(), b.close()]);
  });

  it('gives every stored fixed field of fields.ts its column', async () => {
    const { app, store } = await testApp();
    await post(app, 'petit-dej', validBody('petit-dej'));
    const [row] = await store.list('petit-dej');
    assert.deepEqual(Object.keys(row!).sort(), [...REGISTRATION_COLUMNS].sort());
  });
});
