import { expect, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import { isDated, type DatedEvent } from '../feed/model.js';
import { parseFeedText } from '../feed/parse.js';
import { makeEvent, makeSession, paris, dailyCafeSchedule } from '../../test/helpers/agenda-event.js';
import { buildIcs, downloadIcs, icsFileName } from './ics.js';

const now = new Date('2020-09-01T10:00:00Z');

function parse(events: DatedEvent[]): ICAL.Component {
  return new ICAL.Component(ICAL.parse(buildIcs(events, { now })));
}

function vevents(events: DatedEvent[]): ICAL.Event[] {
  return parse(events)
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component));
}

function only(event: DatedEvent): ICAL.Event {
  const [parsed] = vevents([event]);
  return parsed;
}

/** The unfolded property lines of the file (what a reader sees after unfolding). */
function contentLines(event: DatedEvent): string[] {
  return buildIcs([event], { now }).replace(/\r\n /g, '').split('\r\n');
}

const cafe = makeEvent({
  id: 'cafe-numerique',
  name: 'Café numérique',
  start: paris('2020-04-06', '13:45'),
  end: paris('2020-04-06', '13:45'),
  schedule: { ...dailyCafeSchedule, exceptDates: ['2020-04-10'] },
});

describe('buildIcs', () => {
  it('ends every line with CRLF', () => {
    const ics = buildIcs([makeEvent(), cafe], { now });
    expect(ics.endsWith('\r\n')).to.be.true;
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });

  it('writes the calendar header', () => {
    const calendar = parse([makeEvent()]);
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).to.equal('-//Reseau Alliances//ra-widgets//FR');
    expect(calendar.getFirstPropertyValue('calscale')).to.equal('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).to.equal('PUBLISH');
  });

  it('uses the given PRODID', () => {
    const ics = buildIcs([makeEvent()], { now, prodId: '-//Example//Agenda//EN' });
    expect(ics).to.contain('\r\nPRODID:-//Example//Agenda//EN\r\n');
  });

  it('stamps the events with the given clock', () => {
    expect(only(makeEvent()).component.getFirstPropertyValue('dtstamp')?.toString()).to.equal(
      '2020-09-01T10:00:00Z',
    );
  });

  it('writes timed sessions as local time with a TZID', () => {
    expect(contentLines(makeEvent())).to.include.members([
      'DTSTART;TZID=Europe/Paris:20200929T090000',
      'DTEND;TZID=Europe/Paris:20200929T120000',
    ]);
  });

  it('writes a time in the second pass of an hour the clocks repeat in UTC, which a TZID would read as the first', () => {
    // New York, 6 November 2033: 01:00–02:00 comes twice; 06:00Z is the second 01:00 (EST), 05:00Z the first (EDT).
    const event = (start: Date) =>
      makeEvent({ timeZone: 'America/New_York', start, end: start, sessions: [makeSession({ start })] });
    expect(contentLines(event(new Date('2033-11-06T06:00:00Z')))).to.include('DTSTART:20331106T060000Z');
    expect(contentLines(event(new Date('2033-11-06T05:00:00Z')))).to.include(
      'DTSTART;TZID=America/New_York:20331106T010000',
    );
    expect(
      only(event(new Date('2033-11-06T06:00:00Z')))
        .startDate.toJSDate()
        .toISOString(),
    ).to.equal('2033-11-06T06:00:00.000Z');
  });

  it('describes the zone it uses in a VTIMEZONE', () => {
    const zones = parse([makeEvent()]).getAllSubcomponents('vtimezone');
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).to.deep.equal(['Europe/Paris']);
  });

  it('gives back the summer instant in UTC', () => {
    const parsed = only(makeEvent());
    expect(parsed.startDate.toJSDate().toISOString()).to.equal('2020-09-29T07:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).to.equal('2020-09-29T10:00:00.000Z');
  });

  it('gives back the right instants across the October clock change', () => {
    const parsed = only(
      makeEvent({ start: paris('2020-10-25', '01:30'), end: paris('2020-10-25', '04:00') }),
    );
    expect(parsed.startDate.toJSDate().toISOString()).to.equal('2020-10-24T23:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).to.equal('2020-10-25T03:00:00.000Z');
  });

  it('gives back the winter instant in UTC', () => {
    const parsed = only(
      makeEvent({ start: paris('2020-11-17', '09:00'), end: paris('2020-11-17', '12:00') }),
    );
    expect(parsed.startDate.toJSDate().toISOString()).to.equal('2020-11-17T08:00:00.000Z');
  });

  it('derives the rules of any zone, not only Paris', () => {
    const events = [
      makeEvent({ id: 'before', timeZone: 'America/New_York', start: new Date('2020-10-30T13:00:00Z') }),
      makeEvent({ id: 'after', timeZone: 'America/New_York', start: new Date('2020-11-02T14:00:00Z') }),
    ].map((event) => ({ ...event, end: event.start, sessions: [makeSession({ start: event.start })] }));
    const starts = vevents(events).map((parsed) => parsed.startDate.toString());
    expect(starts).to.deep.equal(['2020-10-30T09:00:00', '2020-11-02T09:00:00']);
    expect(vevents(events).map((parsed) => parsed.startDate.toJSDate().toISOString())).to.deep.equal([
      '2020-10-30T13:00:00.000Z',
      '2020-11-02T14:00:00.000Z',
    ]);
  });

  it('writes an all-day event as dates, DTEND being the next day', () => {
    const day = paris('2020-09-29');
    expect(contentLines(makeEvent({ allDay: true, start: day, end: day }))).to.include.members([
      'DTSTART;VALUE=DATE:20200929',
      'DTEND;VALUE=DATE:20200930',
    ]);
  });

  it('ends a multi-day event the day after its last day', () => {
    const parsed = only(makeEvent({ allDay: true, start: paris('2020-09-29'), end: paris('2020-10-01') }));
    expect(parsed.startDate.isDate).to.be.true;
    expect(parsed.startDate.toString()).to.equal('2020-09-29');
    expect(parsed.endDate.toString()).to.equal('2020-10-02');
  });

  it('needs no VTIMEZONE for all-day events', () => {
    const day = paris('2020-09-29');
    expect(parse([makeEvent({ allDay: true, start: day, end: day })]).getAllSubcomponents('vtimezone')).to.be
      .empty;
  });

  it('writes each session as its own VEVENT with a distinct UID', () => {
    const sessions = ['2020-09-29', '2020-10-06', '2020-10-27'].map((day) =>
      makeSession({ start: paris(day, '09:00'), end: paris(day, '17:00') }),
    );
    const parsed = vevents([makeEvent({ id: 'formation-rse', sessions })]);
    expect(parsed.map((event) => event.uid)).to.deep.equal([
      'formation-rse-1@reseau-alliances.org',
      'formation-rse-2@reseau-alliances.org',
      'formation-rse-3@reseau-alliances.org',
    ]);
    expect(parsed.map((event) => event.startDate.toJSDate().toISOString())).to.deep.equal([
      '2020-09-29T07:00:00.000Z',
      '2020-10-06T07:00:00.000Z',
      '2020-10-27T08:00:00.000Z',
    ]);
  });

  it('writes an imported rule’s moved occurrence at its new time and leaves out its cancelled one', () => {
    const tuesday = (day: string, hour: string, ...lines: string[]) => [
      'BEGIN:VEVENT',
      'UID:abc123@google.com',
      'SUMMARY:Point hebdo',
      'DTSTAMP:20261120T120000Z',
      `DTSTART;TZID=Europe/Paris:${day}T${hour}0000`,
      ...lines,
      'END:VEVENT',
    ];
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      ...tuesday('20261201', '09', 'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3'),
      ...tuesday('20261208', '11', 'RECURRENCE-ID;TZID=Europe/Paris:20261208T090000'),
      ...tuesday('20261215', '09', 'RECURRENCE-ID;TZID=Europe/Paris:20261215T090000', 'STATUS:CANCELLED'),
      'END:VCALENDAR',
    ].join('\r\n');
    const [event] = parseFeedText(text, 'google.ics', 'text/calendar', { warn: false }).events;
    if (!event || !isDated(event)) throw new Error('no dated event read');
    expect(vevents([event]).map((parsed) => parsed.startDate.toJSDate().toISOString())).to.deep.equal([
      '2026-12-01T08:00:00.000Z',
      '2026-12-08T10:00:00.000Z',
    ]);
  });

  it('names a session after the event and its rank', () => {
    const sessions = [makeSession(), makeSession({ start: paris('2020-10-06', '09:00') })];
    expect(vevents([makeEvent({ sessions })]).map((event) => event.summary)).to.deep.equal([
      'Rencontre des dirigeants (1/2)',
      'Rencontre des dirigeants (2/2)',
    ]);
  });

  it('writes a daily schedule as one VEVENT with an RRULE', () => {
    expect(contentLines(cafe)).to.include.members([
      'DTSTART;TZID=Europe/Paris:20200406T134500',
      'DTEND;TZID=Europe/Paris:20200406T143000',
      'RRULE:FREQ=DAILY',
    ]);
  });

  it('repeats the daily café at 13:45 Paris time before and after the clock change', () => {
    const iterator = only(cafe).iterator();
    const occurrences: string[] = [];
    for (let next = iterator.next(); next && occurrences.length < 250; next = iterator.next()) {
      occurrences.push(next.toJSDate().toISOString());
    }
    expect(occurrences.slice(0, 4)).to.deep.equal([
      '2020-04-06T11:45:00.000Z',
      '2020-04-07T11:45:00.000Z',
      '2020-04-08T11:45:00.000Z',
      '2020-04-09T11:45:00.000Z',
    ]);
    expect(occurrences).to.include('2020-11-02T12:45:00.000Z');
  });

  it('leaves out the excepted dates of a schedule', () => {
    const iterator = only(cafe).iterator();
    const days = [1, 2, 3, 4, 5].map(() => iterator.next().toString().slice(0, 10));
    expect(days).to.deep.equal(['2020-04-06', '2020-04-07', '2020-04-08', '2020-04-09', '2020-04-11']);
  });

  it('writes a weekly schedule with its days and a UTC UNTIL', () => {
    const weekly = makeEvent({
      start: paris('2020-04-06', '13:45'),
      schedule: {
        ...cafe.schedule!,
        repeatFrequency: 'weekly',
        byDay: [1, 4],
        endDate: '2020-06-29',
        exceptDates: [],
      },
    });
    expect(contentLines(weekly)).to.include('RRULE:FREQ=WEEKLY;UNTIL=20200629T114500Z;BYDAY=MO,TH');
  });

  it('marks a cancelled event CANCELLED', () => {
    expect(only(makeEvent({ status: 'cancelled' })).component.getFirstPropertyValue('status')).to.equal(
      'CANCELLED',
    );
  });

  it('marks a postponed event TENTATIVE', () => {
    expect(only(makeEvent({ status: 'postponed' })).component.getFirstPropertyValue('status')).to.equal(
      'TENTATIVE',
    );
  });

  it('marks a scheduled event CONFIRMED', () => {
    expect(only(makeEvent()).component.getFirstPropertyValue('status')).to.equal('CONFIRMED');
  });

  it('escapes commas, semicolons, backslashes and newlines so they read back exactly', () => {
    const summary = 'Ateliers, tables rondes; C:\\partage\\docs\nDeuxième ligne\r\nTroisième';
    const parsed = only(makeEvent({ name: summary, summary, url: undefined }));
    expect(parsed.summary).to.equal(summary.replace(/\r\n/g, '\n'));
    expect(parsed.description).to.equal(summary.replace(/\r\n/g, '\n'));
  });

  it('folds a long French title to 75 octets without splitting a character', () => {
    const title = 'Matinée « Énergie & sobriété » à Saint-Herblain 🌱🚲 — ça déménage ! '
      .repeat(5)
      .slice(0, 300);
    const ics = buildIcs([makeEvent({ name: title })], { now });
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) {
      expect(encoder.encode(line).length, line).to.be.at.most(75);
      expect(new TextDecoder().decode(encoder.encode(line)), 'no broken character').to.equal(line);
    }
  });

  it('unfolds a long French title back exactly', () => {
    const title = 'Matinée « Énergie & sobriété » à Saint-Herblain 🌱🚲 — ça déménage ! '
      .repeat(5)
      .slice(0, 300);
    expect(only(makeEvent({ name: title })).summary).to.equal(title);
  });

  it('describes the event in plain text: summary then page, never HTML', () => {
    const description = only(makeEvent({ descriptionHtml: '<p>Du <strong>HTML</strong></p>' })).description;
    expect(description).to.equal(
      'Un petit-déjeuner pour échanger entre dirigeants du territoire.\n\n' +
        'https://www.reseau-alliances.org/agenda/rencontre-dirigeants',
    );
  });

  it('writes the place as its name, street and city, with its coordinates', () => {
    const parsed = only(makeEvent());
    expect(parsed.location).to.equal('Maison des entreprises, 10 rue de la Paix, 44000 Nantes');
    expect(parsed.component.getFirstPropertyValue('geo')).to.deep.equal([47.2184, -1.5536]);
  });

  it('writes an online event’s URL as its location', () => {
    const online = makeEvent({ locations: [{ kind: 'virtual', url: 'https://visio.example.org/atelier' }] });
    expect(only(online).location).to.equal('https://visio.example.org/atelier');
  });

  it('links to the event’s page', () => {
    expect(contentLines(makeEvent())).to.include(
      'URL:https://www.reseau-alliances.org/agenda/rencontre-dirigeants',
    );
  });

  it('names the organizer with the contact’s e-mail', () => {
    expect(contentLines(makeEvent())).to.include(
      'ORGANIZER;CN="Claire Martin":mailto:claire.martin@reseau-alliances.org',
    );
  });

  it('leaves the organizer out when there is no e-mail', () => {
    const parsed = only(makeEvent({ contact: { name: 'Claire Martin', telephone: '+33 2 40 00 00 00' } }));
    expect(parsed.component.hasProperty('organizer')).to.be.false;
  });

  it('writes several events into one calendar', () => {
    expect(vevents([makeEvent(), cafe]).map((event) => event.uid)).to.deep.equal([
      'rencontre-dirigeants-1@reseau-alliances.org',
      'cafe-numerique-1@reseau-alliances.org',
    ]);
  });
});

