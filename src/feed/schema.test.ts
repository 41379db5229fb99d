import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import {
  caught,
  feedDocument,
  feedEvent,
  feedMember,
  loadFixture,
  withWarnings,
} from '../../test/helpers/feed.js';
import type { Feed } from './model.js';
import { FEED_SCHEMA_ID, feedJsonSchema } from './json-schema.js';
import { parseFeed, parseFeedText } from './parse.js';
import { EventSchema, FeedSchema, MemberSchema, UrlSchema } from './schema.js';

type Json = Record<string, unknown>;

/** Runs `parse` with `console.warn` captured. */
/** The first issue's path and the whole feed, for an event that should be refused. */
function refusedEvent(event: Json): { feed: Feed; path: string } {
  const { result: feed } = withWarnings(() => parseFeed(feedDocument([event]), 'test.json'));
  return { feed, path: feed.issues[0]?.path ?? '(accepted)' };
}

function refusedMember(member: Json): string {
  const { result: feed } = withWarnings(() => parseFeed(feedDocument([], [member]), 'test.json'));
  return feed.issues[0]?.path ?? '(accepted)';
}

describe('feed schema: a valid feed', () => {
  let document: Json;
  before(async () => {
    document = await loadFixture();
  });

  it('accepts the shared fixture as a whole', () => {
    expect(v.safeParse(FeedSchema, document).success).to.be.true;
  });

  it('reads every event and member of the fixture without issues', () => {
    const feed = parseFeed(document, 'feed-small.json');
    expect(feed.issues).to.deep.equal([]);
    expect(feed.events).to.have.length(8);
    expect(feed.members.map((member) => member.id)).to.deep.equal([
      'mandarine-gestion',
      'lille-place-financiere',
    ]);
  });

  it('reads the publisher, the update time and the privacy policy', () => {
    const feed = parseFeed(document);
    expect(feed.publisher).to.deep.equal({
      name: 'Réseau Alliances',
      url: 'https://example.org/',
      logo: 'https://example.org/logo.svg',
    });
    expect(feed.updated?.toISOString()).to.equal('2020-06-01T06:00:00.000Z');
    expect(feed.privacyPolicyUrl).to.equal('https://example.org/confidentialite');
  });

  it('accepts the smallest event: an id, a name and a start', () => {
    expect(v.safeParse(EventSchema, { id: 'a', name: 'A', startDate: '2020-09-29' }).success).to.be.true;
  });

  it('accepts an event announced without a date yet ("date à venir")', () => {
    expect(v.safeParse(EventSchema, { id: 'a', name: 'A' }).success).to.be.true;
  });

  it('accepts schema.org values with the https://schema.org/ prefix', () => {
    const event = feedEvent({ eventStatus: 'https://schema.org/EventCancelled' });
    expect(v.safeParse(EventSchema, event).success).to.be.true;
  });

  it('accepts schema.org values with the http://schema.org/ prefix', () => {
    const event = feedEvent({ eventAttendanceMode: 'http://schema.org/OnlineEventAttendanceMode' });
    expect(v.safeParse(EventSchema, event).success).to.be.true;
  });

  it('accepts a date-time in UTC (Z) and one without seconds', () => {
    const event = feedEvent({ startDate: '2020-09-29T07:00Z', endDate: '2020-09-29T09:00:00.000Z' });
    expect(v.safeParse(EventSchema, event).success).to.be.true;
  });

  it('accepts properties it does not know (forward compatibility)', () => {
    expect(v.safeParse(EventSchema, feedEvent({ '@type': 'Event', futureField: 1 })).success).to.be.true;
  });
});

