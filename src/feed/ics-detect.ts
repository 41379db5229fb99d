/**
 * Telling an iCalendar (RFC 5545) feed from a JSON one, without loading the reader: the loader imports
 * `ics-reader.ts` (and ical.js) only for a feed that is iCalendar.
 */

/** `true` for a `text/calendar` response, or a body that opens with `BEGIN:VCALENDAR`. */
export function isIcs(text: string, contentType?: string): boolean {
  if (/^\s*text\/calendar\b/i.test(contentType ?? '')) return true;
  return /^\uFEFF?\s*BEGIN:VCALENDAR\b/i.test(text.slice(0, 64));
}
