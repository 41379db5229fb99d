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
 * (expanded, copied…) and implements the actions, usually with `card-actions.ts`.
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
  /** The calendar menu's Google and Outlook links, once built (see `onOpenCalendar`). */
  calendarLinks?: CalendarLinks;
  onToggleDetails(event: AgendaEvent): void;
  /** `trigger` is the button or link pressed: focus returns there when a dialog closes. */
  onRegister(event: AgendaEvent, trigger: HTMLElement): void;
  /** The `.ics` download; Google and Outlook are plain links. */
  onAddToCalendar(event: DatedEvent, kind: 'ics'): void;
  /** The calendar menu opened: build its `calendarLinks` if they are not yet. */
  onOpenCalendar(event: DatedEvent): void;
  onCopyLink(event: AgendaEvent): void;
}

/** Where a card can be reached: `#ra-event-<id>`, its element id too. */
export function eventAnchor(event: AgendaEvent): string {
  return `ra-event-${event.id}`;
}

/** At or below this count, the card warns that places are running out. */
const fewPlacesLeft = 10;

function heading(level: CardContext['headingLevel'], id: string, content: TemplateResult): TemplateResult {
  switch (level) {
    case 2:
      return html`<h2 class="title" id=${id} part="title">${content}</h2>`;
    case 4:
      return html`<h4 class="title" id=${id} part="title">${content}</h4>`;
    default:
      return html`<h3 class="title" id=${id} part="title">${content}</h3>`;
  }
}

function dayMonth(date: Date, event: AgendaEvent, locale: Locale): TemplateResult {
  const { day, month } = formatDayMonth(date, event.timeZone, locale);
  return html`<span class="day-month"
    ><span class="date-day">${day}</span> <span class="date-month">${month}</span></span
  >`;
}

/** The calendar-leaf block: one day, a range, or each session's day. Decorative: the body says it in words. */
function dateBlock(event: AgendaEvent, locale: Locale, t: EventCardMessages): TemplateResult {
  if (!isDated(event)) {
    return html`<div class="date undated" part="date" aria-hidden="true">
      <span class="day-month"><span class="date-month">${t.dateToComeShort}</span></span>
    </div>`;
  }
  const zone = event.timeZone;
  let content: TemplateResult;
  if (event.sessions.length > 1) {
    content = html`${event.sessions.map((session) => dayMonth(session.start, event, locale))}`;
  } else {
    // The time-span rule decides the days: an evening ending in the small hours shows its start day alone.
    const { first, last } = eventDaySpan(event);
    content =
      first === last
        ? dayMonth(event.start, event, locale)
        : html`${dayMonth(event.start, event, locale)}<span class="range-dash">–</span
            >${dayMonth(dayInstant(last, zone), event, locale)}`;
  }
  return html`<div class="date" part="date" aria-hidden="true">${content}</div>`;
}

function sessionWhen(session: Session, event: AgendaEvent, locale: Locale): string {
  const days = formatDateRange(session.start, session.end, event.timeZone, locale, session.allDay);
  return session.allDay
    ? days
    : `${days}, ${formatTimeRange(session.start, session.end, event.timeZone, locale)}`;
}

