/** Recurring events in iCalendar terms, shared by the ICS file and the Google Calendar link (`recur=`). */
import type { AgendaEvent, Schedule } from '../feed/model.js';
import { addDays, isoDate, utcBasic, zonedInstant } from './zoned.js';

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
    parts.push(`UNTIL=${utcBasic(zonedInstant(schedule.endDate, schedule.startTime, timeZone))}`);
  }
  if (schedule.byDay.length > 0)
    parts.push(`BYDAY=${schedule.byDay.map((day) => WEEKDAYS[day % 7]).join(',')}`);
  return parts.join(';');
}

/** When the first occurrence (at `event.start`) ends: its `endTime`, the next day when that is earlier. */
export function firstOccurrenceEnd(event: AgendaEvent, schedule: Schedule): Date {
  if (!schedule.endTime) return event.start;
  const day = isoDate(event.start, event.timeZone);
  const end = zonedInstant(day, schedule.endTime, event.timeZone);
  return end > event.start ? end : zonedInstant(addDays(day, 1), schedule.endTime, event.timeZone);
}
