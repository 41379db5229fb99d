/**
 * What the server decides about a registration, and the staff operations (list, erase, purge). The HTTP app and
 * the CLI both call these functions.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AgendaEvent, Feed } from '../src/feed/model.js';
import { foldText } from '../src/feed/normalize.js';
import { refusalCode, registrationAvailability } from '../src/domain/availability.js';
import {
  ERROR_HTTP_STATUS,
  MIN_FILL_MS,
  validateRegistration,
  type FieldErrorKey,
  type RegistrationErrorCode,
  type RegistrationRequest,
  type RegistrationResponse,
} from '../src/registration/contract.js';
import {
  countByStatus,
  deleteByEmail,
  deleteByEvent,
  deleteByEventCreatedBefore,
  deleteIdempotencyKeysBefore,
  findIdempotencyKey,
  hasRegistration,
  insertRegistration,
  registeredEvents,
  saveIdempotencyKey,
  type Db,
} from './storage.js';

export interface Outcome {
  statusCode: number;
  body: RegistrationResponse;
  /** True when the answer is a stored one, replayed for a repeated idempotency key. */
  replayed?: boolean;
}

export function errorOutcome(
  code: RegistrationErrorCode,
  extra: { fieldErrors?: Record<string, string>; retryAfter?: number } = {},
): Outcome {
  return { statusCode: ERROR_HTTP_STATUS[code], body: { status: 'error', code, ...extra } };
}

const invalid = (fieldErrors: Record<string, FieldErrorKey>) => errorOutcome('invalid', { fieldErrors });

/** Member names compare lower-case, accent-free and single-spaced. */
const fold = (text: string) => foldText(text).replace(/\s+/g, ' ').trim();

/** Required questions answered, choices among the options; unknown question ids are dropped. */
function checkAnswers(
  event: AgendaEvent,
  answers: RegistrationRequest['answers'],
): { answers: Record<string, string | boolean> } | { errors: Record<string, FieldErrorKey> } {
  const kept: Record<string, string | boolean> = {};
  const errors: Record<string, FieldErrorKey> = {};
  for (const question of event.registration.questions) {
    const answer = answers[question.id];
    const field = `answers.${question.id}`;
    const empty =
      answer === undefined || answer === false || (typeof answer === 'string' && answer.trim() === '');
    if (empty) {
      if (question.required) errors[field] = 'required';
      continue;
    }
    const fits =
      question.type === 'checkbox'
        ? typeof answer === 'boolean'
        : typeof answer === 'string' && (question.type === 'text' || question.options.includes(answer));
    if (fits) kept[question.id] = typeof answer === 'string' ? answer.trim() : answer;
    else errors[field] = 'invalid';
  }
  return Object.keys(errors).length > 0 ? { errors } : { answers: kept };
}

function isActiveMember(feed: Feed, given: string): boolean {
  const wanted = fold(given);
  return feed.members.some(
    (m) => m.status === 'active' && (m.id === given.trim() || fold(m.name) === wanted),
  );
}

/** The bot traps: a filled honeypot, or a form sent faster than a person can fill it. */
function looksLikeBot(body: Record<string, unknown>): boolean {
  const { website, elapsedMs } = body;
  return (
    (typeof website === 'string' && website !== '') ||
    (typeof elapsedMs === 'number' && elapsedMs < MIN_FILL_MS)
  );
}

/**
 * Fingerprint of a request for idempotency. `elapsedMs` is left out: it grows between a try and its retry.
 * Keys are sorted so that the same data written in another order is the same request.
 */
export function requestHash(eventId: string, body: Record<string, unknown>): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
        )
      : value;
  const rest = { ...body };
  delete rest.elapsedMs;
  return createHash('sha256')
    .update(JSON.stringify([eventId, canonical(rest)]))
    .digest('hex');
}

export interface RegisterInput {
  db: Db;
  feed: Feed;
  eventId: string;
  idempotencyKey: string;
  /** The parsed JSON body, not yet validated. */
  body: Record<string, unknown>;
  now: Date;
}

/** Replays the stored answer for a key, or refuses a key reused for another request. */
function replay(db: Db, key: string, hash: string): Outcome | undefined {
  const stored = findIdempotencyKey(db, key);
  if (!stored) return undefined;
  if (stored.request_hash !== hash) return errorOutcome('bad-request');
  return {
    statusCode: stored.status_code,
    body: JSON.parse(stored.body) as RegistrationResponse,
    replayed: true,
  };
}

