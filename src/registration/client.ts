/**
 * Sends a registration to the server and turns whatever happens (an answer, a timeout, no network) into one typed
 * result the form can render. It never throws.
 */
import {
  IDEMPOTENCY_HEADER,
  parseRegistrationResponse,
  type RegistrationErrorCode,
  type RegistrationRequestInput,
  type RegistrationResponse,
} from './contract.js';

/** How long we wait for the server before calling it a network failure the person can retry. */
export const SUBMIT_TIMEOUT_MS = 15000;

/** The request never got an answer we could read: nothing is known to be stored, retrying is safe (same key). */
export interface RegistrationFailure {
  status: 'failed';
  reason: 'network' | 'timeout';
}

export type SubmissionResult = RegistrationResponse | RegistrationFailure;

export interface SubmitOptions {
  endpoint: string;
  body: RegistrationRequestInput;
  /** Sent as `Idempotency-Key`: the same key for every try of the same registration. */
  idempotencyKey: string;
  timeoutMs?: number;
  /** Cancels the request (the result is then a `network` failure). */
  signal?: AbortSignal;
}

/** A fresh idempotency key for a new registration attempt. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Reads `Retry-After` (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date turned into seconds from now. */
function retryAfterHeader(response: Response): number | undefined {
  const value = response.headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** What an HTTP status means when the body is not one of ours (a proxy's error page, an empty body). */
function codeFromStatus(status: number): RegistrationErrorCode {
  if (status === 429) return 'rate-limited';
  if (status === 413) return 'too-large';
  if (status === 404) return 'unknown-event';
  if (status === 422) return 'invalid';
  if (status === 503) return 'unavailable';
  if (status >= 400 && status < 500) return 'bad-request';
  return 'server-error';
}

async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** POSTs the registration as JSON with its idempotency key and a timeout. */
export async function submitRegistration(options: SubmitOptions): Promise<SubmissionResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? SUBMIT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(options.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        [IDEMPOTENCY_HEADER]: options.idempotencyKey,
      },
      body: JSON.stringify(options.body),
      credentials: 'omit',
      signal,
    });
  } catch {
    return { status: 'failed', reason: timeout.aborted ? 'timeout' : 'network' };
  }
  const parsed = parseRegistrationResponse(await readBody(response));
  // A success status with a body we cannot read means the server stored it but we cannot tell how: a retry
  // with the same key will return the stored answer.
  if (!parsed) {
    return response.ok
      ? { status: 'failed', reason: 'network' }
      : { status: 'error', code: codeFromStatus(response.status), retryAfter: retryAfterHeader(response) };
  }
  if (parsed.status === 'error' && parsed.retryAfter === undefined && response.headers.has('Retry-After')) {
    return { ...parsed, retryAfter: retryAfterHeader(response) };
  }
  return parsed;
}

/** Outcomes after which the very same request may be sent again and succeed. */
export function isRetryable(result: SubmissionResult): boolean {
  return (
    result.status === 'failed' ||
    (result.status === 'error' && (result.code === 'server-error' || result.code === 'unavailable'))
  );
}
