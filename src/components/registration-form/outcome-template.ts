/**
 * The form's messages: why an event takes no registration here, the panel of a final answer, and the alert about a
 * send that did not go through while the form stays.
 */
import { html, nothing } from 'lit';
import type { AgendaEvent } from '../../feed/model.js';
import type { RegistrationAvailability } from '../../domain/availability.js';
import { formatDateRange, formatDateTime, formatTimeRange } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { isRetryable } from '../../registration/client.js';
import type { RegistrationFormMessages } from './registration-form.messages.js';
import { shownResult, type FinalResult, type SubmissionState } from './submission.js';

/** A titled message: `role` says whether it interrupts (alert) or waits its turn (status). */
export function renderMessage(
  role: 'alert' | 'status',
  title: string,
  body?: unknown,
  extra?: unknown,
  variant = 'info',
) {
  return html`<div part="message" class="message outcome ${variant}" role=${role} tabindex="-1">
    <h2 class="message-title">${title}</h2>
    ${body ? html`<p>${body}</p>` : nothing} ${extra ?? nothing}
  </div>`;
}

/** Why the form is not offered for an availability that takes no registration here. */
export function renderClosed(
  availability: Exclude<RegistrationAvailability, { reason: 'open' | 'waiting-list' }>,
  event: AgendaEvent,
  text: RegistrationFormMessages,
  locale: Locale,
) {
  switch (availability.reason) {
    case 'cancelled':
      return renderMessage('status', text.cancelledTitle, text.cancelledBody);
    case 'external':
      return html`<div part="message" class="message external">
        <p>${text.externalIntro}</p>
        <a part="button" class="button" href=${availability.url} target="_blank" rel="noopener noreferrer">
          ${text.externalLink}<span class="visually-hidden"> ${text.newWindow}</span>
        </a>
      </div>`;
    case 'no-registration':
    case 'no-endpoint':
      return renderMessage('status', text.noRegistrationTitle, text.noRegistration);
    case 'postponed':
    case 'window-ended':
    case 'event-over':
    case 'closed':
      return renderMessage('status', text.closedTitle, text.closedBody);
    case 'not-open-yet':
      return renderMessage(
        'status',
        text.closedTitle,
        availability.opens
          ? text.opensOn(formatDateTime(availability.opens, event.timeZone, locale))
          : undefined,
      );
    case 'full':
      return renderMessage('status', text.fullTitle, text.fullBody);
  }
}

/** The panel that replaces the form after a final answer. */
export function renderFinalOutcome(
  result: FinalResult,
  event: AgendaEvent,
  text: RegistrationFormMessages,
  locale: Locale,
  addToCalendar: (event: AgendaEvent & { start: Date; end: Date }) => void,
) {
  if (result.status === 'confirmed') {
    const { start, end } = event;
    const dated = start && end ? { ...event, start, end } : undefined;
    const when = dated
      ? formatDateRange(dated.start, dated.end, event.timeZone, locale, event.allDay) +
        (event.allDay ? '' : `, ${formatTimeRange(dated.start, dated.end, event.timeZone, locale)}`)
      : undefined;
    return renderMessage(
      'status',
      text.confirmedTitle,
      text.confirmedBody(when),
      html`<p class="reference">${text.reference(result.registrationId)}</p>
        ${
          dated
            ? html`<button part="button" class="secondary" type="button" @click=${() => addToCalendar(dated)}>
                ${text.addToCalendar}
              </button>`
            : nothing
        }`,
      'success',
    );
  }
  if (result.status === 'waitlisted') {
    return renderMessage(
      'status',
      text.waitlistedTitle,
      text.waitlistedBody(result.position),
      undefined,
      'warning',
    );
  }
  switch (result.code) {
    case 'already-registered':
      return renderMessage('status', text.alreadyRegisteredTitle, text.alreadyRegisteredBody);
    case 'full':
      return renderMessage('alert', text.fullTitle, text.fullBody, undefined, 'error');
    case 'unknown-event':
      return renderMessage('alert', text.unknownEventTitle, text.unknownEventBody, undefined, 'error');
    case 'closed':
      return renderMessage('alert', text.closedTitle, text.closedBody, undefined, 'error');
  }
}

/**
 * The message about the last send while the form stays (nothing when there is none). While an unavailability is
 * retried the same message stays in place, only its last sentence changes: nothing below it moves.
 */
export function renderOutcomeAlert(
  state: SubmissionState,
  text: RegistrationFormMessages,
  summaryShown: boolean,
  retry: () => void,
) {
  const result = shownResult(state);
  if (!result || result.status === 'confirmed' || result.status === 'waitlisted') return nothing;
  const retryButton = html`<button part="button" class="secondary" type="button" @click=${retry}>
    ${text.retry}
  </button>`;
  if (result.status === 'error' && result.code === 'unavailable') {
    const body =
      state.status === 'retrying'
        ? text.unavailableRetrying(state.retryInSeconds)
        : state.status === 'sending'
          ? text.unavailableRetryingNow
          : text.unavailableGaveUp;
    return renderMessage('alert', text.unavailableTitle, body, retryButton, 'error');
  }
  // The server answered (a 5xx): its fault, not the person's connection, so it must not say "check your connection".
  if (result.status === 'error' && result.code === 'server-error') {
    return renderMessage('alert', text.failedTitle, text.serverErrorBody, retryButton, 'error');
  }
  if (isRetryable(result) || result.status === 'failed') {
    return renderMessage('alert', text.failedTitle, text.failedBody, retryButton, 'error');
  }
  switch (result.code) {
    case 'members-only':
      return renderMessage('alert', text.membersOnlyTitle, text.membersOnlyBody, undefined, 'error');
    case 'rate-limited':
      return renderMessage(
        'alert',
        text.rateLimitedTitle,
        text.rateLimitedBody(result.retryAfter),
        undefined,
        'error',
      );
    case 'invalid':
      // Errors on the fields are listed by the summary; this says only that the server refused them.
      return summaryShown
        ? nothing
        : renderMessage('alert', text.invalidTitle, undefined, undefined, 'error');
    default:
      return renderMessage('alert', text.failedTitle, undefined, undefined, 'error');
  }
}
