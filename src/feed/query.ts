/**
 * Pure functions over normalized events: what the agenda shows, in which order, in which groups and pages.
 * Built for thousands of events: criteria are prepared once per call, text search uses the precomputed
 * `searchText`.
 */
import { isDated, type AgendaEvent, type AttendanceMode, type Session } from './model.js';
import { foldText } from './normalize.js';
import { occurrenceAfter } from '../domain/occurrences.js';
import { endOf, eventDaySpan, sessionEnd } from '../domain/span.js';
import { dateTimeFormat } from '../internal/intl-cache.js';

/** Events not over yet at `now` (under way or to come); a schedule counts while it still has occurrences. */
export function upcoming(events: readonly AgendaEvent[], now: Date): AgendaEvent[] {
  const t = now.getTime();
  return events.filter((event) => endOf(event) > t);
}

/** Events over at `now`. */
export function past(events: readonly AgendaEvent[], now: Date): AgendaEvent[] {
  const t = now.getTime();
  return events.filter((event) => endOf(event) <= t);
}

/** What the reader chose. Within one criterion any value matches; all criteria must match. */
export interface EventFilter {
  /** Any of these categories. */
  categories?: readonly string[];
  /** Any of these programmes. */
  programmes?: readonly string[];
  /** Any of these audiences. */
  audience?: string | readonly string[];
  /** `true`: members-only events; `false`: events open to all. */
  membersOnly?: boolean;
  /** How one can attend: `online` also matches mixed events, `offline` too; `mixed` only mixed ones. */
  mode?: AttendanceMode;
  /** Events still running at or after this instant. */
  from?: Date;
  /** Events starting before this instant. */
  to?: Date;
  /** Words that must all appear (accents and case ignored) in the name, summary, programme, places, categories. */
  text?: string;
}

const anyOf = (wanted: ReadonlySet<string>, values: readonly string[]) =>
  values.some((value) => wanted.has(value));

/** The events matching every given criterion, in their order. */
export function filterEvents(events: readonly AgendaEvent[], filter: EventFilter): AgendaEvent[] {
  const categories = filter.categories?.length ? new Set(filter.categories) : undefined;
  const programmes = filter.programmes?.length ? new Set(filter.programmes) : undefined;
  const audiences =
    filter.audience === undefined
      ? []
      : typeof filter.audience === 'string'
        ? [filter.audience]
        : filter.audience;
  const audience = audiences.length ? new Set(audiences) : undefined;
  const modes =
    filter.mode === undefined ? undefined : filter.mode === 'mixed' ? ['mixed'] : [filter.mode, 'mixed'];
  const words = foldText(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const from = filter.from?.getTime();
  const to = filter.to?.getTime();

  return events.filter(
    (event) =>
      (!categories || anyOf(categories, event.categories)) &&
      (!programmes || (event.programme !== undefined && programmes.has(event.programme))) &&
      (!audience || anyOf(audience, event.audiences)) &&
      (filter.membersOnly === undefined || event.membersOnly === filter.membersOnly) &&
      (!modes || modes.includes(event.attendanceMode)) &&
      (from === undefined || endOf(event) > from) &&
      (to === undefined || (event.start !== undefined && event.start.getTime() < to)) &&
      words.every((word) => event.searchText.includes(word)),
  );
}

/** Epoch ms, with an event still to be dated after every dated one. */
const timeOf = (date: Date | undefined) => date?.getTime() ?? Infinity;

/**
 * A copy sorted by start (then end, then name), earliest first for `asc`. Events still to be dated come last
 * either way: they are news, not history.
 */
export function sortEvents(events: readonly AgendaEvent[], order: 'asc' | 'desc' = 'asc'): AgendaEvent[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...events].sort(
    (a, b) =>
      Number(a.start === undefined) - Number(b.start === undefined) ||
      sign * (timeOf(a.start) - timeOf(b.start) || timeOf(a.end) - timeOf(b.end)) ||
      a.name.localeCompare(b.name, 'fr'),
  );
}

/** Key of the group of events whose date is still to be announced. */
export const UNDATED_GROUP = 'undated';

/** Events of one month, or the events still to be dated. */
export interface MonthGroup {
  /** `YYYY-MM`, in the events' own time zones; `UNDATED_GROUP` for events still to be dated. */
  key: string;
  /** "mars 2020" in the given locale; empty for the undated group (the widget names it). */
  label: string;
  events: AgendaEvent[];
}

const monthYear: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

function monthLabel(key: string, locale: string): string {
  return dateTimeFormat(locale, monthYear).format(
    Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1),
  );
}

/**
 * Groups events by the month of their start, in their order. The month is read in each event's own time zone:
 * 2020-03-31 23:30 in Paris is in March wherever the reader is.
 */
export function groupByMonth(events: readonly AgendaEvent[], locale = 'fr'): MonthGroup[] {
  const groups = new Map<string, MonthGroup>();
  for (const event of events) {
    // The month of the event's first day, as the time-span rule reads it.
    const key = isDated(event) ? eventDaySpan(event).first.slice(0, 7) : UNDATED_GROUP;
    let group = groups.get(key);
    if (!group) {
      group = { key, label: event.start ? monthLabel(key, locale) : '', events: [] };
      groups.set(key, group);
    }
    group.events.push(event);
  }
  return [...groups.values()];
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the existing pages. */
  page: number;
  pageSize: number;
  /** At least 1: an empty list has one empty page. */
  pageCount: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Page `page` (1-based; clamped) of `items`, `pageSize` per page. */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be a positive integer: ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(pageCount, Math.max(1, Math.trunc(page) || 1));
  return {
    items: items.slice((current - 1) * pageSize, current * pageSize),
    page: current,
    pageSize,
    pageCount,
    total: items.length,
    hasPrevious: current > 1,
    hasNext: current < pageCount,
  };
}

/**
 * The next time the event takes place, or the one under way, at `now`: an occurrence of its schedule, or its
 * first session not over. `undefined` when it is over.
 */
export function nextOccurrence(event: AgendaEvent, now: Date): Session | undefined {
  if (event.schedule) {
    const occurrence = occurrenceAfter(event.schedule, event.timeZone, now);
    return occurrence && { ...occurrence, ...(event.locations[0] && { location: event.locations[0] }) };
  }
  const t = now.getTime();
  return event.sessions.find(
    (session) => sessionEnd(session, event.timeZone) > t || session.start.getTime() >= t,
  );
}

/** One value of a facet and how many events carry it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** The filter chips: distinct categories, programmes and audiences, most frequent first. */
export interface Facets {
  categories: FacetCount[];
  programmes: FacetCount[];
  audiences: FacetCount[];
}

function counted(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'));
}

/** Distinct categories, programmes and audiences of `events`, with counts. */
export function facets(events: readonly AgendaEvent[]): Facets {
  const categories = new Map<string, number>();
  const programmes = new Map<string, number>();
  const audiences = new Map<string, number>();
  const add = (counts: Map<string, number>, value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const event of events) {
    new Set(event.categories).forEach((category) => add(categories, category));
    if (event.programme !== undefined) add(programmes, event.programme);
    new Set(event.audiences).forEach((audience) => add(audiences, audience));
  }
  return { categories: counted(categories), programmes: counted(programmes), audiences: counted(audiences) };
}
