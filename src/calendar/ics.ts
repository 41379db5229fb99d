/**
 * iCalendar (RFC 5545) export: one VEVENT per session, a recurring event as one VEVENT with its RRULE, local times
 * with a VTIMEZONE built from the zone's real rules as the browser knows them.
 */
import type { DatedEvent, Schedule } from '../feed/model.js';
import { isHttpUrl, locationText, plainDetails, sessionLocation, sessionTitle } from './describe.js';
import { dayNumber, isoWeekday, localInstant, zonedDay } from '../feed/time.js';
import { occursOn } from '../domain/occurrences.js';
import { scheduleRule } from './rrule.js';
import { icalStatus, icalWeekday } from '../domain/vocabulary.js';
import { exclusiveEndDay } from '../domain/span.js';
import {
  inRepeatedHour,
  offsetSeconds,
  offsetTransitions,
  utcBasic,
  wallTime,
  type OffsetTransition,
} from './zoned.js';

export interface IcsOptions {
  /** DTSTAMP: when the file is written (a fixed clock in tests). */
  now?: Date;
  /** PRODID: who wrote the file. */
  prodId?: string;
  /** SEQUENCE (RFC 5545 §3.8.7.4) of an event's VEVENTs, for a calendar people subscribe to; none by default. */
  sequence?: (event: DatedEvent) => number;
  /** X-WR-CALNAME: the name calendar applications show for a subscribed calendar. */
  name?: string;
}

const UID_DOMAIN = 'reseau-alliances.org';
const DEFAULT_PRODID = '-//Reseau Alliances//ra-widgets//FR';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** TEXT value (RFC 5545 §3.3.11): control characters dropped, `\ ; ,` escaped, any newline written `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/(?![\t\n\r])\p{Cc}/gu, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Folds a content line so no physical line exceeds 75 octets, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const length = utf8Length(char);
    if (octets + length > MAX_OCTETS) {
      folded += `${CRLF} `;
      octets = 1;
    }
    folded += char;
    octets += length;
  }
  return folded;
}

function localStamp(date: Date, timeZone: string): string {
  const wall = wallTime(date, timeZone);
  const day = `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}`;
  return `${day}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

const basicDate = (date: string) => date.replace(/-/g, '');

function dateTime(name: string, date: Date, timeZone: string): string {
  return `${name};TZID=${timeZone}:${localStamp(date, timeZone)}`;
}

function organizerLine(event: DatedEvent): string[] {
  const email = event.contact?.email?.trim();
  if (!email || !/^[^\s@"<>,;:\\]+@[^\s@"<>,;:\\]+$/.test(email)) return [];
  const name = event.contact?.name ?? event.organizers[0]?.name;
  // A parameter value cannot hold a double quote or a control character, even quoted.
  const cn = name ? `;CN="${name.replace(/["\p{Cc}]/gu, '')}"` : '';
  return [`ORGANIZER${cn}:mailto:${email}`];
}

/** The properties of one session (or of the whole schedule), after UID, DTSTAMP and the dates. */
function describe(event: DatedEvent, index: number): string[] {
  const session = event.sessions[index];
  const location = session && sessionLocation(event, session);
  const where = locationText(location);
  const details = plainDetails(event);
  return [
    `SUMMARY:${escapeText(sessionTitle(event, index))}`,
    ...(details ? [`DESCRIPTION:${escapeText(details)}`] : []),
    ...(where ? [`LOCATION:${escapeText(where)}`] : []),
    ...(location?.kind === 'place' && location.geo
      ? [`GEO:${location.geo.latitude};${location.geo.longitude}`]
      : []),
    ...(isHttpUrl(event.url) ? [`URL:${event.url}`] : []),
    `STATUS:${icalStatus(event.status)}`,
    ...organizerLine(event),
  ];
}

