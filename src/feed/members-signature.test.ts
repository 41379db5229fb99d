import { expect } from '@open-wc/testing';
import { CURRENT, ETIKA, signedFeed } from '../../test/helpers/signed-members.js';
import { canonicalJson, importSigningKey, publicKeyOf, verifyMembers } from './members-signature.js';
import { DEVELOPMENT_MEMBERS_KEY } from './network.js';

const keys = [DEVELOPMENT_MEMBERS_KEY];
const members = [ETIKA, { id: 'plume-sas', name: 'Plume SAS', status: 'active', memberSince: '2020' }];

/** The published text of a signed feed, as a forger would edit it, read back. */
function edited(feed: Record<string, unknown>, edit: (text: string) => string): Record<string, unknown> {
  return JSON.parse(edit(JSON.stringify(feed))) as Record<string, unknown>;
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, at every depth, without whitespace', () => {
    const value = JSON.parse(
      '{"\\u20ac":1,"\\r":2,"\\ufb33":3,"1":4,"\\ud83d\\ude00":5,"\\u0080":6,"\\u00f6":7,"n":[{"b":null,"a":true}]}',
    ) as unknown;
    expect(canonicalJson(value)).to.equal(
      '{"\\r":2,"1":4,"n":[{"a":true,"b":null}],"\u0080":6,"ö":7,"€":1,"😀":5,"דּ":3}',
    );
  });

  it('writes numbers as ECMAScript does', () => {
    expect(canonicalJson(JSON.parse('[1.0, 1e21, -0, 0.000001]'))).to.equal('[1,1e+21,0,0.000001]');
  });
});

describe('verifyMembers', () => {
  it('accepts the members list exactly as the development key signed it', async () => {
    const proof = await verifyMembers(await signedFeed(members), keys);
    expect(proof.status).to.equal('signed');
    expect(proof.status === 'signed' && proof.expires).to.equal(CURRENT.expires.getTime());
  });

  it('accepts the same members re-serialised with other spacing and key order', async () => {
    const feed = await signedFeed(members);
    const reordered = {
      ...feed,
      members: members.map((member) => Object.fromEntries(Object.entries(member).reverse())),
    };
    expect((await verifyMembers(JSON.parse(JSON.stringify(reordered, null, 4)), keys)).status).to.equal(
      'signed',
    );
  });

  it('refuses a list altered by one character', async () => {
    const feed = edited(await signedFeed(members), (text) => text.replace('"2020"', '"2010"'));
    expect((await verifyMembers(feed, keys)).status).to.equal('forged');
  });

  it('refuses a list with a member added', async () => {
    const feed = await signedFeed(members);
    const added = {
      ...feed,
      members: [...members, { id: 'pas-adherent', name: 'Pas Adhérente', status: 'active' }],
    };
    expect((await verifyMembers(added, keys)).status).to.equal('forged');
  });

  it('refuses a re-dated signature', async () => {
    const feed = edited(await signedFeed(members), (text) => text.replace('2026-12-06', '2027-12-06'));
    expect((await verifyMembers(feed, keys)).status).to.equal('forged');
  });

  it('refuses a list signed with a key the build does not trust', async () => {
    const { privateKey } = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    expect((await verifyMembers(await signedFeed(members, CURRENT, privateKey), keys)).status).to.equal(
      'forged',
    );
  });

  it('says a feed without a signature is unsigned', async () => {
    const proof = await verifyMembers({ version: 1, events: [], members }, keys);
    expect(proof).to.deep.equal({ status: 'unsigned', detail: 'the feed has no "membersSignature"' });
  });

  it('says a signature that is not Ed25519 with ISO dates is malformed', async () => {
    const feed = await signedFeed(members);
    const truncated = { ...feed, membersSignature: { ...(feed.membersSignature as object), value: 'abc' } };
    expect((await verifyMembers(truncated, keys)).status).to.equal('malformed');
    const undated = {
      ...feed,
      membersSignature: { ...(feed.membersSignature as object), expires: 'bientôt' },
    };
    expect((await verifyMembers(undated, keys)).status).to.equal('malformed');
  });
});

describe('publicKeyOf', () => {
  it('gives the public half of the development key, as builds name it', async () => {
    const pem = await (await fetch('/test/fixtures/members-dev-key.pem')).text();
    expect(await publicKeyOf(await importSigningKey(pem, true))).to.equal(DEVELOPMENT_MEMBERS_KEY);
  });
});