describe('feed schema: each invalid event field is reported at its JSON path', () => {
  const cases: [string, Json, string][] = [
    ['a missing id', { id: undefined }, '$.events[0].id'],
    ['an id that is not a slug', { id: 'Forum 2020' }, '$.events[0].id'],
    ['an id with a trailing dash', { id: 'forum-' }, '$.events[0].id'],
    ['a missing name', { name: undefined }, '$.events[0].name'],
    ['a blank name', { name: '  ' }, '$.events[0].name'],
    ['an endDate without a startDate', { startDate: undefined }, '$.events[0].endDate'],
    ['a startDate without an offset', { startDate: '2020-09-29T09:00:00' }, '$.events[0].startDate'],
    ['a startDate in French notation', { startDate: '29/09/2020' }, '$.events[0].startDate'],
    ['a startDate on a day that does not exist', { startDate: '2021-02-29' }, '$.events[0].startDate'],
    ['a startDate at 24:00', { startDate: '2020-09-29T24:00:00+02:00' }, '$.events[0].startDate'],
    ['an endDate before the startDate', { endDate: '2020-09-29T08:00:00+02:00' }, '$.events[0].endDate'],
    ['an endDate of another kind than the startDate', { endDate: '2020-09-30' }, '$.events[0].endDate'],
    ['an unknown time zone', { timeZone: 'Europe/Lile' }, '$.events[0].timeZone'],
    ['a javascript: url', { url: 'javascript:alert(1)' }, '$.events[0].url'],
    ['an unknown eventStatus', { eventStatus: 'Scheduled' }, '$.events[0].eventStatus'],
    ['an unknown eventAttendanceMode', { eventAttendanceMode: 'Online' }, '$.events[0].eventAttendanceMode'],
    [
      'a previousStartDate that is not a date',
      { previousStartDate: ['hier'] },
      '$.events[0].previousStartDate[0]',
    ],
    ['a location without @type', { location: { name: 'Lille' } }, '$.events[0].location'],
    [
      'a virtual location with a data: URL',
      { location: [{ '@type': 'VirtualLocation', url: 'data:text/html,hi' }] },
      '$.events[0].location[0].url',
    ],
    [
      'a latitude out of range',
      { location: { '@type': 'Place', geo: { latitude: 91, longitude: 3 } } },
      '$.events[0].location.geo.latitude',
    ],
    ['an organizer without a name', { organizer: { url: 'https://example.org/' } }, '$.events[0].organizer'],
    [
      'a partner logo that is not a URL',
      { partners: [{ name: 'X', logo: 'logo.png' }] },
      '$.events[0].partners[0].logo',
    ],
    ['a negative price', { offers: { price: -5 } }, '$.events[0].offers.price'],
    ['a price given as text', { offers: { price: '12 €' } }, '$.events[0].offers.price'],
    [
      'a currency that is not ISO 4217',
      { offers: { priceCurrency: 'euros' } },
      '$.events[0].offers.priceCurrency',
    ],
    ['an unknown availability', { offers: { availability: 'Available' } }, '$.events[0].offers.availability'],
    [
      'an offer validThrough that is not a date',
      { offers: { validThrough: 'demain' } },
      '$.events[0].offers.validThrough',
    ],
    ['a fractional capacity', { maximumAttendeeCapacity: 1.5 }, '$.events[0].maximumAttendeeCapacity'],
    [
      'a negative remaining capacity',
      { remainingAttendeeCapacity: -1 },
      '$.events[0].remainingAttendeeCapacity',
    ],
    ['an audience without audienceType', { audience: [{ name: 'Dirigeants' }] }, '$.events[0].audience'],
    ['membersOnly as text', { membersOnly: 'oui' }, '$.events[0].membersOnly'],
    ['isAccessibleForFree as text', { isAccessibleForFree: 'true' }, '$.events[0].isAccessibleForFree'],
    ['a language that is not a BCP 47 tag', { inLanguage: 'français' }, '$.events[0].inLanguage'],
    ['an image given as a string', { image: 'https://example.org/a.jpg' }, '$.events[0].image'],
    ['an image with a relative URL', { image: { url: '/a.jpg' } }, '$.events[0].image.url'],
    ['an unknown category', { category: ['salon'] }, '$.events[0].category[0]'],
    ['a blank programme', { programme: '' }, '$.events[0].programme'],
    ['an unknown registration mode', { registration: { mode: 'email' } }, '$.events[0].registration.mode'],
    [
      'a relative registration endpoint',
      { registration: { mode: 'inline', endpoint: '/api/events/x/registrations' } },
      '$.events[0].registration.endpoint',
    ],
    [
      'an unknown question type',
      { registration: { questions: [{ id: 'q', label: 'Q', type: 'select' }] } },
      '$.events[0].registration.questions[0].type',
    ],
    [
      'a choice question without options',
      { registration: { questions: [{ id: 'q', label: 'Q', type: 'choice' }] } },
      '$.events[0].registration.questions[0].options',
    ],
    [
      'a contact e-mail that is not one',
      { contact: { email: 'contact(at)example.org' } },
      '$.events[0].contact.email',
    ],
    [
      'a session without startDate',
      { subEvent: [{ name: 'Journée 1' }] },
      '$.events[0].subEvent[0].startDate',
    ],
    [
      'a session ending before it starts',
      { subEvent: [{ startDate: '2020-09-29T09:00:00+02:00', endDate: '2020-09-28T09:00:00+02:00' }] },
      '$.events[0].subEvent[0].endDate',
    ],
    [
      'a schedule frequency that is not P1D, P1W or P1M',
      { eventSchedule: { startDate: '2020-04-06', repeatFrequency: 'daily', startTime: '13:45' } },
      '$.events[0].eventSchedule.repeatFrequency',
    ],
    [
      'a schedule time that is not HH:mm',
      { eventSchedule: { startDate: '2020-04-06', repeatFrequency: 'P1D', startTime: '13h45' } },
      '$.events[0].eventSchedule.startTime',
    ],
    [
      'a schedule day in French',
      {
        eventSchedule: {
          startDate: '2020-04-06',
          repeatFrequency: 'P1W',
          startTime: '13:45',
          byDay: ['Lundi'],
        },
      },
      '$.events[0].eventSchedule.byDay[0]',
    ],
    [
      'a schedule exception that is not a date',
      {
        eventSchedule: {
          startDate: '2020-04-06',
          repeatFrequency: 'P1D',
          startTime: '13:45',
          exceptDate: ['1er mai'],
        },
      },
      '$.events[0].eventSchedule.exceptDate[0]',
    ],
  ];

  for (const [what, overrides, path] of cases) {
    it(`refuses ${what} (${path})`, () => {
      expect(refusedEvent(feedEvent(overrides)).path).to.equal(path);
    });
  }
});

