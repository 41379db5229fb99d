/**
 * What makes a feed document unreadable as a whole: an HTML page, broken JSON, not an object, not version 1. No
 * schema here, so that a reader needing only part of a feed (the member badge) does not load the event schema.
 */

/** Why a whole feed could not be read. */
export type FeedErrorReason = 'network' | 'http' | 'not-json' | 'html' | 'not-a-feed' | 'version' | 'timeout';

const REASONS: Record<FeedErrorReason, string> = {
  network: 'the network request failed',
  http: 'the server answered with an error status',
  'not-json': 'the response is not valid JSON (truncated or malformed)',
  html: 'the response is an HTML page, not a JSON feed',
  'not-a-feed': 'the document is not a feed',
  version: 'the document is not a version 1 feed',
  timeout: 'the request timed out',
};

/** A feed that cannot be read at all. The message names the URL and the reason, for people and for logs. */
export class FeedError extends Error {
  override name = 'FeedError';

  constructor(
    /** Where the feed was read from. */
    readonly url: string,
    /** A stable code for the reason, e.g. to pick a translated message. */
    readonly reason: FeedErrorReason,
    /** What exactly went wrong (`HTTP 404`, the JSON parser's message…). */
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot read the feed ${url}: ${REASONS[reason]}${detail ? ` (${detail})` : ''}.`, options);
  }
}

/** A version 1 feed document whose items are still to be checked one by one. */
export type FeedRoot = Record<string, unknown> & { version: 1; events: unknown[] };

/** Maps schema.org JSON-LD to a version 1 feed document: `jsonLdToFeed` of `./jsonld.js`. */
export type JsonLdAdapter = (json: unknown) => unknown;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `true` for what looks like JSON-LD rather than our feed: an array, or an object with `@context`/`@graph`/`@type`. */
export function isJsonLd(json: unknown): boolean {
  return (
    Array.isArray(json) || (isObject(json) && ('@context' in json || '@graph' in json || '@type' in json))
  );
}

/**
 * The JSON in the text of a response or a file, telling an HTML error page and broken JSON apart from a feed.
 *
 * @param contentType the response's `Content-Type`, when there is one
 * @throws FeedError `html` or `not-json`
 */
export function readFeedJson(text: string, url: string, contentType?: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/^\s*text\/html\b/i.test(contentType ?? '') || body.startsWith('<')) throw new FeedError(url, 'html');
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new FeedError(url, 'not-json', body === '' ? 'empty response' : (error as Error).message, {
      cause: error,
    });
  }
}

/**
 * The document's checks as a whole: an object, version 1, with an `events` array. JSON-LD is mapped by `jsonLdToFeed`
 * first; without the adapter it is refused like any document without a version.
 *
 * @param source where it came from, for messages (a URL or a file name)
 * @throws FeedError `not-a-feed` or `version`
 */
export function feedRoot(json: unknown, source: string, jsonLdToFeed?: JsonLdAdapter): FeedRoot {
  const document = jsonLdToFeed && isJsonLd(json) ? jsonLdToFeed(json) : json;
  if (document === undefined)
    throw new FeedError(source, 'not-a-feed', 'no schema.org Event in this JSON-LD');
  if (!isObject(document)) throw new FeedError(source, 'not-a-feed', 'expected a JSON object');
  if (document.version !== 1) {
    const found =
      document.version === undefined ? 'no "version"' : `version ${JSON.stringify(document.version)}`;
    throw new FeedError(source, 'version', found);
  }
  if (!Array.isArray(document.events)) throw new FeedError(source, 'not-a-feed', '"events" must be an array');
  return document as FeedRoot;
}
