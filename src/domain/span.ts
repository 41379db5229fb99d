/**
 * An event's time span, decided once: when it is over, and which calendar days it covers. Used by the card, the
 * agenda's month grouping and list, the registration form's confirmation, the calendar links and the server.
 *
 * The rule for days (what people read, not what the clock says): a timed part belongs to the day it starts, and
 * runs over a later day only when it goes on past {@link SMALL_HOURS_END} there. An evening 19:00–01:00 is one
 * evening of its start day (« mardi 29 septembre 2020, 19 h 00 – 1 h 00 »); a conference from 9:00 on Monday to
 * 17:00 on Tuesday covers two days. An all-day part covers each of its days, its `end` being the last day.
 */
import type { AgendaEvent, DatedEvent, Session } from '../feed/model.js';
import { dayNumber, dayString, localInstant, zonedDay } from '../feed/time.js';

/**
 * A timed part ending on a later day no later than this local time (`HH:mm`) still belongs to the day before: night
 * owls' evenings, not a second day.
 */
export const SMALL_HOURS_END = '06:00';

/** The midnight after the day of `date` in `timeZone` (epoch ms): when an all-day part is over. */
export function midnightAfter(date: Date, timeZone: string): number {
  return localInstant(dayString(dayNumber(zonedDay(date, timeZone)) + 1), timeZone).getTime();
}

/** When one part is over (epoch ms): its end, or the midnight after its last day for an all-day part. */
export function sessionEnd(session: Session, timeZone: string): number {
  return session.allDay ? midnightAfter(session.end, timeZone) : session.end.getTime();
}

/** Events are immutable once normalized: their real end is computed once. */
const ends = new WeakMap<AgendaEvent, number>();

/**
 * When the event is really over (epoch ms): its `end`, except that an all-day event runs until the midnight after
 * its last day, and an open-ended schedule, or an event whose date is still to be announced, never ends.
 */
export function endOf(event: AgendaEvent): number {
  let end = ends.get(event);
  if (end === undefined) {
    if (!event.end || (event.schedule && event.schedule.endDate === undefined)) end = Infinity;
    else end = event.allDay ? midnightAfter(event.end, event.timeZone) : event.end.getTime();
    ends.set(event, end);
  }
  return end;
}

/** Whether the event is over at `now` (an open-ended schedule or an undated event never is). */
export function isOver(event: AgendaEvent, now: Date): boolean {
  return endOf(event) <= now.getTime();
}

/** An instant within local day `day` (`YYYY-MM-DD`): its noon, which every zone's clock changes leave alone. */
export function dayInstant(day: string, timeZone: string): Date {
  return localInstant(day, timeZone, '12:00');
}

/** The day after the last local day of an all-day span (`YYYY-MM-DD`, exclusive, as calendars want). */
export function exclusiveEndDay(start: Date, end: Date, timeZone: string): string {
  return dayString(dayNumber(daySpan(start, end, timeZone, true).last) + 1);
}

/** The local days a part covers, as `YYYY-MM-DD` in `timeZone`. */
export interface DaySpan {
  /** The day it starts. */
  first: string;
  /** The last day it covers (equal to `first` for one day, and for an evening ending in the small hours). */
  last: string;
}

/**
 * The days a part from `start` to `end` covers in `timeZone` (see the module's rule). For an all-day part `end` is
 * (the start of) its last day.
 */
export function daySpan(start: Date, end: Date, timeZone: string, allDay: boolean): DaySpan {
  const first = zonedDay(start, timeZone);
  if (end.getTime() <= start.getTime()) return { first, last: first };
  let last = zonedDay(end, timeZone);
  if (!allDay && last > first) {
    // Past midnight but not past the small hours: still the evening before.
    const smallHoursEnd = localInstant(last, timeZone, SMALL_HOURS_END).getTime();
    if (end.getTime() <= smallHoursEnd) last = dayString(dayNumber(last) - 1);
  }
  return { first, last: last < first ? first : last };
}

/** Days an event covers, computed once per event (immutable once normalized): the card and the month grouping ask. */
const eventSpans = new WeakMap<AgendaEvent, DaySpan>();

/**
 * The days an event covers: from its first part's first day to its last part's last day. A recurring event is shown
 * at one occurrence (its `sessions` hold that one), and covers that occurrence's days.
 */
export function eventDaySpan(event: DatedEvent): DaySpan {
  let span = eventSpans.get(event);
  if (!span) {
    const parts: Pick<Session, 'start' | 'end' | 'allDay'>[] = event.sessions.length
      ? event.sessions
      : [event];
    const spans = parts.map((part) => daySpan(part.start, part.end, event.timeZone, part.allDay));
    span = {
      first: spans.reduce((first, span) => (span.first < first ? span.first : first), spans[0]!.first),
      last: spans.reduce((last, span) => (span.last > last ? span.last : last), spans[0]!.last),
    };
    eventSpans.set(event, span);
  }
  return span;
}
