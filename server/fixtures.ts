/**
 * Test fixtures for the server: a small domain-model feed built in code, a valid request body, and fresh stores.
 * With `DATABASE_URL=postgres://…` every store is a PostgreSQL schema of its own in that database, else SQLite:
 * the same tests run against both engines.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AgendaEvent, Feed, Member } from '../src/feed/model.js';
import type { RegistrationRequest } from '../src/registration/contract.js';
import { createApp, type AppOptions } from './app.js';
import { openStore, type StoreOptions } from './storage.js';

/** The fixed clock of the tests. */
export const NOW = new Date('2026-03-10T10:00:00Z');

export function testEvent(id: string, overrides: Partial<AgendaEvent> = {}): AgendaEvent {
  const start = new Date('2026-04-02T07:00:00Z');
  const end = new Date('2026-04-02T09:00:00Z');
  return {
    id,
    name: `Événement ${id}`,
    timeZone: 'Europe/Paris',
    start,
    end,
    allDay: false,
    sessions: [{ start, end, allDay: false }],
    status: 'scheduled',
    previousStartDates: [],
    attendanceMode: 'offline',
    locations: [],
    organizers: [],
    partners: [],
    audiences: [],
    membersOnly: false,
    inLanguage: 'fr',
    categories: [],
    // As this server publishes it: inline events carry its endpoint (see `withEndpoints`).
    registration: {
      required: true,
      mode: 'inline',
      endpoint: `/api/events/${id}/registrations`,
      questions: [],
    },
    searchText: id,
    ...overrides,
  };
}

export const members: Member[] = [
  { id: 'atelier-cretois', name: 'Atelier Crétois', status: 'active', domains: [] },
  { id: 'vieille-maison', name: 'Vieille Maison', status: 'lapsed', domains: [] },
];

export function testFeed(): Feed {
  return {
    version: 1,
    members,
    issues: [],
    events: [
      testEvent('petit-dej'),
      testEvent('small', { maximumAttendeeCapacity: 3 }),
      testEvent('annule', { status: 'cancelled' }),
      testEvent('fenetre', {
        offer: {
          priceCurrency: 'EUR',
          validFrom: new Date('2026-03-01T00:00:00Z'),
          validThrough: new Date('2026-03-05T00:00:00Z'),
        },
      }),
      testEvent('externe', {
        registration: { required: true, mode: 'external', url: 'https://example.org', questions: [] },
      }),
      testEvent('adherents', { membersOnly: true }),
      testEvent('questions', {
        registration: {
          required: true,
          mode: 'inline',
          endpoint: '/api/events/questions/registrations',
          questions: [
            {
              id: 'repas',
              label: 'Repas',
              type: 'choice',
              options: ['standard', 'végétarien'],
              required: true,
            },
            { id: 'parking', label: 'Parking', type: 'checkbox', options: [], required: false },
          ],
        },
      }),
      testEvent('ancien', {
        start: new Date('2024-01-10T08:00:00Z'),
        end: new Date('2024-01-10T10:00:00Z'),
      }),
    ],
  };
}

/** A request a person could have sent for `eventId`. */
export function validBody(
  eventId: string,
  overrides: Partial<RegistrationRequest> = {},
): RegistrationRequest {
  return {
    eventId,
    firstName: 'Camille',
    lastName: 'Durand',
    email: `camille.${randomUUID().slice(0, 8)}@example.org`,
    organisation: 'Atelier Crétois',
    jobTitle: 'Dirigeante',
    answers: {},
    consent: true,
    newsletter: false,
    website: '',
    elapsedMs: 42_000,
    ...overrides,
  };
}

/** The engine the tests run against: `postgres` when `DATABASE_URL` names one. */
export const TEST_ENGINE = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '') ? 'postgres' : 'sqlite';

/**
 * Where a fresh, empty database is: a new schema in `DATABASE_URL`'s PostgreSQL database (its URL sets the
 * search_path), or a SQLite file in a new temporary folder (`memory: true` for `:memory:`).
 */
export async function testDatabase({ memory = false } = {}): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (TEST_ENGINE === 'sqlite' || !url) {
    return memory ? ':memory:' : join(mkdtempSync(join(tmpdir(), 'ra-db-')), 'registrations.sqlite');
  }
  const schema = `test_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const located = new URL(url);
  located.searchParams.set('options', `-c search_path=${schema}`);
  return located.href;
}

/** A fresh, migrated store on `testDatabase()`. */
export async function testStore(options: StoreOptions = {}) {
  return openStore(await testDatabase({ memory: true }), options);
}

/** An app over a fresh store, the test feed and the fixed clock. */
export async function testApp(overrides: Partial<AppOptions> = {}) {
  const store = overrides.store ?? (await testStore());
  const feed = testFeed();
  const app = createApp({
    store,
    feed: { load: async () => ({ document: { version: 1, events: [] }, feed }) },
    allowedOrigins: ['https://partenaire.example'],
    rateLimit: { windowMs: 60_000, max: 1000 },
    staffToken: 'staff-secret',
    now: () => NOW,
    ...overrides,
  });
  return { app, store, feed };
}

export function post(
  app: ReturnType<typeof createApp>,
  eventId: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(`http://localhost:8787/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