describe('icsFileName', () => {
  it('names the file after the event’s id', () => {
    expect(icsFileName(makeEvent({ id: 'formation-rse' }))).to.equal('formation-rse.ics');
  });
});

describe('downloadIcs', () => {
  let clicked: HTMLAnchorElement | undefined;
  const intercept = (click: Event) => {
    if (click.target instanceof HTMLAnchorElement && click.target.download) {
      clicked = click.target;
      // The test checks the link; the browser need not save a file.
      click.preventDefault();
    }
  };
  beforeEach(() => {
    clicked = undefined;
    document.addEventListener('click', intercept);
  });
  afterEach(() => document.removeEventListener('click', intercept));

  it('clicks a temporary download link to a calendar object URL', () => {
    downloadIcs(makeEvent(), { now });
    expect(clicked?.download).to.equal('rencontre-dirigeants.ics');
    expect(clicked?.href).to.match(/^blob:/);
    expect(clicked?.isConnected).to.be.false;
  });

  it('serves the file as text/calendar in UTF-8', async () => {
    let body: Promise<Response> | undefined;
    document.addEventListener('click', (click) => (body = fetch((click.target as HTMLAnchorElement).href)), {
      once: true,
    });
    downloadIcs(makeEvent(), { now });
    const response = await body!;
    expect(response.headers.get('content-type')).to.equal('text/calendar;charset=utf-8');
    expect(await response.text()).to.equal(buildIcs([makeEvent()], { now }));
  });

  it('revokes the object URL afterwards', async () => {
    const revoke = URL.revokeObjectURL;
    const revoked: string[] = [];
    URL.revokeObjectURL = (url) => revoked.push(url);
    try {
      downloadIcs(makeEvent(), { now });
      // Only this download's URL: an earlier test's may be revoked meanwhile.
      await waitUntil(() => clicked !== undefined && revoked.includes(clicked.href));
      expect(revoked.filter((url) => url === clicked?.href)).to.have.length(1);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });
});
