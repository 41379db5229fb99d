/**
 * Test data: a complete, typed `AgendaEvent` with sensible defaults (a morning meeting in Nantes, Paris time),
 * shaped as `normalize` makes it. Override only what a test is about.
 */
import type {
  AgendaEvent,
  DatedEvent,
  Place,
  RegistrationQuestion,
  Schedule,
  Session,
  VirtualLocation,
} from '../../src/feed/model.js';
import { localInstant } from '../../src/feed/time.js';
import { firstOccurrence, lastOccurrence } from '../../src/domain/occurrences.js';

export const PARIS = 'Europe/Paris';

/** The instant a wall-clock time shows in Paris: `paris('2020-09-29', '09:00')`. */
export function paris(date: string, time = '00:00'): Date {
  return localInstant(date, PARIS, time);
}

export const defaultPlace: Place = {
  kind: 'place',
  name: 'Maison des entreprises',
  address: {
    streetAddress: '10 rue de la Paix',
    postalCode: '44000',
    addressLocality: 'Nantes',
    addressCountry: 'FR',
  },
  geo: { latitude: 47.2184, longitude: -1.5536 },
};

export const defaultVirtualLocation: VirtualLocation = {
  kind: 'virtual',
  name: 'Visioconférence',
  url: 'https://visio.example.org/rencontre',
};

/** A session; all-day when only dates are given (`makeSession('2020-09-29')`). */
export function makeSession(overrides: Partial<Session> = {}): Session {
  const start = overrides.start ?? paris('2020-09-29', '09:00');
  return { start, end: overrides.end ?? start, allDay: false, ...overrides };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A normalized event. `sessions` follow `start`/`end`/`allDay` unless given; given sessions set `start`/`end`
 * (first start, last end) unless those are given too. `searchText` follows the texts unless given.
 */
export function makeEvent(overrides: Partial<AgendaEvent> = {}): DatedEvent {
  const { schedule } = overrides;
  // A recurring event's one session is its first occurrence, as `normalize` makes it.
  const first = schedule && !overrides.sessions ? firstOccurrence(schedule, PARIS) : undefined;
  const sessions = overrides.sessions ?? (first && [first]);
  const start = overrides.start ?? sessions?.[0]?.start ?? paris('2020-09-29', '09:00');
  const end =
    overrides.end ??
    (schedule && !schedule.endDate ? start : undefined) ??
    (schedule && lastOccurrence(schedule, PARIS)?.end) ??
    (sessions?.length
      ? new Date(Math.max(...sessions.map((session) => session.end.getTime())))
      : undefined) ??
    paris('2020-09-29', '12:00');
  const allDay = overrides.allDay ?? sessions?.[0]?.allDay ?? false;
  const event: DatedEvent = {
    id: 'rencontre-dirigeants',
    name: 'Rencontre des dirigeants',
    summary: 'Un petit-déjeuner pour échanger entre dirigeants du territoire.',
    descriptionHtml: '<p>Un petit-déjeuner pour <strong>échanger</strong> entre dirigeants.</p>',
    url: 'https://www.reseau-alliances.org/agenda/rencontre-dirigeants',
    timeZone: PARIS,
    status: 'scheduled',
    previousStartDates: [],
    attendanceMode: 'offline',
    locations: [defaultPlace],
    organizers: [{ name: 'Réseau Alliances', url: 'https://www.reseau-alliances.org' }],
    partners: [],
    offer: {
      price: 0,
      priceCurrency: 'EUR',
      isAccessibleForFree: true,
      availability: 'InStock',
      validFrom: paris('2020-09-01'),
      url: 'https://www.reseau-alliances.org/agenda/rencontre-dirigeants#inscription',
    },
    isAccessibleForFree: true,
    maximumAttendeeCapacity: 40,
    remainingAttendeeCapacity: 12,
    audiences: ['Dirigeants'],
    membersOnly: false,
    inLanguage: 'fr',
    image: {
      url: 'https://www.reseau-alliances.org/images/rencontre.jpg',
      alt: 'Des dirigeants autour d’une table',
    },
    categories: ['rencontre'],
    programme: 'Club des dirigeants',
    registration: {
      required: true,
      mode: 'inline',
      endpoint: 'https://api.reseau-alliances.org/inscriptions',
      questions: [],
    },
    contact: {
      name: 'Claire Martin',
      telephone: '+33 2 40 00 00 00',
      email: 'claire.martin@reseau-alliances.org',
    },
    searchText: '',
    ...overrides,
    start,
    end,
    allDay,
    sessions: sessions ?? [{ start, end, allDay }],
  };
  if (overrides.searchText === undefined) {
    const places = event.locations.map((location) => location.name ?? '');
    event.searchText = fold(
      [event.name, event.summary, event.programme, ...places, ...event.categories].join(' '),
    );
  }
  return event;
}

/** An event the feed announces without a date yet ("date à venir"): no sessions, no start, no end. */
export function makeUndatedEvent(overrides: Partial<AgendaEvent> = {}): AgendaEvent {
  const { start: _start, end: _end, ...event } = makeEvent(overrides);
  return { ...event, allDay: false, sessions: [] };
}

/** Extra questions of every kind a registration form asks: text, radios (few choices), select (many), checkbox. */
export const sampleQuestions: RegistrationQuestion[] = [
  { id: 'diet', label: 'Régime alimentaire', type: 'text', options: [], required: false },
  {
    id: 'session',
    label: 'Atelier choisi',
    type: 'choice',
    options: ['Matin', 'Après-midi'],
    required: true,
  },
  {
    id: 'city',
    label: 'Ville',
    type: 'choice',
    options: ['Nantes', 'Rennes', 'Angers', 'Brest', 'Vannes', 'Laval'],
    required: false,
  },
  { id: 'photos', label: 'J’accepte d’être photographié', type: 'checkbox', options: [], required: false },
];

/** The seed's "Cafés de l'Après": every day from Monday 6 April 2020, 13:45–14:30 Paris time. */
export const dailyCafeSchedule: Schedule = {
  startDate: '2020-04-06',
  repeatFrequency: 'daily',
  byDay: [],
  startTime: '13:45',
  endTime: '14:30',
  exceptDates: [],
};
