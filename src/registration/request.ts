/**
 * From what a person typed to the request body, and the checks the form runs before sending: the contract's, plus
 * what only the event knows (its required questions, the member organisation of a members-only event). Pure, and
 * derived from the fixed fields' declarations (`fields.ts`).
 */
import type { AgendaEvent } from '../feed/model.js';
import { validateRegistration, type RegistrationRequestInput } from './contract.js';
import type { DraftValues } from './draft-store.js';
import { FIXED_FIELD_NAMES, fixedField, isAsked, isRequired } from './fields.js';

/** What the person typed, plus what the form measures. */
export interface RequestParts {
  values: DraftValues;
  /** The honeypot's value, as a bot left it (people leave it empty). */
  website: string;
  /** Milliseconds spent on the form. */
  elapsedMs: number;
}

/**
 * The body to send for `event`: every fixed field the event asks (an optional one only when filled in), the answers
 * to its questions (a checkbox always, a text or choice when given, trimmed), the honeypot and the fill time.
 */
export function buildRequest(event: AgendaEvent, parts: RequestParts): RegistrationRequestInput {
  const fixed: Record<string, string | boolean> = {};
  for (const name of FIXED_FIELD_NAMES) {
    const field = fixedField(name);
    const value = parts.values[name];
    if (!isAsked(field, event)) continue;
    if (field.kind === 'text' && !field.required && String(value).trim() === '') continue;
    fixed[name] = value;
  }
  const answers: Record<string, string | boolean> = {};
  for (const question of event.registration.questions) {
    const answer = parts.values.answers[question.id];
    if (question.type === 'checkbox') answers[question.id] = answer === true;
    else if (typeof answer === 'string' && answer.trim() !== '') answers[question.id] = answer.trim();
  }
  // The contract checks the fixed fields' types: this object is only as typed as what people typed.
  return {
    eventId: event.id,
    ...fixed,
    answers,
    website: parts.website,
    elapsedMs: Math.round(parts.elapsedMs),
  } as RegistrationRequestInput;
}

/** The form's fields in the order it shows them: the text fields asked, the questions, then the checkboxes. */
export function fieldOrder(event: AgendaEvent): string[] {
  const asked = FIXED_FIELD_NAMES.filter((name) => isAsked(fixedField(name), event));
  return [
    ...asked.filter((name) => fixedField(name).kind === 'text'),
    ...event.registration.questions.map((question) => `answers.${question.id}`),
    ...asked.filter((name) => fixedField(name).kind === 'checkbox'),
  ];
}

/**
 * The problems to show before sending, one message key per field, in the form's order: the contract's checks, an
 * empty member organisation for a members-only event, unanswered required questions.
 */
export function requestFieldErrors(
  event: AgendaEvent,
  body: RegistrationRequestInput,
): Record<string, string> {
  const result = validateRegistration(body);
  const errors: Record<string, string> = result.success ? {} : { ...result.fieldErrors };
  // What the event requires beyond the contract (the member organisation of a members-only event).
  for (const name of FIXED_FIELD_NAMES) {
    const field = fixedField(name);
    if (field.kind === 'text' && isAsked(field, event) && isRequired(field, event) && !body[name]) {
      errors[name] ??= 'required';
    }
  }
  for (const question of event.registration.questions) {
    const answer = body.answers[question.id];
    if (question.required && (answer === undefined || answer === false))
      errors[`answers.${question.id}`] ??= 'required';
  }
  // A filled honeypot is the server's to answer (it pretends to accept): it is not among the fields, so a bot
  // learns nothing here.
  return Object.fromEntries(
    fieldOrder(event).flatMap((field) => (errors[field] ? [[field, errors[field]]] : [])),
  );
}

/** The answers that identify a registration: a retry with the same ones reuses the idempotency key. */
export function fingerprint(body: RegistrationRequestInput): string {
  const { answers, ...rest } = body;
  // Key order and absent keys differ between a body just built and one read back from a draft (JSON drops
  // `undefined`); the fill time grows between tries.
  const sorted = (record: object) =>
    Object.entries(record)
      .filter(([key, value]) => key !== 'elapsedMs' && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([sorted(rest), sorted(answers)]);
}
