import { expect, waitUntil } from '@open-wc/testing';
import { feedDocument, feedMember } from '../../test/helpers/feed.js';
import { FeedError } from './document.js';
import { clearFeedCache, loadFeed } from './loader.js';
import { loadMembers, onMembersUpdate, readCachedMembers } from './members-loader.js';
import type { Member } from './model.js';

const feedUrl = new URL('/feeds/members.json', document.baseURI).href;
const storageKey = `ra-feed:v1:${feedUrl}`;

function feedText(...ids: string[]): string {
  return JSON.stringify(
    feedDocument(
      [],
      ids.map((id) => feedMember({ id })),
    ),
  );
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

const ids = (members: Member[] | undefined) => members?.map((member) => member.id);

beforeEach(() => {
  clearFeedCache();
  requests = 0;
});

afterEach(() => {
  window.fetch = realFetch;
  clearFeedCache();
});

describe('loadMembers', () => {
  it("loads the feed's members", async () => {
    serve(feedText('plume-sas', 'etika-spirulina'));
    expect(ids(await loadMembers(feedUrl))).to.deep.equal(['plume-sas', 'etika-spirulina']);
  });

  it('shares one request with the whole feed on the same URL', async () => {
    serve(feedText('plume-sas'));
    const [feed, members] = await Promise.all([loadFeed(feedUrl), loadMembers(feedUrl)]);
    expect(requests).to.equal(1);
    expect(members).to.deep.equal(feed.members);
  });

  it('stores the feed in the same place as loadFeed', async () => {
    serve(feedText('plume-sas'));
    await loadMembers(feedUrl);
    // Stored in idle time, after the first screen.
    await waitUntil(() => localStorage.getItem(storageKey) !== null);
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as { text: string };
    expect(stored.text).to.equal(feedText('plume-sas'));
  });

  it('fails with a FeedError for a document that is not a feed', async () => {
    serve('{"version":2,"events":[]}');
    const error = await loadMembers(feedUrl).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).reason).to.equal('version');
  });

  it('gives no members for a schema.org JSON-LD feed', async () => {
    serve(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Forum',
        startDate: '2020-10-13',
      }),
    );
    expect(await loadMembers(feedUrl)).to.deep.equal([]);
  });
});

describe('readCachedMembers', () => {
  it("reads the members of a copy stored by loadFeed's earlier visit, without a request", () => {
    localStorage.setItem(storageKey, JSON.stringify({ text: feedText('plume-sas'), fetchedAt: 0 }));
    serve(feedText('never'));
    expect(ids(readCachedMembers(feedUrl))).to.deep.equal(['plume-sas']);
    expect(requests).to.equal(0);
  });
});

describe('onMembersUpdate', () => {
  it('gives the members of a newer feed', async () => {
    localStorage.setItem(storageKey, JSON.stringify({ text: feedText('plume-sas'), fetchedAt: 0 }));
    serve(feedText('plume-sas', 'etika-spirulina'));
    const updated = new Promise<Member[]>((resolve) => onMembersUpdate(feedUrl, resolve));
    expect(ids(await loadMembers(feedUrl))).to.deep.equal(['plume-sas']);
    expect(ids(await updated)).to.deep.equal(['plume-sas', 'etika-spirulina']);
  });
});
