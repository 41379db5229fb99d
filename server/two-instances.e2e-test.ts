/**
 * Two server processes (`server/main.ts`, as `npm start` runs it) on two ports share one database — PostgreSQL
 * when `DATABASE_URL` names one, else one SQLite file — and take concurrent registrations split between them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../test/e2e/server.js';
import { NOW, TEST_ENGINE, testDatabase, validBody } from './fixtures.js';
import { openStore, type RegistrationStore } from './storage.js';

const CAPACITY = 5;
const PORTS = ['9310', '9311'];

const feedPath = join(mkdtempSync(join(tmpdir(), 'ra-two-')), 'feed.json');
writeFileSync(
  feedPath,
  JSON.stringify({
    version: 1,
    events: [
      {
        id: 'forum',
        name: 'Forum mondial',
        startDate: '2026-04-02T09:00:00+02:00',
        maximumAttendeeCapacity: CAPACITY,
        registration: { mode: 'inline' },
      },
    ],
  }),
);

interface Answer {
  status: number;
  body: { status: string; registrationId?: string; code?: string; position?: number };
  replayed: boolean;
}

let servers: RunningServer[] = [];
let store: RegistrationStore;

async function send(server: RunningServer, key: string, body: object): Promise<Answer> {
  const res = await fetch(`${server.origin}/api/events/forum/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: await res.json(),
    replayed: res.headers.get('Idempotent-Replayed') === 'true',
  };
}

before(async () => {
  const database = await testDatabase();
  const env = {
    RA_FEED: feedPath,
    RA_NOW: NOW.toISOString(),
    RA_RATE_LIMIT_MAX: '100000',
    ...(TEST_ENGINE === 'postgres' ? { DATABASE_URL: database } : { DATABASE_URL: '', RA_DB: database }),
  };
  // Settled, not just awaited: an instance that fails to start must not leave the other running past `after`.
  const started = await Promise.allSettled(PORTS.map((PORT) => startServer({ ...env, PORT })));
  servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  store = await openStore(database);
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await store?.close();
});

describe(`two instances, one ${TEST_ENGINE} database`, () => {
  // 30 people once each, 10 keys sent to both instances at once, 10 e-mails sent to both under different keys.
  const people = Array.from({ length: 30 }, () => ({ key: randomUUID(), body: validBody('forum') }));
  const replays = Array.from({ length: 10 }, () => ({ key: randomUUID(), body: validBody('forum') }));
  const sameEmail = Array.from({ length: 10 }, () => validBody('forum'));
  let answers: { people: Answer[]; replays: [Answer, Answer][]; sameEmail: [Answer, Answer][] };

  before(async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const [p, r, e] = await Promise.all([
      Promise.all(people.map(({ key, body }, i) => send(i % 2 ? a : b, key, body))),
      Promise.all(replays.map(({ key, body }) => Promise.all([send(a, key, body), send(b, key, body)]))),
      Promise.all(
        sameEmail.map((body) => Promise.all([send(a, randomUUID(), body), send(b, randomUUID(), body)])),
      ),
    ]);
    answers = { people: p, replays: r, sameEmail: e };
  });

  const all = () => [...answers.people, ...answers.replays.flat(), ...answers.sameEmail.flat()];

  it('answers every request with 201, 202 or 409, never an error of its own', () => {
    assert.deepEqual(
      [...new Set(all().map((a) => a.status))].filter((s) => ![201, 202, 409].includes(s)),
      [],
    );
  });

  it('confirms exactly the capacity and waitlists the rest, in one unbroken queue', async () => {
    const rows = await store.list('forum');
    const waiting = rows.filter((r) => r.status === 'waitlisted').map((r) => r.position);
    assert.deepEqual(
      [rows.filter((r) => r.status === 'confirmed').length, waiting.sort((x, y) => x! - y!)],
      [CAPACITY, Array.from({ length: rows.length - CAPACITY }, (_, i) => i + 1)],
    );
  });

  it('stores every accepted registration once, and nothing else', async () => {
    const accepted = all()
      .filter((a) => a.status === 201 || a.status === 202)
      .map((a) => a.body.registrationId!);
    const stored = (await store.list('forum')).map((r) => r.id);
    assert.deepEqual([...new Set(accepted)].sort(), [...stored].sort());
    assert.equal(stored.length, people.length + replays.length + sameEmail.length);
  });

  it('answers a key sent to both instances at once with one result, replayed by the second', () => {
    for (const [first, second] of answers.replays) {
      assert.deepEqual([second.status, second.body], [first.status, first.body]);
      assert.equal(Number(first.replayed) + Number(second.replayed), 1);
    }
  });

  it('registers an e-mail sent to both instances once and answers the other 409 already-registered', () => {
    for (const pair of answers.sameEmail) {
      assert.deepEqual(pair.map((a) => a.body.code ?? 'accepted').sort(), ['accepted', 'already-registered']);
    }
  });

  it('replays every accepted key later on either instance with the original result', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    for (const [i, { key, body }] of people.entries()) {
      const later = await send(i % 2 ? b : a, key, body);
      assert.deepEqual(
        [later.status, later.body, later.replayed],
        [answers.people[i]!.status, answers.people[i]!.body, true],
      );
    }
  });
});
