/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadFeed } from '../../feed/loader.js';
import { holdSampleFeed, restoreFetch, sampleFeedUrl, sampleNow } from '../../../test/helpers/sample-feed.js';
import type { RaEventCard } from './event-card.js';
import type { CardLayout } from './event-card.template.js';
import './define.js';

/** The phone and laptop widths of issue 10: the card's own width decides its layout, not the window's. */
const widths = [375, 1280];

/**
 * How far the skeleton may be from the typical card: a few pixels in Chromium and Firefox, whose typical cards the
 * defaults are (Core Web Vitals are Chromium's field data); WebKit breaks the same texts into fewer lines (its
 * typical card is 18 px shorter at 375 px), so one line of the card's text.
 */
const lineTolerance = 24;

afterEach(() => restoreFetch());

/** A card of the sample feed as a partner pastes it. */
async function card(width: number, eventId: string, layout: CardLayout = 'list'): Promise<RaEventCard> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width}px">
      <ra-event-card
        feed=${sampleFeedUrl}
        event-id=${eventId}
        layout=${layout}
        now=${sampleNow}
      ></ra-event-card>
    </div>`,
  );
  const el = wrapper.querySelector('ra-event-card')!;
  await el.updateComplete;
  return el;
}

/**
 * The height of the sample feed's typical card (the median of all its events' cards) at `width`. Cards differ by
 * their texts: the skeleton can only take the typical one's place; `--ra-card-min-height` takes a known card's.
 */
async function typicalCardHeight(width: number, layout: CardLayout): Promise<number> {
  const feed = await loadFeed(sampleFeedUrl);
  const heights: number[] = [];
  for (const event of feed.events) {
    const el = await card(width, event.id, layout);
    await waitUntil(() => el.shadowRoot!.querySelector('article'), `no card for ${event.id}`);
    heights.push(el.getBoundingClientRect().height);
  }
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)]!;
}

describe('<ra-event-card> first screen', () => {
  for (const layout of ['list', 'compact', 'grid'] as const) {
    for (const width of widths) {
      it(`shows a skeleton as tall as the sample feed's typical ${layout} card, ${width} px wide`, async () => {
        const { release } = await holdSampleFeed();
        const el = await card(width, 'formation-management-mobilite-2020-09-29', layout);
        expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
        const skeleton = el.getBoundingClientRect().height;
        release();
        const typical = await typicalCardHeight(width, layout);
        expect(Math.abs(skeleton - typical)).to.be.at.most(
          lineTolerance,
          `skeleton ${skeleton} px, card ${typical} px`,
        );
      });
    }
  }

  it('lets a partner reserve the height with --ra-card-min-height', async () => {
    await holdSampleFeed();
    const el = await card(375, 'formation-management-mobilite-2020-09-29');
    el.style.setProperty('--ra-card-min-height', '700px');
    expect(el.getBoundingClientRect().height).to.equal(700);
  });

  it('says it is loading, to assistive technology too', async () => {
    await holdSampleFeed();
    const el = await card(375, 'formation-management-mobilite-2020-09-29');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal(
      'Chargement de l’événement…',
    );
    await expect(el).to.be.accessible();
  });
});
