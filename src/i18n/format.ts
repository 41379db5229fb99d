import { tzOffset } from '@date-fns/tz';
import { zonedDay } from '../feed/time.js';
import { dayInstant, daySpan } from '../domain/span.js';
import { intlLocale, type Locale } from './locale.js';
import { dateTimeFormat, numberFormat } from '../internal/intl-cache.js';

/*
 * Dates are formatted with `Intl` (no locale data to ship, and faster than date-fns `format`); date-fns and
 * @date-fns/tz do the zone arithmetic. Formatters are costly to build, so each one is built once per
 * locale, zone and options.
 */

function dateFormat(
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return dateTimeFormat(intlLocale[locale], options, timeZone);
}

const longDate: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const dayMonthYear: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const shortDayMonthYear: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const dayMonthParts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const dayOnly: Intl.DateTimeFormatOptions = { day: 'numeric' };
const clock: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const yearOnly: Intl.DateTimeFormatOptions = { year: 'numeric' };
const monthYear: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };

/** French typography keeps these together on one line. */
const nbsp = '\u00a0';

/** `start – end` with `Intl`'s own range format, which drops what both ends share ("6–8 octobre 2020"). */
function formatRange(format: Intl.DateTimeFormat, start: Date, end: Date): string {
  return typeof format.formatRange === 'function'
    ? format.formatRange(start, end)
    : `${format.format(start)} – ${format.format(end)}`;
}

/** The calendar day of `date` in `zone`, as `YYYY-MM-DD` (what groups events by day and compares days). */
export const toDateKey: (date: Date, zone: string) => string = zonedDay;

/** The pieces of a date block: `{ day: '29', month: 'sept.', weekday: 'mar.' }`. */
export function formatDayMonth(
  date: Date,
  zone: string,
  locale: Locale,
): { day: string; month: string; weekday: string } {
  const parts = dateFormat(locale, zone, dayMonthParts).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), weekday: part('weekday') };
}

/**
 * The days of an event, in its zone: "mardi 29 septembre 2020" for one day (an evening until 1:00 included), "du 6 au 8 octobre 2020"
 * ("6–8 October 2020") within a month, "29 sept. – 2 oct. 2020" across months or years.
 * For an all-day event `end` is the last day; for a timed one, the end instant.
 */
export function formatDateRange(
  start: Date,
  end: Date,
  zone: string,
  locale: Locale,
  allDay: boolean,
): string {
  // Which days it covers is the time-span rule's: an evening ending in the small hours is one day.
  const { first: startKey, last: lastKey } = daySpan(start, end, zone, allDay);
  if (lastKey <= startKey) return dateFormat(locale, zone, longDate).format(start);
  const last = dayInstant(lastKey, zone);
  if (startKey.slice(0, 7) === lastKey.slice(0, 7)) {
    if (locale === 'fr') {
      const firstDay = dateFormat(locale, zone, dayOnly).format(start);
      return `du ${firstDay} au ${dateFormat(locale, zone, dayMonthYear).format(last)}`;
    }
    return formatRange(dateFormat(locale, zone, dayMonthYear), start, last);
  }
  return formatRange(dateFormat(locale, zone, shortDayMonthYear), start, last);
}

/** One clock time: "9 h 00" in French typography, "09:00" in English. */
function formatTime(date: Date, zone: string, locale: Locale): string {
  const parts = dateFormat(locale, zone, clock).formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  return locale === 'fr' ? `${Number(hour)}${nbsp}h${nbsp}${minute}` : `${hour}:${minute}`;
}

/** Clock times in the event's zone: "9 h 00 – 17 h 00" ("09:00–17:00"); one time when the event has no length. */
export function formatTimeRange(start: Date, end: Date, zone: string, locale: Locale): string {
  const from = formatTime(start, zone, locale);
  if (end.getTime() <= start.getTime()) return from;
  const to = formatTime(end, zone, locale);
  return locale === 'fr' ? `${from}${nbsp}– ${to}` : `${from}–${to}`;
}

/** A date and a time, for a confirmation message: "mardi 29 septembre 2020 à 9 h 00". */
export function formatDateTime(date: Date, zone: string, locale: Locale): string {
  const day = dateFormat(locale, zone, longDate).format(date);
  return `${day} ${locale === 'fr' ? 'à' : 'at'} ${formatTime(date, zone, locale)}`;
}

/** The year of `date` in `zone`. */
export function formatYear(date: Date, zone: string, locale: Locale): string {
  return dateFormat(locale, zone, yearOnly).format(date);
}

/** A month heading from a `YYYY-MM` key: "septembre 2020" ("September 2020"). */
export function formatMonthHeading(month: string, locale: Locale): string {
  const [year, monthNumber] = month.split('-').map(Number);
  // Mid-month at noon UTC names the same month in every zone.
  const date = new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 15, 12));
  return dateFormat(locale, 'UTC', monthYear).format(date);
}

/** A price: "25 €", "12,50 €" ("€25", "€12.50"); whole amounts without decimals. */
export function formatPrice(amount: number, currency: string, locale: Locale): string {
  const whole = Number.isInteger(amount);
  return numberFormat(intlLocale[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(amount);
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** "Paris" from `Europe/Paris`, "New York" from `America/New_York`. */
function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

/**
 * Which clock the times are on, for a reader elsewhere: "heure de Paris (UTC+2)" ("Paris time (UTC+2)"), with
 * the offset in force `at` (the event's start). `undefined` when the reader's zone keeps the same offsets as
 * the event's through the year: their clocks agree, a note would be noise.
 */
export function zoneNote(
  zone: string,
  locale: Locale,
  readerZone: string = readersZone(),
  at: Date = new Date(),
): string | undefined {
  if (zone === readerZone) return undefined;
  // Winter and summer tell apart zones whose offsets or DST rules differ; the instant itself catches the odd week
  // where two zones change their clocks on different dates.
  if (sameSeasons(zone, readerZone, at.getUTCFullYear()) && tzOffset(zone, at) === tzOffset(readerZone, at)) {
    return undefined;
  }
  const offset = utcOffset(tzOffset(zone, at));
  const city = zoneCity(zone);
  if (locale === 'en') return `${city} time (${offset})`;
  const of = /^[aeiouyâàéèêëîïôöûü]/i.test(city) ? 'd’' : 'de ';
  return `heure ${of}${city} (${offset})`;
}

let reader: string | undefined;

/** The visitor's zone, read once: building a formatter to ask is costly, and a page's zone does not change. */
function readersZone(): string {
  return (reader ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
}

const seasons = new Map<string, boolean>();

/** Whether two zones keep the same offsets in mid-January and mid-July of `year` (memoized: an agenda asks often). */
function sameSeasons(zone: string, other: string, year: number): boolean {
  const key = `${zone}|${other}|${year}`;
  let same = seasons.get(key);
  if (same === undefined) {
    same = [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)].every(
      (time) => tzOffset(zone, new Date(time)) === tzOffset(other, new Date(time)),
    );
    seasons.set(key, same);
  }
  return same;
}
