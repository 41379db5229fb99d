import { expect } from '@open-wc/testing';
import { loadFixture, normalizedEvent as event } from '../../test/helpers/feed.js';
import type { AgendaEvent, Feed } from './model.js';
import { parseFeed } from './parse.js';
import {
  facets,
  filterEvents,
  groupByMonth,
  nextOccurrence,
  paginate,
  past,
  sortEvents,
  UNDATED_GROUP,
  upcoming,
} from './query.js';

const ids = (events: readonly AgendaEvent[]) => events.map((item) => item.id);
const iso = (date: Date | undefined) => date?.toISOString();

/** The daily "Cafés de l'Après": every day from Monday 6 April 2020, 13:45–14:30 Paris time. */
const cafe = (schedule: Record<string, unknown> = {}) =>
  event({
    id: 'cafes-de-l-apres',
    startDate: '2020-04-06T13:45:00+02:00',
    endDate: '2020-04-06T14:30:00+02:00',
    eventSchedule: {
      startDate: '2020-04-06',
      repeatFrequency: 'P1D',
      startTime: '13:45',
      endTime: '14:30',
      ...schedule,
    },
  });

describe('upcoming and past', () => {
  let feed: Feed;
  before(async () => {
    feed = parseFeed(await loadFixture());
  });
  // 1 June 2020, 10:00 in Paris.
  const now = new Date('2020-06-01T08:00:00Z');

  it('counts an event still to be dated as upcoming, never past', () => {
    const undated = event({ id: 'undated', startDate: undefined, endDate: undefined });
    expect(ids(upcoming([undated], now))).to.deep.equal(['undated']);
    expect(past([undated], now)).to.deep.equal([]);
  });

  it('lists the events not over yet', () => {
    expect(ids(upcoming(feed.events, now))).to.have.members([
      'formation-management-mobilite-2020',
      'world-forum-2020',
      'cafes-de-l-apres',
      'trophees-economie-responsable-2020',
      'club-referents-rse-2020-06-12',
      'intrapreneuriat-social-sobizhub-2020-11-05',
    ]);
  });

  it('lists the events already over', () => {
    expect(ids(past(feed.events, now))).to.have.members([
      'petit-dejeuner-mobilite-2020-03-19',
      'cycle-habiter-julien-dossier-2020-05-28',
    ]);
  });

  it('keeps an event upcoming while it is under way', () => {
    const meeting = event({ startDate: '2020-06-01T09:00:00+02:00', endDate: '2020-06-01T11:00:00+02:00' });
    expect(upcoming([meeting], now)).to.have.length(1);
  });

  it('keeps an all-day event upcoming until the end of its last day in its zone', () => {
    const forum = event({ startDate: '2020-05-30', endDate: '2020-06-01' });
    expect(upcoming([forum], new Date('2020-06-01T21:59:00Z'))).to.have.length(1);
    expect(past([forum], new Date('2020-06-01T22:00:00Z'))).to.have.length(1);
  });

  it('keeps an open-ended daily schedule upcoming long after its start', () => {
    expect(upcoming([cafe()], new Date('2030-01-01T00:00:00Z'))).to.have.length(1);
  });

  it('moves a bounded schedule to the past after its last occurrence', () => {
    const bounded = cafe({ endDate: '2020-05-08' });
    expect(upcoming([bounded], new Date('2020-05-08T12:00:00Z'))).to.have.length(1);
    expect(past([bounded], new Date('2020-05-08T12:30:00Z'))).to.have.length(1);
  });
});

