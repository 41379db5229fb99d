/**
 * Members lists signed as the network signs them, with the development key (test/fixtures/members-dev-key.pem,
 * public on purpose: see docs/member-badges.md), on a fixed clock.
 */
import { importSigningKey, signMembers } from '../../src/feed/members-signature.js';

/** The tests' clock: 15 November 2026, 10:00 in Paris. */
export const NOW = Date.parse('2026-11-15T10:00:00+01:00');

/** A validity period that contains `NOW`. */
export const CURRENT = {
  signedAt: new Date('2026-11-01T00:00:00Z'),
  expires: new Date('2026-12-06T00:00:00Z'),
};

/** A validity period over before `NOW`: a lapsed member's old copy. */
export const EXPIRED = {
  signedAt: new Date('2026-09-01T00:00:00Z'),
  expires: new Date('2026-10-06T00:00:00Z'),
};

/** An active member with a declared domain, as the network publishes it. */
export const ETIKA = {
  id: 'etika-spirulina',
  name: 'Etika Spirulina',
  status: 'active',
  memberSince: '2020',
  domains: ['etika.example'],
};

let devKey: Promise<CryptoKey> | undefined;

/** The development signing key, read from the fixture the test runner serves. */
export function devSigningKey(): Promise<CryptoKey> {
  devKey ??= fetch('/test/fixtures/members-dev-key.pem').then(async (response) =>
    importSigningKey(await response.text()),
  );
  return devKey;
}

/** A version 1 feed holding `members` and their signature for `period` (default `CURRENT`). */
export async function signedFeed(
  members: Record<string, unknown>[],
  period = CURRENT,
  key?: CryptoKey,
): Promise<Record<string, unknown>> {
  const membersSignature = await signMembers(members, key ?? (await devSigningKey()), period);
  return { version: 1, events: [], members, membersSignature };
}
