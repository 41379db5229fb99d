/**
 * Calendar arithmetic in a given time zone, kept pure: days are `YYYY-MM-DD` strings (or epoch-day numbers), instants
 * are `Date`s. Local → instant goes through @date-fns/tz's `TZDate`; instant → local through a cached `Intl` formatter
 * (much faster than a `TZDate` per call, which matters when grouping thousands of events).
 */
import { TZDate } from '@date-fns/tz';
import { dateTimeFormat } from '../internal/intl-cache.js';
import type { IsoWeekday } from '../domain/vocabulary.js';

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
export function isoWeekday(n: number): IsoWeekday {
  return (((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
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

const numericDate: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** The local calendar day of `date` in `timeZone`, as `YYYY-MM-DD`. */
export function zonedDay(date: Date, timeZone: string): string {
  // `format` and a split cost far less than `formatToParts`; en-US always writes "MM/DD/YYYY".
  const [month, day, year] = dateTimeFormat('en-US', numericDate, timeZone).format(date).split('/');
  return `${year!.padStart(4, '0')}-${month}-${day}`;
}
