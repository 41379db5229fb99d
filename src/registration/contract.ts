/**
 * The registration contract: one valibot schema shared by `<ra-registration-form>` and `server/`, plus the
 * response shapes, status codes and HTTP conventions. Documented for other implementers in
 * docs/registration-api.md — keep both telling the same story.
 *
 * Validation messages are keys (`'required'`, `'email'`…), not sentences: the form translates them.
 *
 * Conventions the schema cannot say:
 * - Every POST carries an `Idempotency-Key` header (a UUID). Replaying it returns the first answer (status and
 *   body) and never stores a second row; the same key with a different body is refused: 400 `bad-request`.
 * - Bot traps: a filled `website` (honeypot) or `elapsedMs < MIN_FILL_MS` gets a normal-looking 201 `confirmed`
 *   that is not stored. So the form never sends before `MIN_FILL_MS` has passed (it waits the remainder).
 */
import * as v from 'valibot';

/** Every message key a field error can carry (from the schema, or added by the server). */
export type FieldErrorKey =
  'required' | 'invalid' | 'email' | 'phone' | 'too-long' | 'too-many' | 'consent' | 'not-member';

/** Faster submissions are treated as bots: the form must wait until this much time has passed. */
export const MIN_FILL_MS = 3000;
/** Request bodies above this size are refused with 413. */
export const MAX_BODY_BYTES = 32 * 1024;
/** Header carrying the client's idempotency key (a UUID, required). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const MAX_ANSWERS = 50;

const SLUG = /^[a-z0-9-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Loose on purpose: international numbers are written in many ways; we only keep obvious junk out.
const PHONE = /^\+?[0-9 .()-]+$/;

const text = (max: number) =>
  v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.maxLength(max, 'too-long'));

const optionalText = (max: number) =>
  v.optional(v.pipe(v.string('invalid'), v.trim(), v.maxLength(max, 'too-long')));

// The object's message ('required') is also what a missing key reports.
export const registrationRequestSchema = v.object(
  {
    eventId: v.pipe(
      v.string('required'),
      v.nonEmpty('required'),
      v.maxLength(200, 'too-long'),
      v.regex(SLUG, 'invalid'),
    ),
    firstName: text(100),
    lastName: text(100),
    email: v.pipe(
      v.string('required'),
      v.trim(),
      v.nonEmpty('required'),
      v.maxLength(254, 'too-long'),
      v.email('email'),
    ),
    organisation: text(200),
    jobTitle: text(200),
    /** Optional; an empty string means "not given". */
    phone: v.optional(
      v.pipe(
        v.string('phone'),
        v.trim(),
        v.check((s) => s === '' || (s.length >= 6 && s.length <= 30 && PHONE.test(s)), 'phone'),
      ),
    ),
    /** A member's id or name; the server requires it (an active member) for members-only events only. */
    memberOrganisation: optionalText(200),
    /** The event's extra questions (`registration.questions`), by question id. */
    answers: v.pipe(
      v.record(
        v.pipe(v.string(), v.maxLength(100, 'too-long')),
        v.union(
          [v.pipe(v.string('invalid'), v.maxLength(2000, 'too-long')), v.boolean('invalid')],
          'invalid',
        ),
        'invalid',
      ),
      v.check((answers) => Object.keys(answers).length <= MAX_ANSWERS, 'too-many'),
    ),
    consent: v.literal(true, 'consent'),
    newsletter: v.boolean('invalid'),
    /** Honeypot: hidden from people, so it stays empty. Never fill it. */
    website: v.pipe(v.string('invalid'), v.maxLength(0, 'invalid')),
    /** Milliseconds the person spent on the form (across reloads of a draft). */
    elapsedMs: v.pipe(v.number('invalid'), v.finite('invalid'), v.minValue(0, 'invalid')),
  },
  'required',
);

export type RegistrationRequest = v.InferOutput<typeof registrationRequestSchema>;
export type RegistrationRequestInput = v.InferInput<typeof registrationRequestSchema>;

