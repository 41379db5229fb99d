/**
 * Network faults in the browser, for every widget: a feed that times out, answers 500 or 404, sends an HTML page or
 * truncated JSON, is slow, is unreachable with and without a copy stored by an earlier visit, or changes while the
 * page is open. Each widget shows a state the reader understands (checked with axe), says why on `ra-feed-error`,
 * and never shows less than it has.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { clearFeedCache } from '../src/feed/loader.js';
import type { FeedErrorReason } from '../src/feed/document.js';
import { RaFeedErrorEvent } from '../src/internal/events.js';
import { NOW as SIGNED_NOW, signedFeed } from './helpers/signed-members.js';
import '../src/components/agenda/define.js';
import '../src/components/event-card/define.js';
import '../src/components/member-badge/define.js';
import '../src/components/registration-form/define.js';

const NOW = '2020-09-01T08:00:00+02:00';
const EVENT_ID = 'intrapreneuriat-social-sobizhub-2020-11-05';
const EVENT_NAME = 'Atelier intrapreneuriat social';
const MEMBER_NAME = 'Mandarine Gestion';

type Json = Record<string, unknown> & { events: Json[]; members: Json[] };
let sample: Json;
let sampleText = '';

const realFetch = window.fetch;
const realSetTimeout = window.setTimeout;
let counter = 0;

/** The sample with its members signed by the development key, as the network publishes them for badges. */
async function signed(feed: Json): Promise<Json> {
  return { ...feed, membersSignature: (await signedFeed(feed.members)).membersSignature };
}

before(async () => {
  sample = await signed(JSON.parse(await (await realFetch('/test/fixtures/feed-small.json')).text()) as Json);
  sampleText = JSON.stringify(sample);
});

beforeEach(() => {
  // The loader waits 10 000 ms before giving up and a jittered (fractional) 375–1 500 ms between retries: here it gives
  // up after 1 s (still longer than any answer a test means to arrive: the slow feed's 300 ms) and retries at once,
  // so a timeout is a timeout without a test that lasts one. Every other timer (rendering, debounce, the test
  // helpers' own) keeps its delay.
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
    const wait = delay === 10_000 ? 1_000 : delay !== undefined && !Number.isInteger(delay) ? 0 : delay;
    return realSetTimeout(handler, wait, ...rest);
  }) as typeof setTimeout;
});

afterEach(() => {
  fixtureCleanup();
  window.fetch = realFetch;
  window.setTimeout = realSetTimeout;
  clearFeedCache();
});

/** A fresh URL per test: the loader keeps one request per URL for the page's lifetime. */
function freshUrl(): string {
  counter += 1;
  return new URL(`/network-faults/feed-${counter}.json`, location.href).href;
}

type Answer = (signal: AbortSignal) => Response | Promise<Response>;

/** Answers requests for this test's URL; an earlier test's retries still running get a network error. */
function stubFetch(url: string, answer: Answer): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== url) throw new TypeError('Failed to fetch');
    return answer(init?.signal ?? new AbortController().signal);
  };
}

const json = (text: string) => new Response(text, { headers: { 'Content-Type': 'application/json' } });

function storeCopy(url: string, text: string): void {
  localStorage.setItem(`ra-feed:v1:${url}`, JSON.stringify({ text, etag: '"v1"', fetchedAt: 0 }));
}

