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
  emailKey,
  validateRegistration,
  type FieldErrorKey,
  type RegistrationErrorCode,
  type RegistrationRequest,
  type RegistrationResponse,
} from '../src/registration/contract.js';
import { FIXED_FIELDS, STORED_FIELDS, columnValue, isRequired } from '../src/registration/fields.js';
import type {
  FieldColumns,
  Placement,
  RegistrationRow,
  RegistrationStore,
  StoredResponse,
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

/** The deepest nesting a body may have: the body (1), `answers` (2), an answer (3), with room to spare. */
export const MAX_JSON_DEPTH = 8;

/**
 * The top-level field under which a parsed body nests deeper than `MAX_JSON_DEPTH`, if any. It walks with its own
 * stack, so a hostile body (6 000 nested arrays fit in 12 KB) overflows nothing here, and once it has passed, the
 * recursive steps after it (fingerprint, validation, storage) have a bounded depth too.
 */
export function tooDeepField(body: Record<string, unknown>): string | undefined {
  for (const [field, value] of Object.entries(body)) {
    const stack: [unknown, number][] = [[value, 2]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [node, depth] = next;
      if (!node || typeof node !== 'object') continue;
      if (depth >= MAX_JSON_DEPTH) return field;
      for (const child of Object.values(node)) stack.push([child, depth + 1]);
    }
  }
  return undefined;
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
  store: RegistrationStore;
  feed: Feed;
  eventId: string;
  idempotencyKey: string;
  /** The parsed JSON body, not yet validated (its depth already bounded by `jsonTooDeep`). */
  body: Record<string, unknown>;
  now: Date;
}

/** Replays a stored answer, or refuses a key reused for another request. */
function replay(stored: StoredResponse, hash: string): Outcome {
  if (stored.request_hash !== hash) return errorOutcome('bad-request');
  return {
    statusCode: stored.status_code,
    body: JSON.parse(stored.body) as RegistrationResponse,
    replayed: true,
  };
}

/**
 * Confirmed while the availability decision says `open` (not `waiting-list`: the feed itself says no place is
 * left; src/domain/availability.ts) and there is room, else on the waiting list behind those already waiting. The store takes this decision under
 * the event's lock, with the counts it reads there.
 */
function placement(event: AgendaEvent, open: boolean) {
  const capacity = event.maximumAttendeeCapacity;
  return ({ confirmed, waitlisted }: { confirmed: number; waitlisted: number }): Placement =>
    open && (capacity === undefined || confirmed < capacity)
      ? { status: 'confirmed', position: null }
      : { status: 'waitlisted', position: waitlisted + 1 };
}

function responseFor(row: RegistrationRow): Outcome {
  const { id: registrationId, event_id: eventId } = row;
  return row.position === null
    ? { statusCode: 201, body: { status: 'confirmed', registrationId, eventId } }
    : { statusCode: 202, body: { status: 'waitlisted', registrationId, eventId, position: row.position } };
}

/**
 * Decides on one registration. Only accepted registrations (201, 202) are stored with their idempotency key, in
 * the same transaction as the row; an error is not remembered, so a corrected retry with the same key is judged
 * afresh.
 */
export async function register({
  store,
  feed,
  eventId,
  idempotencyKey,
  body,
  now,
}: RegisterInput): Promise<Outcome> {
  const hash = requestHash(eventId, body);
  const earlier = await store.findResponse(idempotencyKey);
  if (earlier) return replay(earlier, hash);

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
  // The same answer as the form's label and checks (src/registration/fields.ts).
  if (!memberOrganisation && isRequired(FIXED_FIELDS.memberOrganisation, event)) {
    return invalid({ memberOrganisation: 'required' });
  }
  if (event.membersOnly) {
    if (!memberOrganisation || !isActiveMember(feed, memberOrganisation)) {
      return errorOutcome('members-only', { fieldErrors: { memberOrganisation: 'not-member' } });
    }
  }

  const result = await store.admit({
    idempotencyKey,
    requestHash: hash,
    row: {
      ...(Object.fromEntries(
        STORED_FIELDS.map((field) => [field.column, columnValue(field, request)]),
      ) as FieldColumns),
      id: randomUUID(),
      event_id: eventId,
      email_key: emailKey(request.email),
      answers: JSON.stringify(checked.answers),
      created_at: now.toISOString(),
    },
    place: placement(event, availability.reason === 'open'),
    respond: (row) => {
      const outcome = responseFor(row);
      return { status_code: outcome.statusCode, body: JSON.stringify(outcome.body) };
    },
  });
  switch (result.kind) {
    case 'stored':
      return {
        statusCode: result.response.status_code,
        body: JSON.parse(result.response.body) as RegistrationResponse,
      };
    case 'replayed':
      return replay(result.response, hash);
    case 'already-registered':
      return errorOutcome('already-registered');
  }
}

/** GDPR erasure: every registration of one person (by e-mail, as the contract compares them). Returns how many. */
export function eraseByEmail(store: RegistrationStore, email: string): Promise<number> {
  return store.deleteByEmailKey(emailKey(email));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes registrations of events that ended more than `retentionDays` ago. Registrations of events the feed no
 * longer lists are deleted once older than `retentionDays` themselves. Returns how many rows went.
 */
export async function purge(
  store: RegistrationStore,
  feed: Feed,
  retentionDays: number,
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const events = new Map(feed.events.map((e) => [e.id, e]));
  let deleted = 0;
  for (const { event_id } of await store.registeredEvents()) {
    const event = events.get(event_id);
    if (!event) deleted += await store.deleteByEventCreatedBefore(event_id, cutoff);
    else if (
      !(event.schedule && !event.schedule.endDate) &&
      event.end !== undefined &&
      event.end.toISOString() < cutoff
    )
      deleted += await store.deleteByEvent(event_id);
  }
  await store.deleteIdempotencyKeysBefore(cutoff);
  return deleted;
}
