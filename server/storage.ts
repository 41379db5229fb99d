/**
 * Where registrations live: one small interface, two engines. SQLite (better-sqlite3, one file, no configuration)
 * is the default; PostgreSQL (the `pg` driver) is chosen by `DATABASE_URL=postgres://…` and lets several server
 * instances share one database. Both run the same numbered migrations (`migrations.ts`) and give the same answers:
 * the server's test suite runs unchanged against each.
 */

import { STORED_FIELDS, type FixedFieldName, type FixedFields } from '../src/registration/fields.js';

export const DEFAULT_DB_PATH = 'server/data/registrations.sqlite';

type ColumnOf<K extends FixedFieldName> = FixedFields[K] extends { column: infer C extends string }
  ? C
  : never;
type ColumnValue<F> = F extends { kind: 'checkbox' }
  ? 0 | 1
  : F extends { required: true }
    ? string
    : string | null;

/** One column per stored fixed field, as `fields.ts` declares them: text, NULL when left blank, flags as 0/1. */
export type FieldColumns = { [K in FixedFieldName as ColumnOf<K>]: ColumnValue<FixedFields[K]> };

/** A stored registration: the fixed fields' columns and the server's own. */
export type RegistrationRow = FieldColumns & {
  id: string;
  event_id: string;
  /** The e-mail as compared (`emailKey()`: lower-cased, the domain in ASCII): one registration per key and event. */
  email_key: string;
  /** JSON object: question id → answer. */
  answers: string;
  status: 'confirmed' | 'waitlisted';
  /** Place on the waiting list when the person registered (null when confirmed). */
  position: number | null;
  /** ISO 8601, UTC. */
  created_at: string;
};

/** Every column of a registration: the server's, then the stored fixed fields' in declaration order. */
export const REGISTRATION_COLUMNS = [
  'id',
  'event_id',
  'email_key',
  'answers',
  'status',
  'position',
  'created_at',
  ...STORED_FIELDS.map((field) => field.column as keyof FieldColumns),
] as const satisfies readonly (keyof RegistrationRow)[];

/** The answer stored with an idempotency key, replayed for a repeated request. */
export interface StoredResponse {
  request_hash: string;
  status_code: number;
  /** The JSON body as sent the first time. */
  body: string;
}

/** Confirmed or waiting, and where on the waiting list. */
export type Placement = Pick<RegistrationRow, 'status' | 'position'>;

/** A registration to store, with the decisions only the database can take atomically left as functions. */
export interface Admission {
  idempotencyKey: string;
  requestHash: string;
  row: Omit<RegistrationRow, 'status' | 'position'>;
  /** Decides from the event's counts, read under the event's lock. */
  place(counts: { confirmed: number; waitlisted: number }): Placement;
  /** The answer to send and to store with the key. */
  respond(row: RegistrationRow): { status_code: number; body: string };
}

export type AdmitResult =
  | { kind: 'stored'; response: StoredResponse }
  /** The key was used before (maybe by another instance a moment ago): its first answer. */
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'already-registered' };

/** The storage operations the server and the staff CLI need; nothing else touches SQL. */
export interface RegistrationStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Runs the migrations this database lacks; returns their versions (empty when up to date). */
  migrate(): Promise<number[]>;
  /** The highest migration version applied. */
  schemaVersion(): Promise<number>;
  findResponse(idempotencyKey: string): Promise<StoredResponse | undefined>;
  /**
   * In one transaction that holds the event's lock: replays a known key, refuses a second registration of the same
   * e-mail, else places the row (capacity, waiting list) and stores it with its key. Holds across processes.
   */
  admit(admission: Admission): Promise<AdmitResult>;
  /** An event's registrations: confirmed first, then the waiting list, each in order of arrival. */
  list(eventId: string): Promise<RegistrationRow[]>;
  /** Each event that has registrations, with the date of its newest one. */
  registeredEvents(): Promise<{ event_id: string; newest: string }[]>;
  /** These delete rows and the idempotency keys that point at them (their replayed bodies name the person). */
  deleteByEmailKey(emailKey: string): Promise<number>;
  deleteByEvent(eventId: string): Promise<number>;
  deleteByEventCreatedBefore(eventId: string, before: string): Promise<number>;
  /** Idempotency keys only matter while a client may retry; old ones go with the purge. */
  deleteIdempotencyKeysBefore(before: string): Promise<number>;
  /** Counts one hit of `client` in the fixed window starting at `windowStart` (ms); returns the window's hits. */
  hit(client: string, windowStart: number): Promise<number>;
  /** Forgets rate-limit windows that started before `windowStart` (ms). */
  deleteRateWindowsBefore(windowStart: number): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Run the missing migrations when opening (default true). */
  migrate?: boolean;
  /** How long a write waits for another writer's lock before giving up with 503 (default 5 000 ms). */
  lockTimeoutMs?: number;
}

/**
 * Opens the store `DATABASE_URL` names: `postgres://…` (or `postgresql://…`) for PostgreSQL, anything else a
 * SQLite file path (`RA_DB`, else `server/data/registrations.sqlite`); `:memory:` works too.
 */
export async function openStore(
  location: string = process.env.DATABASE_URL || process.env.RA_DB || DEFAULT_DB_PATH,
  options: StoreOptions = {},
): Promise<RegistrationStore> {
  const store = /^postgres(ql)?:\/\//.test(location)
    ? new (await import('./storage-postgres.js')).PostgresStore(location, options)
    : new (await import('./storage-sqlite.js')).SqliteStore(location, options);
  if (options.migrate ?? true) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
