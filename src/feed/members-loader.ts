/**
 * The members signature of a feed, for the member badge: the same requests and copies as the other widgets
 * (`loader-core.ts`), checked against the network's keys (`network.ts`) once per copy, without the feed schema.
 */
import { createReader, readCached, type LoadOptions } from './loader-core.js';
import { verifyMembers, type MembersProof } from './members-signature.js';
import { membersKeys } from './network.js';

const proofs = createReader<Promise<MembersProof>>((root) => verifyMembers(root, membersKeys));

/**
 * What the members signature of the feed at `url` proves, sharing the page's request for it with every other
 * widget. A copy stored by an earlier visit is used at once and then revalidated: newer proofs reach
 * `onMembersProofUpdate` listeners. Rejects with a `FeedError` saying why the feed could not be read.
 */
export function loadMembersProof(url: string, options: LoadOptions = {}): Promise<MembersProof> {
  return proofs.load(url, options).then((proof) => proof);
}

/** The proof of the newest copy this page has for `url` (or of one stored by an earlier visit), without a request. */
export function readCachedMembersProof(url: string): Promise<MembersProof> | undefined {
  return readCached(proofs, url);
}

/** Calls `listener` whenever a newer copy of the feed at `url` arrives. Returns the unsubscribe function. */
export function onMembersProofUpdate(
  url: string,
  listener: (proof: Promise<MembersProof>) => void,
): () => void {
  return proofs.onUpdate(url, listener);
}
