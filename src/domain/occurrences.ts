/**
 * Occurrences of a recurring event, decided once: what the agenda and the card show (first, next, last), what the
 * `.ics` file's RRULE says (`src/calendar/rrule.ts`) and what the JSON-LD `eventSchedule` says all come from the
 * rule read here, so they mean the same dates.
 *
 * The rule is schema.org `Schedule` read as RFC 5545 reads the matching RRULE (interval 1):
 * - `P1D`: every day; `byDay` keeps only those weekdays (`FREQ=DAILY;BYDAY=…`).
 * - `P1W`: the weekdays of `byDay`, else the weekday of `startDate` (`FREQ=WEEKLY;BYDAY=…`).
 * - `P1M`: the days of `byMonthDay` (`BYMONTHDAY=…`); else the `byDay` weekdays of the `byMonthWeek` weeks, the
 *   first Tuesday being week 1 (`BYDAY=1TU,3TU`); else every `byDay` weekday of the month (`BYDAY=TU`: every
 *   Tuesday, as RFC 5545 says); else the day of the month of `startDate` (`BYMONTHDAY=…`). A month without that day
 *   (the 31st) has no occurrence, as in RFC 5545.
 * - `exceptDate`s are left out; `startDate` and `endDate` bound the days, in the event's zone.
 * Each occurrence starts at `startTime` local time (a time skipped by a DST change moves on) and ends at `endTime`,
 * the next day when that is earlier. A rule this reading cannot represent is refused (`scheduleProblem`), never
 * shown another way.
 */
import type { Schedule, Session } from '../feed/model.js';
import { dayNumber, dayString, isoWeekday, localInstant, zonedDay } from '../feed/time.js';
import {
  frequencyFromTerm,
  schemaOrgName,
  weekdayFromTerm,
  type DayOfWeekTerm,
  type FrequencyTerm,
  type SchemaOrgValue,
} from './vocabulary.js';

/** The parts of a schedule that say which days it covers (the feed's, before or after normalizing). */
export type ScheduleRule = Pick<
  Schedule,
  'startDate' | 'endDate' | 'repeatFrequency' | 'byDay' | 'byMonthWeek' | 'byMonthDay' | 'exceptDates'
>;

/** A schedule as the feed writes it (schema.org `Schedule`), already checked field by field. */
export interface FeedScheduleRule {
  startDate: string;
  endDate?: string | undefined;
  repeatFrequency: FrequencyTerm;
  byDay?: SchemaOrgValue<DayOfWeekTerm>[] | undefined;
  byMonthWeek?: number[] | undefined;
  byMonthDay?: number[] | undefined;
  exceptDate?: string[] | undefined;
}

const sortedUnique = <T extends number>(values: readonly T[] = []): T[] =>
  [...new Set(values)].sort((a, b) => a - b);

/** The days part of a feed's schedule, in the model's terms. */
export function scheduleRuleOf(feed: FeedScheduleRule): ScheduleRule {
  return {
    startDate: feed.startDate,
    ...(feed.endDate !== undefined && { endDate: feed.endDate }),
    repeatFrequency: frequencyFromTerm(feed.repeatFrequency),
    byDay: sortedUnique((feed.byDay ?? []).map((day) => weekdayFromTerm(schemaOrgName(day)))),
    ...(feed.byMonthWeek?.length ? { byMonthWeek: sortedUnique(feed.byMonthWeek) } : {}),
    ...(feed.byMonthDay?.length ? { byMonthDay: sortedUnique(feed.byMonthDay) } : {}),
    exceptDates: feed.exceptDate ?? [],
  };
}

/** Day of the month of day number `n` (1–31). */
const monthDay = (n: number) => Number(dayString(n).slice(8));

/** `true` when the schedule has an occurrence on day number `n` (days since 1970-01-01 in the event's zone). */
export function occursOn(schedule: ScheduleRule, n: number): boolean {
  const first = dayNumber(schedule.startDate);
  if (n < first || (schedule.endDate !== undefined && n > dayNumber(schedule.endDate))) return false;
  if (schedule.exceptDates.includes(dayString(n))) return false;
  const { byDay } = schedule;
  switch (schedule.repeatFrequency) {
    case 'daily':
      return byDay.length === 0 || byDay.includes(isoWeekday(n));
    case 'weekly':
      return byDay.length === 0 ? isoWeekday(n) === isoWeekday(first) : byDay.includes(isoWeekday(n));
    case 'monthly': {
      const day = monthDay(n);
      if (schedule.byMonthDay?.length) return schedule.byMonthDay.includes(day);
      if (byDay.length === 0) return day === monthDay(first);
      if (!byDay.includes(isoWeekday(n))) return false;
      // The first Tuesday of a month falls on days 1–7, the second on 8–14…
      return !schedule.byMonthWeek?.length || schedule.byMonthWeek.includes(Math.ceil(day / 7));
    }
  }
}

/** How far to look for an occurrence: a monthly schedule on the 31st or a fifth weekday may skip months. */
const HORIZON_DAYS = 4 * 366;

const UNSUPPORTED = 'Unsupported schedule: ';

/**
 * Why this reading cannot represent `schedule`, or `undefined` when it can. The feed reader refuses such an event
 * with this message (the console warning names the event), rather than showing other dates than the publisher's.
 */
export function scheduleProblem(schedule: ScheduleRule): string | undefined {
  const { repeatFrequency, byDay } = schedule;
  const byMonthWeek = schedule.byMonthWeek ?? [];
  const byMonthDay = schedule.byMonthDay ?? [];
  const monthly = repeatFrequency === 'monthly';
  if (byMonthWeek.length && !(monthly && byDay.length))
    return `${UNSUPPORTED}byMonthWeek needs P1M and byDay`;
  if (byMonthDay.length && !(monthly && !byDay.length))
    return `${UNSUPPORTED}byMonthDay needs P1M, without byDay`;
  const first = dayNumber(schedule.startDate);
  const last = schedule.endDate === undefined ? first + HORIZON_DAYS : dayNumber(schedule.endDate);
  for (let n = first; n <= last && n < first + HORIZON_DAYS; n++) if (occursOn(schedule, n)) return undefined;
  return `${UNSUPPORTED}no occurrence between startDate and endDate`;
}

/** The occurrence on day number `n` (which must be an occurrence day). */
export function occurrenceOn(schedule: Schedule, n: number, timeZone: string): Session {
  const day = dayString(n);
  const start = localInstant(day, timeZone, schedule.startTime);
  let end = start;
  if (schedule.endTime !== undefined) {
    // "22:00–01:00" ends the next day: read on the clock, not in instants (a clock change may sit in between).
    end = localInstant(
      dayString(schedule.endTime < schedule.startTime ? n + 1 : n),
      timeZone,
      schedule.endTime,
    );
  }
  return { start, end, allDay: false };
}

function scan(
  schedule: Schedule,
  timeZone: string,
  from: number,
  step: 1 | -1,
  accept: (s: Session) => boolean,
): Session | undefined {
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
