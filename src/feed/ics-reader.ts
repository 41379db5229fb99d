/**
 * iCalendar (RFC 5545) → a version 1 feed document, which is then validated like any feed: what the network's
 * Joomla site and partners' calendars (Google, Outlook, Thunderbird, The Events Calendar) export. Read with ical.js:
 * VEVENT, RRULE with EXDATE (a simple rule becomes the feed's `eventSchedule`; any other, or one with RECURRENCE-ID
 * overrides, is expanded into sessions with the overrides applied), VTIMEZONE and TZID, all-day and multi-day
 * events, STATUS:CANCELLED, URL, LOCATION, GEO, DESCRIPTION, CATEGORIES, and X-WR-CALNAME as the publisher. Never
 * throws: what it cannot read is left out with a warning naming the VEVENT and the reason.
 */
import ICAL from 'ical.js';
import { slugify } from './slug.js';
import { DEFAULT_TIME_ZONE } from './normalize.js';
import { CATEGORIES, isTimeZone } from './schema.js';
import { dayNumber, dayString, localInstant, zonedDay } from './time.js';

type JsonObject = Record<string, unknown>;
type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/** A rule that is not the feed's own schedule is expanded into at most this many sessions. */
export const MAX_EXPANDED_OCCURRENCES = 200;

/** Our own exports' UIDs (`forum-2020-1@reseau-alliances.org`) map back to the feed's ids. */
/** How many occurrences are walked to find a bounded rule's last day. */
const MAX_SCHEDULE_STEPS = 10_000;

const OWN_UID = /^([a-z0-9]+(?:-[a-z0-9]+)*)-\d+@reseau-alliances\.org$/;

const WEEKDAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const FREQUENCIES: Record<string, string> = { DAILY: 'P1D', WEEKLY: 'P1W', MONTHLY: 'P1M' };

const pad = (value: number) => String(value).padStart(2, '0');

/** The id the feed gives a VEVENT's UID. */
export function idFromUid(uid: string): string {
  return OWN_UID.exec(uid)?.[1] ?? slugify(uid);
}

/** Plain text → HTML: the description is HTML in the feed, sanitized when shown. */
function textToHtml(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return escaped.replace(/\r\n|\r|\n/g, '<br>');
}

