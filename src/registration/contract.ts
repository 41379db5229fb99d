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

import {
  FIXED_FIELD_NAMES,
  fixedField,
  type CheckboxFieldDeclaration,
  type FixedFieldDeclaration,
  type FixedFields,
  type FixedFieldName,
} from './fields.js';

/** Every message key a field error can carry (from the schema, or added by the server). */
export type FieldErrorKey =
  | 'required'
  | 'invalid'
  | 'email'
  | 'phone'
  | 'too-long'
  | 'too-many'
  | 'consent'
  | 'not-member'
  /** The text holds a lone UTF-16 surrogate: not a character, it cannot be stored as typed. */
  | 'malformed'
  /** The text holds a control or bidirectional control character (invisible, or reorders what staff read). */
  | 'control-character';

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

// ── Text rules ───────────────────────────────────────────────────────────────────────────────────────────────────

/** In `u` mode a surrogate pair is one code point: only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/**
 * C0 and C1 controls (NUL, BEL, tab, line breaks…, U+0080–U+009F) and the bidirectional controls (U+061C,
 * U+200E–U+200F, U+202A–U+202E, U+2066–U+2069): invisible in a name, they break or spoof the CSV staff read.
 */
const CONTROL = /[\p{Cc}\p{Bidi_Control}]/u;

/** Whether `text` is well-formed Unicode (no lone surrogate). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Whether `text` holds a C0/C1 control or a bidirectional control character. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * Every text of the contract: a string, well-formed (a lone surrogate is refused, never replaced), trimmed and
 * NFC-normalized (the same name typed on a Mac or on Windows is stored the same way).
 */
const wellFormedText = (message: FieldErrorKey) =>
  v.pipe(
    v.string(message),
    v.check(isWellFormed, 'malformed'),
    v.trim(),
    v.transform((s) => s.normalize('NFC')),
  );

/** A name or title people read in lists and spreadsheets: no control characters either. */
const displayText = (message: FieldErrorKey, max: number) =>
  v.pipe(
    wellFormedText(message),
    v.check((s) => !hasControlCharacter(s), 'control-character'),
    v.maxLength(max, 'too-long'),
  );

// ── E-mail addresses ─────────────────────────────────────────────────────────────────────────────────────────────

/** RFC 5322 `atext`, plus any non-ASCII character that is not a control, format or space (RFC 6531). */
const LOCAL_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7F\\p{C}\\p{Z}]";
const LOCAL_PART = new RegExp(`^(?:${LOCAL_ATOM})+(?:\\.(?:${LOCAL_ATOM})+)*$`, 'u');
/** A domain as people type it: letters of any script, digits, dots and hyphens. */
const DOMAIN_INPUT = /^[\p{L}\p{M}\p{N}.-]+$/u;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The ASCII (IDNA, "xn--") form of an e-mail domain, lower-cased; `undefined` when it is not a domain name with at
 * least two labels and a top-level domain. The platform's URL parser does the IDNA mapping (UTS #46).
 */
export function emailDomainToAscii(domain: string): string | undefined {
  if (!DOMAIN_INPUT.test(domain)) return undefined;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
  const labels = ascii.split('.');
  if (ascii.length > 253 || labels.length < 2) return undefined;
  return labels.every((label) => ASCII_LABEL.test(label)) && TOP_LEVEL.test(labels.at(-1)!)
    ? ascii
    : undefined;
}

/**
 * Whether `address` is an e-mail address we can deliver to: a dot-atom local part (ASCII or UTF-8, RFC 6531) of at
 * most 64 bytes, `@`, and a domain name (internationalized domains accepted, `camille@société-exemple.fr`). Quoted
 * local parts and address literals (`[192.0.2.1]`) are refused: no one registers with them.
 */
export function isEmailAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const local = address.slice(0, at);
  return (
    new TextEncoder().encode(local).length <= 64 &&
    LOCAL_PART.test(local) &&
    emailDomainToAscii(address.slice(at + 1)) !== undefined
  );
}

