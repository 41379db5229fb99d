// The sample feed (demo/data/feed.json) as the reference server publishes it: inline events name the endpoint
// registrations go to (`withEndpoints` in server/feed-source.ts, imported from its source through tsx). Without one
// a card offers no « S'inscrire » (issue 9), so the package tests and the framework demos serve it this way.
import { readFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { withEndpoints } = await tsImport('../server/feed-source.ts', import.meta.url);

/** The sample feed's bytes, with `registration.endpoint` under `origin` for inline events that have none. */
export function sampleFeedWithEndpoints(origin) {
  const feed = JSON.parse(readFileSync(new URL('../demo/data/feed.json', import.meta.url), 'utf8'));
  return Buffer.from(JSON.stringify(withEndpoints(feed, origin)));
}
