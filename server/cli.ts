/**
 * Staff commands on the registrations database (`DATABASE_URL` for PostgreSQL, else the SQLite file `RA_DB`):
 *
 *   npm run registrations -- migrate
 *   npm run registrations -- list <event-id>
 *   npm run registrations -- export <event-id> [--out file.csv]
 *   npm run registrations -- erase --email <e-mail>
 *   npm run registrations -- purge [--retention-days N] [--feed feed.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from './config.js';
import { registrationsCsv } from './csv.js';
import { defaultFeedPath, fileFeedSource } from './feed-source.js';
import { eraseByEmail, purge } from './registrations.js';
import { openStore } from './storage.js';

const USAGE = `Usage: npm run registrations -- <command>
  migrate                                  bring the database's schema up to date (the server does it at start)
  list <event-id>                          the event's registrations, confirmed then waitlisted
  export <event-id> [--out file.csv]       the same as CSV (to standard output without --out)
                                           (an id neither in the feed (--feed, RA_FEED) nor registered: exit 1)
  erase --email <e-mail>                   delete one person's registrations (GDPR erasure)
  purge [--retention-days N] [--feed f]    delete registrations of events that ended more than N days ago
                                           (default RA_RETENTION_DAYS or 365)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    email: { type: 'string' },
    'retention-days': { type: 'string' },
    feed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, eventId] = positionals;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const store = await openStore(undefined, { migrate: command !== 'migrate' });

/**
 * Stops with a clear message and exit code 1 when `id` names no event: neither in the feed nor among the stored
 * registrations (an event removed from the feed keeps its registrations, and staff may still need them).
 */
async function requireKnownEvent(id: string): Promise<void> {
  const feedPath = values.feed ?? defaultFeedPath();
  const ids = await fileFeedSource(feedPath)
    .load()
    .then(({ feed }) => feed.events.map((event) => event.id))
    .catch(() => undefined);
  if (ids?.includes(id)) return;
  if ((await store.list(id)).length > 0) {
    if (ids) console.error(`Note: "${id}" is not in ${feedPath} any more; its stored registrations follow.`);
    return;
  }
  const known = ids?.length
    ? ` Events in ${feedPath}: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}.`
    : '';
  console.error(`Unknown event "${id}": it is not in the feed and has no registrations.${known}`);
  await store.close();
  process.exit(1);
}
switch (command) {
  case 'migrate': {
    const applied = await store.migrate();
    const version = await store.schemaVersion();
    console.log(
      applied.length > 0
        ? `Applied migration(s) ${applied.join(', ')}: the ${store.engine} schema is at version ${version}.`
        : `The ${store.engine} schema is up to date (version ${version}).`,
    );
    break;
  }
  case 'list': {
    if (!eventId) fail('list needs an event id.');
    await requireKnownEvent(eventId);
    const rows = await store.list(eventId);
    for (const r of rows) {
      const place = r.status === 'confirmed' ? 'confirmed' : `waitlisted #${r.position}`;
      console.log(
        [place, r.created_at, `${r.first_name} ${r.last_name}`, r.email, r.organisation].join('\t'),
      );
    }
    const confirmed = rows.filter((r) => r.status === 'confirmed').length;
    console.log(
      `${rows.length} registration(s): ${confirmed} confirmed, ${rows.length - confirmed} waitlisted.`,
    );
    break;
  }
  case 'export': {
    if (!eventId) fail('export needs an event id.');
    await requireKnownEvent(eventId);
    const rows = await store.list(eventId);
    const csv = registrationsCsv(rows);
    if (values.out) {
      writeFileSync(values.out, csv);
      console.error(`Wrote ${rows.length} registration(s) to ${values.out}.`);
    } else process.stdout.write(csv);
    break;
  }
  case 'erase': {
    if (!values.email) fail('erase needs --email.');
    const count = await eraseByEmail(store, values.email);
    console.log(`Erased ${count} registration(s) of ${values.email}.`);
    break;
  }
  case 'purge': {
    const days =
      values['retention-days'] === undefined ? readConfig().retentionDays : Number(values['retention-days']);
    if (!Number.isFinite(days) || days < 0) fail('--retention-days must be a number of days.');
    const { feed } = await fileFeedSource(values.feed ?? defaultFeedPath()).load();
    const count = await purge(store, feed, days, new Date());
    console.log(`Purged ${count} registration(s) older than the ${days}-day retention.`);
    break;
  }
  default:
    fail(command ? `Unknown command "${command}".` : 'No command.');
}
await store.close();
