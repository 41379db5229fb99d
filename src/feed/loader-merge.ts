/**
 * Several feeds in one agenda (`feed="https://…/feed.json https://partner.example/agenda.ics"`): each is loaded
 * through the shared loader, then merged. An event published by two sources (same URL, or the same id, which for
 * iCalendar comes from the UID) is shown once, from the first source that has it. A source that fails leaves the
 * others shown and is named in `sources`.
 */
import type { LoadOptions } from './loader-core.js';
import { feedUrls } from './loader.js';
import type { AgendaEvent, Feed, FeedSourceState } from './model.js';

/** `https://a.example/x/#top` and `https://a.example/x` name the same page. */
function samePage(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** One source's outcome: its feed, or why it failed. */
export interface SourceOutcome {
  url: string;
  feed?: Feed;
  error?: unknown;
}

/** The merged feed of several sources, each event saying which source it came from. */
export function mergeFeeds(outcomes: SourceOutcome[]): Feed {
  const byPage = new Set<string>();
  const byId = new Map<string, AgendaEvent>();
  const events: AgendaEvent[] = [];
  for (const { url, feed } of outcomes) {
    if (!feed) continue;
    const source = { url, ...(feed.publisher && { name: feed.publisher.name }) };
    for (const event of feed.events) {
      const page = samePage(event.url);
      const sameId = byId.get(event.id);
      const duplicate =
        (page !== undefined && byPage.has(page)) ||
        (sameId !== undefined &&
          (sameId.url === undefined || event.url === undefined || samePage(sameId.url) === page));
      if (duplicate) continue;
      // Two sources may use one id for different events: the later one gets another, so each stays addressable.
      let id = event.id;
      for (let n = 2; byId.has(id); n++) id = `${event.id}-${n}`;
      const merged = { ...event, id, source };
      byId.set(id, merged);
      if (page !== undefined) byPage.add(page);
      events.push(merged);
    }
  }
  const first = outcomes.find((outcome) => outcome.feed)?.feed;
  const sources: FeedSourceState[] = outcomes.map(({ url, feed, error }) => ({
    url,
    ...(feed?.publisher && { name: feed.publisher.name }),
    ...(feed ? {} : error === undefined ? { pending: true } : { error }),
  }));
  return {
    version: 1,
    ...(first?.publisher && { publisher: first.publisher }),
    ...(first?.privacyPolicyUrl && { privacyPolicyUrl: first.privacyPolicyUrl }),
    events,
    members: outcomes.flatMap((outcome) => outcome.feed?.members ?? []),
    issues: outcomes.flatMap((outcome) => outcome.feed?.issues ?? []),
    sources,
  };
}

/** What `loader.ts` gives for one URL. */
export interface SingleReader {
  load(url: string, options?: LoadOptions): Promise<Feed>;
  readCached(url: string): Feed | undefined;
}

/** Several sources read as one feed. */
export interface MultiReader {
  /** Rejects only when every source fails, with the first source's error. */
  load(value: string, options?: LoadOptions): Promise<Feed>;
  /** The merge of what each source has now; the same object while nothing changed. */
  readCached(value: string): Feed | undefined;
}

/** The last merge per `feed` value, so that every read of an unchanged set of sources gives the same object. */
interface MergeState {
  parts: (Feed | undefined)[];
  errors: unknown[];
  merged: Feed;
}

/** Loading and reading several sources as one feed, over the single-URL reader. */
export function createMultiReader(single: SingleReader): MultiReader {
  const states = new Map<string, MergeState>();

  function merge(value: string, parts: (Feed | undefined)[], errors: unknown[]): Feed {
    const known = states.get(value);
    if (
      known &&
      known.parts.every((part, i) => part === parts[i]) &&
      known.errors.every((error, i) => error === errors[i])
    )
      return known.merged;
    const urls = feedUrls(value);
    const merged = mergeFeeds(urls.map((url, i) => ({ url, feed: parts[i], error: errors[i] })));
    states.set(value, { parts, errors, merged });
    return merged;
  }

  return {
    async load(value, options = {}) {
      const urls = feedUrls(value);
      const settled = await Promise.allSettled(urls.map((url) => single.load(url, options)));
      if (settled.every((outcome) => outcome.status === 'rejected'))
        throw (settled[0] as PromiseRejectedResult).reason;
      options.signal?.throwIfAborted();
      return merge(
        value,
        settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined)),
        settled.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : undefined)),
      );
    },
    readCached(value) {
      const parts = feedUrls(value).map((url) => single.readCached(url));
      if (parts.every((part) => part === undefined)) return undefined;
      const errors = states.get(value)?.errors ?? [];
      return merge(
        value,
        parts,
        parts.map((part, i) => (part ? undefined : errors[i])),
      );
    },
  };
}
