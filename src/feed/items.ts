/**
 * Reading a feed's items leniently: each one is checked on its own, and an invalid one is skipped, reported in
 * `issues` and warned about, so that one bad event or member never hides the others.
 */
import * as v from 'valibot';
import { isObject } from './document.js';
import type { FeedIssue } from './model.js';

/** Options for `parseFeed`, `parseFeedText` and `parseMembersText`. */
export interface ParseOptions {
  /** Warn on the console for each skipped item (default `true`; the CLI prints the issues itself). */
  warn?: boolean;
}

/** Prints one line about `source`, unless the options silence it. */
export type Warn = (line: string) => void;

export function warner(source: string, options: ParseOptions): Warn {
  return (line) => {
    if (options.warn !== false) console.warn(`[ra-widgets] ${source}: ${line}`);
  };
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

export function issuesOf(prefix: string, issues: readonly v.BaseIssue<unknown>[], id?: string): FeedIssue[] {
  return issues.map((issue) => ({
    path: jsonPath(prefix, issue.path),
    message: issue.message,
    ...(id && { id }),
  }));
}

function idOf(item: unknown): string | undefined {
  return isObject(item) && typeof item.id === 'string' ? item.id : undefined;
}

/**
 * Validates each item alone: valid ones are normalized, invalid ones and repeated ids are reported in `issues`.
 * One item per step: run it with `runSteps` at once, or `runStepsInSlices` to yield to the main thread.
 */
export function* readItemSteps<S extends v.GenericSchema<unknown, { id: string }>, T extends { id: string }>(
  list: unknown[],
  kind: 'events' | 'members',
  schema: S,
  normalize: (item: v.InferOutput<S>) => T,
  issues: FeedIssue[],
  warn: Warn,
): Generator<void, T[]> {
  const seen = new Map<string, string>();
  const items: T[] = [];
  for (const [index, item] of list.entries()) {
    yield;
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
      continue;
    }
    issues.push(...found);
    const label = kind === 'events' ? 'event' : 'member';
    warn(
      `skipped ${label} ${id ? `"${id}"` : `#${index}`}: ` +
        found.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    );
  }
  return items;
}
