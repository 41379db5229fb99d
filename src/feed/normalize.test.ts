import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { feedMember, loadFixture, normalizedEvent as normalized } from '../../test/helpers/feed.js';
import type { Feed } from './model.js';
import { foldText, normalizeMember } from './normalize.js';
import { parseFeed } from './parse.js';
import { MemberSchema } from './schema.js';

const iso = (date: Date | undefined) => date?.toISOString();

describe('normalizeEvent: an event announced before it is dated', () => {
  it('has no start, no end and no session', () => {
    const event = normalized({ startDate: undefined, endDate: undefined });
    expect([event.start, event.end, event.sessions, event.allDay]).to.deep.equal([
      undefined,
      undefined,
      [],
      false,
    ]);
  });
});

describe('normalizeEvent: the shared fixture', () => {
  let feed: Feed;
  const byId = (id: string) => feed.events.find((event) => event.id === id)!;
  before(async () => {
    feed = parseFeed(await loadFixture());
  });

  it('sorts the sessions of a training given out of order', () => {
    const sessions = byId('formation-management-mobilite-2020').sessions;
    expect(sessions.map((session) => session.name)).to.deep.equal(['Journée 1', 'Journée 2', 'Journée 3']);
  });

  it('starts a multi-session event with its first session', () => {
    expect(iso(byId('formation-management-mobilite-2020').start)).to.equal('2020-09-29T07:00:00.000Z');
  });

  it('ends a multi-session event with its last session', () => {
    expect(iso(byId('formation-management-mobilite-2020').end)).to.equal('2020-11-17T16:00:00.000Z');
  });

  it('reads a multi-day forum as one all-day session from its first to its last day (Paris midnights)', () => {
    const forum = byId('world-forum-2020');
    expect(forum.allDay).to.be.true;
    expect(forum.sessions).to.have.length(1);
    expect(iso(forum.start)).to.equal('2020-10-12T22:00:00.000Z');
    expect(iso(forum.end)).to.equal('2020-10-14T22:00:00.000Z');
  });

  it('gives a single-part event one session carrying its location', () => {
    const club = byId('club-referents-rse-2020-06-12');
    expect(club.sessions).to.have.length(1);
    expect(club.sessions[0]?.location).to.deep.equal({
      kind: 'place',
      name: 'Réseau Alliances',
      address: { addressLocality: 'Marcq-en-Barœul' },
    });
  });

  it('maps a postponed event and its previous start date', () => {
    const trophees = byId('trophees-economie-responsable-2020');
    expect(trophees.status).to.equal('postponed');
    expect(trophees.previousStartDates.map(iso)).to.deep.equal(['2020-07-08T22:00:00.000Z']);
  });

  it('maps a cancelled event', () => {
    expect(byId('petit-dejeuner-mobilite-2020-03-19').status).to.equal('cancelled');
  });

  it('makes a moved-online event without attendance mode an online one', () => {
    const webinar = byId('cycle-habiter-julien-dossier-2020-05-28');
    expect(webinar.status).to.equal('moved-online');
    expect(webinar.attendanceMode).to.equal('online');
  });

  it('keeps the members-only flag and its restriction', () => {
    const club = byId('club-referents-rse-2020-06-12');
    expect(club.membersOnly).to.be.true;
    expect(club.restriction).to.contain('plus de 100 collaborateurs');
  });

  it('keeps a remaining capacity of 0 (full)', () => {
    expect(byId('intrapreneuriat-social-sobizhub-2020-11-05').remainingAttendeeCapacity).to.equal(0);
  });

  it('reads an inline registration with its endpoint and questions', () => {
    const registration = byId('formation-management-mobilite-2020').registration;
    expect(registration.mode).to.equal('inline');
    expect(registration.endpoint).to.equal(
      'https://example.org/api/events/formation-management-mobilite-2020/registrations',
    );
    expect(registration.questions[1]).to.deep.equal({
      id: 'opca',
      label: 'Prise en charge',
      type: 'choice',
      options: ['OPCA', 'Entreprise', 'Personnelle'],
      required: false,
    });
  });

  it('reads an external registration', () => {
    expect(byId('world-forum-2020').registration).to.deep.equal({
      required: true,
      mode: 'external',
      url: 'https://example.org/world-forum/inscription',
      questions: [],
    });
  });

  it('strips the schema.org prefix of the availability', () => {
    expect(byId('formation-management-mobilite-2020').offer?.availability).to.equal('InStock');
  });

  it('keeps registration open through the whole validThrough day', () => {
    expect(iso(byId('formation-management-mobilite-2020').offer!.validThrough!)).to.equal(
      '2020-09-22T22:00:00.000Z',
    );
  });
});

