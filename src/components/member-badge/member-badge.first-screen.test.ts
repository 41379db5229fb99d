/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { holdSampleFeed, restoreFetch, sampleFeedUrl } from '../../../test/helpers/sample-feed.js';
import { NOW, signedFeed } from '../../../test/helpers/signed-members.js';
import type { RaMemberBadge } from './member-badge.js';
import './define.js';

/**
 * The sample feed's members list is signed with the development key for `localhost`, the test page's host: its
 * members show a verified badge here, as on the demo.
 */
const member = 'etika-spirulina';

afterEach(() => restoreFetch());

/** A badge as a member pastes it, while the members list is on its way; inline-block as in a line of text. */
async function loadingBadge(
  id = member,
  edit?: Parameters<typeof holdSampleFeed>[0],
  width = 375,
): Promise<{ el: RaMemberBadge; release: () => void }> {
  const { release } = await holdSampleFeed(edit);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width}px">
      <ra-member-badge member=${id} feed=${sampleFeedUrl} style="display: inline-block">
        <a href="https://www.reseau-alliances.org/membres/${id}">Adhérent Réseau Alliances</a>
      </ra-member-badge>
    </div>`,
  );
  const el = wrapper.querySelector('ra-member-badge')!;
  await el.updateComplete;
  return { el, release };
}

const box = (el: Element) => {
  const { width, height } = el.getBoundingClientRect();
  return { width: Math.round(width), height: Math.round(height) };
};

describe('<ra-member-badge> first screen', () => {
  for (const width of [375, 1280]) {
    it(`keeps its box when the verified badge arrives, in a column ${width} px wide`, async () => {
      const { el, release } = await loadingBadge(member, undefined, width);
      const loading = box(el);
      expect(loading.height).to.be.greaterThan(0);
      release();
      await waitUntil(() => el.shadowRoot!.querySelector('a[part="badge"]'), 'the badge never showed');
      expect(box(el)).to.deep.equal(loading);
    });
  }

  it('keeps its box when it shows the pasted link instead (a list that is not the network’s)', async () => {
    const { el, release } = await loadingBadge(
      member,
      (feed) => (feed.members[0]!.name = 'Etika Spirulina SA'),
    );
    const loading = box(el);
    release();
    await waitUntil(() => el.shadowRoot!.querySelector('slot'), 'the fallback link never showed');
    expect(box(el)).to.deep.equal(loading);
  });

  it('keeps its box, empty, when it shows nothing (no such member)', async () => {
    const { el, release } = await loadingBadge('inconnu');
    const loading = box(el);
    const warned = new Promise<void>((resolve) => {
      const realWarn = console.warn;
      console.warn = () => {
        console.warn = realWarn;
        resolve();
      };
    });
    release();
    await warned;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.reserve')).to.exist;
    expect(box(el)).to.deep.equal(loading);
  });

  it('lets a partner reserve the height with --ra-badge-min-height', async () => {
    const { el } = await loadingBadge();
    el.style.setProperty('--ra-badge-min-height', '100px');
    expect(el.getBoundingClientRect().height).to.equal(100);
  });

  it('shows nothing to anyone while it loads', async () => {
    const { el } = await loadingBadge();
    expect(el.shadowRoot!.querySelector('a')).to.be.null;
    await expect(el).to.be.accessible();
  });
});

/**
 * A member published without `memberSince` (optional in the feed schema) gets a badge without the year's line,
 * smaller than the loading state's twin wherever the text, not `--ra-badge-height`, sets the height (size="small",
 * a partner's smaller `--ra-badge-height`): the twin stays under the badge, or the page below would move.
 */
const feedUrl = 'https://feeds.example.org/members-no-since.json';
const undated = { id: 'sans-date', name: 'Sans Date SA', status: 'active', domains: ['sans-date.example'] };

async function holdSignedFeed(memberSince?: string): Promise<() => void> {
  const feed = await signedFeed([{ ...undated, ...(memberSince && { memberSince }) }]);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async () => {
    await released;
    return new Response(JSON.stringify(feed), { headers: { 'content-type': 'application/json' } });
  };
  return release;
}

describe('<ra-member-badge> for a member without memberSince', () => {
  const cases: { name: string; size?: 'small'; style?: string; memberSince?: string }[] = [
    { name: 'size="small"', size: 'small' },
    { name: 'a partner’s --ra-badge-height: 2em', style: '--ra-badge-height: 2em' },
    { name: 'size="small", with memberSince (control)', size: 'small', memberSince: '2020' },
    {
      name: '--ra-badge-height: 2em, with memberSince (control)',
      style: '--ra-badge-height: 2em',
      memberSince: '2020',
    },
  ];
  for (const { name, size, style, memberSince } of cases) {
    it(`keeps its height when the verified badge arrives (${name})`, async () => {
      const release = await holdSignedFeed(memberSince);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 375px">
          <ra-member-badge
            size=${size ?? 'medium'}
            style=${style ?? ''}
            member=${undated.id}
            feed=${feedUrl}
            .pageHost=${'www.sans-date.example'}
            .clock=${() => NOW}
          >
            <a href="https://www.reseau-alliances.org/membres/${undated.id}">Adhérent Réseau Alliances</a>
          </ra-member-badge>
        </div>`,
      );
      const el = wrapper.querySelector('ra-member-badge') as RaMemberBadge;
      await el.updateComplete;
      const loading = Math.round(el.getBoundingClientRect().height);
      expect(loading).to.be.greaterThan(0);
      release();
      await waitUntil(() => el.shadowRoot!.querySelector('a[part="badge"]'), 'the badge never showed');
      expect(Math.round(el.getBoundingClientRect().height)).to.equal(loading);
    });
  }
});
