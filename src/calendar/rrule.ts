/**
 * Recurring events in iCalendar terms, shared by the ICS file and the Google Calendar link (`recur=`). The rule says
 * exactly what `src/domain/occurrences.ts` reads in the schedule, every part explicit so that it does not hang on
 * DTSTART.
 */
import type { Schedule } from '../feed/model.js';
import { dayNumber, isoWeekday, localInstant } from '../feed/time.js';
import { icalFrequency, icalWeekday } from '../domain/vocabulary.js';
import { utcBasic } from './zoned.js';

/** The BYDAY / BYMONTHDAY part of the rule (RFC 5545 §3.3.10), as `src/domain/occurrences.ts` reads the schedule. */
function byParts(schedule: Schedule): string[] {
  const days = schedule.byDay.map(icalWeekday);
  switch (schedule.repeatFrequency) {
    case 'daily':
      return days.length ? [`BYDAY=${days.join(',')}`] : [];
    case 'weekly':
      return [
        `BYDAY=${days.length ? days.join(',') : icalWeekday(isoWeekday(dayNumber(schedule.startDate)))}`,
      ];
    case 'monthly': {
      if (schedule.byMonthDay?.length) return [`BYMONTHDAY=${schedule.byMonthDay.join(',')}`];
      if (days.length === 0) return [`BYMONTHDAY=${Number(schedule.startDate.slice(8))}`];
      const weeks = schedule.byMonthWeek ?? [];
      if (weeks.length === 0) return [`BYDAY=${days.join(',')}`];
      return [`BYDAY=${weeks.flatMap((week) => days.map((day) => `${week}${day}`)).join(',')}`];
    }
  }
}

/**
 * The RRULE value (without `RRULE:`) of a schedule in `timeZone`.
 * UNTIL is UTC, as RFC 5545 requires when DTSTART has a TZID.
 */
export function scheduleRule(schedule: Schedule, timeZone: string): string {
  return [
    `FREQ=${icalFrequency(schedule.repeatFrequency)}`,
    ...(schedule.endDate
      ? [`UNTIL=${utcBasic(localInstant(schedule.endDate, timeZone, schedule.startTime))}`]
      : []),
    ...byParts(schedule),
  ].join(';');
}
