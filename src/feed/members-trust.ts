/**
 * Whether a page may show a member's verified badge: the one decision the badge renders and its tests check. Only a
 * members list signed by the network (`members-signature.ts`) and not expired counts; the member must be active and
 * the page on one of its declared domains (or a subdomain). Local hosts pass in development builds, or when the
 * network's own data declares `localhost` for the member.
 */
import { isObject } from './document.js';
import type { MembersProof } from './members-signature.js';

/** Why no verified badge: `unverified` and `expired` are about the data, the others about the member or the page. */
export type BadgeRefusal = 'unverified' | 'expired' | 'unknown' | 'lapsed' | 'no-domains' | 'domain';

/** What the badge shows of a member, read from the signed list. */
export interface BadgeMember {
  id: string;
  name: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  memberSince?: string;
  domains: string[];
}

/** The member to show, or why not (`detail`: one sentence for the site owner's console). */
export type BadgeVerdict =
  { member: BadgeMember; refusal?: undefined } | { refusal: BadgeRefusal; detail: string };

/** The page the badge is on. */
export interface BadgePage {
  /** `location.hostname`. */
  host: string;
  /** Milliseconds since the epoch: the visitor's clock, never one the page chooses through markup. */
  now: number;
  /** A development build: local hosts pass without being declared. */
  development: boolean;
}

const LOOPBACK = /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/;

const hostName = (host: string) => host.toLowerCase().replace(/\.$/, '');

/**
 * `host` is one of `domains` or a subdomain of one; a local host passes in a development build or when `domains`
 * holds `localhost`.
 */
export function isAllowedHost(host: string, domains: readonly string[], development: boolean): boolean {
  const name = hostName(host);
  const declared = domains.map((domain) => hostName(domain).replace(/^\*?\./, ''));
  if (LOOPBACK.test(name) && (development || declared.includes('localhost'))) return true;
  return declared.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * The member `id` of a signed list, read without the feed schema: the signing command refuses a list that does not
 * pass it (`server/sign-members.ts`), so a signed list is already valid.
 */
function signedMember(members: readonly unknown[], id: string) {
  const found = members.find((item) => isObject(item) && item.id === id) as
    Record<string, unknown> | undefined;
  if (!found || typeof found.name !== 'string') return undefined;
  const member: BadgeMember = { id, name: found.name, domains: strings(found.domains) };
  if (typeof found.memberSince === 'string') member.memberSince = found.memberSince;
  return { member, active: found.status === 'active' };
}

/** Whether `page` may show the verified badge of member `id`, from what the feed's signature proved. */
export function badgeVerdict(proof: MembersProof, id: string, page: BadgePage): BadgeVerdict {
  if (proof.status !== 'signed') return { refusal: 'unverified', detail: proof.detail };
  if (page.now >= proof.expires) {
    const date = new Date(proof.expires).toISOString();
    return { refusal: 'expired', detail: `the members list's signature expired on ${date}` };
  }
  const found = signedMember(proof.members, id);
  if (!found) return { refusal: 'unknown', detail: `no member "${id}" in the network's members list` };
  const { member, active } = found;
  if (!active) return { refusal: 'lapsed', detail: `the membership of "${id}" is not active` };
  if (member.domains.length === 0) {
    return { refusal: 'no-domains', detail: `"${id}" has declared no domain for its badge` };
  }
  if (!isAllowedHost(page.host, member.domains, page.development)) {
    const detail = `this page's host "${page.host}" is not one of the member's domains (${member.domains.join(', ')})`;
    return { refusal: 'domain', detail };
  }
  return { member };
}
