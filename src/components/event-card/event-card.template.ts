import { html, nothing, type TemplateResult } from 'lit';
import {
  isDated,
  type AgendaEvent,
  type DatedEvent,
  type Place,
  type PostalAddress,
  type Session,
  type VirtualLocation,
} from '../../feed/model.js';
import {
  registrationAvailability,
  takesRegistrations,
  type RegistrationAvailability,
} from '../../domain/availability.js';
import {
  formatDateRange,
  formatDateTime,
  formatDayMonth,
  formatPrice,
  formatTimeRange,
  zoneNote,
} from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { dayInstant, eventDaySpan } from '../../domain/span.js';
import { flat, noMarkup, staticText, toTemplate, type Flat } from '../../internal/flat-template.js';
import { safeUrl } from '../../internal/safe-url.js';
import { eventCardMessages, type EventCardMessages } from './event-card.messages.js';

export type CardLayout = 'list' | 'compact' | 'grid';

/** "Add to Google Calendar" and "Add to Outlook" URLs, built when a reader opens the calendar menu. */
export interface CalendarLinks {
  google: string;
  outlook: string;
}

/**
 * Everything a card needs besides its event. The card is a pure template so that `<ra-agenda>` can render
 * hundreds of them in its own shadow root without one custom element per item; the host keeps the state
 * (expanded, copied…) and handles the card's buttons for all its cards at once (`card-kit.ts`).
 */
export interface CardContext {
  locale: Locale;
  /** The clock: decides whether registration is still open. */
  now: Date;
  layout: CardLayout;
  /** The title's heading level, to fit the page's outline. */
  headingLevel: 2 | 3 | 4;
  /** The reader's IANA zone; defaults to the browser's. A note names the event's zone when they differ. */
  readerZone?: string;
  /** Whether the detail panel is open. */
  expanded: boolean;
  /** The sanitized description (from `loadDescription`), once loaded. */
  description?: unknown;
  /** Show the "link copied" confirmation. */
  copied?: boolean;
  /** The link to show for manual copying when the clipboard refused it. */
  copyFallback?: string;
  /** The calendar menu's Google and Outlook links, once built (when a reader first opens the menu). */
  calendarLinks?: CalendarLinks;
}

const anchorPrefix = 'ra-event-';

/** Where a card can be reached: `#ra-event-<id>`, its element id too. */
export function eventAnchor(event: AgendaEvent): string {
  return `${anchorPrefix}${event.id}`;
}

/** The id of the event whose card is (or contains) `element`, if it is a card's. */
export function cardEventId(element: Element): string | undefined {
  const id = element.closest('article.card')?.id;
  return id?.startsWith(anchorPrefix) ? id.slice(anchorPrefix.length) : undefined;
}

/** At or below this count, the card warns that places are running out. */
const fewPlacesLeft = 10;

/** The card's constant words as markup (see `staticText`): `m(t.register)`. */
const m = staticText;

const headingTags = { 2: m('h2'), 3: m('h3'), 4: m('h4') } as const;

function dayMonth(date: Date, event: AgendaEvent, locale: Locale): Flat {
  const { day, month } = formatDayMonth(date, event.timeZone, locale);
  return flat`<span class="day-month"><span class="date-day">${day}</span> <span class="date-month">${month}</span></span>`;
}

/** The calendar-leaf block: one day, a range, or each session's day. Decorative: the body says it in words. */
function dateBlock(event: AgendaEvent, locale: Locale, t: EventCardMessages): Flat {
  if (!isDated(event)) {
    return flat`<div class="date undated" part="date" aria-hidden="true"><span class="day-month"><span class="date-month">${m(t.dateToComeShort)}</span></span></div>`;
  }
  const zone = event.timeZone;
  let content: Flat;
  if (event.sessions.length > 1) {
    content = flat`${event.sessions.map((session) => dayMonth(session.start, event, locale))}`;
  } else {
    // The time-span rule decides the days: an evening ending in the small hours shows its start day alone.
    const { first, last } = eventDaySpan(event);
    content =
      first === last
        ? dayMonth(event.start, event, locale)
        : flat`${dayMonth(event.start, event, locale)}<span class="range-dash">–</span>${dayMonth(dayInstant(last, zone), event, locale)}`;
  }
  return flat`<div class="date" part="date" aria-hidden="true">${content}</div>`;
}

