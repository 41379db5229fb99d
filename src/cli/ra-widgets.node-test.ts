import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runScript, type ScriptRun } from '../../test/helpers/run-script.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `test/fixtures/${name}`;

/** Runs the CLI from its TypeScript source, as `npm run validate-feed` does. */
const cli = (...args: string[]): Promise<ScriptRun> =>
  runScript('src/cli/ra-widgets.ts', args, { cwd: root });

describe('ra-widgets validate-feed: files', () => {
  it('exits 0 for a valid feed', async () => {
    assert.equal((await cli('validate-feed', fixture('feed-small.json'))).code, 0);
  });

  it('prints a summary line for a valid feed', async () => {
    const { stdout } = await cli('validate-feed', fixture('feed-small.json'));
    assert.match(stdout, /feed-small\.json: 8 events, 2 members, 0 problems/);
  });

  it('exits 1 when an event is skipped', async () => {
    assert.equal((await cli('validate-feed', fixture('feed-bad-event.json'))).code, 1);
  });

  it('prints the JSON path, the id and the message of the problem', async () => {
    const { stdout } = await cli('validate-feed', fixture('feed-bad-event.json'));
    assert.match(stdout, /\$\.events\[1\]\.url \(rencontre-piege\): Invalid URL/);
  });

  it('counts the valid and the skipped events', async () => {
    const { stdout } = await cli('validate-feed', fixture('feed-bad-event.json'));
    assert.match(stdout, /1 of 2 events valid \(1 skipped\), 0 members, 1 problem$/m);
  });

  it('gives the line and column of broken JSON', async () => {
    const { stdout } = await cli('validate-feed', fixture('feed-truncated.json'));
    assert.match(stdout, /not valid JSON \(line 1, column 56: unexpected end of string\)/);
  });

  it('gives one message for a date that is not ISO 8601', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-validate-'));
    const path = join(dir, 'feed.json');
    writeFileSync(
      path,
      JSON.stringify({ version: 1, events: [{ id: 'a', name: 'A', startDate: 'tomorrow' }] }),
    );
    const { stdout } = await cli('validate-feed', path);
    assert.equal(stdout.match(/^✗ \$\.events/gm)?.length, 1);
  });

  it('reports what JSON-LD would lose, and why', async () => {
    const { code, stdout } = await cli('validate-feed', fixture('jsonld/unreadable-items.json'));
    assert.equal(code, 1);
    assert.match(stdout, /\$\.events\[2\]\.url \(agenda-lien-piege\): Invalid URL/);
    assert.match(stdout, /1 of 4 events valid \(3 skipped\)/);
  });

  it('validates an iCalendar file', async () => {
    const { code, stdout } = await cli('validate-feed', fixture('ics/google-calendar.ics'));
    assert.equal(code, 0);
    assert.match(stdout, /google-calendar\.ics: 4 events, 0 members, 0 problems/);
  });

  it('reports an iCalendar VEVENT that would be left out, naming its UID', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-validate-'));
    const path = join(dir, 'agenda.ics');
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//EN',
      'BEGIN:VEVENT',
      'UID:sans-titre@x.example',
    ];
    writeFileSync(
      path,
      [...lines, 'DTSTART:20201006T090000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
    );
    const { stdout } = await cli('validate-feed', path);
    assert.match(stdout, /\(sans-titre-x-example\): Invalid key: Expected "name"/);
  });

  it('exits 1 for a truncated JSON file and says so', async () => {
    const { code, stdout } = await cli('validate-feed', fixture('feed-truncated.json'));
    assert.equal(code, 1);
    assert.match(
      stdout,
      /✗ \$: Cannot read the feed test\/fixtures\/feed-truncated\.json: the response is not valid JSON/,
    );
  });

  it('exits 1 for a missing file and names it', async () => {
    const { code, stdout } = await cli('validate-feed', fixture('nope.json'));
    assert.equal(code, 1);
    assert.match(stdout, /Cannot read test\/fixtures\/nope\.json: ENOENT/);
  });

  it('prints machine-readable output with --json', async () => {
    const { code, stdout } = await cli('validate-feed', fixture('feed-bad-event.json'), '--json');
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), {
      source: fixture('feed-bad-event.json'),
      ok: false,
      events: 1,
      skippedEvents: 1,
      members: 0,
      skippedMembers: 0,
      problems: [
        {
          path: '$.events[1].url',
          message: 'Invalid URL: expected an absolute http(s) URL',
          id: 'rencontre-piege',
        },
      ],
    });
  });

  it('reports a document-level error in --json with its reason', async () => {
    const { stdout } = await cli('validate-feed', fixture('feed-truncated.json'), '--json');
    assert.equal(JSON.parse(stdout).error.reason, 'not-json');
  });
});

