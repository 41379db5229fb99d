/**
 * The SQLite store (better-sqlite3). Every call is synchronous inside, so one `transaction()` is one atomic step
 * even under concurrent requests; `BEGIN IMMEDIATE` takes the file's write lock first, which also orders writers
 * in other processes (the CLI, a second server on the same file).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

// Busy or locked: another connection holds the lock past the timeout. Full: the disk or `max_page_count`.
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN)/;

/** Turns the driver's "try later" failures into `UnavailableError`; anything else is a bug and rethrown. */
function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof Database.SqliteError && typeof code === 'string' && UNAVAILABLE.test(code))
      throw new UnavailableError(`SQLite: ${error.message} (${code})`, 5, { cause: error });
    throw error;
  }
}

/**
 * Puts the file in WAL mode (kept in the file once set). Two instances starting at once on a new file both switch
 * it, and SQLite answers one of them SQLITE_BUSY at once, without waiting (so that two connections never wait on each
 * other): that one tries again, within the lock timeout.
 */
function walMode(db: Database.Database, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      // The constructor is synchronous, as the driver is: a short blocking pause between tries.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

export class SqliteStore implements RegistrationStore {
  readonly engine = 'sqlite';
  /** @internal The connection, for tests that provoke faults. */
  readonly db: Database.Database;
  /**
   * Rate-limit counts go through a second connection that does not wait for the disk (`synchronous = OFF`): a
   * registration's commit waits for its fsync (about 5 ms here), a counter lost in a power cut does not matter,
   * and one fsync per request instead of two doubles what the server can take.
   */
  readonly #counters: Database.Database;

  constructor(path: string, options: StoreOptions = {}) {
    const lockTimeoutMs = Math.max(0, Math.trunc(options.lockTimeoutMs ?? 5000));
    const open = () => {
      // The lock timeout first: every statement after it, the switch to WAL included, waits for other processes.
      const db = new Database(path, { timeout: lockTimeoutMs });
      walMode(db, lockTimeoutMs);
      return db;
    };
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = open();
    // A second connection to `:memory:` would be another database.
    this.#counters = path === ':memory:' ? this.db : open();
    if (this.#counters !== this.db) this.#counters.pragma('synchronous = OFF');
  }

  readonly #statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per connection and SQL text (preparing costs more than running). */
  #sql(sql: string, db = this.db): Database.Statement {
    const key = `${db === this.db ? 'main' : 'counters'}\0${sql}`;
    let statement = this.#statements.get(key);
    if (!statement) {
      statement = db.prepare(sql);
      this.#statements.set(key, statement);
    }
    return statement;
  }

  async migrate(): Promise<number[]> {
    const { db } = this;
    return guard(() => {
      db.exec(MIGRATIONS_TABLE);
      const run = db.transaction(() => {
        const done = new Set(
          (this.#sql('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
            (r) => r.version,
          ),
        );
        const applied: number[] = [];
        for (const step of MIGRATIONS) {
          if (done.has(step.version)) continue;
          db.exec(step.sqlite);
          this.#sql('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
            step.version,
            step.name,
            new Date().toISOString(),
          );
          applied.push(step.version);
        }
        return applied;
      });
      return run.immediate();
    });
  }

  async schemaVersion(): Promise<number> {
    return guard(
      () =>
        (
          this.#sql('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as {
            v: number;
          }
        ).v,
    );
  }

  async findResponse(key: string): Promise<StoredResponse | undefined> {
    return guard(() => this.#findResponse(key));
  }

  #findResponse(key: string): StoredResponse | undefined {
    return this.#sql('SELECT request_hash, status_code, body FROM idempotency_keys WHERE key = ?').get(
      key,
    ) as StoredResponse | undefined;
  }

  async admit(admission: Admission): Promise<AdmitResult> {
    const { db } = this;
    const { row: fields, idempotencyKey } = admission;
    const count = (status: RegistrationRow['status']) =>
      (
        this.#sql('SELECT count(*) AS n FROM registrations WHERE event_id = ? AND status = ?').get(
          fields.event_id,
          status,
        ) as { n: number }
      ).n;
    const decide = db.transaction((): AdmitResult => {
      const earlier = this.#findResponse(idempotencyKey);
      if (earlier) return { kind: 'replayed', response: earlier };
      const taken = this.#sql('SELECT 1 FROM registrations WHERE event_id = ? AND email_key = ?').get(
        fields.event_id,
        fields.email_key,
      );
      if (taken) return { kind: 'already-registered' };
      const row: RegistrationRow = {
        ...fields,
        ...admission.place({ confirmed: count('confirmed'), waitlisted: count('waitlisted') }),
      };
      this.#sql(
        `INSERT INTO registrations (${REGISTRATION_COLUMNS.join(', ')})
         VALUES (${REGISTRATION_COLUMNS.map((c) => `@${c}`).join(', ')})`,
      ).run(row);
      const response = { request_hash: admission.requestHash, ...admission.respond(row) };
      this.#sql(
        `INSERT INTO idempotency_keys (key, request_hash, status_code, body, registration_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        idempotencyKey,
        response.request_hash,
        response.status_code,
        response.body,
        row.id,
        row.created_at,
      );
      return { kind: 'stored', response };
    });
    return guard(() => decide.immediate());
  }

  async list(eventId: string): Promise<RegistrationRow[]> {
    return guard(
      () =>
        this.#sql(
          `SELECT ${REGISTRATION_COLUMNS.join(', ')} FROM registrations WHERE event_id = ? ORDER BY status = 'waitlisted', created_at, rowid`,
        ).all(eventId) as RegistrationRow[],
    );
  }

  async registeredEvents(): Promise<{ event_id: string; newest: string }[]> {
    return guard(
      () =>
        this.#sql(
          'SELECT event_id, max(created_at) AS newest FROM registrations GROUP BY event_id ORDER BY event_id',
        ).all() as { event_id: string; newest: string }[],
    );
  }

  #deleteWhere(where: string, ...params: unknown[]): number {
    const { db } = this;
    return guard(() =>
      db.transaction(() => {
        this.#sql(
          `DELETE FROM idempotency_keys WHERE registration_id IN (SELECT id FROM registrations WHERE ${where})`,
        ).run(...params);
        return this.#sql(`DELETE FROM registrations WHERE ${where}`).run(...params).changes;
      })(),
    );
  }

  async deleteByEmailKey(emailKey: string): Promise<number> {
    return this.#deleteWhere('email_key = ?', emailKey);
  }

  async deleteByEvent(eventId: string): Promise<number> {
    return this.#deleteWhere('event_id = ?', eventId);
  }

  async deleteByEventCreatedBefore(eventId: string, before: string): Promise<number> {
    return this.#deleteWhere('event_id = ? AND created_at < ?', eventId, before);
  }

  async deleteIdempotencyKeysBefore(before: string): Promise<number> {
    return guard(() => this.#sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(before).changes);
  }

  async hit(client: string, windowStart: number): Promise<number> {
    return guard(
      () =>
        (
          this.#sql(
            `INSERT INTO rate_limit_windows (client, window_start, hits) VALUES (?, ?, 1)
             ON CONFLICT (client, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits`,
            this.#counters,
          ).get(client, windowStart) as { hits: number }
        ).hits,
    );
  }

  async deleteRateWindowsBefore(windowStart: number): Promise<void> {
    guard(() =>
      this.#sql('DELETE FROM rate_limit_windows WHERE window_start < ?', this.#counters).run(windowStart),
    );
  }

  async close(): Promise<void> {
    if (this.#counters !== this.db) this.#counters.close();
    this.db.close();
  }
}
