/**
 * The registrations schema as one list of numbered steps, each written for both engines. A database records the
 * steps it has run in `schema_migrations`; opening a store (server start-up, every CLI command) runs the missing
 * ones in order, in one transaction, so an existing database upgrades in place.
 *
 * Adding a step: append `{ version: N + 1, … }` here (never edit a step that has shipped) and say in CHANGELOG.md
 * what it changes. A database created before migrations existed ("version 0") has step 1's tables already: step 1
 * creates them only when missing.
 */

/** One schema change, in each engine's SQL dialect. */
export interface Migration {
  version: number;
  /** What the step does, for the `migrate` command's report. */
  name: string;
  sqlite: string;
  postgres: string;
}

/** Step 1's DDL; `extraColumn` gives PostgreSQL the order of arrival that SQLite's rowid gives. */
const version1 = (extraColumn: string) => `
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
  created_at TEXT NOT NULL${extraColumn}
);
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

/** A step whose SQL both engines read alike. */
const portable = (sql: string) => ({ sqlite: sql, postgres: sql });

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'registrations and idempotency keys',
    // For SQLite, the schema the server created before migrations (version 0), so such a database matches it.
    sqlite: version1(''),
    postgres: version1(',\n  seq BIGSERIAL NOT NULL'),
  },
  {
    version: 2,
    name: 'rate-limit windows shared by every server instance',
    // BIGINT: milliseconds since 1970 (SQLite reads the type name as its 64-bit INTEGER).
    ...portable(`
CREATE TABLE rate_limit_windows (
  client TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (client, window_start)
);
CREATE INDEX rate_limit_windows_start ON rate_limit_windows (window_start);
`),
  },
  {
    version: 3,
    name: 'e-mail key: internationalized domains compare in their ASCII form',
    // Versions 0 to 2 accepted ASCII addresses only and stored them lower-cased: their key is the address itself.
    ...portable(`
ALTER TABLE registrations ADD COLUMN email_key TEXT NOT NULL DEFAULT '';
UPDATE registrations SET email_key = email;
DROP INDEX registrations_event_email;
DROP INDEX registrations_email;
CREATE UNIQUE INDEX registrations_event_email_key ON registrations (event_id, email_key);
CREATE INDEX registrations_email_key ON registrations (email_key);
`),
  },
];

/** The table that records which steps a database has run (same DDL in both engines). */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
