/**
 * The network whose data the member badge trusts, fixed when the bundle is built (`vite.config.ts` turns the
 * `RA_NETWORK_ORIGIN` and `RA_MEMBERS_PUBLIC_KEYS` environment variables into the constants below). A build without
 * `RA_MEMBERS_PUBLIC_KEYS` is a development build: it trusts the development key, whose private half is published
 * in `test/fixtures/members-dev-key.pem` for tests and the demo, and accepts local hosts. See docs/member-badges.md.
 */

declare const __RA_NETWORK_ORIGIN__: string | undefined;
declare const __RA_MEMBERS_KEYS__: readonly string[] | undefined;

/** The development key's public half (raw Ed25519, base64url). Anyone can sign with it: never trust it in a release. */
export const DEVELOPMENT_MEMBERS_KEY = 'vLmoi4t5hpy9bQM-db4vdvoACJKpq1l4bwtCqOzTqHg';

/** Where the network's own site lives: the badge links to its verification page there. */
export const networkOrigin: string =
  typeof __RA_NETWORK_ORIGIN__ === 'string' ? __RA_NETWORK_ORIGIN__ : 'https://www.reseau-alliances.org';

/** The public keys (raw Ed25519, base64url) whose signature makes a members list the network's. */
export const membersKeys: readonly string[] =
  typeof __RA_MEMBERS_KEYS__ === 'object' && __RA_MEMBERS_KEYS__
    ? __RA_MEMBERS_KEYS__
    : [DEVELOPMENT_MEMBERS_KEY];

/** A build that trusts only the development key: it also shows badges on `localhost`. */
export const developmentBuild: boolean = !membersKeys.some((key) => key !== DEVELOPMENT_MEMBERS_KEY);

/** The page where anyone can check a member's standing: `https://www.reseau-alliances.org/membres/<id>`. */
export function verificationPage(memberId: string): string {
  return `${networkOrigin}/membres/${encodeURIComponent(memberId)}`;
}
