/**
 * Whole feeds for the agenda, the event card and the registration form, over the requests and copies that every
 * reader shares (`loader-core.ts`).
 */
import { createReader, forgetFailedFeed as forgetFailedSource, type LoadOptions } from './loader-core.js';
import { createMultiReader, feedUrls } from './loader-merge.js';
import type { Feed } from './model.js';
import { readFeed, readFeedInSlices } from './read-feed.js';

export { clearFeedCache, type LoadOptions } from './loader-core.js';

const single = createReader<Feed>(
  (root, url) => readFeed(root, url),
  (root, url) => readFeedInSlices(root, url),
);
const multi = createMultiReader(single);
/** One URL through the shared reader; several (separated by white space) merged. */
const feeds = (value: string) => (feedUrls(value).length > 1 ? multi : single);

/**
 * The feed at `url` (relative URLs resolve against the page), or several feeds merged when `url` names several
 * separated by white space (see `loader-merge.ts`; it then rejects only when every one fails). Every widget on the page shares one request per
 * URL. A copy stored by an earlier visit resolves at once and is then revalidated in the background: a newer
 * feed reaches `onFeedUpdate` listeners. Rejects with a `FeedError` saying why the feed could not be read.
 */
export function loadFeed(url: string, options: LoadOptions = {}): Promise<Feed> {
  return feeds(url).load(url, options);
}

/** The newest feed this page has for `url`, else the copy stored by an earlier visit, without waiting. */
export function readCachedFeed(url: string): Feed | undefined {
  return feeds(url).readCached(url);
}

/** Calls `listener` whenever a newer feed arrives for `url`. Returns the unsubscribe function. */
export function onFeedUpdate(url: string, listener: (feed: Feed) => void): () => void {
  return feeds(url).onUpdate(url, listener);
}

/** Forgets a failed load of `url` (of each failed one, for several), so that the next load sends a new request. */
export function forgetFailedFeed(url: string): void {
  for (const part of feedUrls(url)) forgetFailedSource(part);
}
