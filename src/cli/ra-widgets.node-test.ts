import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `test/fixtures/${name}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from its TypeScript source, as `npm run validate-feed` does. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ra-widgets.ts', ...args], {
      cwd: root,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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

  it('counts only the events that pass', async () => {
    const { stdout } = await cli('validate-feed', fixture('feed-bad-event.json'));
    assert.match(stdout, /1 event, 0 members, 1 problem$/m);
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
      members: 0,
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
