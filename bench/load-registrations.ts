/**
 * Load at rising rates on the registration API, bounded and on 127.0.0.1. For each setup — SQLite with one server
 * instance, and with `DATABASE_URL` set PostgreSQL with one and with two instances — it starts the servers as child
 * processes (ports 9320…), warms them up for one step, then steps the offered rate up (×1.5 from 5 req/s) until
 * p99 latency passes 200 ms two steps in a row, a request fails, or the last step. Every request is a new person (a new e-mail, a new key, a new client address
 * through X-Forwarded-For, as behind a load balancer), except one in ten, which repeats an earlier request
 * (same key, same body) and must get the same registration back. After each step it reads the database and checks
 * that every accepted registration is stored, and once.
 *
 *   npx tsx bench/load-registrations.ts [--step-seconds 5] [--max-steps 14] [--write]
 *   server/test-postgres.sh npx tsx bench/load-registrations.ts …   (adds the two PostgreSQL setups)
 *
 * `--write` puts the table into BENCHMARKS.md and RELIABILITY.md (their "Registrations under load" sections).
 * Exits 1 when an accepted registration is missing, stored twice, or a repeat got another answer.
 */
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../server/app.js';
import { NOW, testDatabase, testFeed, validBody } from '../server/fixtures.js';
import { openStore } from '../server/storage.js';

const EVENT_ID = 'petit-dej';
const FIRST_PORT = 9320;
const START_RATE = 5;
const RATE_FACTOR = 1.5;
const P99_LIMIT_MS = 200;
const CONNECTIONS = 32;

