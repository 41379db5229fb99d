import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { buildIcs } from '../calendar/ics.js';
import { isDated, type DatedEvent } from '../feed/model.js';
import { parseFeed } from '../feed/parse.js';
import { nextOccurrence } from '../feed/query.js';
import { zonedDay } from '../feed/time.js';
import { WEEKDAY_TERMS } from './vocabulary.js';
import { withWarnings } from '../../test/helpers/feed.js';

const feedOf = (events: Record<string, unknown>[]) => ({ version: 1, events });

function scheduled(eventSchedule: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { id: 'club', name: 'Club', eventSchedule, ...extra };
}

function readEvent(event: Record<string, unknown>): DatedEvent {
  const [read] = parseFeed(feedOf([event]), 'test', { warn: false }).events;
  if (!read || !isDated(read)) throw new Error('expected a dated event');
  return read;
}

/** The starts the agenda shows one after the other: each time the shown occurrence is over, the next one. */
function shownStarts(event: DatedEvent, count: number): string[] {
  const starts: string[] = [];
  let at = new Date(event.start.getTime() - 1);
  for (
    let next = nextOccurrence(event, at);
    next && starts.length < count;
    next = nextOccurrence(event, at)
  ) {
    starts.push(next.start.toISOString());
    at = new Date(Math.max(next.end.getTime(), next.start.getTime() + 1));
  }
  return starts;
}

/** The starts ical.js expands from the event's exported .ics, its time zones registered from the file itself. */
function icalStarts(event: DatedEvent, count: number): string[] {
  const calendar = new ICAL.Component(
    ICAL.parse(buildIcs([event], { now: new Date('2020-01-01T00:00:00Z') })),
  );
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const iterator = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && starts.length < count; next = iterator.next()) {
    starts.push(next.toJSDate().toISOString());
  }
  return starts;
}

const localTime = (date: Date, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);

const isoDay = (date: Date) => zonedDay(date, 'Europe/Paris');

