/**
 * The floor: the agenda's list markup (month sections, the same cards with the same classes, parts, texts and
 * links, under the same stylesheets in a shadow root), written as one string and set with one `innerHTML`,
 * dates through cached `Intl.DateTimeFormat`s. No framework, no diffing, no listeners: the least a browser
 * can do to show the same list. A search box filters by re-rendering the matches the same way.
 */
import { adoptStyles } from 'lit';
import { agendaStyles } from '../../src/components/agenda/agenda.styles.js';
import { eventCardStyles } from '../../src/components/event-card/event-card.styles.js';
import { screenful } from '../../src/components/agenda/agenda.skeleton.js';
import { registrationAvailability, takesRegistrations } from '../../src/domain/availability.js';
import type { AgendaEvent, Place, VirtualLocation } from '../../src/feed/model.js';
import { benchNow, countMarkup, laidOut, loadFeed, nextFrame } from './shared.js';

const zone = 'Europe/Paris';
/** Built on first use, inside the first render's clock, as a page would; cached after. */
let cachedFormats:
  Record<'monthKey' | 'monthLabel' | 'dayMonth' | 'day' | 'time', Intl.DateTimeFormat> | undefined;
function formats(): NonNullable<typeof cachedFormats> {
  return (cachedFormats ??= {
    monthKey: new Intl.DateTimeFormat('fr-FR', { year: 'numeric', month: '2-digit', timeZone: zone }),
    monthLabel: new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: zone }),
    dayMonth: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: zone }),
    day: new Intl.DateTimeFormat('fr-FR', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: zone,
    }),
    time: new Intl.DateTimeFormat('fr-FR', {
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }),
  });
}
const categories: Record<string, string> = {
  club: 'Club',
  atelier: 'Atelier',
  formation: 'Formation',
  webinaire: 'Webinaire',
  forum: 'Forum',
  conference: 'Conférence',
  soiree: 'Soirée',
  visite: 'Visite',
  'petit-dejeuner': 'Petit-déjeuner',
  rencontre: 'Rencontre',
};
const statuses: Partial<Record<AgendaEvent['status'], [string, string]>> = {
  cancelled: ['cancelled', 'Annulé'],
  postponed: ['postponed', 'Reporté'],
  'moved-online': ['online', 'En ligne'],
  rescheduled: ['rescheduled', 'Reprogrammé'],
};
const newWindow = '<span class="visually-hidden"> (nouvelle fenêtre)</span>';
const now = new Date(benchNow);

/** Events with their dates announced (every synthetic one). */
type DatedEvent = AgendaEvent & { start: Date; end: Date };
const dated = (event: AgendaEvent): event is DatedEvent =>
  event.start !== undefined && event.end !== undefined;

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

function dayMonth(date: Date): string {
  const [day, month] = formats().dayMonth.format(date).split(' ');
  return `<span class="day-month"><span class="date-day">${day}</span> <span class="date-month">${month}</span></span>`;
}

function when(event: DatedEvent): string {
  // French typography, as the cards write it: "9 h 00 – 11 h 30".
  const clock = (date: Date) => formats().time.format(date).replace(':', '\u00a0h\u00a0');
  const span = (start: Date, end: Date) => `${clock(start)}\u00a0– ${clock(end)}`;
  if (event.sessions.length > 1) {
    const items = event.sessions
      .map(
        (s) =>
          `<li><time datetime="${s.start.toISOString()}">${formats().day.format(s.start)}, ${span(s.start, s.end)}</time></li>`,
      )
      .join('');
    return `<div class="when" part="time"><span>${event.sessions.length} sessions</span><ol class="sessions" part="sessions">${items}</ol></div>`;
  }
  return `<p class="when" part="time"><time datetime="${event.start.toISOString()}">${formats().day.format(event.start)}</time> <span class="time">${span(event.start, event.end)}</span></p>`;
}

