/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { NOW, signedFeed } from '../../../test/helpers/signed-members.js';
import { clearFeedCache } from '../../feed/loader.js';
import type { RaMemberBadge } from './member-badge.js';
import './define.js';

/**
 * Regression (probe s4): the loading state's invisible twin always carries the "depuis <year>" line, but a member
 * published without `memberSince` (optional in the feed schema) gets a badge without it. Wherever the text, not
 * `--ra-badge-height`, sets the badge's height (size="small" at the default height, or a partner's smaller
 * `--ra-badge-height`), the box shrinks when the verified badge arrives and the page below moves (CLS).
 */
const feedUrl = 'https://feeds.example.org/members-no-since.json';
const member = { id: 'sans-date', name: 'Sans Date SA', status: 'active', domains: ['sans-date.example'] };

const realFetch = window.fetch;

async function holdSignedFeed(memberSince?: string): Promise<() => void> {
  const feed = await signedFeed([{ ...member, ...(memberSince && { memberSince }) }]);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async () => {
    await released;
    return new Response(JSON.stringify(feed), { headers: { 'content-type': 'application/json' } });
  };
  return release;
}

describe('<ra-member-badge> for a member without memberSince', () => {
  afterEach(() => {
    window.fetch = realFetch;
    clearFeedCache();
  });

  const cases: { name: string; size?: 'small'; style?: string; memberSince?: string }[] = [
    { name: 'size="small"', size: 'small' },
    { name: 'a partner’s --ra-badge-height: 2em', style: '--ra-badge-height: 2em' },
    // Controls: the same placements for a member with its year hold today.
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
            member=${member.id}
            feed=${feedUrl}
            .pageHost=${'www.sans-date.example'}
            .clock=${() => NOW}
          >
            <a href="https://www.reseau-alliances.org/membres/${member.id}">Adhérent Réseau Alliances</a>
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
