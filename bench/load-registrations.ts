/**
 * Bounded load test of the registration API: starts the server in a child process (127.0.0.1, port 0, temp
 * database, no effective rate limit), posts unique registrations for ~10 s over 10 connections, prints the
 * sustained rate and p99 latency, then checks that every accepted (2xx) registration has its row.
 * Exits 1 on any mismatch.   Run: `node --import tsx bench/load-registrations.ts [seconds]` (at most 15).
 */
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app.js';
import { NOW, testFeed, validBody } from '../server/fixtures.js';
import { openDatabase } from '../server/storage.js';

const EVENT_ID = 'petit-dej';

if (process.argv[2] === '--serve') {
  // Child role: the server alone in its process, so the load generator does not share its event loop.
  const feed = testFeed();
  const app = createApp({
    db: openDatabase(process.argv[3]),
    feed: { load: async () => ({ document: {}, feed }) },
    allowedOrigins: [],
    rateLimit: { windowMs: 60_000, max: Number.MAX_SAFE_INTEGER },
    now: () => NOW,
  });
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, ({ port }) => console.log(`PORT ${port}`));
} else {
  const seconds = Math.min(Number(process.argv[2] ?? 10), 15);
  const dir = mkdtempSync(join(tmpdir(), 'ra-load-'));
  const dbPath = join(dir, 'registrations.sqlite');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', dbPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^PORT (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });

  const accepted = new Set<string>();
  let non2xx = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 10,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: `/api/events/${EVENT_ID}/registrations`,
        setupRequest: (request) => ({
          ...request,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify(validBody(EVENT_ID, { email: `load-${randomUUID()}@example.org` })),
        }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300)
            accepted.add((JSON.parse(body) as { registrationId: string }).registrationId);
          else non2xx += 1;
        },
      },
    ],
  });
  child.kill();

  const db = openDatabase(dbPath);
  const stored = new Set(
    (db.prepare('SELECT id FROM registrations WHERE event_id = ?').all(EVENT_ID) as { id: string }[]).map(
      (r) => r.id,
    ),
  );
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const missing = [...accepted].filter((id) => !stored.has(id));
  const extra = [...stored].filter((id) => !accepted.has(id));

  console.log(`duration           ${seconds} s, 10 connections`);
  console.log(
    `sustained rate     ${result.requests.average.toFixed(0)} req/s (total ${result.requests.total})`,
  );
  console.log(
    `latency            p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    `accepted (2xx)     ${accepted.size}; other statuses ${non2xx}; errors ${result.errors}; timeouts ${result.timeouts}`,
  );
  console.log(
    `rows in database   ${stored.size}; accepted without a row ${missing.length}; rows never acknowledged ${extra.length}`,
  );
  // A row nobody heard about can exist when a response is cut off at the end of the run; a lost one never may.
  const ok = missing.length === 0 && non2xx === 0 && result.errors === 0;
  console.log(ok ? 'OK: every accepted registration is stored.' : 'FAIL');
  process.exit(ok ? 0 : 1);
}
