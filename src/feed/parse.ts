/**
 * Reading a feed document at once, schema.org JSON-LD included: for Node (the CLI, the server) and npm users. The
 * widgets read through the loader, which imports the JSON-LD adapter only for a feed that is JSON-LD.
 */
import { feedRoot, readFeedJson } from './document.js';
import type { ParseOptions } from './items.js';
import { jsonLdToFeed } from './jsonld.js';
import type { Feed } from './model.js';
import { readFeed } from './read-feed.js';

export { FeedError, type FeedErrorReason } from './document.js';
export type { ParseOptions } from './items.js';

/**
 * Reads a parsed JSON document (a version 1 feed, or schema.org JSON-LD) into the domain model. The document as a
 * whole must be a version 1 feed; then each event and member is checked on its own, and an invalid one is skipped,
 * reported in `issues` and warned about.
 *
 * @param json the parsed document
 * @param source where it came from, for messages (a URL or a file name)
 * @throws FeedError when the document as a whole is not a version 1 feed
 */
export function parseFeed(json: unknown, source = 'feed', options: ParseOptions = {}): Feed {
  return readFeed(feedRoot(json, source, jsonLdToFeed), source, options);
}

/**
 * Reads the text of a response or a file: tells an HTML error page and broken JSON apart from a feed, then
 * `parseFeed`s it.
 *
 * @param contentType the response's `Content-Type`, when there is one
 * @throws FeedError `html`, `not-json`, or any of `parseFeed`'s
 */
export function parseFeedText(
  text: string,
  url: string,
  contentType?: string,
  options: ParseOptions = {},
): Feed {
  return parseFeed(readFeedJson(text, url, contentType), url, options);
}
