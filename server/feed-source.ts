/** The feed the server publishes and registers against: a JSON file, re-read when it changes. */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseFeed } from '../src/feed/parse.js';
import { registrationEndpoint } from '../src/registration/contract.js';
import type { FeedSource } from './app.js';
import { UnavailableError } from './unavailable.js';

/** Adds our registration endpoint to inline events that have none: how the sample feed gets its endpoints. */
export function withEndpoints(document: unknown, origin: string): unknown {
  if (
    !document ||
    typeof document !== 'object' ||
    !Array.isArray((document as { events?: unknown }).events)
  ) {
    return document;
  }
  const events = (document as { events: unknown[] }).events.map((event) => {
    if (!event || typeof event !== 'object') return event;
    const { id, registration } = event as { id?: unknown; registration?: Record<string, unknown> };
    if (typeof id !== 'string' || registration?.mode !== 'inline' || registration.endpoint) return event;
    return { ...event, registration: { ...registration, endpoint: registrationEndpoint(origin, id) } };
  });
  return { ...document, events };
}

/** `RA_FEED`, else the demo feed, else the small test fixture. */
export function defaultFeedPath(): string {
  return (
    process.env.RA_FEED ??
    ['demo/data/feed.json', 'test/fixtures/feed-small.json'].find((p) => existsSync(p))!
  );
}

/**
 * Reads and parses the file once per change (size and modification time), not once per request. A missing or
 * broken file throws `UnavailableError` (503 for clients) saying why in one line, and is tried again on the next
 * request: the server keeps running and recovers as soon as the file is readable.
 */
export function fileFeedSource(path: string): FeedSource {
  let cached: { version: string; value: Awaited<ReturnType<FeedSource['load']>> } | undefined;
  return {
    async load() {
      try {
        const { mtimeMs, size } = await stat(path);
        const version = `${mtimeMs}:${size}`;
        if (cached?.version !== version) {
          const document: unknown = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
          // The server never reads `endpoint`: filling it in lets the parser accept inline events published without one.
          const feed = parseFeed(withEndpoints(document, 'http://localhost'), path);
          cached = { version, value: { document, feed } };
        }
        return cached.value;
      } catch (error) {
        const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : (error as Error).message;
        throw new UnavailableError(`Feed ${path} unreadable: ${why}`, 10, { cause: error });
      }
    },
  };
}
