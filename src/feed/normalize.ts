/**
 * Feed-shaped items (as published and validated by `schema.ts`) → the domain model of `model.ts`. Pure: no DOM,
 * no clock. Instants are computed in the event's own time zone.
 */
import type {
  AgendaEvent,
  AttendanceMode,
  EventStatus,
  Offer,
  Organization,
  Place,
  Registration,
  Schedule,
  Session,
  VirtualLocation,
} from './model.js';
import {
  schemaOrgName,
  type FeedEvent,
  type FeedLocation,
  type FeedOffer,
  type FeedOrganization,
  type FeedRegistration,
  type FeedSchedule,
  type FeedSession,
} from './schema.js';
import { defined } from './defined.js';
import { dayNumber, dayString, localInstant, toInstant } from './time.js';
import { firstOccurrence, lastOccurrence, scheduleRuleOf } from '../domain/occurrences.js';
import { attendanceModeFromTerm, eventStatusFromTerm } from '../domain/vocabulary.js';

// Its home is `members.ts`, which the badge reads without the rest of this module.
export { normalizeMember } from './members.js';

/** The network's zone: the default for an event that names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Lower-cased, accent-free text for search: "Réunion ÉCONOMIE" → "reunion economie". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

const toArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function location(feed: FeedLocation): Place | VirtualLocation {
  if (feed['@type'] === 'VirtualLocation')
    return defined({ kind: 'virtual', name: feed.name, url: feed.url });
  const { address, geo } = feed;
  return defined<Place>({
    kind: 'place',
    name: feed.name,
    address:
      address &&
      defined({
        streetAddress: address.streetAddress,
        postalCode: address.postalCode,
        addressLocality: address.addressLocality,
        addressCountry: address.addressCountry,
      }),
    geo: geo && { latitude: geo.latitude, longitude: geo.longitude },
  });
}

/** An organization as published, without its extra properties. */
export function normalizeOrganization(feed: FeedOrganization): Organization {
  return defined({ name: feed.name, url: feed.url, logo: feed.logo });
}

/**
 * A dated part. A plain-date `endDate` is the last day: the session ends at that day's midnight (like its start),
 * so `end` reads as the last day; `query.ts` treats an all-day session as running until the following midnight.
 */
function session(feed: FeedSession, timeZone: string, fallbackLocation?: FeedLocation): Session {
  const start = toInstant(feed.startDate, timeZone);
  const place = feed.location ?? fallbackLocation;
  return defined({
    name: feed.name,
    start,
    end: feed.endDate === undefined ? start : toInstant(feed.endDate, timeZone),
    allDay: feed.startDate.length === 10,
    location: place && location(place),
  });
}

function schedule(feed: FeedSchedule): Schedule {
  return defined({ ...scheduleRuleOf(feed), startTime: feed.startTime, endTime: feed.endTime });
}

/** `validThrough: 2020-09-28` keeps registration open through that whole day. */
function offer(feed: FeedOffer, timeZone: string): Offer {
  const { validThrough } = feed;
  return defined({
    price: feed.price,
    priceCurrency: feed.priceCurrency ?? 'EUR',
    isAccessibleForFree: feed.isAccessibleForFree,
    availability: feed.availability && schemaOrgName(feed.availability),
    validFrom: feed.validFrom === undefined ? undefined : toInstant(feed.validFrom, timeZone),
    validThrough:
      validThrough === undefined
        ? undefined
        : validThrough.length === 10
          ? localInstant(dayString(dayNumber(validThrough) + 1), timeZone)
          : toInstant(validThrough, timeZone),
    url: feed.url,
  });
}

function registration(feed: FeedRegistration | undefined): Registration {
  const mode = feed?.mode ?? (feed?.endpoint ? 'inline' : feed?.url ? 'external' : 'none');
  return defined({
    required: feed?.required ?? mode !== 'none',
    mode,
    endpoint: feed?.endpoint,
    url: feed?.url,
    questions: (feed?.questions ?? []).map((question) => ({
      id: question.id,
      label: question.label,
      type: question.type,
      options: question.options ?? [],
      required: question.required ?? false,
    })),
  });
}

