/**
 * Whole feeds for the agenda, the event card and the registration form, over the requests and copies that every
 * reader shares (`loader-core.ts`).
 */
import { createReader, type LoadOptions } from './loader-core.js';
import type { Feed } from './model.js';
import { readFeed, readFeedInSlices } from './read-feed.js';

export { clearFeedCache, forgetFailedFeed, type LoadOptions } from './loader-core.js';

const feeds = createReader<Feed>(
  (root, url) => readFeed(root, url),
  (root, url) => readFeedInSlices(root, url),
);

/**
 * The feed at `url` (relative URLs resolve against the page). Every widget on the page shares one request per
 * URL. A copy stored by an earlier visit resolves at once and is then revalidated in the background: a newer
 * feed reaches `onFeedUpdate` listeners. Rejects with a `FeedError` saying why the feed could not be read.
 */
export function loadFeed(url: string, options: LoadOptions = {}): Promise<Feed> {
  return feeds.load(url, options);
}

/** The newest feed this page has for `url`, else the copy stored by an earlier visit, without waiting. */
export function readCachedFeed(url: string): Feed | undefined {
  return feeds.readCached(url);
}

/** Calls `listener` whenever a newer feed arrives for `url`. Returns the unsubscribe function. */
export function onFeedUpdate(url: string, listener: (feed: Feed) => void): () => void {
  return feeds.onUpdate(url, listener);
}