function stringValue(component: Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

class Reader {
  /** The zone floating times are read in: X-WR-TIMEZONE, else the network's. */
  readonly floatingZone: string;

  constructor(calendar: Component) {
    const zone = stringValue(calendar, 'x-wr-timezone');
    this.floatingZone = zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
      // A calendar's own definition of a zone (Outlook's "Romance Standard Time") is how its times are read.
      const timezone = new ICAL.Timezone(vtimezone);
      if (timezone.tzid && !ICAL.TimezoneService.has(timezone.tzid)) ICAL.TimezoneService.register(timezone);
    }
  }

  /**
   * The TZID a time is written with: its VTIMEZONE's or UTC, else the TZID ical.js found no definition for (which
   * recurrence instances lose: `fallback` is their first occurrence's); `undefined` for a floating time.
   */
  tzidOf(time: Time, fallback?: string): string | undefined {
    const zone = time.zone?.tzid;
    if (zone && zone !== 'floating') return zone;
    return (time as { timezone?: string }).timezone ?? fallback;
  }

  /** The IANA zone a time is shown in: its TZID when IANA names it, the floating zone, or none (UTC, Outlook's). */
  zoneOf(time: Time, fallback?: string): string | undefined {
    const tzid = this.tzidOf(time, fallback);
    if (tzid === undefined) return this.floatingZone;
    return tzid !== 'UTC' && isTimeZone(tzid) ? tzid : undefined;
  }

  /** The instant a time names: in its IANA zone by our own rules, in its VTIMEZONE, in UTC, or floating. */
  instant(time: Time, fallback?: string): Date {
    const tzid = this.tzidOf(time, fallback);
    const local =
      tzid === undefined ? this.floatingZone : tzid !== 'UTC' && isTimeZone(tzid) ? tzid : undefined;
    if (local === undefined && time.zone && time.zone.tzid !== 'floating')
      return new Date(time.toUnixTime() * 1000);
    const day = Reader.day(time);
    const instant = localInstant(day, local ?? this.floatingZone, `${pad(time.hour)}:${pad(time.minute)}`);
    return new Date(instant.getTime() + time.second * 1000);
  }

  /** `YYYY-MM-DD` of a DATE value. */
  static day(time: Time): string {
    return `${String(time.year).padStart(4, '0')}-${pad(time.month)}-${pad(time.day)}`;
  }

  /** `startDate`/`endDate` for one span: plain dates for all-day (DTEND is exclusive, the feed's last day inclusive). */
  span(start: Time, end: Time | undefined, fallback?: string): JsonObject {
    if (start.isDate) {
      const first = Reader.day(start);
      const last = end ? dayString(dayNumber(Reader.day(end)) - 1) : first;
      return { startDate: first, ...(last > first ? { endDate: last } : {}) };
    }
    const from = this.instant(start, fallback);
    const to = end ? this.instant(end, fallback) : undefined;
    return {
      startDate: from.toISOString(),
      ...(to && to > from ? { endDate: to.toISOString() } : {}),
    };
  }

  /** An http(s) URL; any other (relative, `javascript:`) is left out, so the event still shows. */
  url(url: string | undefined, warn: (reason: string) => void): string | undefined {
    if (url === undefined || /^https?:\/\/\S+$/i.test(url)) return url;
    warn(`URL left out: "${url}" is not an absolute http(s) URL`);
    return undefined;
  }

  location(vevent: Component): JsonObject[] | undefined {
    const name = stringValue(vevent, 'location');
    const geo = vevent.getFirstPropertyValue('geo');
    const coordinates =
      Array.isArray(geo) && geo.length === 2 && geo.every((n) => typeof n === 'number' && Number.isFinite(n))
        ? { latitude: geo[0] as number, longitude: geo[1] as number }
        : undefined;
    if (name && /^https?:\/\/\S+$/.test(name) && !coordinates)
      return [{ '@type': 'VirtualLocation', url: name }];
    if (!name && !coordinates) return undefined;
    return [{ '@type': 'Place', ...(name && { name }), ...(coordinates && { geo: coordinates }) }];
  }

  /** The feed's schedule for a rule it can say (every day, week or month, weekdays, an end), else `undefined`. */
  schedule(event: InstanceType<typeof ICAL.Event>, zone: string | undefined): JsonObject | undefined {
    const vevent = event.component;
    const rules = vevent.getAllProperties('rrule');
    // A moved, cancelled or otherwise changed occurrence (RECURRENCE-ID) is one the schedule cannot say.
    const overridden = Object.keys(event.exceptions).length > 0;
    if (rules.length !== 1 || overridden || event.isRecurrenceException() || vevent.hasProperty('rdate'))
      return undefined;
    const start = event.startDate;
    if (start.isDate || !zone) return undefined;
    const tzid = this.tzidOf(start);
    const rule = rules[0]!.getFirstValue() as InstanceType<typeof ICAL.Recur>;
    const parts = rule.parts as Record<string, unknown[] | undefined>;
    const frequency = FREQUENCIES[rule.freq];
    const byDay = (parts.BYDAY ?? []) as string[];
    const known = Object.keys(parts).every((part) => ['BYDAY', 'BYMONTHDAY', 'WKST'].includes(part));
    const plainDays = byDay.every((day) => day in WEEKDAYS);
    const monthDay = parts.BYMONTHDAY as number[] | undefined;
    if (
      !frequency ||
      (rule.interval ?? 1) !== 1 ||
      !known ||
      !plainDays ||
      (rule.freq === 'MONTHLY' && byDay.length > 0) ||
      (monthDay && (rule.freq !== 'MONTHLY' || monthDay.length !== 1 || monthDay[0] !== start.day))
    )
      return undefined;
    const end = event.endDate;
    const startInstant = this.instant(start);
    const endInstant = end ? this.instant(end, tzid) : startInstant;
    // An occurrence lasting a day or more is not a schedule's "from … to …" on one day.
    if (endInstant.getTime() - startInstant.getTime() >= 86_400_000) return undefined;

    // The last day is the last occurrence's (UNTIL may fall after it, before it on the same day, or be a COUNT).
    let last: string | undefined;
    if (rule.until || rule.count) {
      const iterator = event.iterator();
      let next: Time | null;
      let steps = 0;
      while ((next = iterator.next()) && ++steps <= MAX_SCHEDULE_STEPS)
        last = zonedDay(this.instant(next, tzid), zone);
      if (steps > MAX_SCHEDULE_STEPS) return undefined;
    }
    const localTime = (date: Date) => {
      const day = zonedDay(date, zone);
      const midnight = localInstant(day, zone);
      const minutes = Math.round((date.getTime() - midnight.getTime()) / 60_000);
      return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
    };
    const excepted = vevent
      .getAllProperties('exdate')
      .flatMap((property) => property.getValues() as Time[])
      .map((time) => zonedDay(this.instant(time, tzid), zone));
    return {
      startDate: Reader.day(start),
      ...(last && { endDate: last }),
      repeatFrequency: frequency,
      ...(byDay.length && { byDay: byDay.map((day) => WEEKDAYS[day]) }),
      startTime: `${pad(start.hour)}:${pad(start.minute)}`,
      ...(end && endInstant > startInstant && { endTime: localTime(endInstant) }),
      ...(excepted.length && { exceptDate: excepted }),
      scheduleTimezone: zone,
    };
  }

  /** Every occurrence of a rule the schedule cannot say, as sessions; cancelled overrides left out. */
  sessions(event: InstanceType<typeof ICAL.Event>, warn: (reason: string) => void): JsonObject[] {
    const iterator = event.iterator();
    const tzid = this.tzidOf(event.startDate);
    const sessions: JsonObject[] = [];
    let next: Time | null;
    while ((next = iterator.next())) {
      if (sessions.length >= MAX_EXPANDED_OCCURRENCES) {
        warn(`only its first ${MAX_EXPANDED_OCCURRENCES} occurrences are shown`);
        break;
      }
      const details = event.getOccurrenceDetails(next);
      if (stringValue(details.item.component, 'status')?.toUpperCase() === 'CANCELLED') continue;
      const summary = details.item.summary;
      sessions.push({
        ...(summary && summary !== event.summary && { name: summary }),
        ...this.span(details.startDate, details.endDate, tzid),
        ...(details.item !== event && { location: this.location(details.item.component)?.[0] }),
      });
    }
    return sessions.map((session) =>
      Object.fromEntries(Object.entries(session).filter(([, value]) => value !== undefined)),
    );
  }

  /** One VEVENT (with its overrides) → one feed event. */
  event(vevent: Component, overrides: Component[], warn: (reason: string) => void): JsonObject {
    const event = new ICAL.Event(vevent);
    for (const override of overrides) event.relateException(override);
    const uid = stringValue(vevent, 'uid');
    const name = stringValue(vevent, 'summary');
    const start = event.startDate;
    const zone = start && !start.isDate ? this.zoneOf(start) : undefined;
    const description = stringValue(vevent, 'description');
    const url = stringValue(vevent, 'url');
    const status = stringValue(vevent, 'status')?.toUpperCase();
    const categories = vevent
      .getAllProperties('categories')
      .flatMap((property) => property.getValues() as unknown[])
      .filter((value): value is string => typeof value === 'string')
      .map(slugify)
      .filter((value) => (CATEGORIES as readonly string[]).includes(value));

    const dates: JsonObject = {};
    if (start && event.isRecurring()) {
      const schedule = this.schedule(event, zone);
      if (schedule) dates.eventSchedule = schedule;
      else {
        const sessions = this.sessions(event, warn);
        if (sessions.length) dates.subEvent = sessions;
        else warn('every occurrence is excluded or cancelled');
      }
    } else if (start) Object.assign(dates, this.span(start, event.endDate));

    return Object.fromEntries(
      Object.entries({
        id: uid
          ? idFromUid(uid)
          : slugify(`${name ?? 'evenement'} ${String(dates.startDate ?? '').slice(0, 10)}`),
        name,
        description: description && textToHtml(description),
        url: this.url(url, warn),
        ...dates,
        timeZone: zone,
        eventStatus: status === 'CANCELLED' ? 'EventCancelled' : undefined,
        location: this.location(vevent),
        category: categories.length ? [...new Set(categories)] : undefined,
      }).filter(([, value]) => value !== undefined),
    );
  }
}