function attendanceMode(
  feed: FeedEvent,
  status: EventStatus,
  locations: (Place | VirtualLocation)[],
): AttendanceMode {
  if (feed.eventAttendanceMode) return attendanceModeFromTerm(schemaOrgName(feed.eventAttendanceMode));
  if (status === 'moved-online') return 'online';
  const virtual = locations.some((place) => place.kind === 'virtual');
  const physical = locations.some((place) => place.kind === 'place');
  return virtual && physical ? 'mixed' : virtual ? 'online' : 'offline';
}

/** A validated feed event as the widgets use it. */
export function normalizeEvent(feed: FeedEvent): AgendaEvent {
  const timeZone = feed.timeZone ?? feed.eventSchedule?.scheduleTimezone ?? DEFAULT_TIME_ZONE;
  const feedLocations = toArray(feed.location);
  const locations = feedLocations.map(location);
  const recurring = feed.eventSchedule && schedule(feed.eventSchedule);

  const first = recurring && firstOccurrence(recurring, timeZone);
  const sessions = feed.subEvent?.length
    ? feed.subEvent
        .map((part) => session(part, timeZone))
        .sort((a, b) => a.start.getTime() - b.start.getTime())
    : first
      ? [defined({ ...first, location: locations[0] })]
      : feed.startDate === undefined
        ? []
        : [session({ startDate: feed.startDate, endDate: feed.endDate }, timeZone, feedLocations[0])];

  const start = sessions[0]?.start;
  const lastSessionEnd = start && new Date(Math.max(...sessions.map((part) => part.end.getTime())));
  // An open-ended schedule has no last instant: its end is its start (see `AgendaEvent.end`).
  const end = recurring
    ? recurring.endDate === undefined
      ? start
      : (lastOccurrence(recurring, timeZone)?.end ?? lastSessionEnd)
    : lastSessionEnd;

  const status = eventStatusFromTerm(schemaOrgName(feed.eventStatus ?? 'EventScheduled'));
  const audiences = toArray(feed.audience).map((audience) => audience.audienceType);
  const categories = feed.category ?? [];
  const placeWords = locations.flatMap((place) =>
    place.kind === 'place' ? [place.name, place.address?.addressLocality] : [place.name],
  );

  return defined<AgendaEvent>({
    id: feed.id,
    name: feed.name,
    summary: feed.summary,
    descriptionHtml: feed.description,
    url: feed.url,
    timeZone,
    start,
    end,
    allDay: !recurring && sessions.length > 0 && sessions.every((part) => part.allDay),
    sessions,
    schedule: recurring,
    status,
    previousStartDates: toArray(feed.previousStartDate).map((date) => toInstant(date, timeZone)),
    attendanceMode: attendanceMode(feed, status, locations),
    locations,
    organizers: toArray(feed.organizer).map(normalizeOrganization),
    partners: (feed.partners ?? []).map(normalizeOrganization),
    offer: feed.offers && offer(feed.offers, timeZone),
    isAccessibleForFree: feed.isAccessibleForFree,
    maximumAttendeeCapacity: feed.maximumAttendeeCapacity,
    remainingAttendeeCapacity: feed.remainingAttendeeCapacity,
    audiences,
    membersOnly: feed.membersOnly ?? false,
    restriction: feed.restriction,
    inLanguage: feed.inLanguage ?? 'fr',
    image: feed.image && { url: feed.image.url, alt: feed.image.alt ?? '' },
    categories,
    programme: feed.programme,
    registration: registration(feed.registration),
    contact:
      feed.contact &&
      defined({ name: feed.contact.name, telephone: feed.contact.telephone, email: feed.contact.email }),
    searchText: foldText(
      [feed.name, feed.summary, feed.programme, ...placeWords, ...categories, ...audiences]
        .filter((word) => word !== undefined)
        .join(' '),
    ),
  });
}