describe('ra-widgets validate-feed: URLs', () => {
  let server: Server;
  let base: string;
  before(async () => {
    const feed = await readFile(new URL(`../../${fixture('feed-small.json')}`, import.meta.url));
    server = createServer((request, response) => {
      if (request.url === '/feed.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(feed);
      } else if (request.url === '/v2.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"version":2,"events":[]}');
      } else {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><h1>Introuvable</h1>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches and validates a feed served over http', async () => {
    const { code, stdout } = await cli('validate-feed', `${base}/feed.json`);
    assert.equal(code, 0);
    assert.match(stdout, /8 events, 2 members, 0 problems/);
  });

  it('exits 1 on an HTTP error and names the URL and the status', async () => {
    const { code, stdout } = await cli('validate-feed', `${base}/missing.json`);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`${base}/missing\\.json.*HTTP 404`));
  });

  it('exits 1 on a feed of another version', async () => {
    const { code, stdout } = await cli('validate-feed', `${base}/v2.json`);
    assert.equal(code, 1);
    assert.match(stdout, /not a version 1 feed \(version 2\)/);
  });
});

describe('ra-widgets: usage', () => {
  it('exits 2 without a command', async () => {
    const { code, stderr } = await cli();
    assert.equal(code, 2);
    assert.match(stderr, /missing command/);
  });

  it('exits 2 on an unknown command', async () => {
    const { code, stderr } = await cli('check', fixture('feed-small.json'));
    assert.equal(code, 2);
    assert.match(stderr, /unknown command "check"/);
  });

  it('exits 2 when the file is missing from the command line', async () => {
    const { code, stderr } = await cli('validate-feed');
    assert.equal(code, 2);
    assert.match(stderr, /missing <file-or-url>/);
  });

  it('exits 2 on an unknown option', async () => {
    assert.equal((await cli('validate-feed', fixture('feed-small.json'), '--strict')).code, 2);
  });

  it('prints the usage and exits 0 with --help', async () => {
    const { code, stdout } = await cli('--help');
    assert.equal(code, 0);
    assert.match(stdout, /Usage: ra-widgets validate-feed <file-or-url>/);
  });
});

describe('ra-widgets ics', () => {
  const now = '2020-09-01T08:00:00Z';

  it('writes the feed as an iCalendar file', async () => {
    const { code, stdout } = await cli('ics', fixture('feed-subscription.json'), '--now', now);
    assert.equal(code, 0);
    assert.equal(stdout.match(/^BEGIN:VEVENT\r$/gm)?.length, 7);
  });

  it('keeps the filters given on the command line', async () => {
    const { stdout } = await cli(
      'ics',
      fixture('feed-subscription.json'),
      '--category',
      'club',
      '--members',
      '0',
    );
    assert.deepEqual(stdout.match(/^UID:.*$/gm), [
      'UID:club-dirigeants-octobre-1@reseau-alliances.org',
      'UID:cafe-hebdo-1@reseau-alliances.org',
    ]);
  });

  it('writes the same file as the server’s /agenda.ics', async () => {
    const { fileFeedSource } = await import('../../server/feed-source.js');
    const { testApp } = await import('../../server/fixtures.js');
    const { app } = await testApp({
      feed: fileFeedSource(fixture('feed-subscription.json')),
      now: () => new Date(now),
    });
    const served = await (await app.request('http://localhost/agenda.ics?mode=online')).text();
    const { stdout } = await cli('ics', fixture('feed-subscription.json'), '--mode', 'online', '--now', now);
    assert.equal(stdout, served);
  });

  it('exits 2 on a filter value it does not know, and says which', async () => {
    const { code, stderr } = await cli('ics', fixture('feed-subscription.json'), '--members', 'oui');
    assert.equal(code, 2);
    assert.match(stderr, /members must be 1 \(members only\) or 0/);
  });

  it('exits 1 when the feed cannot be read', async () => {
    const { code, stderr } = await cli('ics', fixture('feed-truncated.json'));
    assert.equal(code, 1);
    assert.match(stderr, /not valid JSON/);
  });
});
