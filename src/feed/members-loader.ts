/**
 * Only the members of a feed, for the member badge: the same requests and copies as the other widgets
 * (`loader-core.ts`), read without the event schema.
 */
import { createReader, type LoadOptions } from './loader-core.js';
import { readMembers } from './members.js';
import type { Member } from './model.js';

const members = createReader<Member[]>((root, url) => readMembers(root, url).members);

/**
 * The valid members of the feed at `url`, sharing the page's request for it with every other widget. A copy stored
 * by an earlier visit resolves at once and is then revalidated: newer members reach `onMembersUpdate` listeners.
 * Rejects with a `FeedError` saying why the feed could not be read.
 */
export function loadMembers(url: string, options: LoadOptions = {}): Promise<Member[]> {
  return members.load(url, options);
}

/** The newest members this page has for `url`, else those of the copy stored by an earlier visit, without waiting. */
export function readCachedMembers(url: string): Member[] | undefined {
  return members.readCached(url);
}

/** Calls `listener` whenever newer members arrive for `url`. Returns the unsubscribe function. */
export function onMembersUpdate(url: string, listener: (members: Member[]) => void): () => void {
  return members.onUpdate(url, listener);
}
