/**
 * schema.org `Event` JSON-LD for search engines, written into the widget's light DOM (`jsonld-script.ts`) where
 * crawlers read it. The widgets import this builder after their first render: it is not needed to show events.
 */
import { isHttpUrl, sessionLocation, sessionTitle } from '../calendar/describe.js';
import { isoWithOffset } from '../calendar/zoned.js';
import { zonedDay } from '../feed/time.js';
import type {
  DatedEvent,
  AttendanceMode,
  EventStatus,
  Offer,
  Organization,
  Place,
  Schedule,
  VirtualLocation,
} from '../feed/model.js';

/** A JSON-LD node, as `JSON.stringify` will write it (undefined members are left out). */
export type JsonLd = Record<string, unknown>;

const SCHEMA = 'https://schema.org/';

const STATUS: Record<EventStatus, string> = {
  scheduled: 'EventScheduled',
  postponed: 'EventPostponed',
  rescheduled: 'EventRescheduled',
  cancelled: 'EventCancelled',
  'moved-online': 'EventMovedOnline',
};

const MODE: Record<AttendanceMode, string> = {
  offline: 'OfflineEventAttendanceMode',
  online: 'OnlineEventAttendanceMode',
  mixed: 'MixedEventAttendanceMode',
};

const FREQUENCY: Record<Schedule['repeatFrequency'], string> = {
  daily: 'P1D',
  weekly: 'P1W',
  monthly: 'P1M',
};

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

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

function offer(offer: Offer, timeZone: string): JsonLd {
  return {
    '@type': 'Offer',
    price: offer.price,
    priceCurrency: offer.priceCurrency,
    availability: offer.availability && SCHEMA + offer.availability,
    validFrom: offer.validFrom && isoWithOffset(offer.validFrom, timeZone),
    validThrough: offer.validThrough && isoWithOffset(offer.validThrough, timeZone),
    url: httpUrl(offer.url),
  };
}

function schedule(schedule: Schedule, timeZone: string): JsonLd {
  return {
    '@type': 'Schedule',
    startDate: schedule.startDate,
    endDate: schedule.endDate,
    repeatFrequency: FREQUENCY[schedule.repeatFrequency],
    byDay: oneOrMany(schedule.byDay.map((day) => SCHEMA + DAY_NAMES[day - 1])),
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

/** The schema.org `Event` describing `event`, its sessions as `subEvent`s. */
export function eventJsonLd(event: DatedEvent): JsonLd {
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
    eventStatus: SCHEMA + STATUS[event.status],
    previousStartDate: moved
      ? oneOrMany(event.previousStartDates.map((date) => isoWithOffset(date, zone)))
      : undefined,
    eventAttendanceMode: SCHEMA + MODE[event.attendanceMode],
    location: oneOrMany(event.locations.map(location)),
    organizer: oneOrMany(event.organizers.map(organization)),
    offers: event.offer && offer(event.offer, zone),
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
              eventStatus: SCHEMA + STATUS[event.status],
              location: place && location(place),
            };
          })
        : undefined,
  });
}