function sessionWhen(session: Session, event: AgendaEvent, locale: Locale): string {
  const days = formatDateRange(session.start, session.end, event.timeZone, locale, session.allDay);
  return session.allDay
    ? days
    : `${days}, ${formatTimeRange(session.start, session.end, event.timeZone, locale)}`;
}

/** The dates and times in words, in the event's zone, with the zone named when the reader's clock differs. */
function when(event: AgendaEvent, ctx: CardContext, t: EventCardMessages): Flat {
  const { locale } = ctx;
  if (!isDated(event)) return flat`<p class="when" part="time">${m(t.dateToCome)}</p>`;
  const note = event.allDay ? undefined : zoneNote(event.timeZone, locale, ctx.readerZone, event.start);
  const zoneNoteMarkup = note ? flat` <span class="zone-note" part="zone-note">${note}</span>` : noMarkup;
  if (event.sessions.length > 1) {
    return flat`<div class="when" part="time">
      <span>${m(t.sessions(event.sessions.length))}${zoneNoteMarkup}</span>
      <ol class="sessions" part="sessions">
        ${event.sessions.map(
          (session) =>
            flat`<li>
              <time datetime=${session.start.toISOString()}>${sessionWhen(session, event, locale)}</time>${
                session.name ? flat` – ${session.name}` : noMarkup
              }
            </li>`,
        )}
      </ol>
    </div>`;
  }
  const days = formatDateRange(event.start, event.end, event.timeZone, locale, event.allDay);
  const time = event.allDay ? m(t.allDay) : formatTimeRange(event.start, event.end, event.timeZone, locale);
  return flat`<p class="when" part="time">
    <time datetime=${event.start.toISOString()}>${days}</time> <span class="time">${time}</span>${zoneNoteMarkup}
  </p>`;
}

function addressText(address: PostalAddress | undefined): string {
  const city = [address?.postalCode, address?.addressLocality].filter(Boolean).join(' ');
  return [address?.streetAddress, city].filter(Boolean).join(', ');
}

