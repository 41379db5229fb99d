/**
 * Probe B regressions (iCalendar as calendar apps export it):
 * - a RECURRENCE-ID override of a simple weekly rule (Google Calendar's "this event only" edit) must move or cancel
 *   that occurrence, as docs/feed-format.md promises ("one with moved occurrences is expanded into sessions;
 *   cancelled occurrences left out"); today the override is dropped and the rule read as a plain schedule;
 * - two different UIDs must stay two events: Outlook/Exchange UIDs share their first 80 characters, and the
 *   slug is cut at 80, so the second meeting is skipped as a "Duplicate id".
 */
import { expect } from '@open-wc/testing';
import { parseFeedText } from '../../src/feed/parse.js';

const PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function calendar(...lines: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    ...PARIS,
    ...lines,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('probe B: Outlook/Exchange UIDs', () => {
  it('keeps two meetings whose UIDs differ only after their 80th character', () => {
    const meeting = (uid: string, summary: string, day: string) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `SUMMARY:${summary}`,
      `DTSTART;TZID=Europe/Paris:${day}T143000`,
      `DTEND;TZID=Europe/Paris:${day}T160000`,
      'DTSTAMP:20261120T100000Z',
      'END:VEVENT',
    ];
    const prefix = '040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5F601000000000000000010000000';
    const text = calendar(
      ...meeting(`${prefix}1A2B3C4D5E6F708192A3B4C5D6E7F801`, 'Réunion A', '20261203'),
      ...meeting(`${prefix}9F8E7D6C5B4A39281706F5E4D3C2B1A0`, 'Réunion B', '20261204'),
    );
    const feed = parseFeedText(text, 'outlook.ics', 'text/calendar', { warn: false });
    expect(feed.events.map((event) => event.name)).to.deep.equal(['Réunion A', 'Réunion B']);
  });
});
