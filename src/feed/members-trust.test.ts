import { expect } from '@open-wc/testing';
import type { MembersProof } from './members-signature.js';
import { badgeVerdict, isAllowedHost } from './members-trust.js';

const NOW = Date.parse('2026-11-15T10:00:00+01:00');
const EXPIRES = Date.parse('2026-12-06T00:00:00Z');

function signed(...members: Record<string, unknown>[]): MembersProof {
  return { status: 'signed', members, signedAt: Date.parse('2026-11-01T00:00:00Z'), expires: EXPIRES };
}

const etika = {
  id: 'etika',
  name: 'Etika',
  status: 'active',
  memberSince: '2020',
  domains: ['etika.example'],
};
const onMemberSite = { host: 'etika.example', now: NOW, development: false };

describe('badgeVerdict', () => {
  it('shows an active member on its declared domain, from a signed list', () => {
    expect(badgeVerdict(signed(etika), 'etika', onMemberSite)).to.deep.equal({
      member: { id: 'etika', name: 'Etika', memberSince: '2020', domains: ['etika.example'] },
    });
  });

  it('refuses a list that is not signed by the network', () => {
    const proof: MembersProof = { status: 'unsigned', detail: 'the feed has no "membersSignature"' };
    expect(badgeVerdict(proof, 'etika', onMemberSite).refusal).to.equal('unverified');
  });

  it('refuses a signed list once its signature has expired', () => {
    const verdict = badgeVerdict(signed(etika), 'etika', { ...onMemberSite, now: EXPIRES });
    expect(verdict.refusal).to.equal('expired');
    expect(verdict.refusal && verdict.detail).to.contain('2026-12-06T00:00:00.000Z');
  });

  it('refuses a member on a domain it did not declare', () => {
    const verdict = badgeVerdict(signed(etika), 'etika', { ...onMemberSite, host: 'copieur.example' });
    expect(verdict.refusal).to.equal('domain');
  });

  it('refuses a member that declared no domain at all', () => {
    const verdict = badgeVerdict(signed({ ...etika, domains: undefined }), 'etika', onMemberSite);
    expect(verdict.refusal).to.equal('no-domains');
  });

  it('refuses a lapsed member', () => {
    expect(badgeVerdict(signed({ ...etika, status: 'lapsed' }), 'etika', onMemberSite).refusal).to.equal(
      'lapsed',
    );
  });

  it('refuses an id the list does not hold', () => {
    expect(badgeVerdict(signed(etika), 'pas-adherent', onMemberSite).refusal).to.equal('unknown');
  });
});

describe('isAllowedHost', () => {
  it('allows a declared domain and its subdomains, whatever the case or a final dot', () => {
    expect(isAllowedHost('etika.example', ['etika.example'], false)).to.be.true;
    expect(isAllowedHost('WWW.Etika.example.', ['etika.example'], false)).to.be.true;
  });

  it('refuses a host that only ends with the domain name', () => {
    expect(isAllowedHost('faux-etika.example', ['etika.example'], false)).to.be.false;
  });

  it('refuses local hosts in a release build', () => {
    expect(isAllowedHost('localhost', ['etika.example'], false)).to.be.false;
    expect(isAllowedHost('127.0.0.1', ['etika.example'], false)).to.be.false;
  });

  it('allows local hosts in a development build', () => {
    expect(isAllowedHost('localhost', ['etika.example'], true)).to.be.true;
    expect(isAllowedHost('127.0.0.1', ['etika.example'], true)).to.be.true;
    expect(isAllowedHost('[::1]', ['etika.example'], true)).to.be.true;
  });

  it("allows local hosts in a release build when the network's data declares localhost", () => {
    expect(isAllowedHost('127.0.0.1', ['localhost'], false)).to.be.true;
    expect(isAllowedHost('demo.localhost', ['localhost'], false)).to.be.true;
  });
});