/** The dates and times in words, in the event's zone, with the zone named when the reader's clock differs. */
function when(event: AgendaEvent, ctx: CardContext, t: EventCardMessages): TemplateResult {
  const { locale } = ctx;
  if (!isDated(event)) return html`<p class="when" part="time">${t.dateToCome}</p>`;
  const note = event.allDay ? undefined : zoneNote(event.timeZone, locale, ctx.readerZone, event.start);
  const zoneNoteTemplate = note ? html` <span class="zone-note" part="zone-note">${note}</span>` : nothing;
  if (event.sessions.length > 1) {
    return html`<div class="when" part="time">
      <span>${t.sessions(event.sessions.length)}${zoneNoteTemplate}</span>
      <ol class="sessions" part="sessions">
        ${event.sessions.map(
          (session) =>
            html`<li>
              <time datetime=${session.start.toISOString()}>${sessionWhen(session, event, locale)}</time>${
                session.name ? html` – ${session.name}` : nothing
              }
            </li>`,
        )}
      </ol>
    </div>`;
  }
  const days = formatDateRange(event.start, event.end, event.timeZone, locale, event.allDay);
  const time = event.allDay ? t.allDay : formatTimeRange(event.start, event.end, event.timeZone, locale);
  return html`<p class="when" part="time">
    <time datetime=${event.start.toISOString()}>${days}</time>
    <span class="time">${time}</span>${zoneNoteTemplate}
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

function location(place: Place | VirtualLocation, t: EventCardMessages): TemplateResult {
  if (place.kind === 'virtual') return html`<li class="online">${t.online}</li>`;
  const address = addressText(place.address);
  const map = mapUrl(place);
  return html`<li>
    ${place.name ? html`<span class="place-name">${place.name}</span>` : nothing}
    ${address ? html`<span class="address">${address}</span>` : nothing}
    ${
      map
        ? html`<a class="map-link" part="map-link" href=${map} target="_blank" rel="noopener"
            >${t.map}<span class="visually-hidden"> ${t.newWindow}</span></a
          >`
        : nothing
    }
  </li>`;
}

function places(event: AgendaEvent, t: EventCardMessages): TemplateResult | typeof nothing {
  const locations =
    event.status === 'moved-online' ? event.locations.filter((l) => l.kind === 'virtual') : event.locations;
  if (locations.length === 0 && (event.attendanceMode === 'online' || event.status === 'moved-online')) {
    return html`<ul class="place" part="place">
      <li class="online">${t.online}</li>
    </ul>`;
  }
  if (locations.length === 0) return nothing;
  return html`<ul class="place" part="place">
    ${locations.map((l) => location(l, t))}
  </ul>`;
}

function statusBadge(
  event: AgendaEvent,
  ctx: CardContext,
  t: EventCardMessages,
): TemplateResult | typeof nothing {
  const badge = (kind: string, label: string, extra: TemplateResult | typeof nothing = nothing) =>
    html`<li class="badge status status--${kind}" part="badge status">${label}${extra}</li>`;
  switch (event.status) {
    case 'cancelled':
      return badge('cancelled', t.cancelled);
    case 'postponed':
      return badge('postponed', t.postponed);
    case 'moved-online':
      return badge('online', t.online);
    case 'rescheduled': {
      const previous = event.previousStartDates
        .map((date) => formatDateRange(date, date, event.timeZone, ctx.locale, true))
        .join(', ');
      return badge(
        'rescheduled',
        t.rescheduled,
        previous ? html` <span class="previous">(${t.previously(previous)})</span>` : nothing,
      );
    }
    case 'scheduled':
      return nothing;
  }
}

/** The registration badge: what `registrationAvailability` decided, in words (the status badge says the rest). */
function availabilityBadges(
  availability: RegistrationAvailability,
  event: AgendaEvent,
  ctx: CardContext,
  t: EventCardMessages,
): unknown[] {
  const status = (kind: string, label: string) =>
    html`<li class="badge status status--${kind}" part="badge status">${label}</li>`;
  switch (availability.reason) {
    case 'open': {
      const left = availability.placesLeft;
      return left !== undefined && left <= fewPlacesLeft
        ? [html`<li class="badge places" part="badge places">${t.placesLeft(left)}</li>`]
        : [];
    }
    case 'waiting-list':
      return [status('full', t.waitingList)];
    case 'full':
      return [status('full', t.full)];
    case 'not-open-yet':
      return [
        status(
          'closed',
          availability.opens
            ? t.opensOn(formatDateTime(availability.opens, event.timeZone, ctx.locale))
            : t.opensSoon,
        ),
      ];
    case 'window-ended':
    case 'event-over':
    case 'closed':
      return [status('closed', t.registrationClosed)];
    case 'external':
    case 'cancelled':
    case 'postponed':
    case 'no-registration':
    case 'no-endpoint':
      return [];
  }
}

function audienceBadges(event: AgendaEvent, t: EventCardMessages): unknown[] {
  return [
    event.membersOnly
      ? html`<li class="badge audience" part="badge audience">${t.membersOnly}</li>`
      : nothing,
    event.restriction
      ? html`<li class="badge audience" part="badge audience">${event.restriction}</li>`
      : nothing,
  ];
}

function price(event: AgendaEvent, ctx: CardContext, t: EventCardMessages): TemplateResult | typeof nothing {
  const offer = event.offer;
  const free = event.isAccessibleForFree || offer?.isAccessibleForFree || offer?.price === 0;
  if (free) return html`<span class="price" part="price">${t.free}</span>`;
  if (offer?.price === undefined) return nothing;
  return html`<span class="price" part="price"
    >${formatPrice(offer.price, offer.priceCurrency, ctx.locale)}</span
  >`;
}

function image(event: AgendaEvent): TemplateResult | typeof nothing {
  const src = safeUrl(event.image?.url);
  if (!event.image || !src) return nothing;
  return html`<img
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

function details(event: AgendaEvent, ctx: CardContext, t: EventCardMessages, id: string): TemplateResult {
  const description = event.descriptionHtml
    ? html`<div class="description" part="description">
        ${ctx.description ?? html`<p class="loading" role="status">${t.loadingDescription}</p>`}
      </div>`
    : nothing;
  return html`<div class="details" part="details" id=${id} ?hidden=${!ctx.expanded}>
    ${
      ctx.expanded
        ? html`${description} ${contact(event, t)}
          ${organizations(t.organizers, event.organizers, 'organizers', t)}
          ${organizations(t.partners, event.partners, 'partners', t)}
          ${event.url && safeUrl(event.url) ? html`<p>${link(event.url, t.eventPage, t)}</p>` : nothing}`
        : nothing
    }
  </div>`;
}

function registerAction(
  availability: RegistrationAvailability,
  event: AgendaEvent,
  ctx: CardContext,
  t: EventCardMessages,
): TemplateResult | typeof nothing {
  if (availability.reason === 'external') {
    const onClick = (e: MouseEvent) => {
      // Modified clicks open a tab as the reader asked; a plain click first lets the page handle `ra-register`.
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      ctx.onRegister(event, e.currentTarget as HTMLElement);
    };
    return html`<a
      class="button button--primary"
      part="register-button"
      href=${availability.url}
      target="_blank"
      rel="noopener"
      @click=${onClick}
      >${t.register}<span class="visually-hidden"> ${t.newWindow}</span></a
    >`;
  }
  if (!takesRegistrations(availability)) return nothing;
  return html`<button
    type="button"
    class="button button--primary"
    part="register-button"
    @click=${(e: Event) => ctx.onRegister(event, e.currentTarget as HTMLElement)}
  >
    ${availability.reason === 'waiting-list' ? t.registerWaitingList : t.register}
  </button>`;
}

function calendarMenu(
  event: DatedEvent,
  ctx: CardContext,
  t: EventCardMessages,
): TemplateResult | typeof nothing {
  if (event.status === 'cancelled') return nothing;
  const close = (e: Event) => (e.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
  const external = (url: string | undefined, label: string) =>
    safeUrl(url)
      ? html`<li>
          <a href=${safeUrl(url)} target="_blank" rel="noopener" @click=${close}
            >${label}<span class="visually-hidden"> ${t.newWindow}</span></a
          >
        </li>`
      : nothing;
  const links = ctx.calendarLinks;
  // A native disclosure, keyboard and screen-reader support built in. Its links are built when it first opens.
  return html`<details
    class="calendar"
    part="calendar"
    @toggle=${(e: Event) => (e.currentTarget as HTMLDetailsElement).open && ctx.onOpenCalendar(event)}
  >
    <summary class="button" part="calendar-button">${t.addToCalendar}</summary>
    <ul class="calendar-menu" part="calendar-menu">
      <li>
        <button
          type="button"
          class="link-button"
          @click=${(e: Event) => {
            close(e);
            ctx.onAddToCalendar(event, 'ics');
          }}
        >
          ${t.downloadIcs}
        </button>
      </li>
      ${links ? html`${external(links.google, t.google)} ${external(links.outlook, t.outlook)}` : nothing}
    </ul>
  </details>`;
}

function copyAction(event: AgendaEvent, ctx: CardContext, t: EventCardMessages): TemplateResult {
  return html`<button type="button" class="button" part="copy-button" @click=${() => ctx.onCopyLink(event)}>
      ${t.copyLink}
    </button>
    <span class="copy-status" part="copy-status" role="status">${ctx.copied ? t.linkCopied : nothing}</span>
    ${
      ctx.copyFallback
        ? html`<label class="copy-fallback" part="copy-fallback"
            >${t.copyFallback}
            <input
              readonly
              .value=${ctx.copyFallback}
              @focus=${(e: Event) => (e.currentTarget as HTMLInputElement).select()}
          /></label>`
        : nothing
    }`;
}

/**
 * One event as a card. Pure: the same event and context always give the same template, and every action goes
 * through the context's callbacks. Adopt `eventCardStyles` in the shadow root that renders it.
 */
export function renderEventCard(event: AgendaEvent, ctx: CardContext): TemplateResult {
  const t = eventCardMessages[ctx.locale];
  const anchor = eventAnchor(event);
  const titleId = `${anchor}-title`;
  const detailsId = `${anchor}-details`;
  const cancelled = event.status === 'cancelled';
  // The event's own language marks its texts when it differs from the interface's.
  const contentLang = event.inLanguage.split('-')[0] !== ctx.locale ? event.inLanguage : nothing;
  const categories = event.categories.length
    ? html`<ul class="categories" part="categories">
        ${event.categories.map((c) => html`<li>${t.category(c)}</li>`)}
      </ul>`
    : nothing;
  const meta = [
    event.programme ? html`<span class="programme" part="programme">${event.programme}</span>` : nothing,
    price(event, ctx, t),
    event.audiences.length
      ? html`<span class="audiences" part="audiences">${t.audience(event.audiences.join(', '))}</span>`
      : nothing,
  ].filter((piece) => piece !== nothing);
  const availability = registrationAvailability(event, ctx.now);
  const badges = [
    statusBadge(event, ctx, t),
    ...availabilityBadges(availability, event, ctx, t),
    ...audienceBadges(event, t),
  ].filter((b) => b !== nothing);
  return html`<article
    class="card card--${ctx.layout} ${cancelled ? 'card--cancelled' : ''}"
    part="card"
    id=${anchor}
    aria-labelledby=${titleId}
  >
    ${ctx.layout === 'compact' ? nothing : image(event)}
    <div class="main">
      ${dateBlock(event, ctx.locale, t)}
      <div class="body">
        ${heading(ctx.headingLevel, titleId, html`<span lang=${contentLang}>${event.name}</span>`)}
        ${
          badges.length
            ? html`<ul class="badges">
                ${badges}
              </ul>`
            : nothing
        }
        ${when(event, ctx, t)} ${places(event, t)}
        ${meta.length ? html`<p class="meta">${meta}</p>` : nothing} ${categories}
        ${
          event.summary && ctx.layout !== 'compact'
            ? html`<p class="summary" part="summary" lang=${contentLang}>${event.summary}</p>`
            : nothing
        }
        <div class="actions" part="actions">
          ${registerAction(availability, event, ctx, t)}
          ${
            hasDetails(event)
              ? html`<button
                  type="button"
                  class="button"
                  part="details-button"
                  aria-expanded=${ctx.expanded ? 'true' : 'false'}
                  aria-controls=${detailsId}
                  @click=${() => ctx.onToggleDetails(event)}
                >
                  ${t.moreDetails}
                </button>`
              : nothing
          }
          ${isDated(event) ? calendarMenu(event, ctx, t) : nothing} ${copyAction(event, ctx, t)}
        </div>
        ${hasDetails(event) ? details(event, ctx, t, detailsId) : nothing}
      </div>
    </div>
  </article>`;
}