describe('feed schema: each invalid member field is reported at its JSON path', () => {
  const cases: [string, Json, string][] = [
    ['a missing id', { id: undefined }, '$.members[0].id'],
    ['an id that is not a slug', { id: 'Mandarine_Gestion' }, '$.members[0].id'],
    ['a missing name', { name: undefined }, '$.members[0].name'],
    ['an unknown status', { status: 'expired' }, '$.members[0].status'],
    ['a memberSince in French notation', { memberSince: '05/2020' }, '$.members[0].memberSince'],
    ['a member page that is not http(s)', { url: 'ftp://example.org/' }, '$.members[0].url'],
    ['a website with a javascript: URL', { website: 'javascript:alert(1)' }, '$.members[0].website'],
    ['a logo that is a data: URL', { logo: 'data:image/png;base64,AAAA' }, '$.members[0].logo'],
    ['a domain given as a URL', { domains: ['https://example.com'] }, '$.members[0].domains[0]'],
  ];

  for (const [what, overrides, path] of cases) {
    it(`refuses ${what} (${path})`, () => {
      expect(refusedMember(feedMember(overrides))).to.equal(path);
    });
  }

  it('accepts a member with every field', () => {
    const member = feedMember({
      memberSince: '2020-05-14',
      city: 'Paris',
      sector: 'Finance',
      description: 'Société de gestion',
      url: 'https://example.org/adherents/mandarine-gestion',
      website: 'https://mandarine.example.com/',
      logo: 'https://example.org/logos/mandarine.png',
      domains: ['mandarine.example.com'],
    });
    expect(v.safeParse(MemberSchema, member).success).to.be.true;
  });
});

describe('feed schema: URLs', () => {
  // Payloads that look like URLs, from DOMPurify's test corpus (/work/shared/corpora/dompurify-xss-payloads.json).
  const fromCorpus = [
    'javascript:alert(1)',
    '\u2028javascript:alert(1)',
    '&#x2000;javascript:alert(1)',
    'javasc\nript:alert(1)',
    'javascript://',
    'data:,evilnastystuff',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '\r\ndata:image/jpeg,ab798ewqxbaudbuoibeqbla',
  ];
  const ours = [
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/agenda/forum',
    'https:evil.example',
    'https:/evil.example',
    'http://',
    'https://exa mple.org/',
    'https://example.org/\u0000',
    ' https://example.org/',
    'ftp://example.org/',
    'mailto:contact@example.org',
    'tel:+33320994606',
  ];

  for (const payload of [...fromCorpus, ...ours]) {
    it(`refuses ${JSON.stringify(payload)}`, () => {
      expect(v.safeParse(UrlSchema, payload).success).to.be.false;
    });
  }

  it('accepts an https URL with a query and a fragment', () => {
    expect(v.safeParse(UrlSchema, 'https://example.org/agenda?categorie=forum#world-forum').success).to.be
      .true;
  });

  it('accepts an http URL with a port', () => {
    expect(v.safeParse(UrlSchema, 'http://localhost:8080/api/events/x/registrations').success).to.be.true;
  });

  it('skips the event whose URL is javascript: and keeps the others', () => {
    const document = feedDocument([
      feedEvent({ id: 'a', url: 'javascript:alert(1)' }),
      feedEvent({ id: 'b' }),
    ]);
    const { result } = withWarnings(() => parseFeed(document));
    expect(result.events.map((event) => event.id)).to.deep.equal(['b']);
  });
});