const faults: { name: string; reason: FeedErrorReason; answer: Answer }[] = [
  {
    name: 'a feed that never answers (timeout)',
    reason: 'timeout',
    answer: (signal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
  },
  { name: 'HTTP 500', reason: 'http', answer: () => new Response('Server error', { status: 500 }) },
  { name: 'HTTP 404', reason: 'http', answer: () => new Response('Not found', { status: 404 }) },
  {
    name: 'an HTML page instead of JSON',
    reason: 'html',
    answer: () =>
      new Response('<!doctype html><title>Maintenance</title>', { headers: { 'Content-Type': 'text/html' } }),
  },
  {
    name: 'truncated JSON',
    reason: 'not-json',
    answer: () => json(sampleText.slice(0, sampleText.length / 2)),
  },
  {
    name: 'no network and no stored copy',
    reason: 'network',
    answer: () => {
      throw new TypeError('Failed to fetch');
    },
  },
];

interface Widget {
  tag: string;
  mount(url: string): TemplateResult;
  /** The feed's content is on screen; `name` is what the feed calls the widget's event or member. */
  shows(el: HTMLElement, name: string): boolean;
  /** The widget's failure state is on screen. */
  failed(el: HTMLElement): boolean;
}

/** What the feed calls the widget's event or member. */
const nameIn = (widget: { tag: string }) => (widget.tag === 'ra-member-badge' ? MEMBER_NAME : EVENT_NAME);

const shadowText = (el: HTMLElement) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

const widgets: Widget[] = [
  {
    tag: 'ra-agenda',
    mount: (url) => html`<ra-agenda feed=${url} now=${NOW} limit="20"></ra-agenda>`,
    shows: (el, name) => shadowText(el).includes(name),
    failed: (el) => el.shadowRoot!.querySelector('[part~="error"]') !== null,
  },
  {
    tag: 'ra-event-card',
    mount: (url) =>
      html`<ra-event-card feed=${url} event-id=${EVENT_ID} now=${NOW} no-jsonld></ra-event-card>`,
    shows: (el, name) => shadowText(el).includes(name),
    failed: (el) => el.shadowRoot!.querySelector('[role="alert"]') !== null,
  },
  {
    tag: 'ra-registration-form',
    mount: (url) => html`<ra-registration-form feed=${url} event-id=${EVENT_ID}></ra-registration-form>`,
    // The form, or what the feed decides instead of it (registration closed, full…): not a loading or error state.
    shows: (el) => el.shadowRoot!.querySelector('form, [part~="message"][role="status"]') !== null,
    failed: (el) => el.shadowRoot!.querySelector('[role="alert"]') !== null,
  },
  {
    tag: 'ra-member-badge',
    mount: (url) =>
      html`<ra-member-badge
        feed=${url}
        member="mandarine-gestion"
        .pageHost=${'mandarine.example.com'}
        .clock=${() => SIGNED_NOW}
      >
        <a href="https://reseau-alliances.example/">Membre du Réseau Alliances</a>
      </ra-member-badge>`,
    shows: (el, name) =>
      shadowText(el).includes(name) ||
      el.shadowRoot!.querySelector('[part~="badge"]')?.getAttribute('aria-label')?.includes(name) === true,
    // Unverifiable is not refused: the member's own markup (the slot's fallback) shows.
    failed: (el) => el.shadowRoot!.querySelector('slot') !== null,
  },
];

async function mount(widget: Widget, url: string): Promise<{ el: HTMLElement; errors: RaFeedErrorEvent[] }> {
  const errors: RaFeedErrorEvent[] = [];
  const wrapper = await fixture<HTMLElement>(
    html`<div lang="fr" @ra-feed-error=${(e: RaFeedErrorEvent) => errors.push(e)}>${widget.mount(url)}</div>`,
  );
  return { el: wrapper.querySelector<HTMLElement>(widget.tag)!, errors };
}

for (const widget of widgets) {
  describe(`${widget.tag} and network faults`, () => {
    for (const fault of faults) {
      it(`says why on ra-feed-error for ${fault.name} (${fault.reason})`, async () => {
        const url = freshUrl();
        stubFetch(url, fault.answer);
        const { errors } = await mount(widget, url);
        // A timeout takes a second here (not 10 000 ms: the stub above shortens that delay, whoever asks for it).
        await waitUntil(() => errors.length > 0, `no ra-feed-error for ${fault.name}`, { timeout: 8_000 });
        expect((errors[0]!.error as { reason?: string }).reason).to.equal(fault.reason);
      });

      it(`shows its failure state, accessibly, for ${fault.name}`, async () => {
        const url = freshUrl();
        stubFetch(url, fault.answer);
        const { el } = await mount(widget, url);
        await waitUntil(() => widget.failed(el), `no failure state for ${fault.name}`, { timeout: 8_000 });
        await expect(el).to.be.accessible();
      });
    }

    it('shows a loading state, accessibly, while the feed is slow', async () => {
      let answer: (() => void) | undefined;
      const url = freshUrl();
      stubFetch(url, () => new Promise((resolve) => (answer = () => resolve(json(sampleText)))));
      const { el } = await mount(widget, url);
      await waitUntil(() => answer !== undefined);
      expect([widget.shows(el, nameIn(widget)), widget.failed(el)]).to.deep.equal([false, false]);
      await expect(el).to.be.accessible();
      answer!();
    });

    it('shows the feed once the slow answer arrives', async () => {
      const url = freshUrl();
      stubFetch(url, () => new Promise((resolve) => realSetTimeout(() => resolve(json(sampleText)), 300)));
      const { el } = await mount(widget, url);
      const name = nameIn(widget);
      await waitUntil(() => widget.shows(el, name), 'the slow feed never showed');
    });

    it('shows the stored copy when the network is down', async () => {
      const url = freshUrl();
      storeCopy(url, sampleText);
      stubFetch(url, () => {
        throw new TypeError('Failed to fetch');
      });
      const { el, errors } = await mount(widget, url);
      const name = nameIn(widget);
      await waitUntil(() => widget.shows(el, name), 'the stored copy did not show');
      expect([widget.failed(el) && widget.tag !== 'ra-member-badge', errors.length]).to.deep.equal([
        false,
        0,
      ]);
    });

    if (widget.tag !== 'ra-registration-form') {
      it('follows a feed that changes while the page is open', async () => {
        const url = freshUrl();
        storeCopy(url, sampleText);
        let answer!: () => void;
        const newer = structuredClone(sample);
        if (widget.tag === 'ra-member-badge') newer.members[0]!.name = `${MEMBER_NAME} SAS`;
        else newer.events.find((event) => event.id === EVENT_ID)!.name = `${EVENT_NAME} (nouvelle date)`;
        const newerText = JSON.stringify(await signed(newer));
        stubFetch(url, () => new Promise((resolve) => (answer = () => resolve(json(newerText)))));
        const { el } = await mount(widget, url);
        const renamed =
          widget.tag === 'ra-member-badge' ? `${MEMBER_NAME} SAS` : `${EVENT_NAME} (nouvelle date)`;
        await waitUntil(() => answer !== undefined);
        answer();
        await waitUntil(() => widget.shows(el, renamed), 'the newer feed did not show');
      });
    }
  });
}

describe('ra-agenda when its feed changes while the page is open', () => {
  async function openAgenda() {
    const url = freshUrl();
    storeCopy(url, sampleText);
    let answer!: () => void;
    const newer = structuredClone(sample);
    newer.events.find((event) => event.id === EVENT_ID)!.name = `${EVENT_NAME} (nouvelle salle)`;
    stubFetch(url, () => new Promise((resolve) => (answer = () => resolve(json(JSON.stringify(newer))))));
    const wrapper = await fixture<HTMLElement>(
      html`<div style="padding-block-end: 200vh">
        <div style="block-size: 150vh"></div>
        <ra-agenda feed=${url} now=${NOW} limit="20"></ra-agenda>
      </div>`,
    );
    const el = wrapper.querySelector('ra-agenda')!;
    await waitUntil(() => shadowText(el).includes(EVENT_NAME));
    return { el, update: () => answer() };
  }

  it('keeps the reader’s search', async () => {
    const { el, update } = await openAgenda();
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'intrapreneuriat';
    search.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part~="item"]').length === 1,
      'the search did not apply',
    );
    update();
    await waitUntil(() => shadowText(el).includes('(nouvelle salle)'), 'the newer feed did not show');
    expect([search.value, el.shadowRoot!.querySelectorAll('[part~="item"]').length]).to.deep.equal([
      'intrapreneuriat',
      1,
    ]);
  });

  it('keeps the reader’s scroll position', async () => {
    const { el, update } = await openAgenda();
    window.scrollTo(0, 300);
    const before = window.scrollY;
    update();
    await waitUntil(() => shadowText(el).includes('(nouvelle salle)'), 'the newer feed did not show');
    expect(window.scrollY).to.equal(before);
  });
});
