/**
 * Whole feeds for the agenda, the event card and the registration form, over the requests and copies that every
 * reader shares (`loader-core.ts`). Several feeds named together are merged by `loader-merge.ts`, loaded only for
 * such a page.
 */
import { FeedError, feedRoot } from './document.js';
import {
  createReader,
  forgetFailedFeed as forgetFailedSource,
  readCached,
  registerFeedAdapters,
  type LoadOptions,
} from './loader-core.js';
import type { MultiReader, SingleReader } from './loader-merge.js';
import type { Feed } from './model.js';
import { readFeed, readFeedInSlices } from './read-feed.js';

export { clearFeedCache, type LoadOptions } from './loader-core.js';

/** The URLs a `feed` value names: one, or several separated by white space. */
export function feedUrls(value: string): string[] {
  return value.trim().split(/\s+/).filter(Boolean);
}

// The widgets that read events read schema.org JSON-LD and iCalendar feeds too, each reader loaded only for such a
// feed. Registered for the whole page: a member badge's bundle, which has no adapter, may load the URL first.
registerFeedAdapters({
  'JSON-LD': async () => {
    const { jsonLdToFeed } = await import('./jsonld.js');
    return (url, _text, json) => feedRoot(json, url, jsonLdToFeed);
  },
  iCalendar: async () => {
    const { icsToFeed } = await import('./ics-reader.js');
    // An iCalendar text read as a version 1 feed document, its unreadable VEVENTs warned about.
    return (url, text) => {
      const { document, error } = icsToFeed(text, (item, reason) =>
        console.warn(`[ra-widgets] ${url}: ${item}: ${reason}`),
      );
      if (!document) throw new FeedError(url, 'not-a-feed', error);
      return feedRoot(document, url);
    };
  },
});

const isMerge = (value: string) => feedUrls(value).length > 1;
const reader = createReader<Feed>(
  (root, url) => readFeed(root, url),
  (root, url) => readFeedInSlices(root, url),
);
const single: SingleReader = { load: reader.load, readCached: (url) => readCached(reader, url) };
let multi: MultiReader | undefined;

async function multiReader(): Promise<MultiReader> {
  multi ??= (await import('./loader-merge.js')).createMultiReader(single);
  return multi;
}

/**
 * The feed at `url` (relative URLs resolve against the page), or several feeds merged when `url` names several
 * separated by white space (see `loader-merge.ts`: it then rejects only when every one fails). Every widget on the
 * page shares one request per URL. A copy stored by an earlier visit resolves at once and is then revalidated in the
 * background: a newer feed reaches `onFeedUpdate` listeners. Rejects with a `FeedError` saying why the feed could
 * not be read.
 */
export function loadFeed(url: string, options: LoadOptions = {}): Promise<Feed> {
  return isMerge(url) ? multiReader().then((reader) => reader.load(url, options)) : single.load(url, options);
}

/** The newest feed this page has for `url`, else the copy stored by an earlier visit, without waiting. */
export function readCachedFeed(url: string): Feed | undefined {
  return isMerge(url) ? multi?.readCached(url) : single.readCached(url);
}

/** Calls `listener` whenever a newer feed arrives for `url` (for several, whenever one of them changes). */
export function onFeedUpdate(url: string, listener: (feed: Feed) => void): () => void {
  if (!isMerge(url)) return reader.onUpdate(url, listener);
  const stops = feedUrls(url).map((part) =>
    reader.onUpdate(part, () => {
      const feed = multi?.readCached(url);
      if (feed) listener(feed);
    }),
  );
  return () => stops.forEach((stop) => stop());
}

/** Forgets a failed load of `url` (of each failed one, for several), so that the next load sends a new request. */
export function forgetFailedFeed(url: string): void {
  for (const part of feedUrls(url)) forgetFailedSource(part);
}
