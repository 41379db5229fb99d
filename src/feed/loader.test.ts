import { expect, waitUntil } from '@open-wc/testing';
import { clearFeedCache, forgetFailedFeed, loadFeed, onFeedUpdate, readCachedFeed } from './loader.js';
import type { Feed } from './model.js';
import { FeedError } from './parse.js';

const feedUrl = new URL('/feeds/agenda.json', document.baseURI).href;
const storageKey = `ra-feed:v1:${feedUrl}`;

function feedText(publisher: string): string {
  return JSON.stringify({ version: 1, publisher: { name: publisher }, events: [] });
}

function jsonLdText(name: string): string {
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name,
    startDate: '2020-10-13',
  });
}

function json(text: string, init: ResponseInit = {}): Response {
  return new Response(text, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
}

function store(text: string, etag = '"v1"'): void {
  localStorage.setItem(storageKey, JSON.stringify({ text, etag, fetchedAt: 0 }));
}

interface FetchCall {
  url: string;
  headers: Headers;
  signal: AbortSignal;
}

type Answer = (call: FetchCall) => Response | Promise<Response>;

const realFetch = window.fetch;
let calls: FetchCall[] = [];

/** Replaces `fetch`: the n-th request gets the n-th answer, later ones the last answer. */
function stubFetch(...answers: Answer[]): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = {
      url: String(input),
      headers: new Headers(init?.headers),
      signal: init?.signal ?? new AbortController().signal,
    };
    calls.push(call);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (!answer) throw new Error('no answer stubbed');
    return answer(call);
  };
}

const offline: Answer = () => {
  throw new TypeError('Failed to fetch');
};

/** Never answers; rejects like `fetch` when its signal aborts. */
const hanging: Answer = ({ signal }) =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

