/**
 * `/agenda.ics` as subscribers' calendar applications read it: through ical.js (VTIMEZONE included) and through a
 * second, independent parser (`ical`, which reads TZID times in the process's zone, hence TZ=Europe/Paris).
 */
process.env.TZ = 'Europe/Paris';

import ICAL from 'ical.js';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fileFeedSource } from './feed-source.js';
import { testApp } from './fixtures.js';

const FEED = fileURLToPath(new URL('../test/fixtures/feed-subscription.json', import.meta.url));
const NOW = new Date('2020-09-01T08:00:00Z');

interface IcalEvent {
  type: string;
  uid: string;
  start: Date & { dateOnly?: boolean };
  end?: Date;
  summary: string;
  status?: string;
  sequence?: string;
  rrule?: { toString(): string };
  exdate?: Record<string, Date>;
}
const ical = createRequire(import.meta.url)('ical') as { parseICS(text: string): Record<string, IcalEvent> };

async function app(feedPath = FEED) {
  return (await testApp({ feed: fileFeedSource(feedPath), now: () => NOW })).app;
}

async function get(query = '', feedPath?: string): Promise<Response> {
  return (await app(feedPath)).request(`http://localhost:8787/agenda.ics${query}`);
}

/** The VEVENTs as ical.js reads them. */
async function vevents(query = ''): Promise<InstanceType<typeof ICAL.Event>[]> {
  const calendar = new ICAL.Component(ICAL.parse(await (await get(query)).text()));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

const uids = (events: { uid: string }[]) => events.map((event) => event.uid.replace(/-1@.*$/, '')).sort();

describe('GET /agenda.ics', () => {
  it('answers text/calendar for every origin', async () => {
    const res = await get();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/calendar; charset=utf-8/);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  });

  it('publishes every dated event, leaving out the one whose date is to come', async () => {
    assert.deepEqual(uids(await vevents()), [
      'atelier-membres',
      'cafe-hebdo',
      'club-dirigeants-octobre',
      'conference-reportee',
      'forum-annule',
      'salon-deux-jours',
      'webinaire-rse',
    ]);
  });

  it('gives the instants in the VTIMEZONE it publishes (ical.js)', async () => {
    const club = (await vevents()).find((event) => event.uid.startsWith('club-dirigeants'))!;
    assert.equal(club.startDate.toJSDate().toISOString(), '2020-10-06T06:30:00.000Z');
    assert.equal(club.startDate.zone?.tzid, 'Europe/Paris');
  });

  it('publishes a cancelled event as STATUS:CANCELLED', async () => {
    const forum = (await vevents()).find((event) => event.uid.startsWith('forum-annule'))!;
    assert.equal(forum.component.getFirstPropertyValue('status'), 'CANCELLED');
  });

  it('raises SEQUENCE for a rescheduled event', async () => {
    const conference = (await vevents()).find((event) => event.uid.startsWith('conference-reportee'))!;
    assert.equal(conference.sequence, 2);
  });

  it('keeps UIDs stable when the feed changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-agenda-ics-'));
    const path = join(dir, 'feed.json');
    copyFileSync(FEED, path);
    const eventUids = async () =>
      Object.values(ical.parseICS(await (await get('', path)).text()))
        .filter((item) => item.type === 'VEVENT')
        .map((item) => item.uid)
        .sort();
    const before = await eventUids();
    const feed = JSON.parse(readFileSync(path, 'utf8'));
    feed.events[0].name = 'Club des dirigeants (nouvelle salle)';
    writeFileSync(path, JSON.stringify(feed));
    assert.deepEqual(await eventUids(), before);
  });

  it('keeps the category, audience and members filters', async () => {
    assert.deepEqual(uids(await vevents('?category=club&audience=Dirigeants&members=0')), [
      'club-dirigeants-octobre',
    ]);
  });

  it('keeps the attendance-mode filter', async () => {
    assert.deepEqual(uids(await vevents('?mode=online')), ['webinaire-rse']);
  });

  it('refuses an unknown parameter with 400 and says which', async () => {
    const res = await get('?categorie=club');
    assert.equal(res.status, 400);
    assert.match((await res.json()).message, /categorie/);
  });

  it('answers 304 to a matching If-None-Match although DTSTAMP changes', async () => {
    const first = await get();
    const res = await (
      await app()
    ).request('http://localhost:8787/agenda.ics', {
      headers: { 'If-None-Match': first.headers.get('ETag')! },
    });
    assert.equal(res.status, 304);
  });
});

describe('GET /agenda.ics read by a second parser (ical)', () => {
  async function parsed(): Promise<IcalEvent[]> {
    return Object.values(ical.parseICS(await (await get()).text())).filter((item) => item.type === 'VEVENT');
  }
  const find = (events: IcalEvent[], id: string) => events.find((event) => event.uid.startsWith(id))!;

  it('reads the same events', async () => {
    assert.equal((await parsed()).length, 7);
  });

  it('reads the same instants', async () => {
    const club = find(await parsed(), 'club-dirigeants');
    assert.deepEqual(
      [club.start.toISOString(), club.end?.toISOString()],
      ['2020-10-06T06:30:00.000Z', '2020-10-06T08:30:00.000Z'],
    );
  });

  it('reads a two-day event as whole days', async () => {
    const salon = find(await parsed(), 'salon-deux-jours');
    assert.deepEqual([salon.start.dateOnly, salon.end?.toISOString()], [true, '2020-11-28T23:00:00.000Z']);
  });

  it('reads the weekly rule and its excluded day', async () => {
    const cafe = find(await parsed(), 'cafe-hebdo');
    assert.match(cafe.rrule!.toString(), /FREQ=WEEKLY;UNTIL=20201124T070000Z;BYDAY=TU/);
    assert.deepEqual(Object.keys(cafe.exdate ?? {}), ['2020-11-03']);
  });

  it('reads the status and the sequence', async () => {
    const events = await parsed();
    assert.deepEqual(
      [find(events, 'forum-annule').status, find(events, 'conference-reportee').sequence],
      ['CANCELLED', '2'],
    );
  });
});
