/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { makeEvent, paris } from '../../../test/helpers/agenda-event.js';
import type { AgendaEvent, Feed } from '../../feed/model.js';
import type { RaAgenda } from './agenda.js';
import './define.js';

const NOW = '2020-09-01T08:00:00+02:00';

/** A first screen's worth and more: twelve events, one a day, in a variety of shapes (programme, badges). */
const events: AgendaEvent[] = Array.from({ length: 12 }, (_, i) => {
  const start = new Date(paris('2020-09-02', '09:00').getTime() + i * 86_400_000);
  return makeEvent({
    id: `rencontre-${i}`,
    name: `Rencontre des entreprises engagées n° ${i + 1}`,
    start,
    end: new Date(start.getTime() + 2 * 3_600_000),
    categories: [i % 2 ? 'atelier' : 'club'],
    programme: i % 3 ? 'Cycle Habiter' : undefined,
    membersOnly: i % 4 === 0,
  });
});

const feed: Feed = { version: 1, events, members: [], issues: [] };

/** The phone and laptop screens of the issue: the agenda starts at the top of the viewport. */
const screens = [
  { width: 375, height: 740 },
  { width: 1280, height: 800 },
] as const;

afterEach(() => fixtureCleanup());

async function agendaAt(width: number, attributes: Record<string, string> = {}): Promise<RaAgenda> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px; margin: 0; padding: 0"></div>`,
  );
  const el = document.createElement('ra-agenda');
  el.setAttribute('now', NOW);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Where the agenda's pieces sit, from its top, and how much of the first screen it fills. */
function geometry(el: RaAgenda, screenHeight: number) {
  const top = el.getBoundingClientRect().top;
  const root = el.shadowRoot!;
  const box = (selector: string) => {
    const rect = root.querySelector(selector)!.getBoundingClientRect();
    return { top: rect.top - top, height: rect.height };
  };
  return {
    bar: box('.filters'),
    status: box('[part="status"]'),
    list: box('[part="list"]'),
    firstScreen: Math.min(el.getBoundingClientRect().height, screenHeight),
  };
}

describe('<ra-agenda> first screen', () => {
  for (const { width, height } of screens) {
    it(`keeps the skeleton's boxes when the events arrive, at ${width} × ${height}`, async () => {
      const el = await agendaAt(width);
      const loading = geometry(el, height);
      el.feed = feed;
      await el.updateComplete;
      const loaded = geometry(el, height);
      const near = (a: number, b: number) => expect(Math.abs(a - b)).to.be.at.most(3, `${a} against ${b}`);
      near(loading.bar.top, loaded.bar.top);
      near(loading.bar.height, loaded.bar.height);
      near(loading.status.top, loaded.status.top);
      near(loading.list.top, loaded.list.top);
      near(loading.firstScreen, loaded.firstScreen);
    });

    it(`shows an event's title and date without scrolling, filters included, at ${width} × ${height}`, async () => {
      const el = await agendaAt(width);
      el.feed = feed;
      await el.updateComplete;
      const top = el.getBoundingClientRect().top;
      const card = el.shadowRoot!.querySelector('article')!;
      for (const part of ['.title', '[part="time"]']) {
        const rect = card.querySelector(part)!.getBoundingClientRect();
        expect(rect.height).to.be.greaterThan(0);
        expect(rect.bottom - top).to.be.at.most(height, part);
      }
    });
  }

  it('lets a partner reserve the height with --ra-agenda-min-height', async () => {
    const el = await agendaAt(375);
    el.style.setProperty('--ra-agenda-min-height', '3000px');
    expect(el.getBoundingClientRect().height).to.equal(3000);
  });

  it('hides the skeleton from assistive technology and says it is loading', async () => {
    const el = await agendaAt(375);
    const status = el.shadowRoot!.querySelector('[part="status"]')!;
    expect(status.textContent?.trim()).to.equal('Chargement de l’agenda…');
    await expect(el).to.be.accessible();
  });
});

describe('<ra-agenda> compact filter bar', () => {
  async function loaded(): Promise<RaAgenda> {
    const el = await agendaAt(375);
    el.feed = feed;
    await el.updateComplete;
    return el;
  }

  const panel = (el: RaAgenda) => el.shadowRoot!.querySelector<HTMLElement>('[part="filter-panel"]')!;
  const toggle = (el: RaAgenda) =>
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="filters-button"]')!;

  it('keeps the filters behind a collapsed "Filtres" button', async () => {
    const el = await loaded();
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(toggle(el).getAttribute('aria-controls')).to.equal(panel(el).id);
    expect(panel(el).hidden).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens the filters from the keyboard', async () => {
    const el = await loaded();
    toggle(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => panel(el).querySelector('select'), 'the filter panel did not open');
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
    expect(panel(el).hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('counts the filters that are on in the button', async () => {
    const el = await loaded();
    toggle(el).click();
    await waitUntil(() => panel(el).querySelector('button'), 'the filter panel did not open');
    const chip = [...panel(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Atelier'))!;
    chip.click();
    await el.updateComplete;
    expect(toggle(el).textContent?.replace(/\s+/g, ' ').trim()).to.equal('Filtres (1)');
  });
});
