/**
 * Feeds are untrusted: every string of a feed filled with DOMPurify's XSS corpus, hostile URLs and broken
 * structures, read through the whole pipeline (fetch → parse → normalize → agenda, details expanded). Nothing may
 * run, nothing may reach an href or src but http(s), mailto and tel, and the valid events still render.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '../src/feed/loader.js';
import { installXssCanary, loadXssCorpus, type XssCorpus } from './helpers/xss.js';
import type { RaAgenda } from '../src/components/agenda/agenda.js';
import '../src/components/agenda/define.js';

const hostileUrls = [
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  'https://ok.example/"><script>alert(1)</script>',
];

/** One event per payload, the payload in every text field; every few events a hostile URL too. */
function poisonedFeed(payloads: string[]): unknown {
  return {
    version: 1,
    events: payloads.map((payload, index) => ({
      id: `evenement-${index}`,
      name: payload,
      summary: payload,
      description: payload,
      startDate: '2020-10-01T09:00:00+02:00',
      endDate: '2020-10-01T12:00:00+02:00',
      programme: payload,
      restriction: payload,
      membersOnly: index % 2 === 0,
      audience: [{ audienceType: payload }],
      location: {
        '@type': 'Place',
        name: payload,
        address: { streetAddress: payload, addressLocality: payload },
      },
      partners: [{ name: payload }],
      contact: { name: payload, telephone: payload },
      image: { url: 'https://images.example/photo.jpg', alt: payload },
      registration: { mode: 'external', url: 'https://inscriptions.example/form' },
      ...(index % 10 === 0 ? { url: hostileUrls[(index / 10) % hostileUrls.length] } : {}),
    })),
  };
}

function allElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [
    element,
    ...(element.shadowRoot ? allElements(element.shadowRoot) : []),
  ]);
}

const safeHref = /^(https?:|mailto:|tel:|blob:|#)/i;

describe('a poisoned feed', () => {
  const realFetch = window.fetch;
  const realWarn = console.warn;
  let corpus: XssCorpus;
  let removeCanary: () => void;
  let el: RaAgenda;
  let skipped = 0;

  before(async () => {
    corpus = await loadXssCorpus(realFetch);
    removeCanary = installXssCanary();
    console.warn = (...args: unknown[]) => {
      if (String(args[0]).includes('skipped')) skipped += 1;
    };
    clearFeedCache();
    const body = JSON.stringify(poisonedFeed(corpus.items.map((item) => item.payload)));
    window.fetch = async () => new Response(body, { headers: { 'Content-Type': 'application/json' } });
    // Kept for the whole describe (a fixture would be removed after the first test).
    el = document.createElement('ra-agenda');
    el.setAttribute('feed', '/poisoned/feed.json');
    el.setAttribute('now', '2020-09-01T09:00:00+02:00');
    el.setAttribute('limit', '500');
    document.body.append(el);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="card"]').length > 0, 'no card rendered', {
      timeout: 10000,
    });
    // The first screen comes first; the update completes with the rest of the cards.
    await el.updateComplete;
    for (const button of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="details-button"]'))
      button.click();
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part~="description"]').length > 0,
      'no description rendered',
      { timeout: 10000 },
    );
  });

  after(() => {
    el.remove();
    removeCanary();
    window.fetch = realFetch;
    console.warn = realWarn;
    clearFeedCache();
  });

  it('renders every event whose URLs are acceptable, and skips the others', () => {
    const cards = el.shadowRoot!.querySelectorAll('[part~="card"]').length;
    const withHostileUrl = corpus.items.filter((_, index) => index % 10 === 0).length;
    // The one hostile entry that is a valid https URL ("…\"><script>…") stays: it is only ever an attribute value.
    expect(cards).to.be.within(
      corpus.items.length - withHostileUrl,
      corpus.items.length - withHostileUrl + 3,
    );
  });

  it('runs none of the payloads', () => {
    expect(window.__xss).to.equal(undefined);
  });

  it('puts no event-handler attribute anywhere in the widget', () => {
    const handlers = allElements(el.shadowRoot!).flatMap((element) =>
      [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((a) => a.name),
    );
    expect(handlers).to.deep.equal([]);
  });

  it('creates no script, frame, object, form, style or base element from feed content', () => {
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="card"]')];
    const found = cards
      .flatMap(allElements)
      .filter((element) =>
        ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'style', 'base', 'meta', 'link'].includes(
          element.localName,
        ),
      );
    expect(found.map((element) => element.localName)).to.deep.equal([]);
  });

  it('lets only http(s), mailto and tel URLs into links and images', () => {
    const urls = allElements(el.shadowRoot!).flatMap((element) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href']
        .map((name) => element.getAttribute(name))
        .filter((value): value is string => value !== null),
    );
    expect(urls.filter((url) => !safeHref.test(url.trim()))).to.deep.equal([]);
  });

  it('publishes JSON-LD that cannot close its script element', async () => {
    // Built in idle time, after the first screen: 500 cards' worth on a busy machine may take a few seconds.
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'no JSON-LD', {
      timeout: 10000,
    });
    const scripts = el.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    expect(scripts[0]!.textContent).not.to.match(/<\/script/i);
    expect(() => JSON.parse(scripts[0]!.textContent!)).not.to.throw();
  });

  it('reports each skipped event in the console', () => {
    expect(skipped).to.be.greaterThan(0);
  });
});

describe('a document that is not a feed', () => {
  const realFetch = window.fetch;
  const realError = console.error;

  afterEach(() => {
    window.fetch = realFetch;
    console.error = realError;
    clearFeedCache();
  });

  const documents: [string, string, string][] = [
    ['an HTML error page', '<!doctype html><title>502 Bad Gateway</title>', 'text/html'],
    ['truncated JSON', '{"version": 1, "events": [{"id": "a"', 'application/json'],
    ['a JSON array', '[1, 2, 3]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['a version 2 feed', '{"version": 2, "events": []}', 'application/json'],
    [
      'events that are not a list',
      '{"version": 1, "events": {"__proto__": {"polluted": true}}}',
      'application/json',
    ],
  ];

  for (const [what, body, type] of documents) {
    it(`shows a friendly message for ${what}, and the precise reason in the console`, async () => {
      const logged: string[] = [];
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      window.fetch = async () => new Response(body, { headers: { 'Content-Type': type } });
      const url = `/not-a-feed/${encodeURIComponent(what)}.json`;
      const el = await fixture<RaAgenda>(`<ra-agenda feed="${url}"></ra-agenda>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error state', {
        timeout: 10000,
      });
      expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.match(/Impossible de charger/);
      expect(logged.join('\n')).to.contain(new URL(url, location.href).href);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      await expect(el).to.be.accessible();
    });
  }
});
