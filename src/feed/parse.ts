/**
 * Reading a feed document leniently: the document as a whole must be a version 1 feed (or schema.org JSON-LD),
 * then each event and member is checked on its own and an invalid one is skipped, reported and warned about.
 */
import * as v from 'valibot';
import type { AgendaEvent, Feed, FeedIssue, Member } from './model.js';
import { isJsonLd, jsonLdToFeed } from './jsonld.js';
import { normalizeEvent, normalizeMember, normalizeOrganization } from './normalize.js';
import { EventSchema, FeedHeadEntries, MemberSchema, type FeedOrganization } from './schema.js';
import { toInstant } from './time.js';

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

/** Options for `parseFeed` and `parseFeedText`. */
export interface ParseOptions {
  /** Warn on the console for each skipped item (default `true`; the CLI prints the issues itself). */
  warn?: boolean;
}

type PathItem = { key?: unknown };

/** `$.events[3].location[0].url` from valibot's issue path. */
function jsonPath(prefix: string, path: readonly PathItem[] = []): string {
  return path.reduce<string>((text, { key }) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${text}.${name}` : `${text}[${JSON.stringify(name)}]`;
  }, prefix);
}

function issuesOf(prefix: string, issues: readonly v.BaseIssue<unknown>[], id?: string): FeedIssue[] {
  return issues.map((issue) => ({
    path: jsonPath(prefix, issue.path),
    message: issue.message,
    ...(id && { id }),
  }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(item: unknown): string | undefined {
  return isObject(item) && typeof item.id === 'string' ? item.id : undefined;
}

/**
 * Validates each item alone: valid ones are normalized, invalid ones and repeated ids are reported in `issues`.
 */
function readItems<S extends v.GenericSchema<unknown, { id: string }>, T extends { id: string }>(
  list: unknown[],
  kind: 'events' | 'members',
  schema: S,
  normalize: (item: v.InferOutput<S>) => T,
  issues: FeedIssue[],
  warn: (line: string) => void,
): T[] {
  const seen = new Map<string, string>();
  const items: T[] = [];
  list.forEach((item, index) => {
    const prefix = `$.${kind}[${index}]`;
    const id = idOf(item);
    const result = v.safeParse(schema, item);
    let found: FeedIssue[];
    if (!result.success) {
      found = issuesOf(prefix, result.issues, id);
    } else if (seen.has(result.output.id)) {
      found = [
        { path: `${prefix}.id`, message: `Duplicate id "${id}": already used at ${seen.get(id!)}`, id: id! },
      ];
    } else {
      const normalized = normalize(result.output);
      seen.set(normalized.id, prefix);
      items.push(normalized);
      return;
    }
    issues.push(...found);
    const label = kind === 'events' ? 'event' : 'member';
    warn(
      `skipped ${label} ${id ? `"${id}"` : `#${index}`}: ` +
        found.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    );
  });
  return items;
}

/**
 * Reads a parsed JSON document (a version 1 feed, or schema.org JSON-LD) into the domain model.
 *
 * @param json the parsed document
 * @param source where it came from, for messages (a URL or a file name)
 * @throws FeedError when the document as a whole is not a version 1 feed
 */
export function parseFeed(json: unknown, source = 'feed', options: ParseOptions = {}): Feed {
  const document = isJsonLd(json) ? jsonLdToFeed(json) : json;
  if (document === undefined)
    throw new FeedError(source, 'not-a-feed', 'no schema.org Event in this JSON-LD');
  if (!isObject(document)) throw new FeedError(source, 'not-a-feed', 'expected a JSON object');
  if (document.version !== 1) {
    const found =
      document.version === undefined ? 'no "version"' : `version ${JSON.stringify(document.version)}`;
    throw new FeedError(source, 'version', found);
  }
  if (!Array.isArray(document.events)) throw new FeedError(source, 'not-a-feed', '"events" must be an array');

  const warn = (line: string) => {
    if (options.warn !== false) console.warn(`[ra-widgets] ${source}: ${line}`);
  };
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

  let members: unknown[] = [];
  if (Array.isArray(document.members)) members = document.members;
  else if (document.members !== undefined) {
    issues.push({ path: '$.members', message: 'Invalid type: "members" must be an array' });
    warn('ignored members: not an array');
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
  const people: Member[] = readItems(members, 'members', MemberSchema, normalizeMember, issues, warn);
  return {
    version: 1,
    ...(publisher && { publisher: normalizeOrganization(publisher) }),
    ...(typeof head.updated === 'string' && { updated: toInstant(head.updated, 'UTC') }),
    ...(typeof head.privacyPolicyUrl === 'string' && { privacyPolicyUrl: head.privacyPolicyUrl }),
    events,
    members: people,
    issues,
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
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/^\s*text\/html\b/i.test(contentType ?? '') || body.startsWith('<')) throw new FeedError(url, 'html');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new FeedError(url, 'not-json', body === '' ? 'empty response' : (error as Error).message, {
      cause: error,
    });
  }
  return parseFeed(json, url, options);
}