describe('filterEvents', () => {
  const events = [
    event({
      id: 'reunion',
      name: 'Réunion des adhérents',
      category: ['rencontre'],
      programme: 'Cycle Habiter',
    }),
    event({
      id: 'webinaire',
      name: "Webinaire : l'économie circulaire",
      category: ['webinaire'],
      location: { '@type': 'VirtualLocation' },
      audience: [{ audienceType: 'Dirigeants' }],
    }),
    event({
      id: 'club',
      name: 'Club des référents RSE',
      category: ['club', 'rencontre'],
      programme: 'Club des référents RSE',
      membersOnly: true,
      location: [{ '@type': 'Place', name: 'Lille' }, { '@type': 'VirtualLocation' }],
      audience: { audienceType: 'Référents RSE' },
      startDate: '2020-10-06T09:00:00+02:00',
      endDate: '2020-10-06T11:00:00+02:00',
    }),
  ];

  it('finds "Réunion" when searching "reunion"', () => {
    expect(ids(filterEvents(events, { text: 'reunion' }))).to.deep.equal(['reunion']);
  });

  it('finds "économie" when searching "ECONOMIE"', () => {
    expect(ids(filterEvents(events, { text: 'ECONOMIE' }))).to.deep.equal(['webinaire']);
  });

  it('requires every word of the search', () => {
    expect(ids(filterEvents(events, { text: 'club  lille' }))).to.deep.equal(['club']);
    expect(filterEvents(events, { text: 'club paris' })).to.deep.equal([]);
  });

  it('matches everything with an empty search', () => {
    expect(filterEvents(events, { text: '  ' })).to.have.length(3);
  });

  it('keeps events of any of the chosen categories', () => {
    expect(ids(filterEvents(events, { categories: ['club', 'webinaire'] }))).to.deep.equal([
      'webinaire',
      'club',
    ]);
  });

  it('keeps events of the chosen programmes', () => {
    expect(ids(filterEvents(events, { programmes: ['Cycle Habiter'] }))).to.deep.equal(['reunion']);
  });

  it('keeps events for the chosen audience', () => {
    expect(ids(filterEvents(events, { audience: 'Dirigeants' }))).to.deep.equal(['webinaire']);
  });

  it('keeps members-only events', () => {
    expect(ids(filterEvents(events, { membersOnly: true }))).to.deep.equal(['club']);
  });

  it('keeps events open to all', () => {
    expect(ids(filterEvents(events, { membersOnly: false }))).to.deep.equal(['reunion', 'webinaire']);
  });

  it('counts a mixed event as attendable online', () => {
    expect(ids(filterEvents(events, { mode: 'online' }))).to.deep.equal(['webinaire', 'club']);
  });

  it('counts a mixed event as attendable in person', () => {
    expect(ids(filterEvents(events, { mode: 'offline' }))).to.deep.equal(['reunion', 'club']);
  });

  it('keeps events still running from a date', () => {
    expect(ids(filterEvents(events, { from: new Date('2020-10-01T00:00:00Z') }))).to.deep.equal(['club']);
  });

  it('keeps events starting before a date', () => {
    expect(ids(filterEvents(events, { to: new Date('2020-10-01T00:00:00Z') }))).to.deep.equal([
      'reunion',
      'webinaire',
    ]);
  });

  it('combines criteria', () => {
    expect(ids(filterEvents(events, { categories: ['rencontre'], mode: 'online' }))).to.deep.equal(['club']);
  });
});

describe('sortEvents', () => {
  const late = event({ id: 'late', startDate: '2020-10-01T09:00:00+02:00', endDate: undefined });
  const early = event({ id: 'early', startDate: '2020-09-01T09:00:00+02:00', endDate: undefined });

  it('sorts by start, earliest first', () => {
    expect(ids(sortEvents([late, early], 'asc'))).to.deep.equal(['early', 'late']);
  });

  it('sorts by start, latest first', () => {
    expect(ids(sortEvents([early, late], 'desc'))).to.deep.equal(['late', 'early']);
  });

  it('puts the events still to be dated last, whatever the order', () => {
    const undated = event({ id: 'undated', startDate: undefined, endDate: undefined });
    expect(ids(sortEvents([undated, late, early], 'asc'))).to.deep.equal(['early', 'late', 'undated']);
    expect(ids(sortEvents([undated, early, late], 'desc'))).to.deep.equal(['late', 'early', 'undated']);
  });

  it('leaves the given list untouched', () => {
    const list = [late, early];
    sortEvents(list);
    expect(ids(list)).to.deep.equal(['late', 'early']);
  });
});

