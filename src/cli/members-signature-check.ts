/**
 * `validate-feed`'s check of the members signature (docs/member-badges.md): against the keys in
 * `RA_MEMBERS_PUBLIC_KEYS` (comma-separated, as for the build), else the development key.
 */
import { isObject, readFeedJson } from '../feed/document.js';
import type { FeedIssue } from '../feed/model.js';
import { verifyMembers } from '../feed/members-signature.js';
import { membersKeys } from '../feed/network.js';

/** `RA_MEMBERS_PUBLIC_KEYS` as a list, else the keys this code was built with. */
function publicKeys(setting: string | undefined): readonly string[] {
  const keys = setting
    ?.split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  return keys?.length ? keys : membersKeys;
}

/** What the signature is worth: a line for people, and the problems that make the feed fail. */
export interface SignatureCheck {
  note: string;
  problems: FeedIssue[];
}

/**
 * Checks the `membersSignature` of a feed's text. `undefined` for a feed without members: there is nothing to sign.
 * An unsigned list is a note (its badges show their plain link); a forged, malformed or expired one is a problem.
 */
export async function checkMembersSignature(
  text: string,
  source: string,
): Promise<SignatureCheck | undefined> {
  // The feed as a whole was checked already; JSON-LD and iCalendar sources have no members.
  let root: unknown;
  try {
    root = readFeedJson(text, source);
  } catch {
    return undefined;
  }
  if (!isObject(root) || !Array.isArray(root.members) || root.members.length === 0) return undefined;
  const proof = await verifyMembers(root, publicKeys(process.env.RA_MEMBERS_PUBLIC_KEYS));
  const problem = (message: string): SignatureCheck => ({
    note: message,
    problems: [{ path: '$.membersSignature', message }],
  });
  if (proof.status === 'unsigned') {
    return { note: 'members not signed: member badges show only their plain link', problems: [] };
  }
  if (proof.status !== 'signed') return problem(`members signature ${proof.status}: ${proof.detail}`);
  const expires = new Date(proof.expires).toISOString();
  if (Date.now() >= proof.expires)
    return problem(`members signature expired on ${expires}: sign the members again`);
  return { note: `members signed until ${expires}`, problems: [] };
}
