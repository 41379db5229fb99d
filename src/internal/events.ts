import type { AgendaEvent } from '../feed/model.js';

/** Our events cross shadow roots so a page can listen on `document`. */
const crossing = { bubbles: true, composed: true } as const;

/** The feed could not be read; `error` says why (its message names the URL). */
export class RaFeedErrorEvent extends Event {
  static readonly eventName = 'ra-feed-error';
  constructor(
    readonly url: string,
    readonly error: Error,
  ) {
    super(RaFeedErrorEvent.eventName, crossing);
  }
}

/** Someone asked to register. Cancel it (`preventDefault()`) to handle registration yourself. */
export class RaRegisterEvent extends Event {
  static readonly eventName = 'ra-register';
  constructor(readonly event: AgendaEvent) {
    super(RaRegisterEvent.eventName, { ...crossing, cancelable: true });
  }
}

/** A registration is being sent. */
export class RaRegistrationSubmitEvent extends Event {
  static readonly eventName = 'ra-registration-submit';
  constructor(
    readonly eventId: string,
    readonly idempotencyKey: string,
  ) {
    super(RaRegistrationSubmitEvent.eventName, crossing);
  }
}

/** The server accepted the registration: `status` is `confirmed` or `waitlisted`. */
export class RaRegistrationSuccessEvent extends Event {
  static readonly eventName = 'ra-registration-success';
  constructor(
    readonly eventId: string,
    readonly status: 'confirmed' | 'waitlisted',
    readonly registrationId: string,
  ) {
    super(RaRegistrationSuccessEvent.eventName, crossing);
  }
}

/** The registration did not go through; `code` says why (e.g. `network`, `full`, `invalid`). */
export class RaRegistrationErrorEvent extends Event {
  static readonly eventName = 'ra-registration-error';
  constructor(
    readonly eventId: string,
    readonly code: string,
  ) {
    super(RaRegistrationErrorEvent.eventName, crossing);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ra-feed-error': RaFeedErrorEvent;
    'ra-register': RaRegisterEvent;
    'ra-registration-submit': RaRegistrationSubmitEvent;
    'ra-registration-success': RaRegistrationSuccessEvent;
    'ra-registration-error': RaRegistrationErrorEvent;
  }
}
