/**
 * Property-based tests (fast-check): arbitrary input never throws out of the readers, and generated valid events
 * keep their facts through feed → schema.org JSON-LD → adapter, and through feed → .ics → ical.js (and back through
 * our iCalendar reader). Runs are seeded by fast-check and reported with the seed on failure.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import ICAL from 'ical.js';
import * as v from 'valibot';
import { buildIcs } from '../calendar/ics.js';
import { inRepeatedHour } from '../calendar/zoned.js';
import { eventJsonLd } from '../seo/jsonld.js';
import { icsToFeed } from './ics-reader.js';
import { jsonLdToFeed } from './jsonld.js';
import { clearFeedCache, loadFeed } from './loader.js';
import { isDated, type DatedEvent } from './model.js';
import { DEFAULT_TIME_ZONE, normalizeEvent } from './normalize.js';
import { FeedError, parseFeed, parseFeedText } from './parse.js';
import { EventSchema, EVENT_STATUSES } from './schema.js';

const RUNS = { numRuns: 200 };

/** Throws only a `FeedError`, or returns. */
function onlyFeedErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
  }
}

/** JSON-LD-looking values: nodes with schema.org types and properties holding any JSON, nested a few levels. */
const jsonLdish = fc.letrec((tie) => ({
  child: fc.oneof({ maxDepth: 3, depthIdentifier: 'node' }, fc.jsonValue({ maxDepth: 2 }), tie('node')),
  node: fc.record(
    {
      '@context': fc.oneof(fc.constant('https://schema.org'), fc.jsonValue({ maxDepth: 2 })),
      '@type': fc.oneof(
        fc.constantFrom('Event', 'BusinessEvent', ['Event', 'Thing'], 'ItemList', 'WebPage', 'schema:Event'),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      '@id': fc.oneof(fc.webUrl(), fc.string()),
      '@graph': fc.array(tie('child'), { maxLength: 3, depthIdentifier: 'node' }),
      name: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })),
      startDate: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string(),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      endDate: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      location: tie('child'),
      offers: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record(
          { price: fc.jsonValue({ maxDepth: 1 }), url: fc.jsonValue({ maxDepth: 1 }) },
          { requiredKeys: [] },
        ),
      ),
      image: fc.jsonValue({ maxDepth: 2 }),
      subEvent: fc.array(tie('child'), { maxLength: 2, depthIdentifier: 'node' }),
      eventSchedule: fc.jsonValue({ maxDepth: 2 }),
      mainEntity: tie('child'),
      itemListElement: fc.array(fc.record({ item: tie('child') }), { maxLength: 2, depthIdentifier: 'node' }),
    },
    { requiredKeys: [] },
  ),
})).node;

