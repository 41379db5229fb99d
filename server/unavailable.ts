/**
 * Something the server needs cannot serve the request now: the database (busy, locked, disk full, unreachable) or
 * the feed (missing, unreadable). The app answers 503 `unavailable` with `Retry-After`, and nothing was stored, so
 * the client may send the very same request again (same idempotency key).
 */
export class UnavailableError extends Error {
  override name = 'UnavailableError';
  constructor(
    message: string,
    /** Seconds a client should wait before retrying. */
    readonly retryAfter = 5,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
