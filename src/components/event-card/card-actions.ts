/**
 * What a card's buttons do, shared by `<ra-event-card>` and `<ra-agenda>`. Heavy code (the registration form,
 * the `.ics` writer, the calendar links, the sanitizer) is imported only when a reader asks for it.
 */
import type { AgendaEvent, DatedEvent } from '../../feed/model.js';
import { registrationAvailability, takesRegistrations } from '../../domain/availability.js';
import { RaRegisterEvent } from '../../internal/events.js';
import { safeUrl } from '../../internal/safe-url.js';
import { eventAnchor, type CalendarLinks } from './event-card.template.js';

/** What the registration form needs besides the event. */
export interface RegisterOptions {
  feedUrl?: string;
  /** A language for the form; by default it speaks, and follows, the language of `trigger`. */
  lang?: string;
  privacyPolicyUrl?: string;
  /** The widget's pinned clock (its `now` attribute), so the form judges the registration window the same way. */
  now?: string;
  /** Focus returns here when the form's dialog closes. */
  trigger?: HTMLElement;
}

/**
 * Dispatches a cancelable `ra-register` on `host`; unless the page handles it, follows the external registration
 * URL in a new window or opens the registration form. Resolves once the default action has started.
 */
export async function register(
  host: HTMLElement,
  event: AgendaEvent,
  options: RegisterOptions = {},
): Promise<void> {
  if (!host.dispatchEvent(new RaRegisterEvent(event))) return;
  const pinned = options.now ? new Date(options.now) : undefined;
  const now = pinned && !Number.isNaN(pinned.getTime()) ? pinned : new Date();
  // The same decision that showed the button: an external page, or this site's form.
  const availability = registrationAvailability(event, now);
  if (availability.reason === 'external') {
    window.open(availability.url, '_blank', 'noopener');
  } else if (takesRegistrations(availability)) {
    const { openRegistrationDialog } = await import('../registration-form/open-dialog.js');
    openRegistrationDialog(event, options);
  }
}

/** Downloads the event as an `.ics` file. */
export async function downloadCalendarFile(event: DatedEvent): Promise<void> {
  const { downloadIcs } = await import('../../calendar/ics.js');
  downloadIcs(event);
}

const builtCalendarLinks = new WeakMap<AgendaEvent, CalendarLinks>();

/** The Google Calendar and Outlook links of `event`, once `loadCalendarLinks` has built them. */
export function calendarLinks(event: AgendaEvent): CalendarLinks | undefined {
  return builtCalendarLinks.get(event);
}

/** Builds the calendar menu's links when a reader first opens it; re-render the card once it resolves. */
export async function loadCalendarLinks(event: DatedEvent): Promise<void> {
  if (builtCalendarLinks.has(event)) return;
  const { googleCalendarUrl, outlookCalendarUrl } = await import('../../calendar/links.js');
  builtCalendarLinks.set(event, { google: googleCalendarUrl(event), outlook: outlookCalendarUrl(event) });
}

/** The link to share: the event's page, else this page pointing at the card. */
export function eventLink(event: AgendaEvent, page: string = location.href): string {
  const url = safeUrl(event.url);
  if (url) return url;
  const here = new URL(page);
  here.hash = eventAnchor(event);
  return here.href;
}

/**
 * Copies the event's link. `true` when it is on the clipboard; `false` when the browser refused (no permission,
 * insecure page): show the link for manual copying then.
 */
export async function copyLink(event: AgendaEvent): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(eventLink(event));
    return true;
  } catch {
    return false;
  }
}

/** The sanitized description, ready for the card's `description` context. */
export async function loadDescription(event: AgendaEvent): Promise<unknown> {
  const { sanitizeDescription } = await import('./sanitize.js');
  return sanitizeDescription(event.descriptionHtml ?? '');
}
