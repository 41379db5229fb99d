/**
 * The schema.org and iCalendar vocabularies, mapped in one place. Each term set (event status, attendance mode,
 * item availability, repeat frequency, day of week) goes through exhaustive `switch`es: adding a member to a
 * model type (`EventStatus`…) or to a feed term list (`EVENT_STATUSES`…) fails to compile here until it is mapped,
 * and the compiler then points at every caller that must say something about it.
 *
 * Sources: schema.org `EventStatusType`, `EventAttendanceModeEnumeration`, `ItemAvailability`, `Schedule`,
 * `DayOfWeek`; RFC 5545 §3.3.10 (FREQ, BYDAY) and §3.8.1.11 (STATUS).
 */
import type { AttendanceMode, EventStatus, Offer, Schedule } from '../feed/model.js';
import type { ATTENDANCE_MODES, AVAILABILITIES, EVENT_STATUSES } from '../feed/schema.js';
import type { RegistrationAvailability } from './availability.js';

/** The prefix of every schema.org term written out (JSON-LD). */
export const SCHEMA_ORG = 'https://schema.org/';

/** The `https://schema.org/` (or `http://`) prefix that enumeration values may carry in a feed. */
export const SCHEMA_ORG_PREFIX = /^https?:\/\/schema\.org\//;

/** A schema.org enumeration member as a feed may write it: bare, or with either prefix. */
export type SchemaOrgValue<T extends string> = T | `https://schema.org/${T}` | `http://schema.org/${T}`;

/** Drops the schema.org prefix: `https://schema.org/EventCancelled` → `EventCancelled`. */
export function schemaOrgName<T extends string>(value: SchemaOrgValue<T>): T {
  return value.replace(SCHEMA_ORG_PREFIX, '') as T;
}

/** A schema.org `EventStatusType` member, without prefix. */
export type EventStatusTerm = (typeof EVENT_STATUSES)[number];
/** A schema.org `EventAttendanceModeEnumeration` member, without prefix. */
export type AttendanceModeTerm = (typeof ATTENDANCE_MODES)[number];
/** A schema.org `ItemAvailability` member we read or write, without prefix. */
export type AvailabilityTerm = (typeof AVAILABILITIES)[number];
/** A schema.org `DayOfWeek` member, without prefix. */
export type DayOfWeekTerm = (typeof WEEKDAY_TERMS)[number];
/** A schema.org `repeatFrequency` the widgets understand (ISO 8601 durations). */
export type FrequencyTerm = 'P1D' | 'P1W' | 'P1M';
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

// --- Event status -----------------------------------------------------------------------------------------------

export function eventStatusFromTerm(term: EventStatusTerm): EventStatus {
  switch (term) {
    case 'EventScheduled':
      return 'scheduled';
    case 'EventPostponed':
      return 'postponed';
    case 'EventRescheduled':
      return 'rescheduled';
    case 'EventCancelled':
      return 'cancelled';
    case 'EventMovedOnline':
      return 'moved-online';
  }
}

export function eventStatusTerm(status: EventStatus): EventStatusTerm {
  switch (status) {
    case 'scheduled':
      return 'EventScheduled';
    case 'postponed':
      return 'EventPostponed';
    case 'rescheduled':
      return 'EventRescheduled';
    case 'cancelled':
      return 'EventCancelled';
    case 'moved-online':
      return 'EventMovedOnline';
  }
}

/** iCalendar `STATUS` (RFC 5545 §3.8.1.11): a postponed event has no firm date yet. */
export function icalStatus(status: EventStatus): 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' {
  switch (status) {
    case 'scheduled':
    case 'rescheduled':
    case 'moved-online':
      return 'CONFIRMED';
    case 'postponed':
      return 'TENTATIVE';
    case 'cancelled':
      return 'CANCELLED';
  }
}

// --- Attendance mode --------------------------------------------------------------------------------------------

export function attendanceModeFromTerm(term: AttendanceModeTerm): AttendanceMode {
  switch (term) {
    case 'OfflineEventAttendanceMode':
      return 'offline';
    case 'OnlineEventAttendanceMode':
      return 'online';
    case 'MixedEventAttendanceMode':
      return 'mixed';
  }
}

export function attendanceModeTerm(mode: AttendanceMode): AttendanceModeTerm {
  switch (mode) {
    case 'offline':
      return 'OfflineEventAttendanceMode';
    case 'online':
      return 'OnlineEventAttendanceMode';
    case 'mixed':
      return 'MixedEventAttendanceMode';
  }
}

// --- Availability -----------------------------------------------------------------------------------------------

/**
 * `offers.availability` for what `registrationAvailability` decided, so search engines read what the widgets show:
 * open → the feed's own open term (`InStock`, `LimitedAvailability`) or `InStock`; waiting list and sold out →
 * `SoldOut` (no place left); not open yet → `PreOrder` (as the feed writes it); every closed reason →
 * `Discontinued`; no registration needed → the feed's own term; no endpoint to register at → nothing.
 */
export function availabilityTerm(
  availability: RegistrationAvailability,
  offer: Offer | undefined,
): AvailabilityTerm | undefined {
  switch (availability.reason) {
    case 'open':
    case 'external':
      return offer?.availability === 'LimitedAvailability' ? 'LimitedAvailability' : 'InStock';
    case 'waiting-list':
    case 'full':
      return 'SoldOut';
    case 'not-open-yet':
      return 'PreOrder';
    case 'window-ended':
    case 'event-over':
    case 'cancelled':
    case 'postponed':
    case 'closed':
      return 'Discontinued';
    case 'no-registration':
      return offer?.availability;
    case 'no-endpoint':
      // Registration is required but cannot be sent anywhere: say nothing rather than something wrong.
      return undefined;
  }
}

// --- Repeat frequency -------------------------------------------------------------------------------------------

export function frequencyFromTerm(term: FrequencyTerm): Schedule['repeatFrequency'] {
  switch (term) {
    case 'P1D':
      return 'daily';
    case 'P1W':
      return 'weekly';
    case 'P1M':
      return 'monthly';
  }
}

export function frequencyTerm(frequency: Schedule['repeatFrequency']): FrequencyTerm {
  switch (frequency) {
    case 'daily':
      return 'P1D';
    case 'weekly':
      return 'P1W';
    case 'monthly':
      return 'P1M';
  }
}

/** iCalendar `FREQ` (RFC 5545 §3.3.10): the same words, upper-case. */
export function icalFrequency(
  frequency: Schedule['repeatFrequency'],
): Uppercase<Schedule['repeatFrequency']> {
  return frequency.toUpperCase() as Uppercase<Schedule['repeatFrequency']>;
}

// --- Day of week ------------------------------------------------------------------------------------------------

/** schema.org `DayOfWeek` members in ISO order (index + 1 is the ISO weekday); the feed schema accepts these. */
export const WEEKDAY_TERMS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export function weekdayFromTerm(term: DayOfWeekTerm): IsoWeekday {
  return (WEEKDAY_TERMS.indexOf(term) + 1) as IsoWeekday;
}

export function weekdayTerm(day: IsoWeekday): DayOfWeekTerm {
  return WEEKDAY_TERMS[day - 1]!;
}

/** iCalendar weekday (RFC 5545 §3.3.10 `weekday`): the English name's first two letters, upper-case. */
export function icalWeekday(day: IsoWeekday): string {
  return weekdayTerm(day).slice(0, 2).toUpperCase();
}
