/**
 * What every feed reader shares: one request per URL for the whole page (two bundles included), the copy stored by
 * an earlier visit shown at once then revalidated, timeouts and retries. It keeps the feed's text and checks the
 * document as a whole; what a widget reads from it (the whole feed, or only the members) is the reader's own
 * (`createReader`), so that each widget loads only the code it needs.
 *
 * A JSON-LD or iCalendar feed needs an adapter that the code reading events registers (`registerFeedAdapters`,
 * `loader.ts`); the member badge, which reads only the network's own signed JSON feed, does not bundle them.
 */
import { whenIdle, yieldToMain } from '../internal/main-thread.js';
import { FeedError, feedRoot, isJsonLd, readFeedJson, type FeedRoot } from './document.js';
import { isIcs } from './ics-detect.js';

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

/** A feed's text, read as a document that is a version 1 feed as a whole. */
export interface FeedCopy {
  /** The absolute URL it was read from. */
  url: string;
  text: string;
  root: FeedRoot;
}

type CopyListener = (copy: FeedCopy) => void;

/** One URL's state on this page. */
interface SourceEntry {
  /** Settles with the first copy this page gets for the URL (stored or from the network). */
  promise: Promise<FeedCopy>;
  /** The newest copy, once there is one. */
  copy?: FeedCopy;
  failed: boolean;
}

/** What we keep in localStorage. */
interface StoredFeed {
  text: string;
  etag?: string;
  fetchedAt: number;
}

/** A stored copy read; without `copy` while it is JSON-LD or iCalendar waiting for its reader. */
interface StoredCopy {
  raw: string;
  text: string;
  etag?: string;
  copy?: FeedCopy;
}

/** Reads a text the core cannot (`json`: its JSON, for JSON-LD) as a version 1 feed document. */
export type FeedAdapter = (url: string, text: string, json: unknown) => FeedRoot;

/** The kinds of feed that need an adapter, by the name messages give them. */
export type FeedAdapterKind = 'JSON-LD' | 'iCalendar';

/** Loaders of the adapters, by kind: each loads its reader (and its library) only for such a feed. */
export type FeedAdapterLoaders = Partial<Record<FeedAdapterKind, () => Promise<FeedAdapter>>>;

interface SourceRegistry {
  entries: Map<string, SourceEntry>;
  listeners: Map<string, Set<CopyListener>>;
  /** The last stored copy read, per URL, so that many widgets reading it parse it once. */
  storedCopies: Map<string, StoredCopy>;
  /** Registered by the bundles that read events, so that whichever bundle loads a URL first can read it for all. */
  adapters?: FeedAdapterLoaders;
}

// Kept on `globalThis` so that two bundles on one page (CDN and npm builds) share requests and listeners.
// Its shape is a contract between versions: only add to it.
const registryKey = Symbol.for('ra-widgets.feed-sources');
const registry: SourceRegistry = ((globalThis as { [registryKey]?: SourceRegistry })[registryKey] ??= {
  entries: new Map(),
  listeners: new Map(),
  storedCopies: new Map(),
});
const adapterLoaders: FeedAdapterLoaders = (registry.adapters ??= {});

/**
 * Lets every bundle on the page read JSON-LD and iCalendar feeds with these adapters: the code that reads events
 * registers them when it loads (`loader.ts`).
 */
export function registerFeedAdapters(loaders: FeedAdapterLoaders): void {
  Object.assign(adapterLoaders, loaders);
}

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

/** `resolveFeedUrl`, or `undefined` for a URL that is never loaded. */
function absoluteUrl(url: string): string | undefined {
  try {
    return resolveFeedUrl(url);
  } catch {
    return undefined;
  }
}

/** The adapters this bundle has loaded. */
const adapters: Partial<Record<FeedAdapterKind, FeedAdapter>> = {};

/**
 * The text read as a whole document, or `undefined` when it needs an adapter that is not loaded yet (JSON-LD,
 * iCalendar).
 *
 * @throws FeedError when the text is not a feed as a whole
 */
function readCopy(url: string, text: string, contentType?: string): FeedCopy | undefined {
  const ics = isIcs(text, contentType);
  const json = ics || readFeedJson(text, url, contentType);
  const kind = ics ? 'iCalendar' : isJsonLd(json) && 'JSON-LD';
  const read = kind ? adapters[kind] : (_: string, __: string, document: unknown) => feedRoot(document, url);
  return read && { url, text, root: read(url, text, json) };
}

/**
 * Loads the adapter the text needs, when one is registered on the page.
 *
 * @returns whether it is loaded
 */
async function loadAdapter(kind: FeedAdapterKind): Promise<boolean> {
  const load = adapterLoaders[kind];
  return !!(adapters[kind] ??= await load?.());
}

const adapterKind = (text: string, contentType?: string): FeedAdapterKind =>
  isIcs(text, contentType) ? 'iCalendar' : 'JSON-LD';

/**
 * `readCopy`, loading the adapter first when the text needs one.
 *
 * @param entry the load this is the first copy of: forgotten when no adapter can read it, so that a widget whose
 *   bundle registers one, loaded later, loads the URL again
 * @throws FeedError `not-a-feed` when it needs an adapter that no bundle on the page registered
 */