function scheduleDates(event: DatedEvent, schedule: Schedule): string[] {
  const zone = event.timeZone;
  const lines = [dateTime('DTSTART', event.start, zone)];
  // The occurrence shown (the first, or the agenda's next one) is the event's only session.
  const end = event.sessions[0]?.end ?? event.start;
  if (end > event.start) lines.push(dateTime('DTEND', end, zone));
  lines.push(`RRULE:${scheduleRule(schedule, zone)}`);
  // Only the days the rule would give: ical.js (and RFC 5545's intent) want EXDATEs that are occurrences.
  const rule = { ...schedule, exceptDates: [] };
  const excepted = schedule.exceptDates.filter((date) => occursOn(rule, dayNumber(date)));
  if (excepted.length > 0) {
    const excluded = excepted.map((date) => localStamp(localInstant(date, zone, schedule.startTime), zone));
    lines.push(`EXDATE;TZID=${zone}:${excluded.join(',')}`);
  }
  return lines;
}

function sessionDates(event: DatedEvent, index: number): string[] {
  const { start, end, allDay } = event.sessions[index];
  const zone = event.timeZone;
  if (allDay) {
    return [
      `DTSTART;VALUE=DATE:${basicDate(zonedDay(start, zone))}`,
      `DTEND;VALUE=DATE:${basicDate(exclusiveEndDay(start, end, zone))}`,
    ];
  }
  // A time in the second pass of a repeated hour would be read as the first: UTC says it exactly (the zone, which
  // only a TZID carries, is then lost to readers for that property).
  const stamp = (name: string, date: Date) =>
    inRepeatedHour(date, zone) ? `${name}:${utcBasic(date)}` : dateTime(name, date, zone);
  // DTEND must be later than DTSTART: an event without an end lasts no time, which is DTSTART alone.
  return [stamp('DTSTART', start), ...(end > start ? [stamp('DTEND', end)] : [])];
}

function vevents(event: DatedEvent, now: Date, options: IcsOptions): string[][] {
  const sequence = options.sequence?.(event);
  const head = (n: number) => [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${event.id}-${n}@${UID_DOMAIN}`)}`,
    `DTSTAMP:${utcBasic(now)}`,
    ...(sequence ? [`SEQUENCE:${sequence}`] : []),
  ];
  if (event.schedule) {
    return [[...head(1), ...scheduleDates(event, event.schedule), ...describe(event, 0), 'END:VEVENT']];
  }
  return event.sessions.map((_, index) => [
    ...head(index + 1),
    ...sessionDates(event, index),
    ...describe(event, index),
    'END:VEVENT',
  ]);
}

/** The years each zone's local times span, for the timed parts of `events`. */
function yearsByZone(events: DatedEvent[]): Map<string, { first: number; last: number }> {
  const years = new Map<string, { first: number; last: number }>();
  const add = (zone: string, date: Date) => {
    const year = wallTime(date, zone).year;
    const span = years.get(zone);
    years.set(zone, { first: Math.min(span?.first ?? year, year), last: Math.max(span?.last ?? year, year) });
  };
  for (const event of events) {
    const zone = event.timeZone;
    if (event.schedule) {
      const { endDate, startTime } = event.schedule;
      add(zone, event.start);
      // An open-ended schedule gets the following year too; the yearly RRULEs carry the rules beyond.
      add(
        zone,
        endDate ? localInstant(endDate, zone, startTime) : new Date(event.start.getTime() + 366 * 86_400_000),
      );
    } else {
      for (const session of event.sessions.filter((part) => !part.allDay)) {
        add(zone, session.start);
        add(zone, session.end);
      }
    }
  }
  return years;
}

function icsOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const value = Math.abs(seconds);
  const rest = value % 60;
  return `${sign}${pad(Math.floor(value / 3600))}${pad(Math.floor(value / 60) % 60)}${rest ? pad(rest) : ''}`;
}

/** The wall time the transition happens at, read on the clock before it (how VTIMEZONE writes DTSTART). */
function transitionWall(transition: OffsetTransition): Date {
  return new Date(transition.at.getTime() + transition.from * 1000);
}

