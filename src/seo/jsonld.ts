/**
 * schema.org `Event` JSON-LD for search engines, written into the widget's light DOM (`jsonld-script.ts`) where
 * crawlers read it. The widgets import this builder after their first render: it is not needed to show events.
 */
import { isHttpUrl, sessionLocation, sessionTitle } from '../calendar/describe.js';
import { isoWithOffset } from '../calendar/zoned.js';
import { zonedDay } from '../feed/time.js';
import type { DatedEvent, Organization, Place, Schedule, VirtualLocation } from '../feed/model.js';
import { registrationAvailability } from '../domain/availability.js';
import {
  attendanceModeTerm,
  availabilityTerm,
  eventStatusTerm,
  frequencyTerm,
  SCHEMA_ORG,
  weekdayTerm,
} from '../domain/vocabulary.js';

/** A JSON-LD node, as `JSON.stringify` will write it (undefined members are left out). */
export type JsonLd = Record<string, unknown>;

const SCHEMA = SCHEMA_ORG;

/** One value for one item, an array for several, nothing for none: how schema.org publishers usually write it. */
function oneOrMany<T>(items: T[]): T | T[] | undefined {
  return items.length > 1 ? items : items[0];
}

/** Drops undefined members at every depth, so the object holds exactly what will be published. */
function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => [key, prune(member)]),
  ) as T;
}

const httpUrl = (url: string | undefined) => (isHttpUrl(url) ? url : undefined);

function location(place: Place | VirtualLocation): JsonLd {
  if (place.kind === 'virtual')
    return { '@type': 'VirtualLocation', name: place.name, url: httpUrl(place.url) };
  return {
    '@type': 'Place',
    name: place.name,
    address: place.address && { '@type': 'PostalAddress', ...place.address },
    geo: place.geo && {
      '@type': 'GeoCoordinates',
      latitude: place.geo.latitude,
      longitude: place.geo.longitude,
    },
  };
}

function organization(organizer: Organization): JsonLd {
  return {
    '@type': 'Organization',
    name: organizer.name,
    url: httpUrl(organizer.url),
    logo: httpUrl(organizer.logo),
  };
}

/**
 * The offer, its `availability` being what the widgets decided (`registrationAvailability` at `now`), so search
 * engines read what the card shows. An event that takes registration gets an offer even when the feed gives none.
 */
function offer(event: DatedEvent, now: Date): JsonLd | undefined {
  const { offer, registration, timeZone } = event;
  if (!offer && registration.mode === 'none') return undefined;
  const term = availabilityTerm(registrationAvailability(event, now), offer);
  return {
    '@type': 'Offer',
    price: offer?.price,
    priceCurrency: offer?.priceCurrency,
    availability: term && SCHEMA + term,
    validFrom: offer?.validFrom && isoWithOffset(offer.validFrom, timeZone),
    validThrough: offer?.validThrough && isoWithOffset(offer.validThrough, timeZone),
    url: httpUrl(offer?.url ?? registration.url),
  };
}

function schedule(schedule: Schedule, timeZone: string): JsonLd {
  return {
    '@type': 'Schedule',
    startDate: schedule.startDate,
    endDate: schedule.endDate,
    repeatFrequency: frequencyTerm(schedule.repeatFrequency),
    byDay: oneOrMany(schedule.byDay.map((day) => SCHEMA + weekdayTerm(day))),
    byMonthWeek: oneOrMany(schedule.byMonthWeek ?? []),
    byMonthDay: oneOrMany(schedule.byMonthDay ?? []),
    startTime: schedule.startTime,
    endTime: schedule.endTime,
    exceptDate: oneOrMany(schedule.exceptDates),
    scheduleTimezone: timeZone,
  };
}

/** A date alone for an all-day event (its last day for `endDate`), else local time with the zone's offset. */
function when(date: Date, allDay: boolean, timeZone: string): string {
  return allDay ? zonedDay(date, timeZone) : isoWithOffset(date, timeZone);
}

/**
 * The schema.org `Event` describing `event`, its sessions as `subEvent`s.
 *
 * @param now the widget's clock: decides `offers.availability` (default: the real clock)
 */
export function eventJsonLd(event: DatedEvent, now: Date = new Date()): JsonLd {
  const zone = event.timeZone;
  const moved = event.status === 'rescheduled' || event.status === 'postponed';
  return prune({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.name,
    description: event.summary,
    url: httpUrl(event.url),
    startDate: when(event.start, event.allDay, zone),
    endDate: when(event.end, event.allDay, zone),
    eventStatus: SCHEMA + eventStatusTerm(event.status),
    previousStartDate: moved
      ? oneOrMany(event.previousStartDates.map((date) => isoWithOffset(date, zone)))
      : undefined,
    eventAttendanceMode: SCHEMA + attendanceModeTerm(event.attendanceMode),
    location: oneOrMany(event.locations.map(location)),
    organizer: oneOrMany(event.organizers.map(organization)),
    offers: offer(event, now),
    isAccessibleForFree: event.isAccessibleForFree ?? event.offer?.isAccessibleForFree,
    maximumAttendeeCapacity: event.maximumAttendeeCapacity,
    remainingAttendeeCapacity: event.remainingAttendeeCapacity,
    audience: oneOrMany(event.audiences.map((audienceType) => ({ '@type': 'Audience', audienceType }))),
    inLanguage: event.inLanguage,
    image: httpUrl(event.image?.url),
    eventSchedule: event.schedule && schedule(event.schedule, zone),
    subEvent:
      event.sessions.length > 1
        ? event.sessions.map((session, index) => {
            const place = sessionLocation(event, session);
            return {
              '@type': 'Event',
              name: sessionTitle(event, index),
              startDate: when(session.start, session.allDay, zone),
              endDate: when(session.end, session.allDay, zone),
              eventStatus: SCHEMA + eventStatusTerm(event.status),
              location: place && location(place),
            };
          })
        : undefined,
  });
}