describe('parseFeed: lenient reading', () => {
  const document = () =>
    feedDocument(
      [
        feedEvent({ id: 'atelier-1' }),
        feedEvent({ id: 'atelier-2', startDate: '2020-09-31T09:00:00+02:00' }),
        feedEvent({ id: 'atelier-3' }),
      ],
      [feedMember(), feedMember({ id: 'sans-statut', status: undefined })],
    );

  it('keeps the valid events', () => {
    const { result } = withWarnings(() => parseFeed(document()));
    expect(result.events.map((event) => event.id)).to.deep.equal(['atelier-1', 'atelier-3']);
  });

  it('reports the skipped event with its path, id and message', () => {
    const { result } = withWarnings(() => parseFeed(document()));
    expect(result.issues[0]).to.deep.equal({
      path: '$.events[1].startDate',
      message: 'Invalid date: this day does not exist',
      id: 'atelier-2',
    });
  });

  it('keeps the valid members and reports the invalid one', () => {
    const { result } = withWarnings(() => parseFeed(document()));
    expect(result.members.map((member) => member.id)).to.deep.equal(['mandarine-gestion']);
    expect(result.issues[1]).to.include({ path: '$.members[1].status', id: 'sans-statut' });
  });

  it('warns once per skipped item, naming the source, the id, the path and the problem', () => {
    const { warnings } = withWarnings(() => parseFeed(document(), 'https://example.org/feed.json'));
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('https://example.org/feed.json');
    expect(warnings[0]).to.contain('"atelier-2"');
    expect(warnings[0]).to.contain('$.events[1].startDate');
    expect(warnings[0]).to.contain('this day does not exist');
  });

  it('does not warn when asked not to', () => {
    const { warnings } = withWarnings(() => parseFeed(document(), 'feed.json', { warn: false }));
    expect(warnings).to.deep.equal([]);
  });

  it('reports every problem of a skipped item', () => {
    const { result } = withWarnings(() =>
      parseFeed(feedDocument([feedEvent({ name: '', url: 'javascript:' })])),
    );
    expect(result.issues.map((issue) => issue.path)).to.deep.equal(['$.events[0].name', '$.events[0].url']);
  });

  it('names an item without an id by its position', () => {
    const { warnings } = withWarnings(() => parseFeed(feedDocument([feedEvent({ id: undefined })])));
    expect(warnings[0]).to.contain('skipped event #0');
  });

  it('reports an item that is not an object', () => {
    const { result } = withWarnings(() => parseFeed(feedDocument(['forum' as unknown as Json])));
    expect(result.issues[0]?.path).to.equal('$.events[0]');
  });

  it('keeps the first of two events with the same id', () => {
    const document = feedDocument([
      feedEvent({ id: 'forum', name: 'Premier' }),
      feedEvent({ id: 'autre' }),
      feedEvent({ id: 'forum', name: 'Second' }),
    ]);
    const { result } = withWarnings(() => parseFeed(document));
    expect(result.events.map((event) => event.name)).to.deep.equal(['Premier', 'Rencontre des adhérents']);
  });

  it('reports the repeated id with the path of the first one', () => {
    const document = feedDocument([feedEvent({ id: 'forum' }), feedEvent({ id: 'forum' })]);
    const { result, warnings } = withWarnings(() => parseFeed(document));
    expect(result.issues).to.deep.equal([
      { path: '$.events[1].id', message: 'Duplicate id "forum": already used at $.events[0]', id: 'forum' },
    ]);
    expect(warnings).to.have.length(1);
  });

  it('reports a repeated member id', () => {
    const { result } = withWarnings(() => parseFeed(feedDocument([], [feedMember(), feedMember()])));
    expect(result.issues[0]?.path).to.equal('$.members[1].id');
  });

  it('ignores an invalid update time and reads the rest', () => {
    const { result } = withWarnings(() => parseFeed({ ...feedDocument([feedEvent()]), updated: 'hier' }));
    expect(result.updated).to.be.undefined;
    expect(result.events).to.have.length(1);
    expect(result.issues[0]?.path).to.equal('$.updated');
  });

  it('ignores a members list that is not an array', () => {
    const { result } = withWarnings(() => parseFeed({ ...feedDocument([]), members: {} }));
    expect(result.members).to.deep.equal([]);
    expect(result.issues[0]?.path).to.equal('$.members');
  });

  it('reads a feed without members', () => {
    expect(parseFeed(feedDocument([])).members).to.deep.equal([]);
  });
});

