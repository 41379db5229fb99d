/**
 * JSON-LD as CMS plugins and themes print it (test/fixtures/jsonld/: invented events in the shapes of The Events
 * Calendar, Yoast, Rank Math, Joomla's DPCalendar and JEvents, Hugo and Jekyll themes…), read as the agenda reads
 * it, and the price as a card shows it. Each fixture's expected reading is the `.expected.json` beside it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { withWarnings } from '../../test/helpers/feed.js';
import '../components/event-card/define.js';
import type { RaEventCard } from '../components/event-card/event-card.js';
import type { AgendaEvent, Place, VirtualLocation } from './model.js';
import { parseFeed } from './parse.js';

const FIXTURES = [
  'theme-empty-fields',
  'the-events-calendar',
  'yoast-graph',
  'rank-math-graph',
  'joomla-dpcalendar',
  'joomla-jevents-itemlist',
  'hugo-theme',
  'jekyll-theme',
  'nested-graph-webpage',
  'expanded-iris',
  'modern-events-schedule',
  'unreadable-items',
];

const NOW = '2020-09-01T10:00:00+02:00';

async function load(path: string): Promise<unknown> {
  return (await fetch(`/test/fixtures/jsonld/${path}`)).json();
}

function where(location: Place | VirtualLocation): string {
  if (location.kind === 'virtual') return `online ${location.url ?? ''}`.trim();
  const { name, address } = location;
  return [name, address?.streetAddress, address?.addressLocality].filter(Boolean).join(', ');
}

/** The price as a card shows it, or `null` when it shows none. */
async function shownPrice(event: AgendaEvent): Promise<string | null> {
  const el = await fixture<RaEventCard>(
    html`<ra-event-card .event=${event} now=${NOW} reader-zone="Europe/Paris" no-jsonld></ra-event-card>`,
  );
  await el.updateComplete;
  return el.shadowRoot!.querySelector('[part~="price"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
}

async function reading(event: AgendaEvent) {
  return {
    id: event.id,
    name: event.name,
    start: event.start?.toISOString() ?? null,
    end: event.end?.toISOString() ?? null,
    allDay: event.allDay,
    status: event.status,
    attendance: event.attendanceMode,
    where: event.locations.map(where),
    organizers: event.organizers.map((organizer) => organizer.name),
    price: await shownPrice(event),
    register: event.registration.url ?? null,
    image: event.image?.url ?? null,
    description: event.descriptionHtml ?? null,
  };
}

describe('JSON-LD from CMS plugins and themes', () => {
  for (const name of FIXTURES) {
    it(`reads ${name} as expected`, async () => {
      const [json, expected] = await Promise.all([load(`${name}.json`), load(`${name}.expected.json`)]);
      const { result: feed, warnings } = withWarnings(() => parseFeed(json, `${name}.json`));
      const events = [];
      for (const event of feed.events) events.push(await reading(event));
      const skipped = feed.issues.map((issue) => ({
        id: issue.id ?? null,
        path: issue.path,
        message: issue.message,
      }));
      expect({ events, skipped }).to.deep.equal(expected);
      // Every skipped item is named in one console warning.
      expect(warnings).to.have.length(new Set(feed.issues.map((issue) => issue.path.split('.')[1])).size);
    });
  }
});
