/**
 * Wall-clock pieces in IANA time zones, through @date-fns/tz (no offset engine of our own): what calendars (ICS,
 * links) and JSON-LD need to write an instant as the event's local time. Offsets are seconds east of UTC. Days and
 * local → instant conversions come from `src/feed/time.ts`.
 */
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';

/** The local date and time an instant shows in a zone. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A change of UTC offset: from `at` on, the zone is `to` seconds east of UTC instead of `from`. */
export interface OffsetTransition {
  at: Date;
  from: number;
  to: number;
}

/** The wall-clock fields of `date` in `timeZone` (to the second). */
export function wallTime(date: Date, timeZone: string): WallTime {
  const zoned = new TZDate(date.getTime(), timeZone);
  return {
    year: zoned.getFullYear(),
    month: zoned.getMonth() + 1,
    day: zoned.getDate(),
    hour: zoned.getHours(),
    minute: zoned.getMinutes(),
    second: zoned.getSeconds(),
  };
}

/** The UTC offset of `timeZone` at `date`, in seconds east of UTC (Paris in summer: 7200). */
export function offsetSeconds(date: Date, timeZone: string): number {
  return tzOffset(timeZone, date) * 60;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `+02:00`, `-05:00`, `+05:45`. */
export function formatOffset(seconds: number, separator = ':'): string {
  const sign = seconds < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(seconds) / 60);
  return `${sign}${pad(Math.floor(minutes / 60))}${separator}${pad(minutes % 60)}`;
}

/** `2020-09-29T09:00:00+02:00`: the instant as local time in `timeZone`, with that zone's offset then. */
export function isoWithOffset(date: Date, timeZone: string): string {
  const wall = wallTime(date, timeZone);
  const day = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  return `${day}T${time}${formatOffset(offsetSeconds(date, timeZone))}`;
}

/**
 * Whether `date` is in the second pass of an hour the zone repeats when its clocks go back (01:30 twice in New York
 * on the first Sunday of November): RFC 5545 reads such a local time as the first pass (§3.3.5), so this instant
 * cannot be written as local time.
 */
export function inRepeatedHour(date: Date, timeZone: string): boolean {
  // No zone moves its clocks back twice within six hours.
  const gap =
    offsetSeconds(new Date(date.getTime() - 6 * 3_600_000), timeZone) - offsetSeconds(date, timeZone);
  if (gap <= 0) return false;
  const firstPass = wallTime(new Date(date.getTime() - gap * 1000), timeZone);
  const wall = wallTime(date, timeZone);
  return (Object.keys(wall) as (keyof WallTime)[]).every((field) => wall[field] === firstPass[field]);
}

/** `20200929T070000Z`: the instant in UTC, iCalendar's basic format (also Google Calendar's). */
export function utcBasic(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Every change of UTC offset in `timeZone` between `from` and `to`: the zone's rules as the browser knows them. */
export function offsetTransitions(timeZone: string, from: Date, to: Date): OffsetTransition[] {
  return tzScan(timeZone, { start: from, end: to }).map((change) => ({
    at: change.date,
    from: (change.offset - change.change) * 60,
    to: change.offset * 60,
  }));
}
