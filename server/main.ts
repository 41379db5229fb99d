/**
 * `npm start`: the demo, the CDN bundle, the feed and the registration API on one origin
 * (http://127.0.0.1:8787 unless PORT / HOST say otherwise).
 */
import { serve } from '@hono/node-server';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { defaultFeedPath, fileFeedSource } from './feed-source.js';
import { purge } from './registrations.js';
import { openDatabase } from './storage.js';

const config = readConfig();
const root = relative(process.cwd(), join(dirname(fileURLToPath(import.meta.url)), '..')) || '.';
const feedPath = defaultFeedPath();
const feed = fileFeedSource(feedPath);
const db = openDatabase();

const app = createApp({
  db,
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
  const deleted = purge(db, (await feed.load()).feed, config.retentionDays, config.now?.() ?? new Date());
  if (deleted > 0)
    console.log(`Purged ${deleted} registration(s) past the ${config.retentionDays}-day retention.`);
}
await purgeExpired();
setInterval(() => void purgeExpired().catch(console.error), 24 * 60 * 60 * 1000).unref();

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, ({ address, port }) => {
  console.log(`Réseau Alliances server on http://${address}:${port}/ (feed: ${feedPath})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    db.close();
    process.exit(0);
  });
}