if (process.argv[2] === '--serve') {
  // Child role: one server instance alone in its process, so the load generator does not share its event loop.
  const [, , , location, port] = process.argv;
  const feed = testFeed();
  const app = createApp({
    store: await openStore(location),
    feed: { load: async () => ({ document: {}, feed }) },
    allowedOrigins: [],
    rateLimit: { windowMs: 60_000, max: 1_000 },
    trustProxy: true,
    now: () => NOW,
  });
  serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('READY'));
} else {
  const { values } = parseArgs({
    options: {
      'step-seconds': { type: 'string', default: '5' },
      'max-steps': { type: 'string', default: '14' },
      write: { type: 'boolean', default: false },
    },
  });
  const stepSeconds = Math.min(Math.max(Number(values['step-seconds']), 1), 15);
  const maxSteps = Math.min(Math.max(Number(values['max-steps']), 1), 16);

  const setups: { name: string; location: string; instances: number }[] = [
    {
      name: 'SQLite, 1 instance',
      location: join(mkdtempSync(join(tmpdir(), 'ra-load-')), 'registrations.sqlite'),
      instances: 1,
    },
  ];
  if (process.env.DATABASE_URL) {
    setups.push(
      { name: 'PostgreSQL, 1 instance', location: await testDatabase(), instances: 1 },
      { name: 'PostgreSQL, 2 instances', location: await testDatabase(), instances: 2 },
    );
  } else {
    console.log(
      'DATABASE_URL is not set: SQLite only (see server/test-postgres.sh for the PostgreSQL setups).',
    );
  }

  const startInstance = (location: string, port: number) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', location, String(port)],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
      createInterface({ input: child.stdout! }).on('line', (line) => line === 'READY' && resolve(child));
    });

  interface Step {
    rate: number;
    achieved: number;
    p50: number;
    p99: number;
    accepted: number;
    stored: number;
    repeats: number;
    failures: number;
  }
  const rows: { setup: string; steps: Step[]; problems: string[] }[] = [];
  const past = (step: Step) => step.p99 > P99_LIMIT_MS || step.failures > 0;
  const loadBefore = loadavg()[0]!;

  for (const setup of setups) {
    const ports = Array.from({ length: setup.instances }, (_, i) => FIRST_PORT + i);
    const children = await Promise.all(ports.map((port) => startInstance(setup.location, port)));
    const store = await openStore(setup.location);
    const answered: { key: string; body: string; id: string }[] = [];
    const seen = new Set<string>();
    const steps: Step[] = [];
    const problems: string[] = [];
    try {
      // Step 0 warms up (JIT, connections, the database's first pages) at the first rate: checked, not reported.
      for (let step = 0, rate = START_RATE; step <= maxSteps; step += 1) {
        if (step > 1) rate = Math.round(rate * RATE_FACTOR);
        const accepted = new Set<string>();
        let repeats = 0;
        let failures = 0;
        const load = (port: number) =>
          autocannon({
            url: `http://127.0.0.1:${port}`,
            connections: CONNECTIONS / setup.instances,
            overallRate: rate / setup.instances,
            duration: stepSeconds,
            requests: [
              {
                method: 'POST',
                path: `/api/events/${EVENT_ID}/registrations`,
                setupRequest: (request, context) => {
                  const earlier =
                    answered.length > 0 && Math.random() < 0.1
                      ? answered[Math.floor(Math.random() * answered.length)]
                      : undefined;
                  const key = earlier?.key ?? randomUUID();
                  const body =
                    earlier?.body ??
                    JSON.stringify(validBody(EVENT_ID, { email: `load-${randomUUID()}@example.org` }));
                  Object.assign(context, { key, body, repeatOf: earlier?.id });
                  return {
                    ...request,
                    headers: {
                      'Content-Type': 'application/json',
                      'Idempotency-Key': key,
                      'X-Forwarded-For': `10.${step}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`,
                    },
                    body,
                  };
                },
                onResponse: (status, text, context) => {
                  const { key, body, repeatOf } = context as { key: string; body: string; repeatOf?: string };
                  if (status !== 201 && status !== 202) {
                    failures += 1;
                    return;
                  }
                  const id = (JSON.parse(text) as { registrationId: string }).registrationId;
                  if (repeatOf !== undefined) {
                    repeats += 1;
                    if (id !== repeatOf) problems.push(`a repeated key got ${id} instead of ${repeatOf}`);
                  } else {
                    accepted.add(id);
                    answered.push({ key, body, id });
                  }
                },
              },
            ],
          });
        const results = await Promise.all(ports.map(load));
        const ids = (await store.list(EVENT_ID)).map((r) => r.id);
        const stored = new Set(ids);
        if (stored.size !== ids.length) problems.push(`step ${step + 1}: a registration is stored twice`);
        const missing = [...accepted].filter((id) => !stored.has(id));
        if (missing.length > 0) problems.push(`step ${step + 1}: ${missing.length} accepted but not stored`);
        const newRows = ids.filter((id) => !seen.has(id));
        newRows.forEach((id) => seen.add(id));
        const result: Step = {
          rate,
          achieved: results.reduce((sum, r) => sum + r.requests.average, 0),
          // Two instances: each one's percentile, the worse of the two (no histogram merge in autocannon).
          p50: Math.max(...results.map((r) => r.latency.p50)),
          p99: Math.max(...results.map((r) => r.latency.p99)),
          accepted: accepted.size,
          stored: newRows.length,
          repeats,
          failures: failures + results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
        };
        if (step === 0) continue;
        steps.push(result);
        console.log(
          `${setup.name}: offered ${rate}/s, sustained ${result.achieved.toFixed(0)}/s, p50 ${result.p50} ms, ` +
            `p99 ${result.p99} ms, accepted ${result.accepted}, new rows ${result.stored}, repeats ${repeats}, ` +
            `failures ${result.failures}`,
        );
        // One slow step may be another process's fault on a shared machine: the knee needs two in a row.
        if (result.failures > 0 || steps.slice(-2).filter(past).length === 2) break;
      }
    } finally {
      children.forEach((child) => child.kill());
      await store.close();
    }
    rows.push({ setup: setup.name, steps, problems });
  }

  /** The last step under the limit before the final run of steps past it (`at`, the first of that run). */
  const knee = (steps: Step[]) => {
    let first = steps.length;
    while (first > 0 && past(steps[first - 1]!)) first -= 1;
    return { below: steps[first - 1], at: steps[first] };
  };
  const table = [
    '| setup | knee: last rate under p99 200 ms | sustained | p50 | p99 | next step (past the knee) | highest sustained | accepted = stored, no duplicate |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(({ setup, steps, problems }) => {
      const { below, at } = knee(steps);
      const total = (key: 'accepted' | 'stored' | 'repeats') => steps.reduce((sum, s) => sum + s[key], 0);
      return [
        setup,
        below ? `${below.rate} req/s` : `under ${START_RATE} req/s`,
        below ? `${below.achieved.toFixed(0)} req/s` : '–',
        below ? `${below.p50} ms` : '–',
        below ? `${below.p99} ms` : '–',
        at
          ? `${at.rate} req/s: p99 ${at.p99} ms${at.failures ? `, ${at.failures} failed` : ''}`
          : `not reached (${steps.at(-1)!.rate} req/s was the last step)`,
        `${Math.max(...steps.map((s) => s.achieved)).toFixed(0)} req/s`,
        problems.length
          ? `**no**: ${problems.slice(0, 3).join('; ')}`
          : `yes: ${total('accepted')} accepted, ${total('stored')} rows; ${total('repeats')} repeats, same answer`,
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |');
    }),
  ];
  const section = [
    '## 6. Registrations under load',
    '',
    '**Proves**: under rising load, on each engine and with two instances on one database, every accepted',
    'registration is stored, once, and every repeated key gets its first answer; and where latency turns (the knee:',
    `the last offered rate whose p99 stays under ${P99_LIMIT_MS} ms).`,
    '**Run**: `npx tsx bench/load-registrations.ts [--step-seconds 5] [--write]` (SQLite only);',
    '`npm run test:postgres -- npx tsx bench/load-registrations.ts …` (all three setups, on a throwaway PostgreSQL',
    'cluster); CI runs the latter with 2 s steps. `--write` updates this section in BENCHMARKS.md and RELIABILITY.md.',
    '',
    `**Method** (this run: \`--step-seconds ${stepSeconds} --max-steps ${maxSteps}\`): on 127.0.0.1, this machine (2 cores`,
    `shared with the load generator). The offered rate starts at ${START_RATE} req/s and grows ×${RATE_FACTOR} per step of ${stepSeconds} s,`,
    `${CONNECTIONS} connections, until p99 passes ${P99_LIMIT_MS} ms two steps in a row. Each request is a new person`,
    '(one in ten repeats an earlier key and must get the same registration); the database is read after every step.',
    'With two instances the load is split evenly and p50/p99 are the worse instance’s. The machine’s load average',
    `(1 min) was ${loadBefore.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end: other work shares the`,
    'cores, so compare the setups with each other, within one run.',
    '',
    ...table,
    '',
  ].join('\n');
  console.log(`\n${section}`);

  if (values.write) {
    for (const file of ['BENCHMARKS.md', 'RELIABILITY.md']) {
      const text = readFileSync(file, 'utf8');
      // Each file numbers its sections its own way: keep the number the file gives this one.
      const heading = /^## (\d+)\. Registrations under load$/m.exec(text);
      const start = heading?.index ?? -1;
      const end = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
      const numbered = heading ? section.replace(/^## \d+\./, `## ${heading[1]}.`) : section;
      const updated =
        start < 0
          ? `${text.trimEnd()}\n\n${numbered}`
          : `${text.slice(0, start)}${numbered}${end < 0 ? '' : text.slice(end)}`;
      writeFileSync(file, updated);
    }
    console.log('BENCHMARKS.md and RELIABILITY.md updated.');
  }
  process.exit(rows.some((r) => r.problems.length > 0) ? 1 : 0);
}
