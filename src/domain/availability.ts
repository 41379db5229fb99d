/**
 * Registration availability, decided once. One pure function of (event, now) answers "can one register for this
 * event, here, now — and if not, why?" for the card and the agenda (label and button), the registration form (which
 * panel it shows), the server (accept, wait-list or refuse) and the JSON-LD (`offers.availability`).
 *
 * Inspired by pretix's widget: the decision ships a reason code; every caller only maps codes to words, statuses or
 * schema.org terms, each with an exhaustive `switch`, so a new reason fails to compile until every caller handles it.
 */
import type { AgendaEvent, EventStatus } from '../feed/model.js';
import { isOver } from './span.js';

/**
 * Why registration is, or is not, open:
 * - `open`: registration is taken here (by the form and the server); `membersOnly` says whether only active members
 *   are accepted; `placesLeft` is the feed's `remainingAttendeeCapacity` when it gives one.
 * - `waiting-list`: every place is taken (`remainingAttendeeCapacity: 0`) but the offer is not `SoldOut`: the form
 *   is offered, the server puts newcomers on the waiting list (HTTP 202).
 * - `external`: registration happens on another site, at `url` (http or https only).
 * - `not-open-yet`: before the offer's `validFrom` (`opens`), or the offer is `PreOrder` (`opens` is then unknown
 *   unless `validFrom` gives it).
 * - `full`: the offer is `SoldOut`: no waiting list.
 * - `window-ended`: after the offer's `validThrough`.
 * - `event-over`: the event (its last session or occurrence) is over.
 * - `cancelled`: `eventStatus` is `EventCancelled`.
 * - `postponed`: `eventStatus` is `EventPostponed`: no date yet, registration is suspended.
 * - `closed`: the feed closed registration (`registration.mode: "closed"`, or `offers.availability: Discontinued`).
 * - `no-registration`: the event takes no registration (`mode: "none"`, or an external one without a usable URL).
 * - `no-endpoint`: registration would be inline, but the feed gives no endpoint to send it to.
 */
export type AvailabilityReason =
  | 'open'
  | 'waiting-list'
  | 'external'
  | 'not-open-yet'
  | 'full'
  | 'window-ended'
  | 'event-over'
  | 'cancelled'
  | 'postponed'
  | 'closed'
  | 'no-registration'
  | 'no-endpoint';

/** The reasons for which this site's form and server take registrations. */
export type OpenReason = 'open' | 'waiting-list';

/** What `registrationAvailability` decided: a reason, and what goes with it. */
export type RegistrationAvailability =
  | {
      reason: 'open';
      /** Only active members are accepted (the form asks for the member organisation; the server checks it). */
      membersOnly: boolean;
      /** Places left as the feed says (`remainingAttendeeCapacity`), when it says. */
      placesLeft?: number;
    }
  | { reason: 'waiting-list'; membersOnly: boolean }
  | {
      reason: 'external';
      /** The registration page (http or https). */
      url: string;
    }
  | {
      reason: 'not-open-yet';
      /** When registration opens (the offer's `validFrom`), if the feed says. */
      opens?: Date;
    }
  | {
      reason: Exclude<AvailabilityReason, 'open' | 'waiting-list' | 'external' | 'not-open-yet'>;
    };

/** Options a caller may give besides the event. */
export interface AvailabilityOptions {
  /**
   * Where registrations are sent when the caller overrides the feed's `registration.endpoint` (the form's `action`
   * attribute). Only decides between `open` and `no-endpoint`.
   */
  endpoint?: string;
}

/** Whether the event's status suspends registration: each status says so, and a new one must say too. */
function statusRefusal(status: EventStatus): 'cancelled' | 'postponed' | false {
  switch (status) {
    case 'cancelled':
      return 'cancelled';
    case 'postponed':
      return 'postponed';
    case 'scheduled':
    case 'rescheduled':
    case 'moved-online':
      return false;
  }
}

/** An absolute http(s) URL, or `undefined`: registration pages come from untrusted feeds. */
function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether, and why, one can register for `event` at `now`. Pure: the same event and instant always give the same
 * answer. The checks run from the most final to the most transient, so the reason shown is the one that matters
 * most (a cancelled event is "cancelled", not "full").
 */
export function registrationAvailability(
  event: AgendaEvent,
  now: Date,
  options: AvailabilityOptions = {},
): RegistrationAvailability {
  const { registration, offer } = event;
  const refusedByStatus = statusRefusal(event.status);
  if (refusedByStatus) return { reason: refusedByStatus };
  if (registration.mode === 'none') return { reason: 'no-registration' };
  if (isOver(event, now)) return { reason: 'event-over' };
  if (registration.mode === 'closed' || offer?.availability === 'Discontinued') return { reason: 'closed' };
  if (offer?.availability === 'SoldOut') return { reason: 'full' };
  if (offer?.validFrom && now < offer.validFrom) return { reason: 'not-open-yet', opens: offer.validFrom };
  if (offer?.availability === 'PreOrder') return { reason: 'not-open-yet' };
  if (offer?.validThrough && now >= offer.validThrough) return { reason: 'window-ended' };
  if (registration.mode === 'external') {
    const url = httpUrl(registration.url ?? offer?.url);
    return url ? { reason: 'external', url } : { reason: 'no-registration' };
  }
  if (!(options.endpoint || registration.endpoint)) return { reason: 'no-endpoint' };
  const membersOnly = event.membersOnly;
  const placesLeft = event.remainingAttendeeCapacity;
  if (placesLeft === 0) return { reason: 'waiting-list', membersOnly };
  return placesLeft === undefined
    ? { reason: 'open', membersOnly }
    : { reason: 'open', membersOnly, placesLeft };
}

/** Whether this site's form and server take registrations (possibly on the waiting list). */
export function takesRegistrations(
  availability: RegistrationAvailability,
): availability is Extract<RegistrationAvailability, { reason: OpenReason }> {
  return availability.reason === 'open' || availability.reason === 'waiting-list';
}

/**
 * The server's refusal for an availability that takes no registration here: `full` for a sold-out event, `closed`
 * for every other reason (HTTP 409, see `src/registration/contract.ts`); `undefined` when registrations are taken.
 */
export function refusalCode(availability: RegistrationAvailability): 'closed' | 'full' | undefined {
  switch (availability.reason) {
    case 'open':
    case 'waiting-list':
      return undefined;
    case 'full':
      return 'full';
    case 'external':
    case 'not-open-yet':
    case 'window-ended':
    case 'event-over':
    case 'cancelled':
    case 'postponed':
    case 'closed':
    case 'no-registration':
    case 'no-endpoint':
      return 'closed';
  }
}