/**
 * Decides on one registration. Only accepted registrations (201, 202) are stored with their idempotency key, in
 * the same transaction as the row; an error is not remembered, so a corrected retry with the same key is judged
 * afresh.
 */
export function register({ db, feed, eventId, idempotencyKey, body, now }: RegisterInput): Outcome {
  const hash = requestHash(eventId, body);
  const earlier = replay(db, idempotencyKey, hash);
  if (earlier) return earlier;

  // Looks accepted, stores nothing: a bot learns nothing from the answer.
  if (looksLikeBot(body)) {
    return { statusCode: 201, body: { status: 'confirmed', registrationId: randomUUID(), eventId } };
  }

  const event = feed.events.find((e) => e.id === eventId);
  if (!event) return errorOutcome('unknown-event');
  // The same decision as the card's and the form's (src/domain/availability.ts).
  const availability = registrationAvailability(event, now);
  const refusal = refusalCode(availability);
  if (refusal) return errorOutcome(refusal);

  const validation = validateRegistration(body);
  if (!validation.success) return invalid(validation.fieldErrors);
  const request = validation.output;
  if (request.eventId !== eventId) return invalid({ eventId: 'invalid' });

  const checked = checkAnswers(event, request.answers);
  if ('errors' in checked) return invalid(checked.errors);

  const memberOrganisation = request.memberOrganisation || undefined;
  if (event.membersOnly) {
    if (!memberOrganisation) return invalid({ memberOrganisation: 'required' });
    if (!isActiveMember(feed, memberOrganisation)) {
      return errorOutcome('members-only', { fieldErrors: { memberOrganisation: 'not-member' } });
    }
  }

  const email = request.email.toLowerCase();
  const createdAt = now.toISOString();
  // IMMEDIATE takes the write lock first: counting and inserting cannot interleave with another writer.
  const decide = db.transaction((): Outcome => {
    const raced = replay(db, idempotencyKey, hash);
    if (raced) return raced;
    if (hasRegistration(db, eventId, email)) return errorOutcome('already-registered');

    const confirmedCount = countByStatus(db, eventId, 'confirmed');
    const capacity = event.maximumAttendeeCapacity;
    const hasRoom = availability.reason === 'open' && (capacity === undefined || confirmedCount < capacity);
    const id = randomUUID();
    const position = hasRoom ? null : countByStatus(db, eventId, 'waitlisted') + 1;
    insertRegistration(db, {
      id,
      event_id: eventId,
      email,
      first_name: request.firstName,
      last_name: request.lastName,
      organisation: request.organisation,
      job_title: request.jobTitle,
      phone: request.phone || null,
      member_organisation: memberOrganisation ?? null,
      answers: JSON.stringify(checked.answers),
      newsletter: request.newsletter ? 1 : 0,
      status: hasRoom ? 'confirmed' : 'waitlisted',
      position,
      created_at: createdAt,
    });
    const outcome: Outcome =
      position === null
        ? { statusCode: 201, body: { status: 'confirmed', registrationId: id, eventId } }
        : { statusCode: 202, body: { status: 'waitlisted', registrationId: id, eventId, position } };
    saveIdempotencyKey(db, idempotencyKey, {
      request_hash: hash,
      status_code: outcome.statusCode,
      body: JSON.stringify(outcome.body),
      registration_id: id,
      created_at: createdAt,
    });
    return outcome;
  });
  return decide.immediate();
}

/** GDPR erasure: every registration of one person (by e-mail, case-insensitive). Returns how many. */
export function eraseByEmail(db: Db, email: string): number {
  return deleteByEmail(db, email.trim().toLowerCase());
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes registrations of events that ended more than `retentionDays` ago. Registrations of events the feed no
 * longer lists are deleted once older than `retentionDays` themselves. Returns how many rows went.
 */
export function purge(db: Db, feed: Feed, retentionDays: number, now: Date): number {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const events = new Map(feed.events.map((e) => [e.id, e]));
  let deleted = 0;
  for (const { event_id } of registeredEvents(db)) {
    const event = events.get(event_id);
    if (!event) deleted += deleteByEventCreatedBefore(db, event_id, cutoff.toISOString());
    else if (!(event.schedule && !event.schedule.endDate) && event.end !== undefined && event.end < cutoff)
      deleted += deleteByEvent(db, event_id);
  }
  deleteIdempotencyKeysBefore(db, cutoff.toISOString());
  return deleted;
}
