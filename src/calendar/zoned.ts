/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl`: what calendars (ICS, links) and JSON-LD need
 * to write an instant as the event's local time. Offsets are seconds east of UTC. Days and local → instant
 * conversions come from `src/feed/time.ts`.
 */
import { dayNumber, dayString, zonedDay } from '../feed/time.js';
import { dateTimeFormat } from '../internal/intl-cache.js';

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

function formatter(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The wall-clock fields of `date` in `timeZone` (to the second). */
export function wallTime(date: Date, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}

function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The UTC offset of `timeZone` at `date`, in seconds east of UTC (Paris in summer: 7200). */
export function offsetSeconds(date: Date, timeZone: string): number {
  const wholeSecond = Math.floor(date.getTime() / 1000) * 1000;
  return (wallAsUtc(wallTime(date, timeZone)) - wholeSecond) / 1000;
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

/** `20200929T070000Z`: the instant in UTC, iCalendar's basic format (also Google Calendar's). */
export function utcBasic(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The day after the last local day of an all-day span (exclusive end, as calendars want), never before the first. */
export function exclusiveEndDay(start: Date, end: Date, timeZone: string): string {
  const first = dayNumber(zonedDay(start, timeZone));
  const last = dayNumber(zonedDay(end, timeZone));
  return dayString(Math.max(first, last) + 1);
}

const DAY = 86_400_000;

/**
 * Every change of UTC offset in `timeZone` between `from` and `to`, found by sampling each day and bisecting to the
 * second: the zone's real rules as the browser knows them, nothing hard-coded.
 */
export function offsetTransitions(timeZone: string, from: Date, to: Date): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  let before = Math.floor(from.getTime() / 1000) * 1000;
  let beforeOffset = offsetSeconds(new Date(before), timeZone);
  while (before < to.getTime()) {
    const after = before + DAY;
    const afterOffset = offsetSeconds(new Date(after), timeZone);
    if (afterOffset !== beforeOffset) {
      let low = before;
      let high = after;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (offsetSeconds(new Date(middle), timeZone) === beforeOffset) low = middle;
        else high = middle;
      }
      transitions.push({ at: new Date(high), from: beforeOffset, to: afterOffset });
    }
    before = after;
    beforeOffset = afterOffset;
  }
  return transitions;
}