describe('groupByMonth', () => {
  it('gathers the events still to be dated in one group of their own', () => {
    const groups = groupByMonth([
      event({ id: 'a', startDate: '2020-03-02T09:00:00+01:00', endDate: undefined }),
      event({ id: 'tbd', startDate: undefined, endDate: undefined }),
    ]);
    expect(groups.map((group) => [group.key, ids(group.events)])).to.deep.equal([
      ['2020-03', ['a']],
      [UNDATED_GROUP, ['tbd']],
    ]);
  });

  it('groups by month in order, with French labels by default', () => {
    const groups = groupByMonth([
      event({ id: 'a', startDate: '2020-03-02T09:00:00+01:00', endDate: undefined }),
      event({ id: 'b', startDate: '2020-03-20T09:00:00+01:00', endDate: undefined }),
      event({ id: 'c', startDate: '2020-04-02T09:00:00+02:00', endDate: undefined }),
    ]);
    expect(groups.map((group) => [group.key, group.label, ids(group.events)])).to.deep.equal([
      ['2020-03', 'mars 2020', ['a', 'b']],
      ['2020-04', 'avril 2020', ['c']],
    ]);
  });

  it('labels months in the given locale', () => {
    const groups = groupByMonth(
      [event({ startDate: '2020-03-02T09:00:00+01:00', endDate: undefined })],
      'en-GB',
    );
    expect(groups[0]?.label).to.equal('March 2020');
  });

  it('puts 31 March 23:30 in New York in March, though it is already April in Paris', () => {
    const evening = event({
      startDate: '2020-03-31T23:30:00-04:00',
      endDate: undefined,
      timeZone: 'America/New_York',
    });
    expect(groupByMonth([evening])[0]?.key).to.equal('2020-03');
  });

  it('puts 1 April 00:30 in Paris in April, though it is still March in UTC', () => {
    const night = event({ startDate: '2020-04-01T00:30:00+02:00', endDate: undefined });
    expect(groupByMonth([night])[0]?.key).to.equal('2020-04');
  });

  it('puts an all-day event in New York in its own month', () => {
    const allDay = event({ startDate: '2020-05-01', endDate: undefined, timeZone: 'America/New_York' });
    expect(groupByMonth([allDay])[0]?.key).to.equal('2020-05');
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 23 }, (_, i) => i + 1);

  it('returns the requested page', () => {
    const page = paginate(items, 2, 10);
    expect(page.items).to.deep.equal([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(page).to.include({
      page: 2,
      pageSize: 10,
      pageCount: 3,
      total: 23,
      hasPrevious: true,
      hasNext: true,
    });
  });

  it('returns a short last page', () => {
    expect(paginate(items, 3, 10).items).to.deep.equal([21, 22, 23]);
    expect(paginate(items, 3, 10).hasNext).to.be.false;
  });

  it('clamps a page past the end to the last page', () => {
    expect(paginate(items, 9, 10).page).to.equal(3);
  });

  it('clamps a page before the start to the first page', () => {
    expect(paginate(items, 0, 10)).to.include({ page: 1, hasPrevious: false });
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], 1, 10)).to.deep.equal({
      items: [],
      page: 1,
      pageSize: 10,
      pageCount: 1,
      total: 0,
      hasPrevious: false,
      hasNext: false,
    });
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(items, 1, 0)).to.throw(RangeError);
  });
});

