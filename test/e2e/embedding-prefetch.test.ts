/**
 * The feed loader's side of the autoloader's prefetch (`src/autoloader.ts` starts the request when it sees a tag,
 * `src/feed/loader-core.ts` takes it over): one request, taken once, and a failed one retried like any other.
 */
import { expect } from '@open-wc/testing';
import { clearFeedCache, loadFeed } from '../../src/feed/loader.js';

const feedUrl = new URL('/prefetched/feed.json', document.baseURI).href;
const prefetchKey = Symbol.for('ra-widgets.feed-prefetch');
type Prefetched = Map<string, Promise<Response> | undefined>;

function feedResponse(publisher: string): Response {
  return new Response(JSON.stringify({ version: 1, publisher: { name: publisher }, events: [] }), {
    headers: { 'Content-Type': 'application/json' },
  });
}

/** What the autoloader leaves on the page for `feedUrl`. */
function prefetch(request: Promise<Response>): void {
  const globals = globalThis as { [prefetchKey]?: Prefetched };
  (globals[prefetchKey] ??= new Map()).set(feedUrl, request);
}

describe('a feed request started by the autoloader', () => {
  const realFetch = window.fetch;
  let fetched: string[];

  beforeEach(() => {
    fetched = [];
    window.fetch = async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      return feedResponse('from the loader');
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
    (globalThis as { [prefetchKey]?: Prefetched })[prefetchKey]?.clear();
    clearFeedCache();
  });

  it('is taken over by the loader, which sends no request of its own', async () => {
    prefetch(Promise.resolve(feedResponse('from the autoloader')));
    const feed = await loadFeed(feedUrl, { retries: 0 });
    expect(feed.publisher?.name).to.equal('from the autoloader');
    expect(fetched).to.deep.equal([]);
  });

  it('is taken once: the next load after the cache is cleared asks the network', async () => {
    prefetch(Promise.resolve(feedResponse('from the autoloader')));
    await loadFeed(feedUrl, { retries: 0 });
    clearFeedCache();
    const feed = await loadFeed(feedUrl, { retries: 0 });
    expect(feed.publisher?.name).to.equal('from the loader');
    expect(fetched).to.deep.equal([feedUrl]);
  });

  it('is retried by the loader when it failed on the network', async () => {
    const failed = Promise.reject(new TypeError('Failed to fetch'));
    failed.catch(() => undefined);
    prefetch(failed);
    const feed = await loadFeed(feedUrl, { retries: 1, retryDelayMs: () => 0 });
    expect(feed.publisher?.name).to.equal('from the loader');
    expect(fetched).to.deep.equal([feedUrl]);
  });
});
