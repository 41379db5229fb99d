/**
 * Registrations in SQLite (better-sqlite3): the schema, created on first open, and the only SQL of the server.
 * Everything here is synchronous, so one `transaction()` is one atomic step even under concurrent requests.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export const DEFAULT_DB_PATH = 'server/data/registrations.sqlite';

const SCHEMA = `
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

/** Opens (creating the folder, the file and the schema when needed) a database; `:memory:` works too. */
export function openDatabase(path: string = process.env.RA_DB ?? DEFAULT_DB_PATH): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // Other processes (the CLI, a second server) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

export interface RegistrationRow {
  id: string;
  event_id: string;
  email: string;
  first_name: string;
  last_name: string;
  organisation: string;
  job_title: string;
  phone: string | null;
  member_organisation: string | null;
  /** JSON object: question id → answer. */
  answers: string;
  newsletter: 0 | 1;
  status: 'confirmed' | 'waitlisted';
  /** Place on the waiting list when the person registered (null when confirmed). */
  position: number | null;
  /** ISO 8601, UTC. */
  created_at: string;
}

export interface StoredResponse {
  request_hash: string;
  status_code: number;
  body: string;
}

export function findIdempotencyKey(db: Db, key: string): StoredResponse | undefined {
  return db.prepare('SELECT request_hash, status_code, body FROM idempotency_keys WHERE key = ?').get(key) as
    StoredResponse | undefined;
}

export function saveIdempotencyKey(
  db: Db,
  key: string,
  response: StoredResponse & { registration_id: string; created_at: string },
): void {
  db.prepare(
    `INSERT INTO idempotency_keys (key, request_hash, status_code, body, registration_id, created_at)
     VALUES (@key, @request_hash, @status_code, @body, @registration_id, @created_at)`,
  ).run({ key, ...response });
}

export function hasRegistration(db: Db, eventId: string, email: string): boolean {
  return (
    db.prepare('SELECT 1 FROM registrations WHERE event_id = ? AND email = ?').get(eventId, email) !==
    undefined
  );
}

export function countByStatus(db: Db, eventId: string, status: RegistrationRow['status']): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM registrations WHERE event_id = ? AND status = ?')
    .get(eventId, status);
  return (row as { n: number }).n;
}

export function insertRegistration(db: Db, row: RegistrationRow): void {
  db.prepare(
    `INSERT INTO registrations (id, event_id, email, first_name, last_name, organisation, job_title, phone,
       member_organisation, answers, newsletter, status, position, created_at)
     VALUES (@id, @event_id, @email, @first_name, @last_name, @organisation, @job_title, @phone,
       @member_organisation, @answers, @newsletter, @status, @position, @created_at)`,
  ).run(row);
}

/** An event's registrations: confirmed first, then the waiting list, each in order of arrival. */
export function listRegistrations(db: Db, eventId: string): RegistrationRow[] {
  return db
    .prepare(
      `SELECT * FROM registrations WHERE event_id = ?
       ORDER BY status = 'waitlisted', created_at, rowid`,
    )
    .all(eventId) as RegistrationRow[];
}

/** Each event that has registrations, with the date of its newest one. */
export function registeredEvents(db: Db): { event_id: string; newest: string }[] {
  return db
    .prepare('SELECT event_id, max(created_at) AS newest FROM registrations GROUP BY event_id')
    .all() as { event_id: string; newest: string }[];
}

/** Deletes rows and the idempotency keys that point at them (their replayed bodies would outlive the person). */
function deleteWhere(db: Db, where: string, ...params: unknown[]): number {
  return db.transaction(() => {
    db.prepare(
      `DELETE FROM idempotency_keys WHERE registration_id IN (SELECT id FROM registrations WHERE ${where})`,
    ).run(...params);
    return db.prepare(`DELETE FROM registrations WHERE ${where}`).run(...params).changes;
  })();
}

export function deleteByEmail(db: Db, email: string): number {
  return deleteWhere(db, 'email = ?', email);
}

export function deleteByEvent(db: Db, eventId: string): number {
  return deleteWhere(db, 'event_id = ?', eventId);
}

export function deleteByEventCreatedBefore(db: Db, eventId: string, before: string): number {
  return deleteWhere(db, 'event_id = ? AND created_at < ?', eventId, before);
}

/** Idempotency keys only matter while a client may retry; old ones are dropped with the purge. */
export function deleteIdempotencyKeysBefore(db: Db, before: string): number {
  return db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(before).changes;
}