describe('normalizeEvent: time zones and daylight saving', () => {
  it('reads a time that does not exist in Paris (2020-03-29 02:30+01:00) as the instant its offset says', () => {
    const event = normalized({ startDate: '2020-03-29T02:30:00+01:00', endDate: undefined });
    expect(iso(event.start)).to.equal('2020-03-29T01:30:00.000Z');
  });

  it('moves a schedule time skipped by the spring change (02:30 on 2020-03-29) to the first valid time, 03:30', () => {
    const event = normalized({
      eventSchedule: { startDate: '2020-03-29', repeatFrequency: 'P1D', startTime: '02:30' },
    });
    expect(iso(event.start)).to.equal('2020-03-29T01:30:00.000Z');
  });

  it('measures an event spanning the autumn change (2020-10-25 01:00 → 04:00) as four hours', () => {
    const event = normalized({
      startDate: '2020-10-25T01:00:00+02:00',
      endDate: '2020-10-25T04:00:00+01:00',
    });
    expect(event.end!.getTime() - event.start!.getTime()).to.equal(4 * 3_600_000);
  });

  it('reads an all-day event at midnight in its own zone (America/New_York)', () => {
    const event = normalized({ startDate: '2020-07-04', endDate: undefined, timeZone: 'America/New_York' });
    expect(event.allDay).to.be.true;
    expect(iso(event.start)).to.equal('2020-07-04T04:00:00.000Z');
  });

  it('ends a one-day all-day event at its start (the last day)', () => {
    const event = normalized({ startDate: '2020-07-04', endDate: undefined, timeZone: 'America/New_York' });
    expect(event.end!.getTime()).to.equal(event.start!.getTime());
  });

  it('reads an all-day day in winter at midnight Paris time (UTC+1)', () => {
    expect(iso(normalized({ startDate: '2020-12-01', endDate: undefined }).start)).to.equal(
      '2020-11-30T23:00:00.000Z',
    );
  });

  it('defaults the time zone to Europe/Paris', () => {
    expect(normalized().timeZone).to.equal('Europe/Paris');
  });

  it('takes the schedule time zone when the event names none', () => {
    const event = normalized({
      eventSchedule: {
        startDate: '2020-04-06',
        repeatFrequency: 'P1D',
        startTime: '09:00',
        scheduleTimezone: 'Europe/London',
      },
    });
    expect(event.timeZone).to.equal('Europe/London');
    expect(iso(event.start)).to.equal('2020-04-06T08:00:00.000Z');
  });
});