function place(location: Place | VirtualLocation): string {
  if (location.kind === 'virtual') return '<li class="online">En ligne</li>';
  const address = [
    location.address?.streetAddress,
    [location.address?.postalCode, location.address?.addressLocality].join(' '),
  ].join(', ');
  const map = `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${location.name}, ${address}`)}`;
  return `<li><span class="place-name">${escape(location.name ?? '')}</span> <span class="address">${escape(address)}</span> <a class="map-link" part="map-link" href="${map}" target="_blank" rel="noopener">Voir sur la carte${newWindow}</a></li>`;
}

function badges(event: AgendaEvent): string {
  const items: string[] = [];
  const status = statuses[event.status];
  if (status)
    items.push(`<li class="badge status status--${status[0]}" part="badge status">${status[1]}</li>`);
  if (event.status !== 'cancelled') {
    const left = event.remainingAttendeeCapacity;
    if (left === 0) items.push('<li class="badge status status--full" part="badge status">Complet</li>');
    else if (left !== undefined && left <= 10)
      items.push(`<li class="badge places" part="badge places">Plus que ${left} places</li>`);
  }
  if (event.membersOnly)
    items.push('<li class="badge audience" part="badge audience">Réservé aux adhérents</li>');
  return items.length ? `<ul class="badges">${items.join('')}</ul>` : '';
}

/** The calendar menu as the card first renders it: its Google and Outlook links are built when it opens. */
const calendarMenu =
  '<details class="calendar" part="calendar"><summary class="button" part="calendar-button"><span class="label">Ajouter à mon agenda</span><span class="label-short" aria-hidden="true">Mon agenda</span></summary><ul class="calendar-menu" part="calendar-menu"><li><button type="button" class="link-button">Fichier .ics (Apple, Outlook…)</button></li></ul></details>';

const copyIcon =
  '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"></path></svg>';

/** The agenda lays out its first screen's cards at once and defers the others (`content-visibility`). */
function itemClass(index: number): string {
  return index < screenful('list') ? 'item' : 'item later';
}

function card(event: DatedEvent, index: number): string {
  const anchor = `ra-event-${event.id}`;
  const locations =
    event.status === 'moved-online' ? event.locations.filter((l) => l.kind === 'virtual') : event.locations;
  const places = locations.length
    ? locations.map(place).join('')
    : event.attendanceMode === 'online'
      ? '<li class="online">En ligne</li>'
      : '';
  // The same answer the card gives (the one domain module every widget and the server ask).
  const canRegister = takesRegistrations(registrationAvailability(event, now));
  return `<li part="item" class="${itemClass(index)}" data-event-id="${event.id}"><article class="card card--list ${event.status === 'cancelled' ? 'card--cancelled' : ''}" part="card" id="${anchor}" aria-labelledby="${anchor}-title">
<div class="main"><div class="date" part="date" aria-hidden="true">${event.sessions.length > 1 ? event.sessions.map((s) => dayMonth(s.start)).join('') : dayMonth(event.start)}</div>
<div class="body"><h3 class="title" id="${anchor}-title" part="title"><span>${escape(event.name)}</span></h3>${badges(event)}${when(event)}
${places ? `<ul class="place" part="place">${places}</ul>` : ''}
<p class="meta">${event.programme ? `<span class="programme" part="programme">${escape(event.programme)}</span>` : ''}${event.isAccessibleForFree ? '<span class="price" part="price">Gratuit</span>' : ''}</p>
<ul class="categories" part="categories">${event.categories.map((c) => `<li>${categories[c] ?? escape(c)}</li>`).join('')}</ul>
${event.summary ? `<p class="summary" part="summary">${escape(event.summary)}</p>` : ''}
<div class="actions" part="actions">${canRegister ? '<button type="button" class="button button--primary" part="register-button">S’inscrire</button>' : ''}<button type="button" class="button" part="details-button" aria-expanded="false" aria-controls="${anchor}-details">Plus de détails</button>
${event.status === 'cancelled' ? '' : calendarMenu}
<button type="button" class="button copy-button" part="copy-button">${copyIcon}<span class="label">Copier le lien</span></button><span class="copy-status" part="copy-status" role="status"></span></div>
<div class="details" part="details" id="${anchor}-details" hidden></div></div></div></article></li>`;
}

/** Month sections of cards, in start order. */
function listMarkup(events: AgendaEvent[]): string {
  const sorted = events.filter(dated).sort((a, b) => a.start.getTime() - b.start.getTime());
  let html = '';
  let month = '';
  for (const [index, event] of sorted.entries()) {
    const key = formats().monthKey.format(event.start);
    if (key !== month) {
      if (month) html += '</ul></section>';
      month = key;
      html += `<section part="month" class="month"><div part="month-heading" class="month-heading" role="heading" aria-level="2">${formats().monthLabel.format(event.start)}</div><ul part="items" class="items">`;
    }
    html += card(event, index);
  }
  return month ? `${html}</ul></section>` : html;
}

const feed = await loadFeed();
const host = document.createElement('div');
const root = host.attachShadow({ mode: 'open' });
adoptStyles(root, [...eventCardStyles, agendaStyles]);
root.innerHTML = `<form part="filters" class="filters" role="search"><div class="field search"><label for="search">Rechercher</label><input id="search" part="search" type="search" autocomplete="off"></div></form><div part="list" class="list"></div>`;
const list = root.querySelector<HTMLElement>('.list')!;
document.body.append(host);
await nextFrame();

let timer: ReturnType<typeof setTimeout> | undefined;
root.querySelector('input')!.addEventListener('input', (event) => {
  const text = (event.target as HTMLInputElement).value.trim().toLocaleLowerCase('fr');
  clearTimeout(timer);
  // The agenda waits as long before it filters.
  timer = setTimeout(() => {
    list.innerHTML = listMarkup(
      feed.events.filter((e) => `${e.name} ${e.summary ?? ''}`.toLocaleLowerCase('fr').includes(text)),
    );
  }, 150);
});

window.bench = {
  async render() {
    const start = performance.now();
    list.innerHTML = listMarkup(feed.events);
    await laidOut(host);
    return performance.now() - start;
  },
  markup: () => countMarkup(list),
  cards: () => list.querySelectorAll('article').length,
};
