import type { AgendaEvent } from '../feed/model.js';

/** Our events cross shadow roots so a page can listen on `document`. */
const crossing = { bubbles: true, composed: true } as const;

// Each `eventName` is a getter, not a static field: a static field is a side effect that keeps every event class in
// a bundle, whereas a bundle with one widget keeps only the events it fires (the member badge's `ra-member-badge.js`).

/**
 * `ra-feed-error`: the feed could not be read. Fired by every widget that reads a feed; the widget then shows its
 * own error state. Bubbles and crosses shadow roots.
 *
 * @example document.addEventListener('ra-feed-error', (e) => report(e.url, e.error.message));
 */
export class RaFeedErrorEvent extends Event {
  static get eventName() {
    return 'ra-feed-error' as const;
  }
  constructor(
    /** The feed's URL as the widget resolved it. */
    readonly url: string,
    /** Why: usually a `FeedError` (from `ra-widgets/feed`) whose `reason` is a code and whose message names the URL. */
    readonly error: Error,
  ) {
    super(RaFeedErrorEvent.eventName, crossing);
  }
}

/**
 * `ra-register`: someone pressed "S'inscrire" on an event card (alone or inside an agenda). Cancelable: call
 * `preventDefault()` to handle registration yourself; otherwise the external registration page or the
 * registration form opens.
 *
 * @example agenda.addEventListener('ra-register', (e) => { e.preventDefault(); openMyForm(e.event.id); });
 */
export class RaRegisterEvent extends Event {
  static get eventName() {
    return 'ra-register' as const;
  }
  constructor(
    /** The event (schema.org Event, as read from the feed) the person wants to attend. */
    readonly event: AgendaEvent,
  ) {
    super(RaRegisterEvent.eventName, { ...crossing, cancelable: true });
  }
}

/** `ra-registration-submit`: `<ra-registration-form>` is sending a registration. */
export class RaRegistrationSubmitEvent extends Event {
  static get eventName() {
    return 'ra-registration-submit' as const;
  }
  constructor(
    /** The feed event's `id`. */
    readonly eventId: string,
    /** The `Idempotency-Key` (a UUID) sent with the request; a retry reuses it. */
    readonly idempotencyKey: string,
  ) {
    super(RaRegistrationSubmitEvent.eventName, crossing);
  }
}

/** `ra-registration-success`: the server accepted the registration. */
export class RaRegistrationSuccessEvent extends Event {
  static get eventName() {
    return 'ra-registration-success' as const;
  }
  constructor(
    /** The feed event's `id`. */
    readonly eventId: string,
    /** `confirmed` (a place is held) or `waitlisted` (on the waiting list). */
    readonly status: 'confirmed' | 'waitlisted',
    /** The server's identifier for this registration. */
    readonly registrationId: string,
  ) {
    super(RaRegistrationSuccessEvent.eventName, crossing);
  }
}

/** `ra-registration-error`: the registration did not go through; the form keeps what the person typed. */
export class RaRegistrationErrorEvent extends Event {
  static get eventName() {
    return 'ra-registration-error' as const;
  }
  constructor(
    /** The feed event's `id`. */
    readonly eventId: string,
    /** Why: a `RegistrationErrorCode` from `ra-widgets/registration/contract` (`full`, `closed`, `invalid`, …), `network` or `timeout`. */
    readonly code: string,
  ) {
    super(RaRegistrationErrorEvent.eventName, crossing);
  }
}

declare global {
  /** Makes `addEventListener('ra-…', …)` typed on every element, on `document` and on `window`. */
  interface GlobalEventHandlersEventMap {
    'ra-feed-error': RaFeedErrorEvent;
    'ra-register': RaRegisterEvent;
    'ra-registration-submit': RaRegistrationSubmitEvent;
    'ra-registration-success': RaRegistrationSuccessEvent;
    'ra-registration-error': RaRegistrationErrorEvent;
  }
}