/**
 * The form under which two addresses are the same person: NFC, the domain in its ASCII form, all lower-cased
 * (`Camille@SOCIÉTÉ-exemple.fr` and `camille@xn--socit-exemple-ehbb.fr` are one address). The local part is
 * compared case-insensitively too, as mail providers do. For a valid address only.
 */
export function emailKey(address: string): string {
  const normalized = address.trim().normalize('NFC');
  const at = normalized.lastIndexOf('@');
  const domain = emailDomainToAscii(normalized.slice(at + 1)) ?? normalized.slice(at + 1).toLowerCase();
  return `${normalized.slice(0, at).toLowerCase()}@${domain}`;
}

// ── The request ──────────────────────────────────────────────────────────────────────────────────────────────────

type Text = v.GenericSchema<string, string, v.BaseIssue<unknown>>;

/** The schema a fixed field's declaration gives (see `fields.ts`), typed from the declaration. */
type FieldSchema<F> = F extends { kind: 'checkbox'; rule: 'consent' }
  ? v.GenericSchema<true, true, v.BaseIssue<unknown>>
  : F extends { kind: 'checkbox' }
    ? v.GenericSchema<boolean, boolean, v.BaseIssue<unknown>>
    : F extends { required: true }
      ? Text
      : v.OptionalSchema<Text, undefined>;

const textRules: Record<Exclude<FixedFieldDeclaration['rule'], CheckboxFieldDeclaration['rule']>, Text> = {
  personName: displayText('required', 100),
  organisationName: displayText('required', 200),
  email: v.pipe(wellFormedText('required'), v.maxLength(254, 'too-long'), v.check(isEmailAddress, 'email')),
  phone: v.pipe(
    wellFormedText('phone'),
    v.check((s) => s.length >= 6 && s.length <= 30 && PHONE.test(s), 'phone'),
  ),
};

function fieldSchema(field: FixedFieldDeclaration): v.GenericSchema {
  switch (field.kind) {
    case 'checkbox':
      return field.rule === 'consent' ? v.literal(true, 'consent') : v.boolean('invalid');
    case 'text': {
      const rule = textRules[field.rule];
      // Optional: absent, or blank ("not given", sent on as absent).
      return field.required
        ? v.pipe(
            v.string('required'),
            v.check((s) => s.trim() !== '', 'required'),
            rule,
          )
        : v.optional(
            v.pipe(
              v.string('invalid'),
              v.transform((s) => (s.trim() === '' ? undefined : s)),
              v.optional(rule),
            ),
          );
    }
  }
}

const fixedFieldSchemas = Object.fromEntries(
  FIXED_FIELD_NAMES.map((name) => [name, fieldSchema(fixedField(name))]),
) as { [K in FixedFieldName]: FieldSchema<FixedFields[K]> };

// The object's message ('required') is also what a missing key reports.
export const registrationRequestSchema = v.object(
  {
    eventId: v.pipe(
      v.string('required'),
      v.nonEmpty('required'),
      v.maxLength(200, 'too-long'),
      v.regex(SLUG, 'invalid'),
    ),
    ...fixedFieldSchemas,
    /** The event's extra questions (`registration.questions`), by question id. */
    answers: v.pipe(
      v.record(
        v.pipe(wellFormedText('invalid'), v.maxLength(100, 'too-long')),
        v.union(
          [v.pipe(wellFormedText('invalid'), v.maxLength(2000, 'too-long')), v.boolean('invalid')],
          // A string answer reports what is wrong with the string; anything else is just not an answer.
          (issue) => (typeof issue.input === 'string' ? issue.issues?.[0]?.message : undefined) ?? 'invalid',
        ),
        'invalid',
      ),
      v.check((answers) => Object.keys(answers).length <= MAX_ANSWERS, 'too-many'),
    ),
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
  /**
   * The server cannot take registrations for a moment (database busy, locked or full, feed unreadable): nothing
   * was stored; the client keeps the draft and retries with the same key after `retryAfter` seconds.
   */
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
