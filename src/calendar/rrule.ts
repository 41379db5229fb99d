/** Recurring events in iCalendar terms, shared by the ICS file and the Google Calendar link (`recur=`). */
import type { DatedEvent, Schedule } from '../feed/model.js';
import { dayNumber, dayString, localInstant, zonedDay } from '../feed/time.js';
import { utcBasic } from './zoned.js';

/** iCalendar weekdays, indexed like `Date#getDay()` (Sunday first); ISO 7 (Sunday) maps through `% 7`. */
export const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const FREQUENCIES: Record<Schedule['repeatFrequency'], string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
};

/**
 * The RRULE value (without `RRULE:`) of a schedule in `timeZone`.
 * UNTIL is UTC, as RFC 5545 requires when DTSTART has a TZID.
 */
export function scheduleRule(schedule: Schedule, timeZone: string): string {
  const parts = [`FREQ=${FREQUENCIES[schedule.repeatFrequency]}`];
  if (schedule.endDate) {
    parts.push(`UNTIL=${utcBasic(localInstant(schedule.endDate, timeZone, schedule.startTime))}`);
  }
  if (schedule.byDay.length > 0)
    parts.push(`BYDAY=${schedule.byDay.map((day) => WEEKDAYS[day % 7]).join(',')}`);
  return parts.join(';');
}

/** When the first occurrence (at `event.start`) ends: its `endTime`, the next day when that is earlier. */
export function firstOccurrenceEnd(event: DatedEvent, schedule: Schedule): Date {
  if (!schedule.endTime) return event.start;
  const day = zonedDay(event.start, event.timeZone);
  const end = localInstant(day, event.timeZone, schedule.endTime);
  return end > event.start
    ? end
    : localInstant(dayString(dayNumber(day) + 1), event.timeZone, schedule.endTime);
}
