/**
 * The autoloader's prefetch (`src/autoloader.ts` starts the request when it sees a tag, `src/feed/loader-core.ts`
 * takes it over): one request per source, the loader's own, taken once, and a failed one retried like any other.
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

describe('the autoloader, seeing an agenda', () => {
  const realFetch = window.fetch;
  let fetched: { url: string; accept: string | null }[];

  before(async () => {
    // @ts-expect-error -- the autoloader is a script with no exports, run for its effect
    await import('../../src/autoloader.js');
  });

  beforeEach(() => {
    fetched = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      fetched.push({ url, accept: new Headers(init?.headers).get('Accept') });
      return feedResponse('from the network');
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
    (globalThis as { [prefetchKey]?: Prefetched })[prefetchKey]?.clear();
    clearFeedCache();
  });

  /** What the autoloader requests for an agenda with this `feed`, once it has seen it. */
  async function prefetched(feed: string): Promise<string[]> {
    const agenda = document.createElement('ra-agenda');
    agenda.setAttribute('feed', feed);
    document.body.append(agenda);
    await new Promise((resolve) => setTimeout(resolve, 50));
    agenda.remove();
    return [...((globalThis as { [prefetchKey]?: Prefetched })[prefetchKey]?.keys() ?? [])];
  }

  it('starts one request per source of a feed that names several', async () => {
    const urls = await prefetched(' /prefetched/one.json  /prefetched/two.ics ');
    expect(urls).to.deep.equal([
      new URL('/prefetched/one.json', document.baseURI).href,
      new URL('/prefetched/two.ics', document.baseURI).href,
    ]);
  });

  it('never requests a feed that names several sources as one URL', async () => {
    await prefetched('/prefetched/three.json /prefetched/four.json');
    expect(fetched.filter(({ url }) => /\s|%20/.test(url))).to.deep.equal([]);
  });

  it('asks for the formats the loader asks for, iCalendar included', async () => {
    const [url] = await prefetched('/prefetched/five.ics');
    (globalThis as { [prefetchKey]?: Prefetched })[prefetchKey]?.clear();
    await loadFeed(`${url}?from=loader`, { retries: 0 });
    const [fromAutoloader, fromLoader] = fetched.map(({ accept }) => accept);
    expect(fromAutoloader).to.equal(fromLoader);
  });
});
