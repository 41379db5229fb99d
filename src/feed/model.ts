/**
 * The domain model every widget renders: what `normalize` makes of a validated feed.
 * Instants are `Date`s; `timeZone` says how to show them. Feed-shaped types (as published) live in `schema.ts`.
 */
import type { IsoWeekday } from '../domain/vocabulary.js';

/** schema.org `eventStatus`, mapped to and from its terms in `src/domain/vocabulary.ts`. */
export type EventStatus = 'scheduled' | 'postponed' | 'rescheduled' | 'cancelled' | 'moved-online';
export type AttendanceMode = 'offline' | 'online' | 'mixed';
export type RegistrationMode = 'inline' | 'external' | 'closed' | 'none';

export interface Organization {
  name: string;
  url?: string;
  logo?: string;
}

export interface PostalAddress {
  streetAddress?: string;
  postalCode?: string;
  addressLocality?: string;
  addressCountry?: string;
}

export interface Place {
  kind: 'place';
  name?: string;
  address?: PostalAddress;
  geo?: { latitude: number; longitude: number };
}

export interface VirtualLocation {
  kind: 'virtual';
  name?: string;
  url?: string;
}

/** One dated part of an event: the event itself when it has no sessions. */
export interface Session {
  name?: string;
  start: Date;
  /** Always set: the start when the feed gives no end. */
  end: Date;
  /** A date without a time in the feed: shown and exported as a whole day (or days). */
  allDay: boolean;
  location?: Place | VirtualLocation;
}

/**
 * A recurring event ("tous les jours à 13 h 45 à partir du 6 avril"), as schema.org `Schedule` says it. Which days
 * it covers is decided in `src/domain/occurrences.ts` only.
 */
export interface Schedule {
  /** First day, as `YYYY-MM-DD` in the event's time zone. */
  startDate: string;
  endDate?: string;
  repeatFrequency: 'daily' | 'weekly' | 'monthly';
  /** ISO weekday numbers (1 = Monday … 7 = Sunday), sorted; empty means every day of the frequency. */
  byDay: IsoWeekday[];
  /** Monthly only, with `byDay`: which week of the month (1 = the first such weekday … 5), schema.org `byMonthWeek`. */
  byMonthWeek?: number[];
  /** Monthly only: days of the month (1–31), schema.org `byMonthDay`. */
  byMonthDay?: number[];
  /** `HH:mm` local time. */
  startTime: string;
  endTime?: string;
  exceptDates: string[];
}

export interface Offer {
  price?: number;
  priceCurrency: string;
  isAccessibleForFree?: boolean;
  availability?: 'InStock' | 'SoldOut' | 'LimitedAvailability' | 'PreOrder' | 'Discontinued';
  validFrom?: Date;
  validThrough?: Date;
  url?: string;
}

export interface RegistrationQuestion {
  id: string;
  label: string;
  type: 'text' | 'choice' | 'checkbox';
  options: string[];
  required: boolean;
}

export interface Registration {
  required: boolean;
  mode: RegistrationMode;
  endpoint?: string;
  url?: string;
  questions: RegistrationQuestion[];
}

export interface Contact {
  name?: string;
  telephone?: string;
  email?: string;
}

export interface AgendaEvent {
  id: string;
  name: string;
  summary?: string;
  /** As published: untrusted HTML, to be sanitized before rendering. */
  descriptionHtml?: string;
  url?: string;
  timeZone: string;
  /**
   * First instant of the event (first session, or first occurrence of the schedule). Undefined while the date is
   * not announced ("date à venir"): the feed states the event but not yet when it happens.
   */
  start?: Date;
  /** Last instant of the event (end of the last session; for an open-ended schedule, its start). */
  end?: Date;
  allDay: boolean;
  /** Sorted by start; one session for a single-part event; none while the date is not announced. */
  sessions: Session[];
  schedule?: Schedule;
  status: EventStatus;
  previousStartDates: Date[];
  attendanceMode: AttendanceMode;
  locations: (Place | VirtualLocation)[];
  organizers: Organization[];
  partners: Organization[];
  offer?: Offer;
  isAccessibleForFree?: boolean;
  maximumAttendeeCapacity?: number;
  remainingAttendeeCapacity?: number;
  audiences: string[];
  membersOnly: boolean;
  restriction?: string;
  inLanguage: string;
  image?: { url: string; alt: string };
  categories: string[];
  programme?: string;
  registration: Registration;
  contact?: Contact;
  /** Lower-cased, accent-free text of name, summary, programme, places and categories, for search. */
  searchText: string;
}

export interface Member {
  id: string;
  name: string;
  status: 'active' | 'lapsed';
  memberSince?: string;
  city?: string;
  sector?: string;
  description?: string;
  url?: string;
  website?: string;
  logo?: string;
  domains: string[];
}

/** A problem found while reading one item: the item is skipped, the rest renders. */
export interface FeedIssue {
  /** JSON path, e.g. `$.events[3].startDate`. */
  path: string;
  message: string;
  /** The item's id when it had one. */
  id?: string;
}

export interface Feed {
  version: 1;
  publisher?: Organization;
  updated?: Date;
  privacyPolicyUrl?: string;
  events: AgendaEvent[];
  members: Member[];
  /** What was skipped, and why. */
  issues: FeedIssue[];
}

/** An event whose date is announced: every session, and its first and last instants, are known. */
export type DatedEvent = AgendaEvent & { start: Date; end: Date };

export function isDated(event: AgendaEvent): event is DatedEvent {
  return event.start !== undefined && event.end !== undefined;
}
