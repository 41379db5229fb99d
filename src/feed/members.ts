/**
 * Reading only a feed's members, for the member badge: the document checks and the member schema, without the
 * event schema, time zones or the JSON-LD adapter.
 */
import { defined } from './defined.js';
import { feedRoot, readFeedJson, type FeedRoot } from './document.js';
import { runSteps } from '../internal/main-thread.js';
import { readItemSteps, warner, type ParseOptions } from './items.js';
import { MemberSchema } from './member-schema.js';
import type { FeedIssue, Member } from './model.js';
import type { FeedMember } from './schema.js';

/** A validated feed member as the badge uses it. */
export function normalizeMember(feed: FeedMember): Member {
  return defined<Member>({
    id: feed.id,
    name: feed.name,
    status: feed.status,
    memberSince: feed.memberSince,
    city: feed.city,
    sector: feed.sector,
    description: feed.description,
    url: feed.url,
    website: feed.website,
    logo: feed.logo,
    domains: (feed.domains ?? []).map((domain) => domain.toLowerCase()),
  });
}

/** A feed's valid members, and what was wrong with the others. */
export interface FeedMembers {
  members: Member[];
  issues: FeedIssue[];
}

/**
 * The members of a document that passed `feedRoot`: an invalid or repeated one is skipped, reported in `issues`
 * and warned about, as `parseFeed` does.
 */
export function readMembers(root: FeedRoot, source: string, options: ParseOptions = {}): FeedMembers {
  const warn = warner(source, options);
  const issues: FeedIssue[] = [];
  let list: unknown[] = [];
  if (Array.isArray(root.members)) list = root.members;
  else if (root.members !== undefined) {
    issues.push({ path: '$.members', message: 'Invalid type: "members" must be an array' });
    warn('ignored members: not an array');
  }
  return {
    members: runSteps(readItemSteps(list, 'members', MemberSchema, normalizeMember, issues, warn)),
    issues,
  };
}

/**
 * The members of a version 1 feed's text, with the same checks as `parseFeedText` on the document as a whole.
 * schema.org JSON-LD has no members and needs its adapter: the loader maps it before reading.
 *
 * @param contentType the response's `Content-Type`, when there is one
 * @throws FeedError when the document as a whole is not a version 1 feed
 */
export function parseMembersText(
  text: string,
  url: string,
  contentType?: string,
  options: ParseOptions = {},
): FeedMembers {
  return readMembers(feedRoot(readFeedJson(text, url, contentType), url), url, options);
}