/** iCalendar-looking text: real property names with arbitrary values, in and out of VEVENTs. */
const icsish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'BEGIN:VEVENT',
        'END:VEVENT',
        'BEGIN:VTIMEZONE',
        'END:VTIMEZONE',
        'BEGIN:STANDARD',
        'END:STANDARD',
      ),
      fc
        .tuple(
          fc.constantFrom(
            'DTSTART',
            'DTEND',
            'RRULE',
            'EXDATE',
            'RDATE',
            'RECURRENCE-ID',
            'UID',
            'SUMMARY',
            'GEO',
            'URL',
            'STATUS',
            'TZID',
            'DTSTART;VALUE=DATE',
            'DTSTART;TZID=Europe/Paris',
            'DURATION',
            'CATEGORIES',
          ),
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '20201006T090000Z',
              '20201006',
              'FREQ=DAILY;COUNT=3',
              'FREQ=WEEKLY;BYDAY=MO,TU',
              'FREQ=MONTHLY;BYDAY=-1FR',
              'CANCELLED',
              '48.8;2.3',
              'PT1H',
            ),
          ),
        )
        .map(([name, value]) => `${name}:${value}`),
    ),
    { maxLength: 20 },
  )
  .map((lines) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n'));

describe('property: arbitrary input never throws out of the readers', () => {
  it('parseFeed throws nothing but a FeedError on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => onlyFeedErrors(() => parseFeed(json, 'x', { warn: false }))),
      RUNS,
    );
  });

  it('parseFeedText throws nothing but a FeedError on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) =>
        onlyFeedErrors(() => parseFeedText(text, 'x', undefined, { warn: false })),
      ),
      RUNS,
    );
  });

  it('the JSON-LD adapter never throws on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => void jsonLdToFeed(json)),
      RUNS,
    );
  });

  it('the JSON-LD adapter never throws on JSON-LD-looking documents, nor does reading them', () => {
    fc.assert(
      fc.property(jsonLdish, (json) => {
        jsonLdToFeed(json);
        onlyFeedErrors(() => parseFeed(json, 'x', { warn: false }));
      }),
      RUNS,
    );
  });

  it('the iCalendar reader never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => void icsToFeed(text)),
      RUNS,
    );
  });

  it('the iCalendar reader never throws on iCalendar-looking text, nor does reading it', () => {
    fc.assert(
      fc.property(icsish, (text) => {
        icsToFeed(text);
        onlyFeedErrors(() => parseFeedText(text, 'x.ics', 'text/calendar', { warn: false }));
      }),
      RUNS,
    );
  });

  describe('the loader', () => {
    const realFetch = window.fetch;
    afterEach(() => {
      window.fetch = realFetch;
      clearFeedCache();
    });

    it('settles with a feed or a FeedError for any response body', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string(),
            fc.jsonValue().map((json) => JSON.stringify(json)),
            icsish,
          ),
          fc.constantFrom('application/json', 'text/calendar', 'text/html', 'application/ld+json'),
          async (body, type) => {
            window.fetch = async () => new Response(body, { headers: { 'Content-Type': type } });
            try {
              await loadFeed(`/property/feed-${(n += 1)}.json`, { retries: 0 });
            } catch (error) {
              expect(error).to.be.instanceOf(FeedError);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});

// -------------------------------------------------------------------------------------------------------------------
// Generated valid events

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/Sao_Paulo'];
const MINUTE = 60_000;

const validEvent = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,8}){0,2}$/),
    // No `;`: text with a character reference (`&amp;`) is decoded by design, as CMS output carries them.
    name: fc.stringMatching(/^[A-Za-zÀ-ÿ0-9](?:[A-Za-zÀ-ÿ0-9 '’&«»,:!?.()-]{0,40}[A-Za-zÀ-ÿ0-9!?.)»])?$/),
    startMinute: fc.integer({ min: 26_000_000, max: 34_000_000 }),
    minutes: fc.integer({ min: 0, max: 72 * 60 }),
    timeZone: fc.constantFrom(...ZONES),
    status: fc.constantFrom(...EVENT_STATUSES),
    place: fc.stringMatching(/^[A-Za-zÀ-ÿ](?:[A-Za-zÀ-ÿ '-]{0,30}[A-Za-zÀ-ÿ])?$/),
    locality: fc.stringMatching(/^[A-Za-zÀ-ÿ](?:[A-Za-zÀ-ÿ '-]{0,20}[A-Za-zÀ-ÿ])?$/),
    price: fc.option(
      fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100),
      { nil: undefined },
    ),
  })
  .map((facts) => {
    const start = new Date(facts.startMinute * MINUTE);
    const feed = {
      id: facts.id,
      name: facts.name,
      startDate: start.toISOString(),
      endDate: new Date(start.getTime() + facts.minutes * MINUTE).toISOString(),
      timeZone: facts.timeZone,
      eventStatus: facts.status,
      location: { '@type': 'Place', name: facts.place, address: { addressLocality: facts.locality } },
      ...(facts.price !== undefined && { offers: { price: facts.price, priceCurrency: 'EUR' } }),
      ...(facts.status === 'EventRescheduled' && {
        previousStartDate: new Date(start.getTime() - 7 * 86_400_000).toISOString(),
      }),
    };
    const event = normalizeEvent(v.parse(EventSchema, feed));
    if (!isDated(event)) throw new Error('generated an undated event');
    return event;
  });

const placeOf = (event: DatedEvent) => {
  const place = event.locations[0];
  return place?.kind === 'place' ? [place.name, place.address?.addressLocality] : [];
};

describe('property: facts survive feed → JSON-LD → adapter', () => {
  it('keeps the instants, the local time, the status, the place and the price', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const jsonLd = eventJsonLd(event);
        const adapted = jsonLdToFeed(jsonLd)!;
        // The local time with its offset, as the event's zone gives it: the zone's reading of the instant.
        expect(adapted.events[0]!.startDate).to.equal(jsonLd.startDate);
        const read = parseFeed(adapted, 'x', { warn: false });
        expect(read.issues).to.deep.equal([]);
        const back = read.events[0] as DatedEvent;
        expect([back.start.getTime(), back.end.getTime()]).to.deep.equal([
          event.start.getTime(),
          event.end.getTime(),
        ]);
        expect(back.status).to.equal(event.status);
        expect(placeOf(back)).to.deep.equal(placeOf(event));
        expect(back.offer?.price).to.equal(event.offer?.price);
        expect(back.name).to.equal(event.name);
      }),
      RUNS,
    );
  });
});

describe('property: facts survive feed → .ics → ical.js', () => {
  const NOW = new Date('2020-01-01T00:00:00Z');

  it('keeps the instants, the time zone, the status and the place (ical.js)', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const calendar = new ICAL.Component(ICAL.parse(buildIcs([event], { now: NOW })));
        for (const zone of calendar.getAllSubcomponents('vtimezone')) {
          const timezone = new ICAL.Timezone(zone);
          // Each run's zone is defined over its own years: register this file's definition, not an earlier one's.
          ICAL.TimezoneService.remove(timezone.tzid);
          ICAL.TimezoneService.register(timezone);
        }
        const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
        expect(vevent.startDate.toJSDate().getTime()).to.equal(event.start.getTime());
        const end = event.end > event.start ? event.end.getTime() : event.start.getTime();
        expect(vevent.endDate.toJSDate().getTime()).to.equal(end);
        expect(vevent.startDate.zone?.tzid).to.equal(event.timeZone);
        expect(vevent.component.getFirstPropertyValue('status')).to.equal(
          event.status === 'cancelled'
            ? 'CANCELLED'
            : event.status === 'postponed'
              ? 'TENTATIVE'
              : 'CONFIRMED',
        );
        expect(vevent.summary).to.equal(event.name);
        expect(vevent.location).to.equal(placeOf(event).join(', '));
      }),
      RUNS,
    );
  });

  it('reads back the same instants, zone and status through our iCalendar reader', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const { document } = icsToFeed(buildIcs([event], { now: NOW }));
        const back = parseFeed(document, 'x.ics', { warn: false }).events[0] as DatedEvent;
        expect([back.start.getTime(), back.end.getTime()]).to.deep.equal([
          event.start.getTime(),
          event.end.getTime(),
        ]);
        // A start in the second pass of a repeated hour is written in UTC: its zone is then the reader's default.
        const zone = inRepeatedHour(event.start, event.timeZone) ? DEFAULT_TIME_ZONE : event.timeZone;
        expect([back.id, back.timeZone, back.status === 'cancelled']).to.deep.equal([
          event.id,
          zone,
          event.status === 'cancelled',
        ]);
      }),
      RUNS,
    );
  });
});
