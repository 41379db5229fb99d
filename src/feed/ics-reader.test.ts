import { expect } from '@open-wc/testing';
import { withWarnings } from '../../test/helpers/feed.js';
import { isIcs } from './ics-detect.js';
import { icsToFeed, idFromUid } from './ics-reader.js';
import { clearFeedCache, loadFeed } from './loader.js';
import type { AgendaEvent, Feed } from './model.js';
import { FeedError, parseFeedText } from './parse.js';

async function fixture(name: string): Promise<string> {
  return (await fetch(`/test/fixtures/ics/${name}.ics`)).text();
}

async function read(name: string): Promise<Feed> {
  return parseFeedText(await fixture(name), `${name}.ics`, 'text/calendar', { warn: false });
}

function byName(feed: Feed, name: string): AgendaEvent {
  const event = feed.events.find((candidate) => candidate.name === name);
  if (!event) throw new Error(`no event named ${name}`);
  return event;
}

/** A calendar around `lines` (CRLF, as RFC 5545 writes it). */
function calendar(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

function vevent(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', 'DTSTAMP:20200901T000000Z', ...lines, 'END:VEVENT'];
}

describe('ICS: telling iCalendar from JSON', () => {
  it('recognises a text/calendar response', () => {
    expect(isIcs('', 'text/calendar; charset=utf-8')).to.be.true;
  });

  it('recognises a body opening with BEGIN:VCALENDAR', () => {
    expect(isIcs('\uFEFFBEGIN:VCALENDAR\r\n')).to.be.true;
  });

  it('does not take JSON for iCalendar', () => {
    expect(isIcs('{"version":1}', 'application/json')).to.be.false;
  });
});

describe('ICS: a Google Calendar export', () => {
  it('names the calendar as the publisher', async () => {
    expect((await read('google-calendar')).publisher?.name).to.equal('Club Exemple');
  });

  it('reads a weekly RRULE with EXDATE and UNTIL as the schedule', async () => {
    const event = byName(await read('google-calendar'), 'Café des adhérents');
    expect(event.schedule).to.deep.equal({
      startDate: '2020-10-06',
      endDate: '2020-11-24',
      repeatFrequency: 'weekly',
      byDay: [2],
      startTime: '08:30',
      endTime: '10:00',
      exceptDates: ['2020-11-03'],
    });
  });

  it('reads the TZID as the event time zone', async () => {
    expect(byName(await read('google-calendar'), 'Café des adhérents').timeZone).to.equal('Europe/Paris');
  });

  it('reads LOCATION and GEO as the place', async () => {
    expect(byName(await read('google-calendar'), 'Café des adhérents').locations).to.deep.equal([
      {
        kind: 'place',
        name: 'Café de la Place, 2 place du Marché, Douai',
        geo: { latitude: 50.3703, longitude: 3.0795 },
      },
    ]);
  });

  it('reads DESCRIPTION as text, its line breaks kept', async () => {
    expect(byName(await read('google-calendar'), 'Café des adhérents').descriptionHtml).to.equal(
      'Un café, des échanges.<br>Venez nombreux !',
    );
  });

  it('reads URL and the categories the feed knows', async () => {
    const event = byName(await read('google-calendar'), 'Café des adhérents');
    expect([event.url, event.categories]).to.deep.equal(['https://club.example/cafe', ['rencontre']]);
  });

  it('reads a multi-day all-day event, DTEND being exclusive', async () => {
    const event = byName(await read('google-calendar'), 'Salon de l’industrie');
    expect([event.allDay, event.sessions[0]?.start.toISOString(), event.end?.toISOString()]).to.deep.equal([
      true,
      '2020-11-11T23:00:00.000Z',
      '2020-11-12T23:00:00.000Z',
    ]);
  });

  it('reads a one-day all-day event', async () => {
    const event = byName(await read('google-calendar'), 'Journée portes ouvertes');
    expect([event.allDay, event.start?.toISOString()]).to.deep.equal([true, '2020-11-19T23:00:00.000Z']);
  });

  it('reads STATUS:CANCELLED', async () => {
    expect(byName(await read('google-calendar'), 'Conférence annulée').status).to.equal('cancelled');
  });

  it('reads a LOCATION that is a URL as an online place', async () => {
    expect(byName(await read('google-calendar'), 'Conférence annulée').locations).to.deep.equal([
      { kind: 'virtual', url: 'https://club.example/visio' },
    ]);
  });
});

describe('ICS: an Outlook export', () => {
  it('reads times in its own VTIMEZONE (Romance Standard Time)', async () => {
    const event = byName(await read('outlook'), 'Comité de pilotage');
    expect(event.sessions[0]?.start.toISOString()).to.equal('2020-10-06T12:00:00.000Z');
  });

  it('expands a rule the schedule cannot say (first Tuesday, COUNT) with its moved occurrence', async () => {
    const event = byName(await read('outlook'), 'Comité de pilotage');
    expect(event.sessions.map((session) => session.start.toISOString())).to.deep.equal([
      '2020-10-06T12:00:00.000Z',
      '2020-11-04T09:00:00.000Z',
      '2020-12-01T13:00:00.000Z',
    ]);
  });

  it('keeps the moved occurrence’s own place', async () => {
    const event = byName(await read('outlook'), 'Comité de pilotage');
    expect(event.sessions[1]?.location).to.deep.equal({ kind: 'place', name: 'Visioconférence' });
  });
});

/** A weekly rule (Tuesdays 09:00–10:00 Paris, 6 times from 1 Dec 2026), as Google Calendar writes it. */
const weekly = vevent(
  'UID:abc123@google.com',
  'SUMMARY:Point hebdo',
  'DTSTART;TZID=Europe/Paris:20261201T090000',
  'DTEND;TZID=Europe/Paris:20261201T100000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6',
);

/** Google Calendar's "this event only" edit of the 8 December occurrence. */
function override(...lines: string[]): string[] {
  return vevent(
    'UID:abc123@google.com',
    'SUMMARY:Point hebdo',
    'RECURRENCE-ID;TZID=Europe/Paris:20261208T090000',
    ...lines,
  );
}

function weeklyStarts(...lines: string[]): string[] {
  const feed = parseFeedText(calendar(...lines), 'google.ics', 'text/calendar', { warn: false });
  return feed.events[0]!.sessions.map((session) => session.start.toISOString());
}

describe('ICS: one-off changes to a simple weekly rule', () => {
  it('keeps a rule without overrides as the schedule', () => {
    const feed = parseFeedText(calendar(...weekly), 'google.ics', 'text/calendar', { warn: false });
    expect(feed.events[0]?.schedule).to.include({ startDate: '2026-12-01', endDate: '2027-01-05' });
  });

  it('moves the occurrence an override moved', () => {
    const moved = override(
      'DTSTART;TZID=Europe/Paris:20261208T110000',
      'DTEND;TZID=Europe/Paris:20261208T120000',
    );
    expect(weeklyStarts(...weekly, ...moved).slice(0, 3)).to.deep.equal([
      '2026-12-01T08:00:00.000Z',
      '2026-12-08T10:00:00.000Z',
      '2026-12-15T08:00:00.000Z',
    ]);
  });

  it('leaves out the occurrence an override cancelled', () => {
    const cancelled = override(
      'DTSTART;TZID=Europe/Paris:20261208T090000',
      'DTEND;TZID=Europe/Paris:20261208T100000',
      'STATUS:CANCELLED',
    );
    expect(weeklyStarts(...weekly, ...cancelled).slice(0, 2)).to.deep.equal([
      '2026-12-01T08:00:00.000Z',
      '2026-12-15T08:00:00.000Z',
    ]);
  });

  it('still leaves out the EXDATEs of a rule with an override', () => {
    const cancelled = override('DTSTART;TZID=Europe/Paris:20261208T090000', 'STATUS:CANCELLED');
    const master = [...weekly.slice(0, -1), 'EXDATE;TZID=Europe/Paris:20261222T090000', 'END:VEVENT'];
    expect(weeklyStarts(...master, ...cancelled)).to.deep.equal([
      '2026-12-01T08:00:00.000Z',
      '2026-12-15T08:00:00.000Z',
      '2026-12-29T08:00:00.000Z',
      '2027-01-05T08:00:00.000Z',
    ]);
  });
});

describe('ICS: VEVENTs one by one', () => {
  it('maps our own UIDs back to the feed ids', () => {
    expect(idFromUid('forum-2020-1@reseau-alliances.org')).to.equal('forum-2020');
  });

  it('keeps two Outlook meetings whose UIDs differ only after their 80th character', () => {
    const prefix = '040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5F601000000000000000010000000';
    const meeting = (uid: string, name: string) =>
      vevent(`UID:${prefix}${uid}`, `SUMMARY:${name}`, 'DTSTART:20261203T133000Z');
    const text = calendar(
      ...meeting('1A2B3C4D5E6F708192A3B4C5D6E7F801', 'Réunion A'),
      ...meeting('9F8E7D6C5B4A39281706F5E4D3C2B1A0', 'Réunion B'),
    );
    const feed = parseFeedText(text, 'outlook.ics', 'text/calendar', { warn: false });
    expect(feed.events.map((event) => event.name)).to.deep.equal(['Réunion A', 'Réunion B']);
  });

  it('reads a floating time in the network zone', () => {
    const { document } = icsToFeed(calendar(...vevent('UID:a', 'SUMMARY:A', 'DTSTART:20201006T090000')));
    expect(document?.events[0]?.startDate).to.equal('2020-10-06T07:00:00.000Z');
  });

  it('reads a TZID without VTIMEZONE by the zone’s own rules', () => {
    const { document } = icsToFeed(
      calendar(...vevent('UID:a', 'SUMMARY:A', 'DTSTART;TZID=America/New_York:20201006T090000')),
    );
    expect(document?.events[0]).to.include({
      startDate: '2020-10-06T13:00:00.000Z',
      timeZone: 'America/New_York',
    });
  });

  it('leaves out a cancelled occurrence of an expanded rule', () => {
    const { document } = icsToFeed(
      calendar(
        ...vevent('UID:a', 'SUMMARY:A', 'DTSTART:20201006T090000Z', 'RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3'),
        ...vevent(
          'UID:a',
          'SUMMARY:A',
          'RECURRENCE-ID:20201008T090000Z',
          'DTSTART:20201008T090000Z',
          'STATUS:CANCELLED',
        ),
      ),
    );
    const sessions = document?.events[0]?.subEvent as { startDate: string }[];
    expect(sessions.map((session) => session.startDate)).to.deep.equal([
      '2020-10-06T09:00:00.000Z',
      '2020-10-10T09:00:00.000Z',
    ]);
  });

  it('leaves out a URL that is not http(s) and says so', () => {
    const warnings: string[] = [];
    const { document } = icsToFeed(
      calendar(...vevent('UID:a', 'SUMMARY:A', 'DTSTART:20201006T090000Z', 'URL:javascript:alert(1)')),
      (item, reason) => warnings.push(`${item}: ${reason}`),
    );
    expect([document?.events[0]?.url, warnings.length]).to.deep.equal([undefined, 1]);
  });

  it('skips a VEVENT without SUMMARY with a warning naming it', () => {
    const { result, warnings } = withWarnings(() =>
      parseFeedText(calendar(...vevent('UID:sans-titre', 'DTSTART:20201006T090000Z')), 'a.ics'),
    );
    expect([result.events.length, warnings.some((line) => line.includes('sans-titre'))]).to.deep.equal([
      0,
      true,
    ]);
  });

  it('refuses a text that is not iCalendar as not-a-feed', () => {
    expect(() => parseFeedText('BEGIN:VCALENDAR\r\nnonsense', 'a.ics')).to.throw(FeedError);
  });
});

describe('ICS: loading', () => {
  afterEach(() => clearFeedCache());

  it('loads an .ics feed through the loader', async () => {
    const feed = await loadFeed('/test/fixtures/ics/google-calendar.ics', { retries: 0 });
    expect(feed.events.map((event) => event.name)).to.include('Journée portes ouvertes');
  });
});
