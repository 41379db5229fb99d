import { expect } from '@open-wc/testing';
import { CURRENT, signedFeed } from '../../test/helpers/signed-members.js';
import { feedMember } from '../../test/helpers/feed.js';
import { FeedError } from './document.js';
import { clearFeedCache, loadFeed } from './loader.js';
import { loadMembersProof, onMembersProofUpdate, readCachedMembersProof } from './members-loader.js';
import type { MembersProof } from './members-signature.js';

const feedUrl = new URL('/feeds/members.json', document.baseURI).href;
const storageKey = `ra-feed:v1:${feedUrl}`;

async function signedText(...ids: string[]): Promise<string> {
  return JSON.stringify(await signedFeed(ids.map((id) => feedMember({ id }))));
}

const realFetch = window.fetch;
let requests = 0;

function serve(...texts: string[]): void {
  window.fetch = async () => {
    const text = texts[Math.min(requests, texts.length - 1)]!;
    requests += 1;
    return new Response(text, { headers: { 'Content-Type': 'application/json' } });
  };
}

const ids = (proof: MembersProof | undefined) =>
  proof?.status === 'signed' ? proof.members.map((member) => (member as { id: string }).id) : proof?.status;

beforeEach(() => {
  clearFeedCache();
  requests = 0;
});

afterEach(() => {
  window.fetch = realFetch;
  clearFeedCache();
});

describe('loadMembersProof', () => {
  it("proves the feed's members signed with the build's key", async () => {
    serve(await signedText('plume-sas', 'etika-spirulina'));
    const proof = await loadMembersProof(feedUrl);
    expect(ids(proof)).to.deep.equal(['plume-sas', 'etika-spirulina']);
    expect(proof.status === 'signed' && proof.expires).to.equal(CURRENT.expires.getTime());
  });

  it('shares one request with the whole feed on the same URL', async () => {
    serve(await signedText('plume-sas'));
    const [feed, proof] = await Promise.all([loadFeed(feedUrl), loadMembersProof(feedUrl)]);
    expect(requests).to.equal(1);
    expect(ids(proof)).to.deep.equal(feed.members.map((member) => member.id));
  });

  it('says an unsigned feed proves nothing', async () => {
    serve(JSON.stringify({ version: 1, events: [], members: [feedMember()] }));
    expect((await loadMembersProof(feedUrl)).status).to.equal('unsigned');
  });

  it('fails with a FeedError for a document that is not a feed', async () => {
    serve('{"version":2,"events":[]}');
    const error = await loadMembersProof(feedUrl).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).reason).to.equal('version');
  });
});

describe('readCachedMembersProof', () => {
  it("checks the copy stored by loadFeed's earlier visit, without a request", async () => {
    localStorage.setItem(storageKey, JSON.stringify({ text: await signedText('plume-sas'), fetchedAt: 0 }));
    serve(await signedText('never'));
    expect(ids(await readCachedMembersProof(feedUrl))).to.deep.equal(['plume-sas']);
    expect(requests).to.equal(0);
  });
});

describe('onMembersProofUpdate', () => {
  it('gives the proof of a newer feed', async () => {
    localStorage.setItem(storageKey, JSON.stringify({ text: await signedText('plume-sas'), fetchedAt: 0 }));
    serve(await signedText('plume-sas', 'etika-spirulina'));
    const updated = new Promise<Promise<MembersProof>>((resolve) => onMembersProofUpdate(feedUrl, resolve));
    expect(ids(await loadMembersProof(feedUrl))).to.deep.equal(['plume-sas']);
    expect(ids(await await updated)).to.deep.equal(['plume-sas', 'etika-spirulina']);
  });
});
