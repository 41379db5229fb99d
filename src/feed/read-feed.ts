/**
 * Reading a document that is a version 1 feed as a whole (`feedRoot`) into the domain model, leniently: each event
 * and member is checked on its own and an invalid one is skipped, reported and warned about. No JSON-LD adapter
 * here: the loader imports it only for a feed that needs it.
 */
import * as v from 'valibot';
import type { FeedRoot } from './document.js';
import { runSteps, runStepsInSlices, yieldToMain } from '../internal/main-thread.js';
import { issuesOf, readItemSteps, warner, type ParseOptions } from './items.js';
import { readMembers } from './members.js';
import type { AgendaEvent, Feed, FeedIssue } from './model.js';
import { normalizeEvent, normalizeOrganization } from './normalize.js';
import { EventSchema, FeedHeadEntries, type FeedOrganization } from './schema.js';
import { toInstant } from './time.js';

/**
 * The feed in a checked document.
 *
 * @param source where it came from, for messages (a URL or a file name)
 */
export function readFeed(document: FeedRoot, source: string, options: ParseOptions = {}): Feed {
  return runSteps(readFeedSteps(document, source, options));
}

/**
 * `readFeed` in slices that yield to the main thread between them: a large feed read on a partner's page blocks
 * no input and delays no paint (Total Blocking Time).
 */
export async function readFeedInSlices(
  document: FeedRoot,
  source: string,
  options: ParseOptions = {},
): Promise<Feed> {
  const feed = await runStepsInSlices(readFeedSteps(document, source, options));
  // The first render then starts a task of its own.
  await yieldToMain();
  return feed;
}

/** `readFeed`, one event per step. */
function* readFeedSteps(document: FeedRoot, source: string, options: ParseOptions): Generator<void, Feed> {
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
  const events: AgendaEvent[] = yield* readItemSteps(
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
