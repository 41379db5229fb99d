/**
 * Reading a feed document at once, schema.org JSON-LD and iCalendar included: for Node (the CLI, the server) and npm
 * users. The widgets read through the loader, which imports those readers only for a feed that needs them.
 */
import { FeedError, feedRoot, readFeedJson } from './document.js';
import { isIcs } from './ics-detect.js';
import { icsToFeed } from './ics-reader.js';
import { warner, type ParseOptions } from './items.js';
import { jsonLdToFeed } from './jsonld.js';
import type { Feed, FeedIssue } from './model.js';
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
 * Reads the text of a response or a file: an iCalendar file (RFC 5545), or JSON told apart from an HTML error page
 * and broken JSON, then `parseFeed`s it.
 *
 * @param contentType the response's `Content-Type`, when there is one
 * @throws FeedError `html`, `not-json`, `not-a-feed` (text that is neither JSON nor iCalendar), or any of `parseFeed`'s
 */
export function parseFeedText(
  text: string,
  url: string,
  contentType?: string,
  options: ParseOptions = {},
): Feed {
  if (isIcs(text, contentType)) {
    const warn = warner(url, options);
    const found: FeedIssue[] = [];
    const { document, error } = icsToFeed(text, (item, message) => {
      found.push({ path: item, message });
      warn(`${item}: ${message}`);
    });
    if (!document) throw new FeedError(url, 'not-a-feed', error);
    const feed = readFeed(feedRoot(document, url), url, options);
    return { ...feed, issues: [...found, ...feed.issues] };
  }
  return parseFeed(readFeedJson(text, url, contentType), url, options);
}
