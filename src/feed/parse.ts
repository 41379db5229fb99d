/**
 * Reading a feed document leniently: the document as a whole must be a version 1 feed (or schema.org JSON-LD),
 * then each event and member is checked on its own and an invalid one is skipped, reported and warned about.
 */
import * as v from 'valibot';
import { feedRoot, readFeedJson } from './document.js';
import { issuesOf, readItems, warner, type ParseOptions } from './items.js';
import { jsonLdToFeed } from './jsonld.js';
import { readMembers } from './members.js';
import type { AgendaEvent, Feed, FeedIssue } from './model.js';
import { normalizeEvent, normalizeOrganization } from './normalize.js';
import { EventSchema, FeedHeadEntries, type FeedOrganization } from './schema.js';
import { toInstant } from './time.js';

export { FeedError, type FeedErrorReason } from './document.js';
export type { ParseOptions } from './items.js';

/**
 * Reads a parsed JSON document (a version 1 feed, or schema.org JSON-LD) into the domain model.
 *
 * @param json the parsed document
 * @param source where it came from, for messages (a URL or a file name)
 * @throws FeedError when the document as a whole is not a version 1 feed
 */
export function parseFeed(json: unknown, source = 'feed', options: ParseOptions = {}): Feed {
  const document = feedRoot(json, source, jsonLdToFeed);
  const warn = warner(source, options);
  const issues: FeedIssue[] = [];

  // The document's own properties: an invalid optional one is dropped and reported, the feed still renders.
  const head: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(FeedHeadEntries)) {
    if (key === 'version' || document[key] === undefined) continue;
    const result = v.safeParse(schema, document[key]);
    if (result.success) head[key] = result.output;
    else {
      issues.push(...issuesOf(`$.${key}`, result.issues));
      warn(`ignored ${key}: ${result.issues[0].message}`);
    }
  }

  const publisher = head.publisher as FeedOrganization | undefined;
  const events: AgendaEvent[] = readItems(
    document.events,
    'events',
    EventSchema,
    normalizeEvent,
    issues,
    warn,
  );
  const members = readMembers(document, source, options);
  return {
    version: 1,
    ...(publisher && { publisher: normalizeOrganization(publisher) }),
    ...(typeof head.updated === 'string' && { updated: toInstant(head.updated, 'UTC') }),
    ...(typeof head.privacyPolicyUrl === 'string' && { privacyPolicyUrl: head.privacyPolicyUrl }),
    events,
    members: members.members,
    issues: [...issues, ...members.issues],
  };
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