describe('nextOccurrence', () => {
  it('gives the first café before the schedule starts', () => {
    expect(iso(nextOccurrence(cafe(), new Date('2020-04-01T08:00:00Z'))?.start)).to.equal(
      '2020-04-06T11:45:00.000Z',
    );
  });

  it('gives the café under way', () => {
    expect(iso(nextOccurrence(cafe(), new Date('2020-04-08T12:00:00Z'))?.start)).to.equal(
      '2020-04-08T11:45:00.000Z',
    );
  });

  it("gives tomorrow's café once today's is over", () => {
    expect(iso(nextOccurrence(cafe(), new Date('2020-04-08T12:30:00Z'))?.start)).to.equal(
      '2020-04-09T11:45:00.000Z',
    );
  });

  it('keeps 13:45 local time across the autumn change (winter time: 12:45 UTC)', () => {
    expect(iso(nextOccurrence(cafe(), new Date('2020-10-25T00:00:00Z'))?.start)).to.equal(
      '2020-10-25T12:45:00.000Z',
    );
  });

  it('skips an exception date', () => {
    const closed = cafe({ exceptDate: ['2020-05-01'] });
    expect(iso(nextOccurrence(closed, new Date('2020-05-01T06:00:00Z'))?.start)).to.equal(
      '2020-05-02T11:45:00.000Z',
    );
  });

  it('follows the days of a weekly schedule', () => {
    const weekly = cafe({ repeatFrequency: 'P1W', byDay: ['Tuesday', 'Thursday'] });
    // Friday 10 April → Tuesday 14 April.
    expect(iso(nextOccurrence(weekly, new Date('2020-04-10T06:00:00Z'))?.start)).to.equal(
      '2020-04-14T11:45:00.000Z',
    );
  });

  it('repeats a monthly schedule on the same day of the month', () => {
    const monthly = cafe({ repeatFrequency: 'P1M' });
    expect(iso(nextOccurrence(monthly, new Date('2020-04-07T06:00:00Z'))?.start)).to.equal(
      '2020-05-06T11:45:00.000Z',
    );
  });

  it('has none after a bounded schedule ends', () => {
    expect(nextOccurrence(cafe({ endDate: '2020-04-30' }), new Date('2020-05-01T00:00:00Z'))).to.be.undefined;
  });

  it('carries the location of the event', () => {
    expect(nextOccurrence(cafe(), new Date('2020-04-01T08:00:00Z'))?.location?.kind).to.equal('place');
  });

  it('gives the next session of a multi-session event', () => {
    const training = event({
      subEvent: [
        { name: 'Journée 1', startDate: '2020-09-29T09:00:00+02:00', endDate: '2020-09-29T17:00:00+02:00' },
        { name: 'Journée 2', startDate: '2020-10-20T09:00:00+02:00', endDate: '2020-10-20T17:00:00+02:00' },
      ],
    });
    expect(nextOccurrence(training, new Date('2020-10-01T00:00:00Z'))?.name).to.equal('Journée 2');
  });

  it('gives an all-day session during its day', () => {
    const forum = event({ startDate: '2020-10-13', endDate: '2020-10-15' });
    expect(nextOccurrence(forum, new Date('2020-10-15T12:00:00Z'))?.allDay).to.be.true;
  });

  it('has none once a single event is over', () => {
    expect(nextOccurrence(event(), new Date('2021-01-01T00:00:00Z'))).to.be.undefined;
  });
});

describe('facets', () => {
  it('counts distinct categories, programmes and audiences, most frequent first', () => {
    const result = facets([
      event({
        category: ['club', 'rencontre'],
        programme: 'SOBIZHUB',
        audience: { audienceType: 'Dirigeants' },
      }),
      event({ category: ['rencontre'], programme: 'Cycle Habiter' }),
      event({ category: ['atelier'], programme: 'SOBIZHUB', audience: { audienceType: 'Dirigeants' } }),
    ]);
    expect(result).to.deep.equal({
      categories: [
        { value: 'rencontre', count: 2 },
        { value: 'atelier', count: 1 },
        { value: 'club', count: 1 },
      ],
      programmes: [
        { value: 'SOBIZHUB', count: 2 },
        { value: 'Cycle Habiter', count: 1 },
      ],
      audiences: [{ value: 'Dirigeants', count: 2 }],
    });
  });

  it('gives empty facets for no events', () => {
    expect(facets([])).to.deep.equal({ categories: [], programmes: [], audiences: [] });
  });
});