async function readCopyLoadingAdapter(
  url: string,
  text: string,
  contentType?: string,
  entry?: SourceEntry,
): Promise<FeedCopy> {
  const kind = adapterKind(text, contentType);
  const copy =
    readCopy(url, text, contentType) ??
    ((await loadAdapter(kind)) ? readCopy(url, text, contentType) : undefined);
  if (copy) return copy;
  if (entry && isCurrent(url, entry)) registry.entries.delete(url);
  throw new FeedError(url, 'not-a-feed', `${kind}, which no widget on this page reads`);
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

function readStored(url: string): StoredCopy | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(storagePrefix + url);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  const memo = registry.storedCopies.get(url);
  if (memo?.raw === raw && memo.copy) return memo;
  try {
    const stored = JSON.parse(raw) as Partial<StoredFeed>;
    if (typeof stored.text !== 'string') throw new TypeError('no feed text');
    const etag = typeof stored.etag === 'string' ? stored.etag : undefined;
    const read: StoredCopy = { raw, text: stored.text, etag, copy: readCopy(url, stored.text) };
    registry.storedCopies.set(url, read);
    return read;
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

function notify(url: string, copy: FeedCopy): void {
  for (const listener of registry.listeners.get(url) ?? []) {
    try {
      listener(copy);
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

// Feed requests the CDN autoloader (`src/autoloader.ts`) started as soon as it saw a tag, beside the widget's
// code: the first unconditional attempt for the URL takes its request over. Kept on `globalThis` under this key,
// by absolute URL, `undefined` once taken: a contract between versions, only add to it.
const prefetchKey = Symbol.for('ra-widgets.feed-prefetch');

/** The request the autoloader started for `url`, once. */
function takePrefetchedFeed(url: string): Promise<Response> | undefined {
  const requests = (globalThis as { [prefetchKey]?: Map<string, Promise<Response> | undefined> })[
    prefetchKey
  ];
  const request = requests?.get(url);
  if (request) requests!.set(url, undefined);
  return request;
}

/** One attempt: a response within `timeoutMs`, body included. */
async function fetchOnce(url: string, etag: string | undefined, timeoutMs: number): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/ld+json;q=0.9, text/calendar;q=0.8, */*;q=0.1',
    };
    if (etag && isSameOrigin(url)) headers['If-None-Match'] = etag;
    const prefetched = etag ? undefined : takePrefetchedFeed(url);
    const response = await (prefetched
      ? untilAborted(prefetched, controller.signal)
      : fetch(url, { headers, signal: controller.signal }));
    if (response.status === 304) return { notModified: true };
    if (!response.ok) {
      const error = new FeedError(url, 'http', `HTTP ${response.status} ${response.statusText}`.trim());
      if (response.status >= 500 || response.status === 429) transient.add(error);
      throw error;
    }
    return {
      notModified: false,
      // The signal does not reach a prefetched request: the wait for its body stops all the same.
      text: await untilAborted(response.text(), controller.signal),
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

function isCurrent(url: string, entry: SourceEntry): boolean {
  return registry.entries.get(url) === entry;
}

/** Asks the server whether the stored copy is still current; a newer feed replaces it and is announced. */
async function revalidate(url: string, entry: SourceEntry, stored: StoredCopy, options: LoadOptions) {
  try {
    const fetched = await fetchWithRetries(url, stored.etag, options);
    // An unchanged body (a cross-origin feed gets no `If-None-Match`) is as good as a 304.
    if (fetched.notModified || fetched.text === stored.text || !isCurrent(url, entry)) return;
    const copy = await readCopyLoadingAdapter(url, fetched.text, fetched.contentType);
    writeStored(url, fetched.text, fetched.etag);
    entry.copy = copy;
    notify(url, copy);
  } catch (error) {
    console.warn(`[ra-widgets] could not refresh ${url}; showing the stored copy.`, error);
  }
}

/**
 * The first copy when none could be shown at once: a stored JSON-LD copy once its adapter is loaded, else the
 * network's.
 */
async function laterCopy(
  url: string,
  entry: SourceEntry,
  stored: StoredCopy | undefined,
  options: LoadOptions,
): Promise<FeedCopy> {
  if (stored && (await loadAdapter(adapterKind(stored.text)))) {
    const read = readStored(url);
    if (read?.copy) {
      void revalidate(url, entry, read, options);
      return read.copy;
    }
  }
  const fetched = await fetchWithRetries(url, undefined, options);
  // We sent no condition, so a 304 means a broken server or proxy.
  if (fetched.notModified) throw new FeedError(url, 'http', 'HTTP 304 without a condition');
  const copy = await readCopyLoadingAdapter(url, fetched.text, fetched.contentType, entry);
  // Serializing and storing a large feed takes a while: after the first screen, in idle time, or as the reader
  // leaves the page if that comes first (a quick click away), so that the next visit paints from it.
  let written = false;
  const store = () => {
    if (written) return;
    written = true;
    removeEventListener('pagehide', store);
    if (isCurrent(url, entry)) writeStored(url, fetched.text, fetched.etag);
  };
  addEventListener('pagehide', store);
  whenIdle(store);
  return copy;
}

function startLoading(url: string, options: LoadOptions): SourceEntry {
  const stored = readStored(url);
  if (stored?.copy) {
    const entry: SourceEntry = { promise: Promise.resolve(stored.copy), copy: stored.copy, failed: false };
    registry.entries.set(url, entry);
    void revalidate(url, entry, stored, options);
    return entry;
  }
  const entry: SourceEntry = {
    // Starts once `entry` is registered: the load checks that it is still the current one.
    promise: Promise.resolve().then(() => laterCopy(url, entry, stored, options)),
    failed: false,
  };
  entry.promise.then(
    (copy) => (entry.copy ??= copy),
    () => (entry.failed = true),
  );
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

function loadCopy(url: string, options: LoadOptions): Promise<FeedCopy> {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch (error) {
    return Promise.reject(error);
  }
  const entry = registry.entries.get(absolute) ?? startLoading(absolute, options);
  return entry.copy ? Promise.resolve(entry.copy) : entry.promise;
}

/** The newest copy this page has for `url`, else the one stored by an earlier visit, without waiting. */
function cachedCopy(url: string): FeedCopy | undefined {
  const absolute = absoluteUrl(url);
  if (absolute === undefined) return undefined;
  return registry.entries.get(absolute)?.copy ?? readStored(absolute)?.copy;
}

function subscribe(url: string, listener: CopyListener): () => void {
  const absolute = absoluteUrl(url);
  if (absolute === undefined) return () => undefined;
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

/** What one kind of widget reads from feeds, over the shared requests and copies. */
export interface FeedReader<T> {
  /**
   * What the feed at `url` holds (relative URLs resolve against the page). Every widget on the page shares one
   * request per URL. A copy stored by an earlier visit resolves at once and is then revalidated in the background:
   * a newer one reaches `onUpdate` listeners. Rejects with a `FeedError` saying why the feed could not be read.
   */
  load(url: string, options?: LoadOptions): Promise<T>;
  /** Calls `listener` whenever a newer copy arrives for `url`. Returns the unsubscribe function. */
  onUpdate(url: string, listener: (value: T) => void): () => void;
  /** What one copy holds, read once per copy: every caller gets the same value. For `readCached`. */
  valueOf(copy: FeedCopy): T;
}

/**
 * What `reader` reads from the newest copy this page has for `url`, else from the copy stored by an earlier visit,
 * without waiting. A function of its own, not a method: a bundle that never reads without waiting (the member
 * badge's) leaves it out.
 */
export function readCached<T>(reader: FeedReader<T>, url: string): T | undefined {
  const copy = cachedCopy(url);
  return copy && reader.valueOf(copy);
}

/**
 * A reader of feeds: `read` turns a document (already checked as a whole) into what a widget needs, once per copy,
 * so that every caller gets the same value.
 */
export function createReader<T>(
  read: (root: FeedRoot, url: string) => T,
  readInSlices: (root: FeedRoot, url: string) => Promise<T> = async (root, url) => read(root, url),
): FeedReader<T> {
  const values = new WeakMap<FeedCopy, T>();
  const reading = new WeakMap<FeedCopy, Promise<T>>();
  const valueOf = (copy: FeedCopy): T => {
    if (!values.has(copy)) values.set(copy, read(copy.root, copy.url));
    return values.get(copy)!;
  };
  // A load reads in slices, in tasks of their own (no long task on the page). A widget painting a stored copy
  // reads it at once meanwhile (`readCached`): then that value is every caller's, and it is read only once.
  const valueLater = (copy: FeedCopy): Promise<T> => {
    if (values.has(copy)) return Promise.resolve(values.get(copy)!);
    let promise = reading.get(copy);
    if (!promise) {
      promise = yieldToMain().then(async () => {
        if (!values.has(copy)) {
          const value = await readInSlices(copy.root, copy.url);
          if (!values.has(copy)) values.set(copy, value);
        }
        return values.get(copy)!;
      });
      reading.set(copy, promise);
    }
    return promise;
  };
  return {
    load: (url, options = {}) => untilAborted(loadCopy(url, options).then(valueLater), options.signal),
    onUpdate: (url, listener) => subscribe(url, (copy) => listener(valueOf(copy))),
    valueOf,
  };
}

/** Forgets a failed load of `url`, so that the next load sends a new request. A loaded feed is kept. */
export function forgetFailedFeed(url: string): void {
  const absolute = absoluteUrl(url);
  if (absolute !== undefined && registry.entries.get(absolute)?.failed) registry.entries.delete(absolute);
}

/** Forgets every feed: in memory and our localStorage copies. Listeners stay subscribed. */
export function clearFeedCache(): void {
  registry.entries.clear();
  registry.storedCopies.clear();
  const store = storage();
  if (!store) return;
  try {
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index));
    for (const key of keys) if (key?.startsWith(storagePrefix)) store.removeItem(key);
  } catch {
    // Storage unavailable: there is nothing of ours to clear.
  }
}
