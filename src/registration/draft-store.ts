/**
 * Keeps what a person typed in a registration form, per event, in `sessionStorage`: a reload or a crashed tab
 * loses nothing, and the draft dies with the tab. Storage may be missing, full or forbidden (sandboxed iframes,
 * privacy modes): then drafts are simply not kept, the form keeps working.
 */
import type { RegistrationRequestInput } from './contract.js';
import { FIXED_FIELD_NAMES, emptyFixedFieldValues, fixedField, type FixedFieldValues } from './fields.js';

/**
 * The fields a person fills, as typed (not trimmed): the fixed fields (`fields.ts`) and the event's questions. The
 * honeypot is never part of it.
 */
export type DraftValues = FixedFieldValues & { answers: Record<string, string | boolean> };

/** A request already sent once without a final answer: a retry resends it as it was, with the same key. */
export interface PendingSubmission {
  idempotencyKey: string;
  body: Omit<RegistrationRequestInput, 'website'>;
}

export interface RegistrationDraft {
  values: DraftValues;
  /** Time spent on the form so far, so a reload does not restart the fill-time measure. */
  elapsedMs: number;
  pending?: PendingSubmission;
}

const PREFIX = 'ra-registration-draft:';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads back only well-formed values: the stored JSON may come from an older version or another script. */
function readValues(raw: unknown): DraftValues | undefined {
  if (!isRecord(raw)) return undefined;
  const values: Record<string, unknown> = emptyFixedFieldValues();
  for (const name of FIXED_FIELD_NAMES) {
    const kept = raw[name];
    if (fixedField(name).kind === 'checkbox') values[name] = kept === true;
    else if (typeof kept === 'string') values[name] = kept;
  }
  const answers: Record<string, string | boolean> = {};
  if (isRecord(raw.answers)) {
    for (const [id, answer] of Object.entries(raw.answers)) {
      if (typeof answer === 'string' || typeof answer === 'boolean') answers[id] = answer;
    }
  }
  return { ...(values as FixedFieldValues), answers };
}

function readPending(raw: unknown): PendingSubmission | undefined {
  if (!isRecord(raw) || typeof raw.idempotencyKey !== 'string' || !isRecord(raw.body)) return undefined;
  return { idempotencyKey: raw.idempotencyKey, body: raw.body as PendingSubmission['body'] };
}

/** The draft kept for `eventId`, if any. */
export function loadDraft(eventId: string): RegistrationDraft | undefined {
  try {
    const stored = storage()?.getItem(PREFIX + eventId);
    if (!stored) return undefined;
    const raw: unknown = JSON.parse(stored);
    if (!isRecord(raw)) return undefined;
    const values = readValues(raw.values);
    if (!values) return undefined;
    const elapsedMs = typeof raw.elapsedMs === 'number' && raw.elapsedMs >= 0 ? raw.elapsedMs : 0;
    const pending = readPending(raw.pending);
    return pending ? { values, elapsedMs, pending } : { values, elapsedMs };
  } catch {
    return undefined;
  }
}

/** Keeps the draft for `eventId`; silently does nothing when storage refuses. */
export function saveDraft(eventId: string, draft: RegistrationDraft): void {
  // Rebuilt field by field so nothing else (a honeypot value) can slip in.
  const values = readValues(draft.values);
  const pending = draft.pending && {
    idempotencyKey: draft.pending.idempotencyKey,
    body: Object.fromEntries(Object.entries(draft.pending.body).filter(([key]) => key !== 'website')),
  };
  try {
    storage()?.setItem(PREFIX + eventId, JSON.stringify({ values, elapsedMs: draft.elapsedMs, pending }));
  } catch {
    // Full or forbidden storage: the form still works, the draft is just not kept.
  }
}

/** Forgets the draft for `eventId` (after a successful registration). */
export function clearDraft(eventId: string): void {
  try {
    storage()?.removeItem(PREFIX + eventId);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