describe('normalizeEvent: schedules', () => {
  const cafe = () =>
    normalized({
      startDate: '2020-04-06T13:45:00+02:00',
      endDate: '2020-04-06T14:30:00+02:00',
      eventSchedule: {
        startDate: '2020-04-06',
        repeatFrequency: 'P1D',
        startTime: '13:45',
        endTime: '14:30',
      },
    });

  it('maps a daily schedule', () => {
    expect(cafe().schedule).to.deep.equal({
      startDate: '2020-04-06',
      repeatFrequency: 'daily',
      byDay: [],
      startTime: '13:45',
      endTime: '14:30',
      exceptDates: [],
    });
  });

  it('starts with the first occurrence (6 April 2020, 13:45 Paris)', () => {
    expect(iso(cafe().start)).to.equal('2020-04-06T11:45:00.000Z');
  });

  it('gives an open-ended schedule its start as end', () => {
    const event = cafe();
    expect(event.end!.getTime()).to.equal(event.start!.getTime());
  });

  it('has the first occurrence as its session', () => {
    expect(cafe().sessions.map((s) => [iso(s.start), iso(s.end)])).to.deep.equal([
      ['2020-04-06T11:45:00.000Z', '2020-04-06T12:30:00.000Z'],
    ]);
  });

  it('maps byDay, with or without the schema.org prefix, to sorted ISO weekday numbers', () => {
    const event = normalized({
      eventSchedule: {
        startDate: '2020-04-06',
        repeatFrequency: 'P1W',
        startTime: '13:45',
        byDay: ['Friday', 'https://schema.org/Monday', 'Wednesday', 'http://schema.org/Sunday'],
      },
    });
    expect(event.schedule?.byDay).to.deep.equal([1, 3, 5, 7]);
  });

  it('maps P1W and P1M to weekly and monthly', () => {
    const weekly = normalized({
      eventSchedule: { startDate: '2020-04-06', repeatFrequency: 'P1W', startTime: '09:00' },
    });
    const monthly = normalized({
      eventSchedule: { startDate: '2020-04-06', repeatFrequency: 'P1M', startTime: '09:00' },
    });
    expect([weekly.schedule?.repeatFrequency, monthly.schedule?.repeatFrequency]).to.deep.equal([
      'weekly',
      'monthly',
    ]);
  });

  it('starts a schedule on its first matching day (first Thursday after Monday 6 April)', () => {
    const event = normalized({
      eventSchedule: {
        startDate: '2020-04-06',
        repeatFrequency: 'P1W',
        byDay: ['Thursday'],
        startTime: '18:00',
      },
    });
    expect(iso(event.start)).to.equal('2020-04-09T16:00:00.000Z');
  });

  it('ends a bounded schedule with its last occurrence', () => {
    const event = normalized({
      eventSchedule: {
        startDate: '2020-04-06',
        endDate: '2020-05-01',
        repeatFrequency: 'P1W',
        byDay: ['Monday'],
        startTime: '13:45',
        endTime: '14:30',
      },
    });
    expect(iso(event.end)).to.equal('2020-04-27T12:30:00.000Z');
  });

  it('keeps the exception dates', () => {
    const event = normalized({
      eventSchedule: {
        startDate: '2020-04-06',
        repeatFrequency: 'P1D',
        startTime: '13:45',
        exceptDate: ['2020-05-01'],
      },
    });
    expect(event.schedule?.exceptDates).to.deep.equal(['2020-05-01']);
  });

  it('is never an all-day event', () => {
    expect(cafe().allDay).to.be.false;
  });
});

describe('normalizeEvent: statuses and attendance', () => {
  const statuses: [string, string][] = [
    ['EventScheduled', 'scheduled'],
    ['EventPostponed', 'postponed'],
    ['EventRescheduled', 'rescheduled'],
    ['EventCancelled', 'cancelled'],
    ['https://schema.org/EventMovedOnline', 'moved-online'],
  ];
  for (const [feed, model] of statuses) {
    it(`maps ${feed} to ${model}`, () => {
      expect(normalized({ eventStatus: feed }).status).to.equal(model);
    });
  }

  it('defaults the status to scheduled', () => {
    expect(normalized().status).to.equal('scheduled');
  });

  it('maps an explicit attendance mode', () => {
    expect(normalized({ eventAttendanceMode: 'MixedEventAttendanceMode' }).attendanceMode).to.equal('mixed');
  });

  it('derives offline attendance from a place', () => {
    expect(normalized().attendanceMode).to.equal('offline');
  });

  it('derives online attendance from a virtual location', () => {
    expect(normalized({ location: { '@type': 'VirtualLocation' } }).attendanceMode).to.equal('online');
  });

  it('derives mixed attendance from a place and a virtual location', () => {
    const location = [{ '@type': 'Place', name: 'Lille' }, { '@type': 'VirtualLocation' }];
    expect(normalized({ location }).attendanceMode).to.equal('mixed');
  });

  it('derives offline attendance when there is no location', () => {
    expect(normalized({ location: undefined }).attendanceMode).to.equal('offline');
  });
});