describe('occurrences', () => {
  it('shows a monthly schedule on Tuesdays on every Tuesday, as its .ics says (RFC 5545 BYDAY=TU)', () => {
    const event = readEvent(
      scheduled({ startDate: '2020-03-03', repeatFrequency: 'P1M', byDay: ['Tuesday'], startTime: '18:00' }),
    );
    const days = shownStarts(event, 6).map((start) => isoDay(new Date(start)));
    expect(days).to.deep.equal([
      '2020-03-03',
      '2020-03-10',
      '2020-03-17',
      '2020-03-24',
      '2020-03-31',
      '2020-04-07',
    ]);
    expect(days).not.to.include('2020-04-03');
    expect(icalStarts(event, 6)).to.deep.equal(shownStarts(event, 6));
  });

  it('shows the first Tuesday of each month with byMonthWeek 1', () => {
    const event = readEvent(
      scheduled({
        startDate: '2020-03-03',
        repeatFrequency: 'P1M',
        byDay: ['https://schema.org/Tuesday'],
        byMonthWeek: [1],
        startTime: '18:00',
      }),
    );
    expect(shownStarts(event, 4).map((start) => isoDay(new Date(start)))).to.deep.equal([
      '2020-03-03',
      '2020-04-07',
      '2020-05-05',
      '2020-06-02',
    ]);
  });

  it('keeps the local time across a change of clocks', () => {
    const event = readEvent(
      scheduled({
        startDate: '2020-03-27',
        repeatFrequency: 'P1D',
        startTime: '09:00',
        endDate: '2020-03-30',
      }),
    );
    expect(shownStarts(event, 5)).to.deep.equal([
      '2020-03-27T08:00:00.000Z',
      '2020-03-28T08:00:00.000Z',
      '2020-03-29T07:00:00.000Z',
      '2020-03-30T07:00:00.000Z',
    ]);
  });

  it('reads a local time skipped by the clock change with the offset before the gap (RFC 5545 §3.3.5)', () => {
    const event = readEvent(
      scheduled({
        startDate: '2020-03-28',
        repeatFrequency: 'P1D',
        startTime: '02:30',
        endDate: '2020-03-29',
      }),
    );
    // 02:30 does not exist in Paris on 29 March 2020: 02:30 at UTC+1 is 03:30 summer time.
    expect(shownStarts(event, 2)).to.deep.equal(['2020-03-28T01:30:00.000Z', '2020-03-29T01:30:00.000Z']);
  });

  it('reads a local time repeated by the clock change as its first instance (RFC 5545 §3.3.5)', () => {
    const event = readEvent(
      scheduled({
        startDate: '2020-10-25',
        repeatFrequency: 'P1D',
        startTime: '02:30',
        endDate: '2020-10-25',
      }),
    );
    // 02:30 comes twice in Paris on 25 October 2020: first in summer time (UTC+2).
    expect(shownStarts(event, 1)).to.deep.equal(['2020-10-25T00:30:00.000Z']);
  });

  it('refuses a rule it cannot represent, with a warning naming the event', () => {
    const { result, warnings } = withWarnings(() =>
      parseFeed(
        feedOf([
          scheduled({
            startDate: '2020-03-03',
            repeatFrequency: 'P1W',
            byMonthWeek: [2],
            startTime: '18:00',
          }),
        ]),
        'feed.json',
      ),
    );
    expect(result.events).to.deep.equal([]);
    expect(warnings.join('\n')).to.match(/"club".*byMonthWeek needs P1M and byDay/);
  });

  it('means the same dates in the agenda and in the .ics that ical.js reads, for any schedule', function () {
    this.timeout(120_000);
    const day = fc
      .integer({ min: 0, max: 6 * 365 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const weekdays = fc.subarray([...WEEKDAY_TERMS]);
    const schedule = fc
      .record({
        repeatFrequency: fc.constantFrom('P1D', 'P1W', 'P1M'),
        startDate: day,
        length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        byDay: weekdays,
        byMonthWeek: fc.subarray([1, 2, 3, 4, 5]),
        byMonthDay: fc.subarray([1, 2, 10, 15, 28, 29, 30, 31], { maxLength: 3 }),
        startTime: time,
        endTime: fc.option(time, { nil: undefined }),
        excepted: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
        timeZone: fc.constantFrom('Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'),
      })
      .map((s) => {
        const offset = (days: number) =>
          new Date(Date.parse(`${s.startDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const monthly = s.repeatFrequency === 'P1M';
        return {
          startDate: s.startDate,
          ...(s.length !== undefined && { endDate: offset(s.length) }),
          repeatFrequency: s.repeatFrequency,
          ...(monthly && s.byMonthDay.length ? { byMonthDay: s.byMonthDay } : { byDay: s.byDay }),
          ...(monthly &&
            !s.byMonthDay.length &&
            s.byDay.length &&
            s.byMonthWeek.length && { byMonthWeek: s.byMonthWeek }),
          startTime: s.startTime,
          ...(s.endTime !== undefined && { endTime: s.endTime }),
          exceptDate: s.excepted.map(offset),
          scheduleTimezone: s.timeZone,
        };
      });
    fc.assert(
      fc.property(schedule, (eventSchedule) => {
        const [event] = parseFeed(feedOf([scheduled(eventSchedule)]), 'generated', { warn: false }).events;
        // A schedule without any occurrence is refused, not shown.
        fc.pre(event !== undefined && isDated(event));
        const dated = event as DatedEvent;
        const shown = shownStarts(dated, 25);
        // A local time skipped or repeated by a clock change: ical.js reads it with the offset after the change,
        // RFC 5545 §3.3.5 (and we, tested above) with the one before. The oracle cannot judge those.
        const wall = (start: string, shift = 0) =>
          localTime(new Date(Date.parse(start) + shift * 3_600_000), dated.timeZone);
        fc.pre(
          shown.every(
            (start) =>
              wall(start) === eventSchedule.startTime &&
              wall(start, 1) !== wall(start) &&
              wall(start, -1) !== wall(start),
          ),
        );
        expect(shown).to.deep.equal(icalStarts(dated, 25));
      }),
      { numRuns: 200, seed: 20260929 },
    );
  });
});
