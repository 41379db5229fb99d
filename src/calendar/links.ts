/**
 * "Add to Google Calendar" and "Add to Outlook" links. Both take one time span: the first session (a note in the
 * details lists the others), or the first occurrence of a schedule (Google also gets its RRULE).
 */
import type { DatedEvent, Session } from '../feed/model.js';
import { zonedDay } from '../feed/time.js';
import { defineCatalogue, intlLocale, locales, type Locale } from '../i18n/locale.js';
import { locationText, plainDetails, sessionLocation, sessionTitle } from './describe.js';
import { scheduleRule } from './rrule.js';
import { utcBasic } from './zoned.js';
import { exclusiveEndDay } from '../domain/span.js';
import { dateTimeFormat } from '../internal/intl-cache.js';

export interface CalendarLinkOptions {
  /** Language of the note listing the other sessions; defaults to the event's own language, then French. */
  locale?: Locale;
}

const messages = defineCatalogue({
  fr: { otherSessions: 'Autres sessions :' },
  en: { otherSessions: 'Other sessions:' },
});

function localeOf(event: DatedEvent, options: CalendarLinkOptions): Locale {
  const language = event.inLanguage.toLowerCase().split('-')[0];
  return options.locale ?? locales.find((locale) => locale === language) ?? 'fr';
}

/** The span the link adds: the first session, or the schedule's occurrence shown (its only session). */
function firstSpan(event: DatedEvent): Session {
  return event.sessions[0] ?? { start: event.start, end: event.end, allDay: event.allDay };
}

const fullDate: Intl.DateTimeFormatOptions = { dateStyle: 'full' };
const fullDateTime: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

function when(session: Session, timeZone: string, locale: Locale): string {
  const format = dateTimeFormat(intlLocale[locale], session.allDay ? fullDate : fullDateTime, timeZone);
  return session.end > session.start
    ? format.formatRange(session.start, session.end)
    : format.format(session.start);
}

/** The summary and page, then the other sessions when there are several. */
function details(event: DatedEvent, options: CalendarLinkOptions): string {
  const text = plainDetails(event);
  if (event.schedule || event.sessions.length < 2) return text;
  const locale = localeOf(event, options);
  const others = event.sessions.slice(1).map((session) => `– ${when(session, event.timeZone, locale)}`);
  return [text, [messages[locale].otherSessions, ...others].join('\n')].filter(Boolean).join('\n\n');
}

function query(base: string, params: [string, string | undefined][]): string {
  const pairs = params.filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '');
  return `${base}?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}

/** A Google Calendar "create event" link, times in UTC and shown in the event's zone. */
export function googleCalendarUrl(event: DatedEvent, options: CalendarLinkOptions = {}): string {
  const span = firstSpan(event);
  const zone = event.timeZone;
  const dates = span.allDay
    ? `${zonedDay(span.start, zone).replace(/-/g, '')}/${exclusiveEndDay(span.start, span.end, zone).replace(/-/g, '')}`
    : `${utcBasic(span.start)}/${utcBasic(span.end > span.start ? span.end : span.start)}`;
  return query('https://calendar.google.com/calendar/render', [
    ['action', 'TEMPLATE'],
    ['text', sessionTitle(event, 0)],
    ['dates', dates],
    ['details', details(event, options)],
    ['location', locationText(sessionLocation(event, span))],
    ['ctz', zone],
    ['recur', event.schedule ? `RRULE:${scheduleRule(event.schedule, zone)}` : undefined],
  ]);
}

/** An Outlook.com "new event" link: UTC instants, or dates with an exclusive end for an all-day event. */
export function outlookCalendarUrl(event: DatedEvent, options: CalendarLinkOptions = {}): string {
  const span = firstSpan(event);
  const zone = event.timeZone;
  const utc = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [start, end] = span.allDay
    ? [zonedDay(span.start, zone), exclusiveEndDay(span.start, span.end, zone)]
    : [utc(span.start), utc(span.end > span.start ? span.end : span.start)];
  return query('https://outlook.live.com/calendar/0/action/compose', [
    ['rru', 'addevent'],
    ['subject', sessionTitle(event, 0)],
    ['startdt', start],
    ['enddt', end],
    ['allday', String(span.allDay)],
    ['body', details(event, options)],
    ['location', locationText(sessionLocation(event, span))],
  ]);
}
