/**
 * `npm start`: the demo, the CDN bundle, the feed and the registration API on one origin
 * (http://127.0.0.1:8787 unless PORT / HOST say otherwise). Registrations go to SQLite unless `DATABASE_URL`
 * names a PostgreSQL database; the schema is migrated before the server listens.
 */
import { serve } from '@hono/node-server';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { defaultFeedPath, fileFeedSource } from './feed-source.js';
import { purge } from './registrations.js';
import { openStore } from './storage.js';
import { UnavailableError } from './unavailable.js';

const config = readConfig();
const root = relative(process.cwd(), join(dirname(fileURLToPath(import.meta.url)), '..')) || '.';
const feedPath = defaultFeedPath();
const feed = fileFeedSource(feedPath);
const store = await openStore();

const app = createApp({
  store,
  feed,
  allowedOrigins: config.allowedOrigins,
  rateLimit: config.rateLimit,
  staffToken: config.staffToken,
  publicOrigin: config.publicOrigin,
  trustProxy: config.trustProxy,
  staticRoots: { demo: join(root, 'demo'), cdn: join(root, 'dist/cdn') },
  now: config.now,
});

// Retention runs here too, daily, so a forgotten cron does not keep personal data forever.
async function purgeExpired() {
  const deleted = await purge(
    store,
    (await feed.load()).feed,
    config.retentionDays,
    config.now?.() ?? new Date(),
  );
  if (deleted > 0)
    console.log(`Purged ${deleted} registration(s) past the ${config.retentionDays}-day retention.`);
}
// A missing or broken feed does not stop the server: it says why once, and registration answers 503 until the
// file is readable (the purge waits for the next day).
await purgeExpired().catch((error: unknown) => {
  if (!(error instanceof UnavailableError)) throw error;
  console.error(`${error.message}; registrations answer 503 until it is readable.`);
});
setInterval(
  () => void purgeExpired().catch((error: Error) => console.error(error.message)),
  24 * 60 * 60 * 1000,
).unref();

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, ({ address, port }) => {
  console.log(
    `Réseau Alliances server on http://${address}:${port}/ (feed: ${feedPath}, registrations: ${store.engine})`,
  );
});

// A busy port is a common first-run mistake: one line that says what to do, not a stack trace.
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
    const why = error.code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges this user lacks';
    console.error(
      `Cannot listen on http://${config.host}:${config.port}/: the port ${why}. Stop the other server, or choose another port: PORT=8788 npm start`,
    );
  } else console.error(`Cannot start the server: ${error.message}`);
  void store.close().finally(() => process.exit(1));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void store.close().finally(() => process.exit(0));
  });
}