/**
 * One message key per field, the first problem found. Fields are dot paths: `email`, `answers.diet`;
 * a problem with the document itself is under `form`.
 */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, FieldErrorKey> {
  const errors: Record<string, FieldErrorKey> = {};
  for (const issue of issues) {
    const field = v.getDotPath(issue) ?? 'form';
    errors[field] ??= issue.message as FieldErrorKey;
  }
  return errors;
}

export type RegistrationValidation =
  | { success: true; output: RegistrationRequest }
  | { success: false; fieldErrors: Record<string, FieldErrorKey> };

/** Validates (and trims) a request body; the same check runs in the form and on the server. */
export function validateRegistration(input: unknown): RegistrationValidation {
  const result = v.safeParse(registrationRequestSchema, input);
  return result.success
    ? { success: true, output: result.output }
    : { success: false, fieldErrors: fieldErrors(result.issues) };
}

/** A UUID, as `crypto.randomUUID()` makes. */
export function isIdempotencyKey(key: string | null | undefined): key is string {
  return typeof key === 'string' && UUID.test(key);
}

/** Where an event's registrations are posted, given an API origin (or base path). */
export function registrationEndpoint(base: string, eventId: string): string {
  return `${base.replace(/\/+$/, '')}/api/events/${encodeURIComponent(eventId)}/registrations`;
}

// ── Responses ────────────────────────────────────────────────────────────────────────────────────────────────────

export type RegistrationErrorCode =
  | 'already-registered'
  | 'closed'
  | 'full'
  | 'members-only'
  | 'invalid'
  | 'rate-limited'
  | 'unknown-event'
  | 'too-large'
  | 'bad-request'
  | 'unavailable'
  | 'server-error';

/** The HTTP status that goes with each error code (one code, one status). */
export const ERROR_HTTP_STATUS: Record<RegistrationErrorCode, number> = {
  'already-registered': 409,
  closed: 409,
  full: 409,
  'members-only': 403,
  invalid: 422,
  'rate-limited': 429,
  'unknown-event': 404,
  'too-large': 413,
  'bad-request': 400,
  /** The server cannot take registrations for a moment (database busy or full, feed unreadable): retry after `retryAfter`. */
  unavailable: 503,
  'server-error': 500,
};

/** HTTP 201. */
export interface RegistrationConfirmed {
  status: 'confirmed';
  registrationId: string;
  eventId: string;
}

/** HTTP 202: the event is full; `position` is 1 for the first person waiting. */
export interface RegistrationWaitlisted {
  status: 'waitlisted';
  registrationId: string;
  eventId: string;
  position: number;
}

export interface RegistrationError {
  status: 'error';
  code: RegistrationErrorCode;
  /** With `invalid` (and `members-only`): a message key per field, as `fieldErrors()` makes. */
  fieldErrors?: Record<string, string>;
  /** With `rate-limited` and `unavailable`: seconds to wait (also in the `Retry-After` header). */
  retryAfter?: number;
}

export type RegistrationResponse = RegistrationConfirmed | RegistrationWaitlisted | RegistrationError;

const errorCodes = Object.keys(ERROR_HTTP_STATUS) as [RegistrationErrorCode, ...RegistrationErrorCode[]];

/** For clients: checks what a server sent back (another implementation may not be ours). */
export const registrationResponseSchema = v.variant('status', [
  v.object({ status: v.literal('confirmed'), registrationId: v.string(), eventId: v.string() }),
  v.object({
    status: v.literal('waitlisted'),
    registrationId: v.string(),
    eventId: v.string(),
    position: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.object({
    status: v.literal('error'),
    code: v.picklist(errorCodes),
    fieldErrors: v.optional(v.record(v.string(), v.string())),
    retryAfter: v.optional(v.pipe(v.number(), v.minValue(0))),
  }),
]);

/** Parses a response body; `undefined` when it is not one of ours. */
export function parseRegistrationResponse(body: unknown): RegistrationResponse | undefined {
  const result = v.safeParse(registrationResponseSchema, body);
  return result.success ? result.output : undefined;
}
