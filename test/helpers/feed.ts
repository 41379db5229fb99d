/**
 * Test data in the feed's own shape (as published, before validation): a minimal valid event, member and
 * document. Override only what a test is about.
 */

import * as v from 'valibot';
import type { AgendaEvent } from '../../src/feed/model.js';
import { normalizeEvent } from '../../src/feed/normalize.js';
import { FeedError } from '../../src/feed/document.js';
import { EventSchema } from '../../src/feed/schema.js';

type Json = Record<string, unknown>;

/** A valid one-morning event in Paris; `overrides` replace (or, with `undefined`, remove) its properties. */
export function feedEvent(overrides: Json = {}): Json {
  return withOverrides(
    {
      id: 'rencontre-2020-09-29',
      name: 'Rencontre des adhérents',
      startDate: '2020-09-29T09:00:00+02:00',
      endDate: '2020-09-29T11:00:00+02:00',
      location: {
        '@type': 'Place',
        name: 'Réseau Alliances',
        address: { addressLocality: 'Marcq-en-Barœul' },
      },
    },
    overrides,
  );
}

/** `feedEvent(overrides)`, validated (throws if invalid) and normalized: an `AgendaEvent` as the widgets get it. */
export function normalizedEvent(overrides: Json = {}): AgendaEvent {
  return normalizeEvent(v.parse(EventSchema, feedEvent(overrides)));
}

/** A valid active member. */
export function feedMember(overrides: Json = {}): Json {
  return withOverrides({ id: 'mandarine-gestion', name: 'Mandarine Gestion', status: 'active' }, overrides);
}

/** A version 1 document holding `events` (and `members` when given). */
export function feedDocument(events: Json[], members?: Json[]): Json {
  return { version: 1, events, ...(members && { members }) };
}

function withOverrides(base: Json, overrides: Json): Json {
  const result: Json = { ...base, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete result[key];
  return result;
}

/** The fixture shared by feed and component tests (served by the test runner). */
export async function loadFixture(name = 'feed-small.json'): Promise<Json> {
  return (await (await fetch(`/test/fixtures/${name}`)).json()) as Json;
}

/** Runs `read` with `console.warn` captured. */
export function withWarnings<T>(read: () => T): { result: T; warnings: string[] } {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    return { result: read(), warnings };
  } finally {
    console.warn = original;
  }
}

/** The `FeedError` that `run` throws (any other outcome fails the test). */
export function caught(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}
