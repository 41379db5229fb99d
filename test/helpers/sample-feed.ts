/**
 * The sample feed (demo/data/feed.json) as the reference server publishes it, served through a stubbed `fetch`
 * that answers only when the test says so: the widgets show their loading state for as long as a test measures it.
 */
import { clearFeedCache } from '../../src/feed/loader.js';
import { registrationEndpoint } from '../../src/registration/contract.js';

/** The feed's URL in these tests; nothing is requested from it. */
export const sampleFeedUrl = 'https://www.reseau-alliances.org/feed.json';

/** The demo's clock (`RA_NOW` of `npm run demo-server`): the sample feed's events are still to come. */
export const sampleNow = '2020-03-16T09:00:00+01:00';

/** The event every snippet of the README names. */
export const readmeEventId = 'formation-management-mobilite-2020-09-29';

const realFetch = window.fetch;

interface SampleFeed {
  events: { id: string; registration?: { mode?: string; endpoint?: string } }[];
  members: { id: string; name: string }[];
}

/**
 * Stubs `fetch` with the sample feed, inline events given an endpoint as `withEndpoints` (server/feed-source.ts)
 * does, and `edit` applied. The response waits for `release()`.
 */
export async function holdSampleFeed(
  edit: (feed: SampleFeed) => void = () => undefined,
): Promise<{ release: () => void }> {
  const feed = (await (await realFetch('/demo/data/feed.json')).json()) as SampleFeed;
  for (const event of feed.events) {
    if (event.registration?.mode === 'inline' && !event.registration.endpoint)
      event.registration.endpoint = registrationEndpoint('https://www.reseau-alliances.org', event.id);
  }
  edit(feed);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async () => {
    await released;
    return new Response(JSON.stringify(feed), { headers: { 'content-type': 'application/json' } });
  };
  return { release };
}

/** Puts `fetch` back and forgets every feed read. */
export function restoreFetch(): void {
  window.fetch = realFetch;
  clearFeedCache();
}
