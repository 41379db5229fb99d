import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TEST_ENGINE, testDatabase } from './fixtures.js';
import { openStore, type RegistrationRow, type RegistrationStore } from './storage.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ra-cli-'));
let database = '';
const feedPath = join(dir, 'feed.json');
after(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  feedPath,
  JSON.stringify({
    version: 1,
    events: [
      {
        id: 'passe',
        name: 'Passé',
        startDate: '2019-05-02T09:00:00+02:00',
        registration: { mode: 'inline' },
      },
      {
        id: 'futur',
        name: 'Futur',
        startDate: '2099-05-02T09:00:00+02:00',
        registration: { mode: 'inline' },
      },
    ],
  }),
);

function row(
  id: string,
  eventId: string,
  email: string,
  createdAt = new Date().toISOString(),
): Omit<RegistrationRow, 'status' | 'position'> {
  return {
    id,
    event_id: eventId,
    email,
    email_key: email,
    first_name: 'Camille',
    last_name: id === 'r1' ? '@SUM(A1:A9)' : 'Durand',
    organisation: 'Atelier Crétois',
    job_title: 'Dirigeante',
    phone: null,
    member_organisation: null,
    answers: '{}',
    newsletter: 0,
    created_at: createdAt,
  };
}

/** Stores a registration as the server would (confirmed). */
function seed(store: RegistrationStore, fields: Omit<RegistrationRow, 'status' | 'position'>) {
  return store.admit({
    idempotencyKey: randomUUID(),
    requestHash: 'seed',
    row: fields,
    place: () => ({ status: 'confirmed', position: null }),
    respond: () => ({ status_code: 201, body: '{}' }),
  });
}

function cli(...args: string[]) {
  const target =
    TEST_ENGINE === 'postgres' ? { DATABASE_URL: database } : { DATABASE_URL: '', RA_DB: database };
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, ...target, RA_FEED: feedPath },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(async () => {
  database = await testDatabase();
  const store = await openStore(database);
  await seed(store, row('r1', 'futur', 'camille@example.org'));
  await seed(store, row('r2', 'passe', 'camille@example.org'));
  await seed(store, row('r3', 'futur', 'sam@example.org'));
  await seed(store, row('r4', 'disparu', 'old@example.org', '2001-01-01T00:00:00.000Z'));
  await seed(store, row('r5', 'disparu', 'new@example.org'));
  await store.close();
});

const remaining = async () => {
  const store = await openStore(database);
  const ids: string[] = [];
  for (const event of ['futur', 'passe', 'disparu']) ids.push(...(await store.list(event)).map((r) => r.id));
  await store.close();
  return ids.sort();
};

describe('npm run registrations', () => {
  it('lists an event’s registrations', () => {
    const { status, stdout } = cli('list', 'futur');
    assert.equal(status, 0);
    assert.match(stdout, /sam@example\.org/);
    assert.match(stdout, /2 registration\(s\): 2 confirmed, 0 waitlisted\./);
  });

  it('exports an event as CSV to a file', () => {
    const out = join(dir, 'futur.csv');
    assert.equal(cli('export', 'futur', '--out', out).status, 0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.ok(lines[1]!.startsWith('r1,confirmed,,'));
    assert.ok(lines[1]!.includes(",Camille,'@SUM(A1:A9),camille@example.org,"));
  });

  it('exports to standard output without --out', () => {
    assert.match(cli('export', 'futur').stdout, /^\uFEFFregistration_id,/);
  });

  it('erases one person’s registrations, whatever the case of the e-mail', async () => {
    const { status, stdout } = cli('erase', '--email', 'Camille@Example.org');
    assert.equal(status, 0);
    assert.match(stdout, /Erased 2 registration\(s\)/);
    assert.deepEqual(await remaining(), ['r3', 'r4', 'r5']);
  });

  it('purges ended events and old registrations of unknown events', async () => {
    const { status, stdout } = cli('purge', '--retention-days', '30');
    assert.equal(status, 0);
    assert.match(stdout, /Purged 2 registration\(s\)/);
    assert.deepEqual(await remaining(), ['r1', 'r3', 'r5']);
  });

  it('keeps everything within a long retention', async () => {
    cli('purge', '--retention-days', '36500');
    assert.deepEqual(await remaining(), ['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('reports an up-to-date schema on migrate', () => {
    const { status, stdout } = cli('migrate');
    assert.equal(status, 0);
    assert.match(stdout, new RegExp(`The ${TEST_ENGINE} schema is up to date \\(version \\d+\\)\\.`));
  });

  it('exits 1 on an unknown event id and says so, writing no file', () => {
    const out = join(dir, 'inconnu.csv');
    const { status, stderr } = cli('export', 'inconnu', '--out', out);
    assert.equal(status, 1);
    assert.match(stderr, /Unknown event "inconnu".*Events in .*feed\.json: passe, futur\./);
    assert.throws(() => readFileSync(out));
  });

  it('still exports the registrations of an event removed from the feed', () => {
    const { status, stdout } = cli('export', 'disparu');
    assert.equal(status, 0);
    assert.match(stdout, /new@example\.org/);
  });

  it('exits 2 with the usage on an unknown command', () => {
    const { status, stderr } = cli('frobnicate');
    assert.equal(status, 2);
    assert.match(stderr, /Usage: npm run registrations/);
  });
});
