// The sample feed (demo/data/feed.json) as the reference server publishes it: inline events name the endpoint
// registrations go to, as `withEndpoints` in server/feed-source.ts fills it in. Without one a card offers no
// « S'inscrire » (issue 9), so the package tests and the framework demos serve it this way.
import { readFileSync } from 'node:fs';

/** The sample feed's bytes, with `registration.endpoint` under `origin` for inline events that have none. */
export function sampleFeedWithEndpoints(origin) {
  const feed = JSON.parse(readFileSync(new URL('../demo/data/feed.json', import.meta.url), 'utf8'));
  for (const event of feed.events) {
    if (event.registration?.mode === 'inline' && !event.registration.endpoint)
      event.registration.endpoint = `${origin}/api/events/${encodeURIComponent(event.id)}/registrations`;
  }
  return Buffer.from(JSON.stringify(feed));
}
