/**
 * Calendar arithmetic in a given time zone, kept pure: days are `YYYY-MM-DD` strings (or epoch-day numbers), instants
 * are `Date`s. Local → instant goes through @date-fns/tz's `TZDate`; instant → local through a cached `Intl` formatter
 * (much faster than a `TZDate` per call, which matters when grouping thousands of events).
 */
import { TZDate } from '@date-fns/tz';
import type { Schedule, Session } from './model.js';
import { dateTimeFormat } from '../internal/intl-cache.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for `YYYY-MM-DD`. */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** `YYYY-MM-DD` for a day number. */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number: 1970-01-01 was a Thursday. */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The instant at local `time` (`HH:mm`, default midnight) on `day` in `timeZone`; a time skipped by DST moves on. */
export function localInstant(day: string, timeZone: string, time = '00:00'): Date {
  const zoned = new TZDate(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
    timeZone,
  );
  return new Date(zoned.getTime());
}

/**
 * Reads a feed date: a date-time is the instant its offset says (even when that local time does not exist in the
 * event's zone); a plain date is midnight of that day in `timeZone`.
 */
export function toInstant(value: string, timeZone: string): Date {
  if (value.length === 10) return localInstant(value, timeZone);
  // ECMAScript's date-time format wants exactly three fraction digits.
  return new Date(value.replace(/\.(\d+)/, (_, digits: string) => `.${digits.slice(0, 3).padEnd(3, '0')}`));
}

/** The local calendar day of `date` in `timeZone`, as `YYYY-MM-DD`. */
export function zonedDay(date: Date, timeZone: string): string {
  const format = dateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(date)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** `true` when the schedule has an occurrence on day number `n`. */
export function occursOn(schedule: Schedule, n: number): boolean {
  const first = dayNumber(schedule.startDate);
  if (n < first || (schedule.endDate !== undefined && n > dayNumber(schedule.endDate))) return false;
  if (schedule.exceptDates.includes(dayString(n))) return false;
  switch (schedule.repeatFrequency) {
    case 'daily':
      return schedule.byDay.length === 0 || schedule.byDay.includes(isoWeekday(n));
    case 'weekly':
      return schedule.byDay.length === 0
        ? isoWeekday(n) === isoWeekday(first)
        : schedule.byDay.includes(isoWeekday(n));
    case 'monthly':
      // Same day of the month as the first one; months without that day are skipped.
      return dayString(n).slice(8) === schedule.startDate.slice(8);
  }
}

/** The occurrence on day number `n` (which must be an occurrence day). */
export function occurrenceOn(schedule: Schedule, n: number, timeZone: string): Session {
  const day = dayString(n);
  const start = localInstant(day, timeZone, schedule.startTime);
  let end = start;
  if (schedule.endTime !== undefined) {
    end = localInstant(day, timeZone, schedule.endTime);
    // "22:00–01:00" ends the next day.
    if (end < start) end = localInstant(dayString(n + 1), timeZone, schedule.endTime);
  }
  return { start, end, allDay: false };
}

/** How far to look for an occurrence: a monthly schedule on the 31st may skip a few months, exceptions a few more. */
const HORIZON_DAYS = 4 * 366;

function scan(
  schedule: Schedule,
  timeZone: string,
  from: number,
  step: 1 | -1,
  accept: (s: Session) => boolean,
) {
  const last = schedule.endDate === undefined ? Infinity : dayNumber(schedule.endDate);
  const first = dayNumber(schedule.startDate);
  for (let i = 0, n = from; i < HORIZON_DAYS && n >= first && n <= last; i++, n += step) {
    if (!occursOn(schedule, n)) continue;
    const occurrence = occurrenceOn(schedule, n, timeZone);
    if (accept(occurrence)) return occurrence;
  }
  return undefined;
}

/** The schedule's first occurrence. */
export function firstOccurrence(schedule: Schedule, timeZone: string): Session | undefined {
  return scan(schedule, timeZone, dayNumber(schedule.startDate), 1, () => true);
}

/** The last occurrence of a bounded schedule (`undefined` when it is open-ended). */
export function lastOccurrence(schedule: Schedule, timeZone: string): Session | undefined {
  if (schedule.endDate === undefined) return undefined;
  return scan(schedule, timeZone, dayNumber(schedule.endDate), -1, () => true);
}

/** The first occurrence not over at `now` (the one under way, or the next one). */
export function occurrenceAfter(schedule: Schedule, timeZone: string, now: Date): Session | undefined {
  // Start the day before today: yesterday's evening occurrence may run past midnight.
  const from = Math.max(dayNumber(schedule.startDate), dayNumber(zonedDay(now, timeZone)) - 1);
  const t = now.getTime();
  return scan(schedule, timeZone, from, 1, (o) => o.end.getTime() > t || o.start.getTime() >= t);
}