/** `FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU` for a transition on the last Sunday of October, with its local time. */
function yearlyRule(transition: OffsetTransition): { rule: string; key: string } {
  const wall = transitionWall(transition);
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const daysInMonth = new Date(Date.UTC(wall.getUTCFullYear(), month, 0)).getUTCDate();
  const ordinal = day + 7 > daysInMonth ? -1 : Math.ceil(day / 7);
  const rule = `FREQ=YEARLY;BYMONTH=${month};BYDAY=${ordinal}${icalWeekday(isoWeekday(Math.floor(wall.getTime() / 86_400_000)))}`;
  return { rule, key: `${rule}|${wall.toISOString().slice(11)}|${transition.from}|${transition.to}` };
}

function observance(kind: string, start: string, from: number, to: number, rule?: string): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${icsOffset(from)}`,
    `TZOFFSETTO:${icsOffset(to)}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE for `timeZone` over the years `first`–`last`: every offset change found in them, the one in force as
 * they open, and a yearly RRULE on the last change of each kind when the year before followed the same rule.
 */
export function vtimezone(timeZone: string, first: number, last: number): string[] {
  const transitions = offsetTransitions(
    timeZone,
    new Date(Date.UTC(first - 1, 0, 1)),
    new Date(Date.UTC(last + 1, 0, 1)),
  );
  // Local New Year comes up to 14 hours before UTC's.
  const opening = Date.UTC(first, 0, 1) - 14 * 3_600_000;
  const inForce = transitions.findLastIndex((transition) => transition.at.getTime() <= opening);
  const kept = transitions.slice(Math.max(inForce, 0));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (kept.length === 0) {
    const offset = offsetSeconds(new Date(Date.UTC(first, 0, 1)), timeZone);
    lines.push(...observance('STANDARD', '19700101T000000', offset, offset));
  }
  const kindOf = (transition: OffsetTransition) =>
    transition.to > transition.from ? 'DAYLIGHT' : 'STANDARD';
  kept.forEach((transition, index) => {
    const kind = kindOf(transition);
    const isLastOfKind = !kept.slice(index + 1).some((later) => kindOf(later) === kind);
    const previous = transitions
      .slice(0, transitions.indexOf(transition))
      .findLast((t) => kindOf(t) === kind);
    const yearly = yearlyRule(transition);
    const repeats =
      isLastOfKind &&
      previous !== undefined &&
      transitionWall(previous).getUTCFullYear() === transitionWall(transition).getUTCFullYear() - 1 &&
      yearlyRule(previous).key === yearly.key;
    const start = utcBasic(transitionWall(transition)).slice(0, -1);
    lines.push(...observance(kind, start, transition.from, transition.to, repeats ? yearly.rule : undefined));
  });
  lines.push('END:VTIMEZONE');
  return lines;
}

/** An iCalendar file (CRLF line endings, folded lines) publishing `events`. */
export function buildIcs(events: DatedEvent[], options: IcsOptions = {}): string {
  const now = options.now ?? new Date();
  const zones = [...yearsByZone(events)].flatMap(([zone, years]) => vtimezone(zone, years.first, years.last));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.prodId ?? DEFAULT_PRODID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...zones,
    ...events.flatMap((event) => vevents(event, now, options).flat()),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** `rencontre-dirigeants.ics`: the event's slug, safe as a file name. */
export function icsFileName(event: DatedEvent): string {
  return `${event.id.replace(/[^a-z0-9-]+/gi, '-') || 'evenement'}.ics`;
}

/**
 * Downloads the event as an `.ics` file through a temporary `<a download>` on an object URL: no `data:` navigation,
 * so it works under a strict CSP. The object URL is revoked once the click has been handled.
 */
export function downloadIcs(event: DatedEvent, options: IcsOptions = {}): void {
  const blob = new Blob([buildIcs([event], options)], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(event);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking within the click's task can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
