import { expect } from '@open-wc/testing';
import { isJsonLd, isoDate, jsonLdToFeed, slugify } from './jsonld.js';
import type { AgendaEvent } from './model.js';
import { FeedError, parseFeed } from './parse.js';

type Json = Record<string, unknown>;

/** A schema.org Event as a CMS plugin prints it. */
const wordpressEvent = (overrides: Json = {}): Json => ({
  '@context': 'https://schema.org',
  '@type': 'Event',
  name: 'Atelier télétravail',
  url: 'https://example.org/agenda/atelier-teletravail/',
  startDate: '2020-06-16T10:00:00+02:00',
  endDate: '2020-06-16T12:00:00+02:00',
  ...overrides,
});

/** Reads JSON-LD through `parseFeed`, as the widgets do, and returns the only event. */
function only(json: unknown): AgendaEvent {
  const feed = parseFeed(json, 'page.jsonld', { warn: false });
  expect(feed.issues).to.deep.equal([]);
  expect(feed.events).to.have.length(1);
  return feed.events[0]!;
}

describe('JSON-LD: recognising documents', () => {
  it('recognises an object with @context', () => {
    expect(isJsonLd(wordpressEvent())).to.be.true;
  });

  it('recognises an array of nodes', () => {
    expect(isJsonLd([wordpressEvent()])).to.be.true;
  });

  it('does not take our own feed for JSON-LD', () => {
    expect(isJsonLd({ version: 1, events: [] })).to.be.false;
  });

  it('refuses JSON-LD without any Event as not-a-feed', () => {
    const error = (() => {
      try {
        parseFeed(
          { '@context': 'https://schema.org', '@type': 'Organization', name: 'Réseau Alliances' },
          'x',
        );
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).reason).to.equal('not-a-feed');
  });
});

describe('JSON-LD: which nodes become events', () => {
  it('reads a single Event object', () => {
    expect(only(wordpressEvent()).name).to.equal('Atelier télétravail');
  });

  it('reads every Event of an array and ignores other nodes', () => {
    const feed = jsonLdToFeed([
      wordpressEvent({ url: 'https://example.org/a' }),
      { '@type': 'WebPage', name: 'Agenda' },
      wordpressEvent({ url: 'https://example.org/b' }),
    ]);
    expect(feed?.events.map((event) => event.id)).to.deep.equal(['a', 'b']);
  });

  it('reads the events of a @graph', () => {
    const feed = jsonLdToFeed({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebSite', name: 'Réseau Alliances' }, wordpressEvent()],
    });
    expect(feed?.events).to.have.length(1);
  });

  const subtypes = [
    'EducationEvent',
    'BusinessEvent',
    'SocialEvent',
    'Festival',
    'https://schema.org/ExhibitionEvent',
  ];
  for (const type of subtypes) {
    it(`reads a ${type} as an event`, () => {
      expect(jsonLdToFeed(wordpressEvent({ '@type': type }))?.events).to.have.length(1);
    });
  }

  it('reads a node whose @type is an array containing an event type', () => {
    expect(jsonLdToFeed(wordpressEvent({ '@type': ['Thing', 'BusinessEvent'] }))?.events).to.have.length(1);
  });
});

describe('JSON-LD: ids', () => {
  it('takes the id from the path of @id', () => {
    expect(only(wordpressEvent({ '@id': 'https://example.org/agenda/forum-2020/#event' })).id).to.equal(
      'agenda-forum-2020-event',
    );
  });

  it('takes the id from the url when there is no @id', () => {
    expect(only(wordpressEvent()).id).to.equal('agenda-atelier-teletravail');
  });

  it('keeps the query of a CMS URL in the id', () => {
    expect(only(wordpressEvent({ url: 'https://example.org/index.php?evid=12' })).id).to.equal(
      'index-php-evid-12',
    );
  });

  it('makes an id from the name and the date when there is neither', () => {
    expect(only(wordpressEvent({ url: undefined, name: 'Réunion Économie' })).id).to.equal(
      'reunion-economie-2020-06-16',
    );
  });

  it('slugifies accents, spaces and punctuation', () => {
    expect(slugify("  L'Été : Forum 2020 !")).to.equal('l-ete-forum-2020');
  });

  it('keeps two long texts that differ only after 80 characters apart', () => {
    const prefix = '040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5F601000000000000000010000000';
    expect(slugify(`${prefix}1A2B`)).not.to.equal(slugify(`${prefix}9F8E`));
  });

  it('cuts a long text to 80 characters ending with the same hash of the whole text on every load', () => {
    expect(slugify(`${'a'.repeat(100)}@example.org`)).to.equal(`${'a'.repeat(72)}-0v49f43`);
  });
});

describe('JSON-LD: properties', () => {
  it('reads a local date-time without offset as Paris time', () => {
    expect(
      only(wordpressEvent({ startDate: '2020-06-16T10:00', endDate: undefined })).start?.toISOString(),
    ).to.equal('2020-06-16T08:00:00.000Z');
  });

  it('ends an event with a duration and no endDate that much after its start', () => {
    const json = wordpressEvent({ endDate: undefined, duration: 'PT1H30M' });
    expect(only(json).end?.toISOString()).to.equal('2020-06-16T09:30:00.000Z');
  });

  it('ends an event with a duration in days at the same time on a later day', () => {
    const json = wordpressEvent({ endDate: undefined, duration: 'P1DT2H' });
    expect(jsonLdToFeed(json)?.events[0]?.endDate).to.equal('2020-06-17T12:00:00+02:00');
  });

  it('gives an all-day event with a duration in days its last day', () => {
    const json = wordpressEvent({ startDate: '2020-06-16', endDate: undefined, duration: 'P3D' });
    expect(jsonLdToFeed(json)?.events[0]?.endDate).to.equal('2020-06-18');
  });

  it('prefers the endDate to the duration', () => {
    const json = wordpressEvent({ duration: 'PT5H' });
    expect(jsonLdToFeed(json)?.events[0]?.endDate).to.equal('2020-06-16T12:00:00+02:00');
  });

  it('ends a session with a duration and no endDate that much after its start', () => {
    const session = { '@type': 'Event', startDate: '2020-06-16T14:00:00Z', duration: 'PT45M' };
    const sessions = jsonLdToFeed(wordpressEvent({ subEvent: [session] }))?.events[0]?.subEvent;
    expect(sessions).to.deep.equal([{ startDate: '2020-06-16T14:00:00Z', endDate: '2020-06-16T14:45:00Z' }]);
  });

  it('reads a date-time written with a space', () => {
    expect(
      only(wordpressEvent({ startDate: '2020-12-16 10:00:00', endDate: undefined })).start?.toISOString(),
    ).to.equal('2020-12-16T09:00:00.000Z');
  });

  it('reads a Place with a PostalAddress and GeoCoordinates given as text', () => {
    const event = only(
      wordpressEvent({
        location: {
          '@type': 'Place',
          name: 'Euratechnologies',
          address: {
            '@type': 'PostalAddress',
            addressLocality: 'Lille',
            addressCountry: { '@type': 'Country', name: 'FR' },
          },
          geo: { '@type': 'GeoCoordinates', latitude: '50.63', longitude: '3.02' },
        },
      }),
    );
    expect(event.locations[0]).to.deep.equal({
      kind: 'place',
      name: 'Euratechnologies',
      address: { addressLocality: 'Lille', addressCountry: 'FR' },
      geo: { latitude: 50.63, longitude: 3.02 },
    });
  });

  it('reads a place given as text', () => {
    expect(only(wordpressEvent({ location: 'Lille Grand Palais' })).locations[0]).to.deep.equal({
      kind: 'place',
      name: 'Lille Grand Palais',
    });
  });

  it('reads a VirtualLocation and derives online attendance', () => {
    const event = only(
      wordpressEvent({ location: { '@type': 'VirtualLocation', url: 'https://example.org/visio' } }),
    );
    expect(event.locations[0]).to.deep.equal({ kind: 'virtual', url: 'https://example.org/visio' });
    expect(event.attendanceMode).to.equal('online');
  });

  it('reads the first of several offers, with a price in French notation', () => {
    const event = only(
      wordpressEvent({
        offers: [
          { '@type': 'Offer', price: '12,50', priceCurrency: 'EUR', url: 'https://example.org/billetterie' },
          { '@type': 'Offer', price: '20', priceCurrency: 'EUR' },
        ],
      }),
    );
    expect(event.offer).to.include({ price: 12.5, priceCurrency: 'EUR' });
  });

  it('registers on the offer page', () => {
    const event = only(
      wordpressEvent({ offers: { '@type': 'Offer', url: 'https://example.org/billetterie' } }),
    );
    expect(event.registration).to.include({ mode: 'external', url: 'https://example.org/billetterie' });
  });

  it('marks a zero-price offer as free', () => {
    expect(only(wordpressEvent({ offers: { price: 0 } })).isAccessibleForFree).to.be.true;
  });

  it('reads an image given as a string', () => {
    expect(only(wordpressEvent({ image: 'https://example.org/a.jpg' })).image).to.deep.equal({
      url: 'https://example.org/a.jpg',
      alt: '',
    });
  });

  it('reads an ImageObject with its caption as alt text', () => {
    const image = { '@type': 'ImageObject', url: 'https://example.org/a.jpg', caption: 'La salle' };
    expect(only(wordpressEvent({ image: [image] })).image).to.deep.equal({
      url: 'https://example.org/a.jpg',
      alt: 'La salle',
    });
  });

  it('reads an organizer given as an object, a string, or a reference into the graph', () => {
    const feed = parseFeed({
      '@graph': [
        { '@type': 'Organization', '@id': '#ra', name: 'Réseau Alliances', url: 'https://example.org/' },
        wordpressEvent({
          organizer: [{ '@id': '#ra' }, 'SOBIZHUB', { '@type': 'Person', name: 'Camille Muller' }],
        }),
      ],
    });
    expect(feed.events[0]?.organizers).to.deep.equal([
      { name: 'Réseau Alliances', url: 'https://example.org/' },
      { name: 'SOBIZHUB' },
      { name: 'Camille Muller' },
    ]);
  });

  it('reads eventStatus and attendance mode with the schema.org prefix', () => {
    const event = only(
      wordpressEvent({
        eventStatus: 'https://schema.org/EventMovedOnline',
        eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      }),
    );
    expect([event.status, event.attendanceMode]).to.deep.equal(['moved-online', 'online']);
  });

  it('reads the audience and the language', () => {
    const event = only(
      wordpressEvent({
        audience: { '@type': 'Audience', audienceType: 'Dirigeants' },
        inLanguage: { name: 'en' },
      }),
    );
    expect([event.audiences, event.inLanguage]).to.deep.equal([['Dirigeants'], 'en']);
  });

  it('reads sub-events as sessions', () => {
    const event = only(
      wordpressEvent({
        subEvent: [
          { '@type': 'Event', name: 'Jour 2', startDate: '2020-06-17T10:00:00+02:00' },
          { '@type': 'Event', name: 'Jour 1', startDate: '2020-06-16T10:00:00+02:00' },
        ],
      }),
    );
    expect(event.sessions.map((session) => session.name)).to.deep.equal(['Jour 1', 'Jour 2']);
  });

  it('reads a schedule and takes the start date from it when the event has none', () => {
    const event = only(
      wordpressEvent({
        startDate: undefined,
        endDate: undefined,
        eventSchedule: {
          '@type': 'Schedule',
          startDate: '2020-04-06',
          repeatFrequency: 'P1D',
          startTime: '13:45:00',
          endTime: '14:30:00',
          scheduleTimezone: 'Europe/Paris',
        },
      }),
    );
    expect(event.schedule).to.include({ repeatFrequency: 'daily', startTime: '13:45', endTime: '14:30' });
    expect(event.start?.toISOString()).to.equal('2020-04-06T11:45:00.000Z');
  });

  it('leaves a bad value for the schema to report', () => {
    const feed = parseFeed(wordpressEvent({ url: 'javascript:alert(1)' }), 'page.jsonld', { warn: false });
    expect(feed.events).to.deep.equal([]);
    expect(feed.issues[0]?.path).to.equal('$.events[0].url');
  });
});

describe('JSON-LD: ISO 8601 spellings', () => {
  const spellings: [string, string][] = [
    ['2020-09-29T09:00:00+02:00', '2020-09-29T09:00:00+02:00'],
    ['2020-09-29T09:00+02:00', '2020-09-29T09:00:00+02:00'],
    ['2020-09-29T09:00:00+0200', '2020-09-29T09:00:00+02:00'],
    ['2020-09-29T09:00:00+02', '2020-09-29T09:00:00+02:00'],
    ['20200929T090000+0200', '2020-09-29T09:00:00+02:00'],
    ['2020-09-29t07:00:00z', '2020-09-29T07:00:00Z'],
    ['2020-09-29T09:00:00,5+02:00', '2020-09-29T09:00:00.5+02:00'],
    ['2020-09-29 09:00:00 +0200 CEST', '2020-09-29T09:00:00+02:00'],
    ['2020-09-29 09:00:00 +0200', '2020-09-29T09:00:00+02:00'],
    ['2020-09-29T09:00', '2020-09-29T07:00:00Z'],
    ['20200929', '2020-09-29'],
  ];
  for (const [written, read] of spellings) {
    it(`reads ${written} as ${read}`, () => {
      expect(isoDate(written)).to.equal(read);
    });
  }

  it('leaves what is not ISO 8601 for the schema to report', () => {
    expect(isoDate('tomorrow')).to.equal('tomorrow');
  });

  it('takes an empty date for an unknown one', () => {
    expect(isoDate('')).to.be.undefined;
  });
});

describe('JSON-LD: the worked example of empty fields (Douai, Lens, Béthune)', () => {
  const douai = wordpressEvent({
    url: 'https://example.org/douai',
    image: [''],
    offers: { '@type': 'Offer', price: '', priceCurrency: 'EUR', url: '' },
  });
  const lens = wordpressEvent({
    url: 'https://example.org/lens',
    offers: { '@type': 'Offer', price: '', priceCurrency: 'EUR', url: 'https://example.org/billets/lens' },
  });
  const bethune = wordpressEvent({
    url: 'https://example.org/bethune',
    offers: {
      '@type': 'Offer',
      price: '25',
      priceCurrency: 'EUR',
      url: 'https://example.org/billets/bethune',
    },
  });

  it('lists all three events', () => {
    const feed = parseFeed([douai, lens, bethune], 'page.jsonld', { warn: false });
    expect(feed.events.map((event) => event.id)).to.deep.equal(['douai', 'lens', 'bethune']);
  });

  it('takes an empty image and an empty offer URL for unknown', () => {
    const event = only(douai);
    expect([event.image, event.offer?.url, event.registration.mode]).to.deep.equal([
      undefined,
      undefined,
      'none',
    ]);
  });

  it('takes an empty price for unknown, not free', () => {
    const event = only(lens);
    expect([event.offer?.price, event.isAccessibleForFree]).to.deep.equal([undefined, undefined]);
  });

  it('reads a price given as text', () => {
    expect(only(bethune).offer?.price).to.equal(25);
  });
});

describe('JSON-LD: shapes of the same fact', () => {
  const contexts: unknown[] = [
    'http://schema.org',
    { '@vocab': 'https://schema.org/' },
    ['https://schema.org', { '@language': 'fr' }],
  ];
  for (const context of contexts) {
    it(`reads @context ${JSON.stringify(context)}`, () => {
      expect(only(wordpressEvent({ '@context': context })).name).to.equal('Atelier télétravail');
    });
  }

  it('reads properties written as schema.org IRIs', () => {
    const event = wordpressEvent({ name: undefined, 'http://schema.org/name': 'Forum' });
    expect(only(event).name).to.equal('Forum');
  });

  it('reads events inside an ItemList', () => {
    const feed = jsonLdToFeed({
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', position: 1, item: wordpressEvent() }],
    });
    expect(feed?.events).to.have.length(1);
  });

  it('reads the main entity of a WebPage inside nested @graphs', () => {
    const feed = jsonLdToFeed({
      '@graph': [{ '@graph': [{ '@type': 'WebPage', mainEntity: wordpressEvent() }] }],
    });
    expect(feed?.events).to.have.length(1);
  });

  it('does not take sub-events for events of their own', () => {
    const feed = jsonLdToFeed(wordpressEvent({ subEvent: [wordpressEvent({ name: 'Partie 1' })] }));
    expect(feed?.events).to.have.length(1);
  });

  it('decodes HTML character references in text', () => {
    expect(
      only(wordpressEvent({ name: 'Forum &amp; salon &#8211; l&rsquo;&eacute;t&eacute;' })).name,
    ).to.equal('Forum & salon – l’été');
  });

  it('unescapes a description whose HTML was escaped once more', () => {
    expect(only(wordpressEvent({ description: '&lt;p&gt;Bonjour&lt;/p&gt;' })).descriptionHtml).to.equal(
      '<p>Bonjour</p>',
    );
  });

  it('reads a name given as an array of language strings', () => {
    const name = [
      { '@value': '', '@language': 'en' },
      { '@value': 'Forum', '@language': 'fr' },
    ];
    expect(only(wordpressEvent({ name })).name).to.equal('Forum');
  });

  it('reads an enumeration given as an @id with the schema: prefix', () => {
    expect(only(wordpressEvent({ eventStatus: { '@id': 'schema:EventPostponed' } })).status).to.equal(
      'postponed',
    );
  });

  it('reads an availability in another case', () => {
    expect(only(wordpressEvent({ offers: { availability: 'inStock' } })).offer?.availability).to.equal(
      'InStock',
    );
  });

  it('leaves out geo coordinates that are empty', () => {
    const location = { '@type': 'Place', name: 'Salle', geo: { latitude: '', longitude: '' } };
    expect(only(wordpressEvent({ location })).locations[0]).to.deep.equal({ kind: 'place', name: 'Salle' });
  });

  it('leaves out a nameless organizer', () => {
    expect(
      only(wordpressEvent({ organizer: { '@type': 'Person', name: '', url: '' } })).organizers,
    ).to.deep.equal([]);
  });

  it('does not throw on a document nested deeper than any page', () => {
    let deep: unknown = wordpressEvent();
    for (let level = 0; level < 10_000; level++) deep = { '@graph': [deep] };
    expect(() => jsonLdToFeed(deep)).not.to.throw();
  });
});