describe('parseFeed: documents that are not a version 1 feed', () => {
  it('refuses a string with reason not-a-feed', () => {
    expect(caught(() => parseFeed('feed', 'https://example.org/feed.json')).reason).to.equal('not-a-feed');
  });

  it('refuses null with reason not-a-feed', () => {
    expect(caught(() => parseFeed(null, 'https://example.org/feed.json')).reason).to.equal('not-a-feed');
  });

  it('refuses a document without version with reason version', () => {
    expect(caught(() => parseFeed({ events: [] }, 'https://example.org/feed.json')).reason).to.equal(
      'version',
    );
  });

  it('refuses version 2 and says which version it found', () => {
    const error = caught(() => parseFeed({ version: 2, events: [] }, 'https://example.org/feed.json'));
    expect(error.reason).to.equal('version');
    expect(error.message).to.contain('version 2');
  });

  it('refuses version "1" given as text', () => {
    expect(caught(() => parseFeed({ version: '1', events: [] })).reason).to.equal('version');
  });

  it('refuses events that are not an array', () => {
    expect(caught(() => parseFeed({ version: 1, events: {} })).reason).to.equal('not-a-feed');
  });

  it('names the URL in the message', () => {
    const error = caught(() => parseFeed({ version: 3, events: [] }, 'https://example.org/feed.json'));
    expect(error.message).to.contain('https://example.org/feed.json');
    expect(error.url).to.equal('https://example.org/feed.json');
  });

  it('is an Error named FeedError', () => {
    const error = caught(() => parseFeed(42));
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('FeedError');
  });
});

describe('parseFeedText', () => {
  const url = 'https://example.org/agenda/feed.json';

  it('reads a JSON feed', () => {
    expect(parseFeedText(JSON.stringify(feedDocument([feedEvent()])), url).events).to.have.length(1);
  });

  it('tolerates a byte order mark', () => {
    expect(parseFeedText(`\uFEFF${JSON.stringify(feedDocument([]))}`, url).version).to.equal(1);
  });

  it('recognises an HTML error page', () => {
    const error = caught(() => parseFeedText('<!doctype html><title>404 Not Found</title>', url));
    expect(error.reason).to.equal('html');
    expect(error.message).to.contain(url);
  });

  it('recognises HTML from the content type', () => {
    expect(
      caught(() => parseFeedText('{"version":1,"events":[]}', url, 'text/html; charset=utf-8')).reason,
    ).to.equal('html');
  });

  it('refuses truncated JSON with reason not-json and the URL', () => {
    const error = caught(() => parseFeedText('{"version":1,"events":[{"id":"for', url));
    expect(error.reason).to.equal('not-json');
    expect(error.message).to.contain(url);
  });

  it('refuses an empty response with reason not-json', () => {
    expect(caught(() => parseFeedText('', url)).reason).to.equal('not-json');
  });

  it('refuses a wrong version with reason version and the URL', () => {
    const error = caught(() => parseFeedText('{"version":2,"events":[]}', url));
    expect(error.reason).to.equal('version');
    expect(error.url).to.equal(url);
  });

  it('reads a schema.org JSON-LD document', () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Forum',
      startDate: '2020-10-13',
    };
    expect(parseFeedText(JSON.stringify(jsonLd), url).events[0]?.name).to.equal('Forum');
  });
});

describe('feed JSON Schema', () => {
  it('names itself and its draft', () => {
    expect(feedJsonSchema()).to.include({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: FEED_SCHEMA_ID,
      title: 'Réseau Alliances feed, version 1',
    });
  });

  it('requires the id and name of every event, not its date (an event may be announced before it is dated)', () => {
    const events = feedJsonSchema().properties?.events as { items: { required: string[] } };
    expect(events.items.required).to.include.members(['id', 'name']);
    expect(events.items.required).not.to.include('startDate');
  });

  it('restricts URLs to http(s) with a pattern', () => {
    const url = (feedJsonSchema().properties?.privacyPolicyUrl ?? {}) as { pattern?: string };
    expect(new RegExp(url.pattern!).test('javascript:alert(1)')).to.be.false;
  });
});
