/**
 * The PostgreSQL store (`pg`), for several server instances on one database. Capacity holds across instances
 * because each admission runs in a transaction that first takes a transaction-scoped advisory lock on its event:
 * counting, placing and inserting for one event happen one transaction at a time, whichever instance runs them.
 * The unique constraints (idempotency key, e-mail per event) are the last line of defence.
 */
import pg from 'pg';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import {
  REGISTRATION_COLUMNS,
  type Admission,
  type AdmitResult,
  type RegistrationRow,
  type RegistrationStore,
  type StoreOptions,
  type StoredResponse,
} from './storage.js';
import { UnavailableError } from './unavailable.js';

// Advisory lock namespaces (the first key of pg_advisory_xact_lock(int, int)).
const LOCK_MIGRATIONS = 7_301;
const LOCK_EVENT = 7_302;

/**
 * SQLSTATEs that mean "try later": lock timeout (55P03), serialization failure and deadlock (40001, 40P01),
 * too many connections (53300), disk full (53100), out of memory (53200), shutting down (57P01–57P03).
 */
const UNAVAILABLE_STATES = new Set([
  '55P03',
  '40001',
  '40P01',
  '53300',
  '53100',
  '53200',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** @internal The driver's "try later" failures as `UnavailableError`; `undefined` for any other error. */
export function toUnavailable(error: unknown): UnavailableError | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_NETWORK.has(code))
    return new UnavailableError(`PostgreSQL: ${(error as Error).message} (${code})`, 5, { cause: error });
  return undefined;
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

const COLUMNS = REGISTRATION_COLUMNS.join(', ');

export class PostgresStore implements RegistrationStore {
  readonly engine = 'postgres';
  readonly #pool: pg.Pool;
  /**
   * Rate-limit counts go through their own few connections with `synchronous_commit = off`: a registration's
   * commit waits for the disk, a counter lost in a crash does not matter.
   */
  readonly #counters: pg.Pool;

  constructor(connectionString: string, options: StoreOptions = {}) {
    const pool = (max: number) => {
      const created = new pg.Pool({
        connectionString,
        max,
        idleTimeoutMillis: 1000,
        // A write that waits longer than this for another's lock gives up: 503, the client retries.
        lock_timeout: Math.max(1, Math.trunc(options.lockTimeoutMs ?? 5000)),
        connectionTimeoutMillis: 5000,
        // Idle connections do not keep a CLI or a test process alive.
        allowExitOnIdle: true,
      });
      // An idle client losing its connection must not crash the server; the next query reconnects.
      created.on('error', (error) => console.error(`PostgreSQL: idle connection lost: ${error.message}`));
      return created;
    };
    this.#pool = pool(10);
    this.#counters = pool(3);
    // Queued before any other query of the new connection.
    this.#counters.on(
      'connect',
      (client) => void client.query('SET synchronous_commit = off').catch(() => {}),
    );
  }

  async #run<T>(work: (client: pg.PoolClient) => Promise<T>, pool = this.#pool): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw toUnavailable(error) ?? error;
    }
    try {
      return await work(client);
    } catch (error) {
      throw toUnavailable(error) ?? error;
    } finally {
      client.release();
    }
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#run(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async #query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.#run((client) => client.query<R>(text, values));
  }

  async migrate(): Promise<number[]> {
    return this.#transaction(async (client) => {
      // Two instances starting together: the second waits, then finds nothing left to do.
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_MIGRATIONS]);
      await client.query(MIGRATIONS_TABLE);
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      const applied: number[] = [];
      for (const step of MIGRATIONS) {
        if (done.has(step.version)) continue;
        await client.query(step.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          step.version,
          step.name,
          new Date().toISOString(),
        ]);
        applied.push(step.version);
      }
      return applied;
    });
  }

  async schemaVersion(): Promise<number> {
    const { rows } = await this.#query<{ v: number }>(
      'SELECT coalesce(max(version), 0) AS v FROM schema_migrations',
    );
    return rows[0]!.v;
  }

  async findResponse(key: string): Promise<StoredResponse | undefined> {
    const { rows } = await this.#query<StoredResponse>(
      'SELECT request_hash, status_code, body FROM idempotency_keys WHERE key = $1',
      [key],
    );
    return rows[0];
  }

  async admit(admission: Admission): Promise<AdmitResult> {
    try {
      return await this.#admit(admission);
    } catch (error) {
      // Only reachable if two transactions slipped past the lock (the same key used for two events at once):
      // the constraint kept the data right; answer as the winner's replay or as a duplicate.
      if (!isUniqueViolation(error)) throw error;
      const earlier = await this.findResponse(admission.idempotencyKey);
      return earlier ? { kind: 'replayed', response: earlier } : { kind: 'already-registered' };
    }
  }

  /** Five round trips: begin, lock, read, write, commit (each one costs a context switch on a busy machine). */
  #admit(admission: Admission): Promise<AdmitResult> {
    const { row: fields, idempotencyKey } = admission;
    return this.#transaction(async (client): Promise<AdmitResult> => {
      // Its own statement: in READ COMMITTED each statement reads from its own snapshot, so the reads below, taken
      // after the lock is granted, see every registration committed by the lock's previous holder.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_EVENT, fields.event_id]);
      const { rows } = await client.query<{
        earlier: StoredResponse | null;
        taken: boolean;
        confirmed: number;
        waitlisted: number;
      }>(
        `SELECT
           (SELECT json_build_object('request_hash', request_hash, 'status_code', status_code, 'body', body)
              FROM idempotency_keys WHERE key = $1) AS earlier,
           EXISTS (SELECT 1 FROM registrations WHERE event_id = $2 AND email_key = $3) AS taken,
           count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
           count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM registrations WHERE event_id = $2`,
        [idempotencyKey, fields.event_id, fields.email_key],
      );
      const { earlier, taken, ...counts } = rows[0]!;
      if (earlier) return { kind: 'replayed', response: earlier };
      if (taken) return { kind: 'already-registered' };
      const row: RegistrationRow = { ...fields, ...admission.place(counts) };
      const response = { request_hash: admission.requestHash, ...admission.respond(row) };
      const n = REGISTRATION_COLUMNS.length;
      await client.query(
        `WITH registration AS (
           INSERT INTO registrations (${COLUMNS})
           VALUES (${REGISTRATION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
           RETURNING id, created_at
         )
         INSERT INTO idempotency_keys (key, request_hash, status_code, body, registration_id, created_at)
         SELECT $${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, id, created_at FROM registration`,
        [
          ...REGISTRATION_COLUMNS.map((column) => row[column]),
          idempotencyKey,
          response.request_hash,
          response.status_code,
          response.body,
        ],
      );
      return { kind: 'stored', response };
    });
  }

  async list(eventId: string): Promise<RegistrationRow[]> {
    const { rows } = await this.#query<RegistrationRow>(
      `SELECT ${COLUMNS} FROM registrations WHERE event_id = $1
       ORDER BY status = 'waitlisted', created_at, seq`,
      [eventId],
    );
    return rows;
  }

  async registeredEvents(): Promise<{ event_id: string; newest: string }[]> {
    const { rows } = await this.#query<{ event_id: string; newest: string }>(
      'SELECT event_id, max(created_at) AS newest FROM registrations GROUP BY event_id ORDER BY event_id',
    );
    return rows;
  }

  #deleteWhere(where: string, params: unknown[]): Promise<number> {
    return this.#transaction(async (client) => {
      await client.query(
        `DELETE FROM idempotency_keys WHERE registration_id IN (SELECT id FROM registrations WHERE ${where})`,
        params,
      );
      return (await client.query(`DELETE FROM registrations WHERE ${where}`, params)).rowCount ?? 0;
    });
  }

  deleteByEmailKey(emailKey: string): Promise<number> {
    return this.#deleteWhere('email_key = $1', [emailKey]);
  }

  deleteByEvent(eventId: string): Promise<number> {
    return this.#deleteWhere('event_id = $1', [eventId]);
  }

  deleteByEventCreatedBefore(eventId: string, before: string): Promise<number> {
    return this.#deleteWhere('event_id = $1 AND created_at < $2', [eventId, before]);
  }

  async deleteIdempotencyKeysBefore(before: string): Promise<number> {
    return (await this.#query('DELETE FROM idempotency_keys WHERE created_at < $1', [before])).rowCount ?? 0;
  }

  async hit(client: string, windowStart: number): Promise<number> {
    const { rows } = await this.#run(
      (connection) =>
        connection.query<{ hits: number }>(
          `INSERT INTO rate_limit_windows (client, window_start, hits) VALUES ($1, $2, 1)
           ON CONFLICT (client, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1 RETURNING hits`,
          [client, windowStart],
        ),
      this.#counters,
    );
    return rows[0]!.hits;
  }

  async deleteRateWindowsBefore(windowStart: number): Promise<void> {
    await this.#run(
      (connection) =>
        connection.query('DELETE FROM rate_limit_windows WHERE window_start < $1', [windowStart]),
      this.#counters,
    );
  }

  async close(): Promise<void> {
    await Promise.all([this.#pool.end(), this.#counters.end()]);
  }
}