/** Lets background work finish: a macrotask runs after every pending microtask and resolved stub. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const fast = { retryDelayMs: () => 0 };

beforeEach(() => {
  clearFeedCache();
  calls = [];
});

afterEach(() => {
  window.fetch = realFetch;
  clearFeedCache();
});

describe('loadFeed', () => {
  it('loads and parses the feed', async () => {
    stubFetch(() => json(feedText('Réseau Alliances')));
    const feed = await loadFeed(feedUrl);
    expect(feed.publisher?.name).to.equal('Réseau Alliances');
  });

  it('resolves a relative URL against the page', async () => {
    stubFetch(() => json(feedText('relative')));
    await loadFeed('data/feed.json');
    expect(calls[0]?.url).to.equal(new URL('data/feed.json', document.baseURI).href);
  });

  it('refuses a URL that is not http(s)', async () => {
    stubFetch(() => json(feedText('never')));
    const error = await rejection(loadFeed('javascript:alert(1)'));
    expect(error).to.be.instanceOf(FeedError);
    expect(calls).to.have.length(0);
  });

  it('sends one request for two callers', async () => {
    stubFetch(() => json(feedText('shared')));
    const [first, second] = await Promise.all([loadFeed(feedUrl), loadFeed(feedUrl)]);
    expect(calls).to.have.length(1);
    expect(second).to.equal(first);
  });

  it('sends no new request for a caller arriving after the load', async () => {
    stubFetch(() => json(feedText('shared')));
    await loadFeed(feedUrl);
    await loadFeed(feedUrl);
    expect(calls).to.have.length(1);
  });

  it('shares requests with a second bundle on the page', async () => {
    stubFetch(() => json(feedText('shared')));
    // Another URL for the same file is another module instance, as a second bundle would be.
    const secondBundle = './loader-core.ts?bundle=2';
    const other = (await import(secondBundle)) as typeof import('./loader-core.js');
    await Promise.all([loadFeed(feedUrl), other.createReader((root) => root).load(feedUrl)]);
    expect(calls).to.have.length(1);
  });

  it('fails with an "http" FeedError naming the URL and status on a 404', async () => {
    stubFetch(() => new Response('', { status: 404, statusText: 'Not Found' }));
    const error = await rejection(loadFeed(feedUrl));
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).reason).to.equal('http');
    expect((error as FeedError).message)
      .to.contain(feedUrl)
      .and.to.contain('HTTP 404 Not Found');
  });

  it('does not retry a 404', async () => {
    stubFetch(() => new Response('', { status: 404 }));
    await rejection(loadFeed(feedUrl, fast));
    expect(calls).to.have.length(1);
  });

  it('fails with an "html" FeedError when the URL gives an HTML page', async () => {
    stubFetch(
      () =>
        new Response('<!doctype html><title>Accueil</title>', { headers: { 'Content-Type': 'text/html' } }),
    );
    const error = (await rejection(loadFeed(feedUrl))) as FeedError;
    expect(error.reason).to.equal('html');
  });

  it('fails with a "not-json" FeedError on truncated JSON', async () => {
    stubFetch(() => json(feedText('cut').slice(0, 30)));
    const error = (await rejection(loadFeed(feedUrl))) as FeedError;
    expect(error.reason).to.equal('not-json');
  });

  it('fails with a "timeout" FeedError when the server does not answer in time', async () => {
    stubFetch(hanging);
    const error = (await rejection(loadFeed(feedUrl, { timeoutMs: 20 }))) as FeedError;
    expect(error.reason).to.equal('timeout');
  });

  it('retries after a network error', async () => {
    stubFetch(offline, () => json(feedText('second try')));
    const feed = await loadFeed(feedUrl, fast);
    expect(feed.publisher?.name).to.equal('second try');
    expect(calls).to.have.length(2);
  });

  it('retries a 503', async () => {
    stubFetch(
      () => new Response('', { status: 503 }),
      () => json(feedText('second try')),
    );
    const feed = await loadFeed(feedUrl, fast);
    expect(feed.publisher?.name).to.equal('second try');
  });

  it('gives up with a "network" FeedError after the retries', async () => {
    stubFetch(offline);
    const error = (await rejection(loadFeed(feedUrl, { ...fast, retries: 2 }))) as FeedError;
    expect(error.reason).to.equal('network');
    expect(calls).to.have.length(3);
  });

  it('rejects an aborted caller without aborting the request of the others', async () => {
    let answer: (response: Response) => void = () => undefined;
    stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const leaving = new AbortController();
    const staying = loadFeed(feedUrl);
    const left = loadFeed(feedUrl, { signal: leaving.signal });
    leaving.abort();
    const error = (await rejection(left)) as DOMException;
    answer(json(feedText('for the others')));
    expect(error.name).to.equal('AbortError');
    expect((await staying).publisher?.name).to.equal('for the others');
    expect(calls[0]?.signal.aborted).to.equal(false);
  });

  it('keeps a failed load until it is forgotten', async () => {
    stubFetch(offline, () => json(feedText('back online')));
    await rejection(loadFeed(feedUrl, { retries: 0 }));
    await rejection(loadFeed(feedUrl, { retries: 0 }));
    expect(calls).to.have.length(1);
    forgetFailedFeed(feedUrl);
    expect((await loadFeed(feedUrl)).publisher?.name).to.equal('back online');
  });

  it('reads a schema.org JSON-LD feed', async () => {
    stubFetch(() => json(jsonLdText('Forum')));
    expect((await loadFeed(feedUrl)).events[0]?.name).to.equal('Forum');
  });

  it('fails with a "not-a-feed" FeedError on JSON-LD without any Event', async () => {
    stubFetch(() => json(JSON.stringify({ '@context': 'https://schema.org', '@type': 'Organization' })));
    const error = (await rejection(loadFeed(feedUrl))) as FeedError;
    expect(error.reason).to.equal('not-a-feed');
  });

  it('reads JSON-LD and iCalendar only with an adapter registered on the page, for every bundle', async () => {
    // A badge's bundle: a core of its own that registers no adapter (the member badge reads signed JSON only).
    const badgeBundle = './loader-core.ts?bundle=badge';
    const badge = ((await import(badgeBundle)) as typeof import('./loader-core.js')).createReader(
      (root) => root.events.length,
    );
    // The adapters this file's event readers (`loader.ts`) registered, set aside: a page with the badge alone.
    const registry = (globalThis as unknown as Record<symbol, { adapters: Record<string, unknown> }>)[
      Symbol.for('ra-widgets.feed-sources')
    ]!;
    const registered = { ...registry.adapters };
    for (const kind of Object.keys(registered)) delete registry.adapters[kind];
    const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    try {
      stubFetch(
        () => json(jsonLdText('Forum')),
        () => new Response(calendar, { headers: { 'Content-Type': 'text/calendar' } }),
        () => json(jsonLdText('Forum')),
      );
      const error = (await rejection(badge.load(feedUrl))) as FeedError;
      expect(error).to.be.instanceOf(FeedError);
      expect(error.reason).to.equal('not-a-feed');
      expect(error.message).to.contain(feedUrl).and.to.contain('JSON-LD, which no widget on this page reads');
      // Not kept as a failure: the next load asks again.
      const icsError = (await rejection(badge.load(feedUrl))) as FeedError;
      expect(icsError.message).to.contain('iCalendar, which no widget on this page reads');
      // The event readers' bundle on the page: the badge's core, loading the URL first, reads it for them too.
      Object.assign(registry.adapters, registered);
      expect(await badge.load(feedUrl)).to.equal(1);
      expect((await loadFeed(feedUrl)).events[0]?.name).to.equal('Forum');
      expect(calls).to.have.length(3);
    } finally {
      Object.assign(registry.adapters, registered);
    }
  });

  it('stores the feed for the next visit', async () => {
    stubFetch(() => json(feedText('stored'), { headers: { ETag: '"abc"' } }));
    await loadFeed(feedUrl);
    // Stored in idle time, after the first screen.
    await waitUntil(() => localStorage.getItem(storageKey) !== null);
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as { text: string; etag: string };
    expect(stored.text).to.equal(feedText('stored'));
    expect(stored.etag).to.equal('"abc"');
  });

  it('stores the feed as the reader leaves the page, if that comes before idle time', async () => {
    const idle = window.requestIdleCallback;
    const timer = window.setTimeout;
    // No idle time before the reader clicks away (WebKit has no requestIdleCallback: its fallback is a timer).
    window.requestIdleCallback = () => 0;
    window.setTimeout = ((handler: TimerHandler, ms?: number) =>
      ms === 1 ? 0 : timer(handler, ms)) as typeof window.setTimeout;
    try {
      stubFetch(() => json(feedText('left quickly')));
      await loadFeed(feedUrl);
      expect(localStorage.getItem(storageKey)).to.equal(null);
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as { text: string };
      expect(stored.text).to.equal(feedText('left quickly'));
    } finally {
      window.requestIdleCallback = idle;
      window.setTimeout = timer;
    }
  });
});

describe('loadFeed with a stored copy', () => {
  it('resolves with the stored copy before the network answers', async () => {
    store(feedText('stored'));
    stubFetch(hanging);
    const feed = await loadFeed(feedUrl);
    expect(feed.publisher?.name).to.equal('stored');
  });

  it('resolves with a stored JSON-LD copy before the network answers', async () => {
    store(jsonLdText('Forum'));
    stubFetch(hanging);
    expect((await loadFeed(feedUrl)).events[0]?.name).to.equal('Forum');
  });

  it('revalidates with If-None-Match', async () => {
    store(feedText('stored'), '"v1"');
    stubFetch(() => new Response(null, { status: 304 }));
    await loadFeed(feedUrl);
    await waitUntil(() => calls.length === 1);
    expect(calls[0]?.headers.get('If-None-Match')).to.equal('"v1"');
  });

  it('gives a newer feed to update listeners', async () => {
    store(feedText('stored'));
    stubFetch(() => json(feedText('newer'), { headers: { ETag: '"v2"' } }));
    const updated = new Promise<Feed>((resolve) => onFeedUpdate(feedUrl, resolve));
    await loadFeed(feedUrl);
    expect((await updated).publisher?.name).to.equal('newer');
  });

  it('stores the newer feed and serves it to later callers', async () => {
    store(feedText('stored'));
    stubFetch(() => json(feedText('newer'), { headers: { ETag: '"v2"' } }));
    const updated = new Promise<Feed>((resolve) => onFeedUpdate(feedUrl, resolve));
    await loadFeed(feedUrl);
    await updated;
    expect((await loadFeed(feedUrl)).publisher?.name).to.equal('newer');
    expect(JSON.parse(localStorage.getItem(storageKey) ?? '{}')).to.include({ etag: '"v2"' });
  });

  it('keeps the stored copy on a 304', async () => {
    store(feedText('stored'));
    stubFetch(() => new Response(null, { status: 304 }));
    let updates = 0;
    onFeedUpdate(feedUrl, () => updates++);
    await loadFeed(feedUrl);
    await waitUntil(() => calls.length === 1);
    await nextTask();
    expect(updates).to.equal(0);
    expect(readCachedFeed(feedUrl)?.publisher?.name).to.equal('stored');
  });

  it('keeps the stored copy when offline', async () => {
    store(feedText('stored'));
    stubFetch(offline);
    const warned = new Promise<void>((resolve) => {
      const warn = console.warn;
      console.warn = () => {
        console.warn = warn;
        resolve();
      };
    });
    const feed = await loadFeed(feedUrl, { retries: 0 });
    await warned;
    expect(feed.publisher?.name).to.equal('stored');
    expect(readCachedFeed(feedUrl)?.publisher?.name).to.equal('stored');
  });

  it('ignores and removes a corrupt stored entry', async () => {
    localStorage.setItem(storageKey, '{"text": "{\\"version\\": 1, \\"ev');
    stubFetch(() => json(feedText('fresh')));
    const feed = await loadFeed(feedUrl);
    expect(feed.publisher?.name).to.equal('fresh');
    expect(calls).to.have.length(1);
  });

  it('loads from the network when localStorage throws', async () => {
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      stubFetch(() => json(feedText('fresh')));
      expect((await loadFeed(feedUrl)).publisher?.name).to.equal('fresh');
    } finally {
      Object.assign(Storage.prototype, { getItem, setItem });
    }
  });
});

describe('readCachedFeed', () => {
  it('reads the stored copy without a request', () => {
    store(feedText('stored'));
    stubFetch(hanging);
    expect(readCachedFeed(feedUrl)?.publisher?.name).to.equal('stored');
    expect(calls).to.have.length(0);
  });

  it('gives undefined without a copy', () => {
    expect(readCachedFeed(feedUrl)).to.equal(undefined);
  });
});

describe('onFeedUpdate', () => {
  it('stops calling a listener after it unsubscribes', async () => {
    store(feedText('stored'));
    stubFetch(() => json(feedText('newer')));
    let updates = 0;
    const unsubscribe = onFeedUpdate(feedUrl, () => updates++);
    const updated = new Promise<Feed>((resolve) => onFeedUpdate(feedUrl, resolve));
    unsubscribe();
    await loadFeed(feedUrl);
    await updated;
    expect(updates).to.equal(0);
  });
});

describe('clearFeedCache', () => {
  it('removes our stored copies', async () => {
    stubFetch(() => json(feedText('stored')));
    await loadFeed(feedUrl);
    clearFeedCache();
    expect(localStorage.getItem(storageKey)).to.equal(null);
  });
});