describe('normalizeEvent: defaults and details', () => {
  it('defaults registration to none, not required, when the feed says nothing', () => {
    expect(normalized().registration).to.deep.equal({ required: false, mode: 'none', questions: [] });
  });

  it('defaults registration to inline when an endpoint is given', () => {
    const registration = normalized({
      registration: { endpoint: 'https://example.org/api/events/x/registrations' },
    });
    expect(registration.registration.mode).to.equal('inline');
  });

  it('defaults registration to external when a URL is given', () => {
    expect(
      normalized({ registration: { url: 'https://example.org/inscription' } }).registration.mode,
    ).to.equal('external');
  });

  it('keeps an explicit registration.required', () => {
    expect(
      normalized({ registration: { url: 'https://example.org/i', required: false } }).registration.required,
    ).to.be.false;
  });

  it('defaults the language to fr, members-only to false, and lists to empty', () => {
    const event = normalized({ location: undefined });
    expect(event).to.include({ inLanguage: 'fr', membersOnly: false });
    expect([
      event.categories,
      event.audiences,
      event.organizers,
      event.partners,
      event.locations,
    ]).to.deep.equal([[], [], [], [], []]);
  });

  it('defaults the offer currency to EUR', () => {
    expect(normalized({ offers: { price: 30 } }).offer).to.deep.equal({ price: 30, priceCurrency: 'EUR' });
  });

  it('gives an image without alt an empty (decorative) alt', () => {
    expect(normalized({ image: { url: 'https://example.org/a.jpg' } }).image).to.deep.equal({
      url: 'https://example.org/a.jpg',
      alt: '',
    });
  });

  it('accepts one audience or several', () => {
    expect(normalized({ audience: { audienceType: 'Dirigeants' } }).audiences).to.deep.equal(['Dirigeants']);
  });

  it('keeps the description HTML as published, for the widgets to sanitize', () => {
    expect(normalized({ description: '<p onclick="x()">Bonjour</p>' }).descriptionHtml).to.equal(
      '<p onclick="x()">Bonjour</p>',
    );
  });

  it('builds a lower-cased, accent-free search text from name, summary, programme, places and categories', () => {
    const event = normalized({
      name: 'Réunion Économie',
      summary: 'Cœur de métier',
      programme: 'Déclic Mobilités',
      category: ['atelier'],
    });
    expect(event.searchText).to.equal(
      'reunion economie coeur de metier declic mobilites reseau alliances marcq-en-baroeul atelier',
    );
  });

  it('does not copy properties the model does not know', () => {
    expect(normalized({ futureField: 1 })).not.to.have.property('futureField');
  });
});

describe('normalizeMember', () => {
  it('keeps the fields of a member and lower-cases its domains', () => {
    const member = normalizeMember(v.parse(MemberSchema, feedMember({ domains: ['Mandarine.Example.com'] })));
    expect(member).to.deep.equal({
      id: 'mandarine-gestion',
      name: 'Mandarine Gestion',
      status: 'active',
      domains: ['mandarine.example.com'],
    });
  });
});

describe('foldText', () => {
  it('removes accents and lower-cases', () => {
    expect(foldText('ÉCONOMIE Réunion Noël')).to.equal('economie reunion noel');
  });

  it('spells out French ligatures', () => {
    expect(foldText('Cœur Æther')).to.equal('coeur aether');
  });
});