function mapUrl(place: Place): string | undefined {
  if (place.geo) {
    const { latitude, longitude } = place.geo;
    return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
  }
  const query = [place.name, addressText(place.address), place.address?.addressCountry]
    .filter(Boolean)
    .join(', ');
  return query ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}` : undefined;
}

function location(place: Place | VirtualLocation, t: EventCardMessages): Flat {
  if (place.kind === 'virtual') return flat`<li class="online">${m(t.online)}</li>`;
  const address = addressText(place.address);
  const map = mapUrl(place);
  const name = place.name ? flat`<span class="place-name">${place.name}</span>` : noMarkup;
  const where = address ? flat`<span class="address">${address}</span>` : noMarkup;
  const mapLink = map
    ? flat`<a class="map-link" part="map-link" href=${map} target="_blank" rel="noopener"
        >${m(t.map)}<span class="visually-hidden"> ${m(t.newWindow)}</span></a
      >`
    : noMarkup;
  return flat`<li>${name} ${where} ${mapLink}</li>`;
}

function places(event: AgendaEvent, t: EventCardMessages): Flat {
  const locations =
    event.status === 'moved-online' ? event.locations.filter((l) => l.kind === 'virtual') : event.locations;
  if (locations.length === 0 && (event.attendanceMode === 'online' || event.status === 'moved-online')) {
    return flat`<ul class="place" part="place">
      <li class="online">${m(t.online)}</li>
    </ul>`;
  }
  if (locations.length === 0) return noMarkup;
  return flat`<ul class="place" part="place">
    ${locations.map((l) => location(l, t))}
  </ul>`;
}

/** A status badge; `kind` is one of the card's own words (a class name). */
function badge(kind: string, label: unknown, extra: Flat = noMarkup): Flat {
  return flat`<li class="badge status status--${m(kind)}" part="badge status">${label}${extra}</li>`;
}

function statusBadge(event: AgendaEvent, ctx: CardContext, t: EventCardMessages): Flat {
  switch (event.status) {
    case 'cancelled':
      return badge('cancelled', m(t.cancelled));
    case 'postponed':
      return badge('postponed', m(t.postponed));
    case 'moved-online':
      return badge('online', m(t.online));
    case 'rescheduled': {
      const previous = event.previousStartDates
        .map((date) => formatDateRange(date, date, event.timeZone, ctx.locale, true))
        .join(', ');
      return badge(
        'rescheduled',
        m(t.rescheduled),
        previous ? flat` <span class="previous">(${t.previously(previous)})</span>` : noMarkup,
      );
    }
    case 'scheduled':
      return noMarkup;
  }
}

/** The registration badge: what `registrationAvailability` decided, in words (the status badge says the rest). */
function availabilityBadge(
  availability: RegistrationAvailability,
  event: AgendaEvent,
  ctx: CardContext,
  t: EventCardMessages,
): Flat {
  switch (availability.reason) {
    case 'open': {
      const left = availability.placesLeft;
      return left !== undefined && left <= fewPlacesLeft
        ? flat`<li class="badge places" part="badge places">${t.placesLeft(left)}</li>`
        : noMarkup;
    }
    case 'waiting-list':
      return badge('full', m(t.waitingList));
    case 'full':
      return badge('full', m(t.full));
    case 'not-open-yet':
      return badge(
        'closed',
        availability.opens
          ? t.opensOn(formatDateTime(availability.opens, event.timeZone, ctx.locale))
          : m(t.opensSoon),
      );
    case 'window-ended':
    case 'event-over':
    case 'closed':
      return badge('closed', m(t.registrationClosed));
    case 'external':
    case 'cancelled':
    case 'postponed':
    case 'no-registration':
    case 'no-endpoint':
      return noMarkup;
  }
}

function price(event: AgendaEvent, ctx: CardContext, t: EventCardMessages): Flat {
  const offer = event.offer;
  const free = event.isAccessibleForFree || offer?.isAccessibleForFree || offer?.price === 0;
  if (free) return flat`<span class="price" part="price">${m(t.free)}</span>`;
  if (offer?.price === undefined) return noMarkup;
  return flat`<span class="price" part="price">${formatPrice(offer.price, offer.priceCurrency, ctx.locale)}</span>`;
}

function image(event: AgendaEvent): Flat {
  const src = safeUrl(event.image?.url);
  if (!event.image || !src) return noMarkup;
  return flat`<img
    class="image"
    part="image"
    src=${src}
    alt=${event.image.alt}
    loading="lazy"
    decoding="async"
  />`;
}

function link(url: string | undefined, label: string, t: EventCardMessages): TemplateResult | string {
  const href = safeUrl(url);
  return href
    ? html`<a href=${href} target="_blank" rel="noopener"
        >${label}<span class="visually-hidden"> ${t.newWindow}</span></a
      >`
    : label;
}

function contact(event: AgendaEvent, t: EventCardMessages): TemplateResult | typeof nothing {
  const c = event.contact;
  if (!c) return nothing;
  const tel = c.telephone ? safeUrl(`tel:${c.telephone.replace(/[^\d+]/g, '')}`) : undefined;
  const mail = c.email ? safeUrl(`mailto:${c.email.trim()}`) : undefined;
  return html`<div class="contact" part="contact">
    <strong>${t.contact}</strong>
    ${c.name ? html`<span>${c.name}</span>` : nothing}
    ${tel ? html`<a href=${tel}><span class="visually-hidden">${t.phone} </span>${c.telephone}</a>` : nothing}
    ${mail ? html`<a href=${mail}><span class="visually-hidden">${t.email} </span>${c.email}</a>` : nothing}
  </div>`;
}

function organizations(
  label: string,
  list: AgendaEvent['partners'],
  partName: string,
  t: EventCardMessages,
): TemplateResult | typeof nothing {
  if (list.length === 0) return nothing;
  return html`<div class="organizations" part=${partName}>
    <strong>${label}</strong>
    <ul>
      ${list.map((org) => html`<li>${link(org.url, org.name, t)}</li>`)}
    </ul>
  </div>`;
}

function hasDetails(event: AgendaEvent): boolean {
  return Boolean(
    event.descriptionHtml || event.contact || event.partners.length || event.organizers.length || event.url,
  );
}

function details(event: AgendaEvent, ctx: CardContext, t: EventCardMessages, id: string): Flat {
  const description = event.descriptionHtml
    ? html`<div class="description" part="description">
        ${ctx.description ?? html`<p class="loading" role="status">${t.loadingDescription}</p>`}
      </div>`
    : nothing;
  // The panel's content changes with its state: nested, so that opening it keeps the card's DOM (and focus).
  return flat`<div class="details" part="details" id=${id} ?hidden=${!ctx.expanded}>${
    ctx.expanded
      ? html`${description} ${contact(event, t)}
        ${organizations(t.organizers, event.organizers, 'organizers', t)}
        ${organizations(t.partners, event.partners, 'partners', t)}
        ${event.url && safeUrl(event.url) ? html`<p>${link(event.url, t.eventPage, t)}</p>` : nothing}`
      : nothing
  }</div>`;
}

function registerAction(availability: RegistrationAvailability, t: EventCardMessages): Flat {
  if (availability.reason === 'external') {
    return flat`<a
      class="button button--primary"
      part="register-button"
      href=${availability.url}
      target="_blank"
      rel="noopener"
      >${m(t.register)}<span class="visually-hidden"> ${m(t.newWindow)}</span></a
    >`;
  }
  if (!takesRegistrations(availability)) return noMarkup;
  return flat`<button type="button" class="button button--primary" part="register-button">
    ${m(availability.reason === 'waiting-list' ? t.registerWaitingList : t.register)}
  </button>`;
}

/** The calendar menu's Google and Outlook entries, once built: they change with the menu's state. */
function calendarLinkItems(links: CalendarLinks | undefined, t: EventCardMessages): unknown {
  if (!links) return nothing;
  const external = (url: string | undefined, label: string) =>
    safeUrl(url)
      ? html`<li>
          <a href=${safeUrl(url)} target="_blank" rel="noopener"
            >${label}<span class="visually-hidden"> ${t.newWindow}</span></a
          >
        </li>`
      : nothing;
  return html`${external(links.google, t.google)} ${external(links.outlook, t.outlook)}`;
}

function calendarMenu(event: DatedEvent, ctx: CardContext, t: EventCardMessages): Flat {
  if (event.status === 'cancelled') return noMarkup;
  // A native disclosure, keyboard and screen-reader support built in. Its links are built when it first opens.
  return flat`<details class="calendar" part="calendar">
    <summary class="button" part="calendar-button">
      <span class="label">${m(t.addToCalendar)}</span
      ><span class="label-short" aria-hidden="true">${m(t.addToCalendarShort)}</span>
    </summary>
    <ul class="calendar-menu" part="calendar-menu">
      <li>
        <button type="button" class="link-button">${m(t.downloadIcs)}</button>
      </li>
      ${calendarLinkItems(ctx.calendarLinks, t)}
    </ul>
  </details>`;
}

/** "Lien copié", or the link to copy by hand: they change with the card's state. */
function copyState(ctx: CardContext, t: EventCardMessages): unknown {
  if (!ctx.copyFallback) return nothing;
  return html`<label class="copy-fallback" part="copy-fallback"
    >${t.copyFallback}
    <input
      readonly
      .value=${ctx.copyFallback}
      @focus=${(e: Event) => (e.currentTarget as HTMLInputElement).select()}
  /></label>`;
}

function copyAction(ctx: CardContext, t: EventCardMessages): Flat {
  return flat`<button type="button" class="button copy-button" part="copy-button">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"
        /></svg
      ><span class="label">${m(t.copyLink)}</span>
    </button>
    <span class="copy-status" part="copy-status" role="status">${ctx.copied ? t.linkCopied : nothing}</span>
    ${copyState(ctx, t)}`;
}

/**
 * One event as a card's markup, to splice into a list's (`flat`): one Lit template per shape of card. Pure: the
 * same event and context always give the same markup. Its buttons carry no listeners: the host handles them all
 * at its root (`CardKit`).
 */
export function eventCardMarkup(event: AgendaEvent, ctx: CardContext): Flat {
  const t = eventCardMessages[ctx.locale];
  const anchor = eventAnchor(event);
  const titleId = `${anchor}-title`;
  const detailsId = `${anchor}-details`;
  const cancelled = event.status === 'cancelled';
  // The event's own language marks its texts when it differs from the interface's.
  const contentLang = event.inLanguage.split('-')[0] !== ctx.locale ? event.inLanguage : nothing;
  const categories = event.categories.length
    ? flat`<ul class="categories" part="categories">
        ${event.categories.map((c) => flat`<li>${t.category(c)}</li>`)}
      </ul>`
    : noMarkup;
  const meta = [
    event.programme ? flat`<span class="programme" part="programme">${event.programme}</span>` : noMarkup,
    price(event, ctx, t),
    event.audiences.length
      ? flat`<span class="audiences" part="audiences">${t.audience(event.audiences.join(', '))}</span>`
      : noMarkup,
  ].filter((piece) => piece !== noMarkup);
  const availability = registrationAvailability(event, ctx.now);
  const badges = [
    statusBadge(event, ctx, t),
    availabilityBadge(availability, event, ctx, t),
    event.membersOnly
      ? flat`<li class="badge audience" part="badge audience">${m(t.membersOnly)}</li>`
      : noMarkup,
  ].filter((b) => b !== noMarkup);
  const withDetails = hasDetails(event);
  // Badges and the meta line vary the most from card to card: their own templates keep the card's shapes few.
  const heading = headingTags[ctx.headingLevel];
  return flat`<article
    class="card card--${m(ctx.layout)} ${cancelled ? m('card--cancelled') : noMarkup}"
    part="card"
    id=${anchor}
    aria-labelledby=${titleId}
  >
    ${ctx.layout === 'compact' ? noMarkup : image(event)}
    <div class="main">
      ${dateBlock(event, ctx.locale, t)}
      <div class="body">
        <${heading} class="title" id=${titleId} part="title"><span lang=${contentLang}>${event.name}</span></${heading}>
        ${badges.length ? toTemplate(flat`<ul class="badges">${badges}</ul>`) : noMarkup}
        ${
          event.restriction
            ? flat`<p class="restriction" part="restriction" lang=${contentLang}>${event.restriction}</p>`
            : noMarkup
        }
        ${when(event, ctx, t)} ${places(event, t)}
        ${meta.length ? toTemplate(flat`<p class="meta">${meta}</p>`) : noMarkup} ${categories}
        ${
          event.summary && ctx.layout !== 'compact'
            ? flat`<p class="summary" part="summary" lang=${contentLang}>${event.summary}</p>`
            : noMarkup
        }
        <div class="actions" part="actions">
          ${registerAction(availability, t)}
          ${
            withDetails
              ? flat`<button
                  type="button"
                  class="button"
                  part="details-button"
                  aria-expanded=${ctx.expanded ? 'true' : 'false'}
                  aria-controls=${detailsId}
                >
                  ${m(t.moreDetails)}
                </button>`
              : noMarkup
          }
          ${isDated(event) ? calendarMenu(event, ctx, t) : noMarkup} ${copyAction(ctx, t)}
        </div>
        ${withDetails ? details(event, ctx, t, detailsId) : noMarkup}
      </div>
    </div>
  </article>`;
}

/** One event as a card. Adopt `eventCardStyles` in the shadow root that renders it. */
export function renderEventCard(event: AgendaEvent, ctx: CardContext): TemplateResult {
  return toTemplate(eventCardMarkup(event, ctx));
}