/** What the reader found: the feed document, or why there is none. */
export type IcsReading =
  | { document: { version: 1; publisher?: { name: string }; events: JsonObject[] }; error?: undefined }
  | { document?: undefined; error: string };

/**
 * A version 1 feed document (not yet validated) from the text of an iCalendar file. Never throws: a text that is not
 * iCalendar gives `error`; a VEVENT that cannot be read is left out and `warn` says which and why.
 *
 * @param warn called once per VEVENT left out or shortened, with the VEVENT (its UID, or position) and the reason
 */
export function icsToFeed(
  text: string,
  warn: (item: string, reason: string) => void = () => undefined,
): IcsReading {
  let calendar: Component;
  try {
    const parsed: unknown = ICAL.parse(text.replace(/^\uFEFF/, ''));
    const root = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    calendar = new ICAL.Component(root as unknown[]);
    if (calendar.name !== 'vcalendar') return { error: 'no VCALENDAR in this iCalendar text' };
  } catch (error) {
    return { error: `not valid iCalendar (${(error as Error).message})` };
  }
  try {
    const reader = new Reader(calendar);
    const vevents = calendar.getAllSubcomponents('vevent');
    const masters = vevents.filter((vevent) => !vevent.hasProperty('recurrence-id'));
    const events: JsonObject[] = [];
    masters.forEach((vevent, index) => {
      const uid = stringValue(vevent, 'uid');
      const label = uid ? `VEVENT "${uid}"` : `VEVENT #${index + 1}`;
      try {
        const overrides = uid
          ? vevents.filter((other) => other !== vevent && stringValue(other, 'uid') === uid)
          : [];
        events.push(reader.event(vevent, overrides, (reason) => warn(label, reason)));
      } catch (error) {
        warn(label, `skipped: ${(error as Error).message}`);
      }
    });
    const name = stringValue(calendar, 'x-wr-calname');
    return { document: { version: 1, ...(name && { publisher: { name } }), events } };
  } catch (error) {
    return { error: `unreadable iCalendar (${(error as Error).message})` };
  }
}
