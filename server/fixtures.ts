/** Test fixtures for the server: a small domain-model feed built in code, and a valid request body. */
import { randomUUID } from 'node:crypto';
import type { AgendaEvent, Feed, Member } from '../src/feed/model.js';
import type { RegistrationRequest } from '../src/registration/contract.js';
import { createApp, type AppOptions } from './app.js';
import { openDatabase } from './storage.js';

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

/** An app over an in-memory database, the test feed and the fixed clock. */
export function testApp(overrides: Partial<AppOptions> = {}) {
  const db = openDatabase(':memory:');
  const feed = testFeed();
  const app = createApp({
    db,
    feed: { load: async () => ({ document: { version: 1, events: [] }, feed }) },
    allowedOrigins: ['https://partenaire.example'],
    rateLimit: { windowMs: 60_000, max: 1000 },
    staffToken: 'staff-secret',
    now: () => NOW,
    ...overrides,
  });
  return { app, db, feed };
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
