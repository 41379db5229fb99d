import type { Feed } from './model.js';
import { FeedError, parseFeedText } from './parse.js';

/** How one caller waits for a feed. The shared request takes its timeout and retries from the first caller. */
export interface LoadOptions {
  /** Stops this caller's wait; the request itself goes on for the other widgets. */
  signal?: AbortSignal;
  /** Per attempt, reading the body included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Extra attempts after a network error, a 5xx or a 429. Default 2. */
  retries?: number;
  /** Milliseconds before retry `attempt` (0-based). Default: 500 ms · 2^attempt with jitter. For tests. */
  retryDelayMs?: (attempt: number) => number;
}

type FeedListener = (feed: Feed) => void;

/** One URL's state on this page. */
interface FeedEntry {
  /** Settles with the first feed this page gets for the URL (stored copy or network). */
  promise: Promise<Feed>;
  /** The newest feed, once there is one. */
  feed?: Feed;
  failed: boolean;
}

/** What we keep in localStorage. */
interface StoredFeed {
  text: string;
  etag?: string;
  fetchedAt: number;
}

interface FeedRegistry {
  entries: Map<string, FeedEntry>;
  listeners: Map<string, Set<FeedListener>>;
  /** The last stored copy parsed, per URL, so that many widgets reading it parse it once. */
  parsedCopies: Map<string, StoredCopy>;
}

// Kept on `globalThis` so that two bundles on one page (CDN and npm builds) share requests and listeners.
// Its shape is a contract between versions: only add to it.
const registryKey = Symbol.for('ra-widgets.feeds');
const registry: FeedRegistry = ((globalThis as { [registryKey]?: FeedRegistry })[registryKey] ??= {
  entries: new Map(),
  listeners: new Map(),
  parsedCopies: new Map(),
});

const storagePrefix = 'ra-feed:v1:';
const defaultTimeoutMs = 10_000;
const defaultRetries = 2;

function defaultRetryDelay(attempt: number): number {
  // Jitter spreads the retries of many readers after a server hiccup.
  return 500 * 2 ** attempt * (0.75 + Math.random() * 0.5);
}

/** The absolute URL, or a `FeedError` for anything but http(s). */
function resolveFeedUrl(url: string): string {
  let absolute: URL;
  try {
    absolute = new URL(url, document.baseURI);
  } catch {
    throw new FeedError(url, 'network', 'not a valid URL');
  }
  if (absolute.protocol !== 'https:' && absolute.protocol !== 'http:') {
    throw new FeedError(url, 'network', 'only http: and https: URLs are loaded');
  }
  return absolute.href;
}

// localStorage may be missing, full or throwing (Safari private mode, blocked cookies): the cache is an
// optimisation, so every access is guarded and a failure only means "no copy".
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function removeStored(url: string): void {
  try {
    storage()?.removeItem(storagePrefix + url);
  } catch {
    // Nothing more to do: the copy is ignored anyway.
  }
}

interface StoredCopy {
  raw: string;
  text: string;
  feed: Feed;
  etag?: string;
}

function readStored(url: string): StoredCopy | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(storagePrefix + url);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  const memo = registry.parsedCopies.get(url);
  if (memo?.raw === raw) return memo;
  try {
    const stored = JSON.parse(raw) as Partial<StoredFeed>;
    if (typeof stored.text !== 'string') throw new TypeError('no feed text');
    const feed = parseFeedText(stored.text, url);
    const etag = typeof stored.etag === 'string' ? stored.etag : undefined;
    const copy: StoredCopy = { raw, text: stored.text, feed, etag };
    registry.parsedCopies.set(url, copy);
    return copy;
  } catch (error) {
    console.warn(`[ra-widgets] ignoring the stored copy of ${url}:`, error);
    removeStored(url);
    return undefined;
  }
}

function writeStored(url: string, text: string, etag: string | undefined): void {
  const stored: StoredFeed = { text, fetchedAt: Date.now(), ...(etag ? { etag } : {}) };
  try {
    storage()?.setItem(storagePrefix + url, JSON.stringify(stored));
  } catch {
    // Quota exceeded or storage disabled: an outdated copy would be worse than none.
    removeStored(url);
  }
}

function notify(url: string, feed: Feed): void {
  for (const listener of registry.listeners.get(url) ?? []) {
    try {
      listener(feed);
    } catch (error) {
      console.error('[ra-widgets] a feed update listener failed:', error);
    }
  }
}

/** Failures worth another attempt: the network, a 5xx, a 429. */
const transient = new WeakSet<FeedError>();

type Fetched =
  { notModified: true } | { notModified: false; text: string; etag?: string; contentType?: string };

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A cross-origin `If-None-Match` would need a CORS preflight that many feed hosts refuse. */
function isSameOrigin(url: string): boolean {
  return new URL(url).origin === globalThis.location?.origin;
}

/** One attempt: a response within `timeoutMs`, body included. */
async function fetchOnce(url: string, etag: string | undefined, timeoutMs: number): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/ld+json;q=0.9, */*;q=0.1',
    };
    if (etag && isSameOrigin(url)) headers['If-None-Match'] = etag;
    const response = await fetch(url, { headers, signal: controller.signal });
    if (response.status === 304) return { notModified: true };
    if (!response.ok) {
      const error = new FeedError(url, 'http', `HTTP ${response.status} ${response.statusText}`.trim());
      if (response.status >= 500 || response.status === 429) transient.add(error);
      throw error;
    }
    return {
      notModified: false,
      text: await response.text(),
      etag: response.headers.get('ETag') ?? undefined,
      contentType: response.headers.get('Content-Type') ?? undefined,
    };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (controller.signal.aborted) {
      throw new FeedError(url, 'timeout', `no answer within ${timeoutMs} ms`);
    }
    // `fetch` rejects with a TypeError when the network fails (offline, DNS, CORS refused).
    const failure = new FeedError(url, 'network', (error as Error).message, { cause: error });
    transient.add(failure);
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}

/** `fetchOnce`, retried with backoff on network errors, 5xx and 429. */
async function fetchWithRetries(
  url: string,
  etag: string | undefined,
  options: LoadOptions,
): Promise<Fetched> {
  const retries = options.retries ?? defaultRetries;
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, etag, options.timeoutMs ?? defaultTimeoutMs);
    } catch (error) {
      if (!transient.has(error as FeedError) || attempt >= retries) throw error;
      await delay(retryDelay(attempt));
    }
  }
}

function isCurrent(url: string, entry: FeedEntry): boolean {
  return registry.entries.get(url) === entry;
}

/** Asks the server whether the stored copy is still current; a newer feed replaces it and is announced. */
async function revalidate(url: string, entry: FeedEntry, copy: StoredCopy, options: LoadOptions) {
  try {
    const fetched = await fetchWithRetries(url, copy.etag, options);
    // An unchanged body (a cross-origin feed gets no `If-None-Match`) is as good as a 304.
    if (fetched.notModified || fetched.text === copy.text || !isCurrent(url, entry)) return;
    const feed = parseFeedText(fetched.text, url, fetched.contentType);
    writeStored(url, fetched.text, fetched.etag);
    entry.feed = feed;
    notify(url, feed);
  } catch (error) {
    console.warn(`[ra-widgets] could not refresh ${url}; showing the stored copy.`, error);
  }
}

function startLoading(url: string, options: LoadOptions): FeedEntry {
  const copy = readStored(url);
  if (copy) {
    const entry: FeedEntry = { promise: Promise.resolve(copy.feed), feed: copy.feed, failed: false };
    registry.entries.set(url, entry);
    void revalidate(url, entry, copy, options);
    return entry;
  }
  const entry: FeedEntry = {
    promise: fetchWithRetries(url, undefined, options).then((fetched) => {
      // We sent no condition, so a 304 means a broken server or proxy.
      if (fetched.notModified) throw new FeedError(url, 'http', 'HTTP 304 without a condition');
      const feed = parseFeedText(fetched.text, url, fetched.contentType);
      entry.feed = feed;
      if (isCurrent(url, entry)) writeStored(url, fetched.text, fetched.etag);
      return feed;
    }),
    failed: false,
  };
  entry.promise.catch(() => {
    entry.failed = true;
  });
  registry.entries.set(url, entry);
  return entry;
}

/** `promise`, or an `AbortError` as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The feed at `url` (relative URLs resolve against the page). Every widget on the page shares one request per
 * URL. A copy stored by an earlier visit resolves at once and is then revalidated in the background: a newer
 * feed reaches `onFeedUpdate` listeners. Rejects with a `FeedError` saying why the feed could not be read.
 */
export function loadFeed(url: string, options: LoadOptions = {}): Promise<Feed> {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch (error) {
    return Promise.reject(error);
  }
  const entry = registry.entries.get(absolute) ?? startLoading(absolute, options);
  return untilAborted(entry.feed ? Promise.resolve(entry.feed) : entry.promise, options.signal);
}

/** The newest feed this page has for `url`, else the copy stored by an earlier visit, without waiting. */
export function readCachedFeed(url: string): Feed | undefined {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch {
    return undefined;
  }
  return registry.entries.get(absolute)?.feed ?? readStored(absolute)?.feed;
}

/** Calls `listener` whenever a newer feed arrives for `url`. Returns the unsubscribe function. */
export function onFeedUpdate(url: string, listener: FeedListener): () => void {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch {
    return () => undefined;
  }
  let listeners = registry.listeners.get(absolute);
  if (!listeners) {
    listeners = new Set();
    registry.listeners.set(absolute, listeners);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && registry.listeners.get(absolute) === listeners)
      registry.listeners.delete(absolute);
  };
}

/** Forgets a failed load of `url`, so that the next `loadFeed` sends a new request. A loaded feed is kept. */
export function forgetFailedFeed(url: string): void {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch {
    return;
  }
  if (registry.entries.get(absolute)?.failed) registry.entries.delete(absolute);
}

/** Forgets every feed: in memory and our localStorage copies. Listeners stay subscribed. */
export function clearFeedCache(): void {
  registry.entries.clear();
  registry.parsedCopies.clear();
  const store = storage();
  if (!store) return;
  try {
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index));
    for (const key of keys) if (key?.startsWith(storagePrefix)) store.removeItem(key);
  } catch {
    // Storage unavailable: there is nothing of ours to clear.
  }
}
