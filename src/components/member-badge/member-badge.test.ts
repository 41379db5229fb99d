import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '../../feed/loader.js';
import type { RaFeedErrorEvent } from '../../internal/events.js';
import type { RaMemberBadge } from './member-badge.js';
import { isAllowedHost } from './member-badge.js';
import { badgeSnippet } from './snippet.js';
import './define.js';

const feedUrl = 'https://feeds.example.org/members.json';
const feed = {
  version: 1,
  events: [],
  members: [
    {
      id: 'etika-spirulina',
      name: 'Etika Spirulina',
      status: 'active',
      memberSince: '2020-05',
      url: 'https://www.reseau-alliances.org/membres/etika-spirulina',
      domains: ['etika-spirulina.example'],
    },
    { id: 'plume-sas', name: 'Plume SAS', status: 'active', memberSince: '2020' },
    { id: 'ancien-membre', name: 'Ancien Membre', status: 'lapsed', memberSince: '2015' },
  ],
};

const realFetch = window.fetch;
let requests = 0;

function serveFeed(body: unknown = feed, status = 200): void {
  window.fetch = async () => {
    requests += 1;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

function failNetwork(): void {
  window.fetch = async () => {
    requests += 1;
    throw new TypeError('Failed to fetch');
  };
}

async function badge(
  template = html`<ra-member-badge member="plume-sas" feed=${feedUrl}>
    <a href="https://www.reseau-alliances.org/">Adhérent Réseau Alliances</a>
  </ra-member-badge>`,
): Promise<RaMemberBadge> {
  const element = await fixture<RaMemberBadge>(template);
  await waitUntil(() => shown(element), 'the badge never showed');
  return element;
}

function shown(element: RaMemberBadge): HTMLAnchorElement | null {
  return element.shadowRoot!.querySelector('a[part="badge"]');
}

describe('<ra-member-badge>', () => {
  let warnings: unknown[][];
  const realWarn = console.warn;

  beforeEach(() => {
    clearFeedCache();
    requests = 0;
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    serveFeed();
  });

  afterEach(() => {
    window.fetch = realFetch;
    console.warn = realWarn;
    clearFeedCache();
  });

  it('shows an active member the full badge with the year its membership began', async () => {
    const element = await badge();
    const link = shown(element)!;
    expect(link.textContent).to.match(/Adhérent Réseau Alliances\s+depuis 2020/);
    await expect(element).to.be.accessible();
  });

  it("links to the member's page on the network's site", async () => {
    const element = await badge(
      html`<ra-member-badge member="etika-spirulina" feed=${feedUrl}></ra-member-badge>`,
    );
    expect(shown(element)!.href).to.equal('https://www.reseau-alliances.org/membres/etika-spirulina');
  });

  it("links to the network's site when the member has no page", async () => {
    const element = await badge();
    expect(shown(element)!.href).to.equal('https://www.reseau-alliances.org/');
  });

  it('names the member after the visible text for screen readers', async () => {
    const element = await badge();
    expect(shown(element)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Adhérent Réseau Alliances depuis 2020 : Plume SAS, voir sa fiche sur le site du réseau',
    );
  });

  it('shows a short title without the year in the compact variant', async () => {
    const element = await badge(
      html`<ra-member-badge member="plume-sas" feed=${feedUrl} variant="compact"></ra-member-badge>`,
    );
    expect(shown(element)!.querySelector('[part="title"]')!.textContent).to.equal('Adhérent');
    expect(shown(element)!.querySelector('[part="since"]')).to.be.null;
    await expect(element).to.be.accessible();
  });

  it('shows only the labelled mark in the icon variant', async () => {
    const element = await badge(
      html`<ra-member-badge member="plume-sas" feed=${feedUrl} variant="icon"></ra-member-badge>`,
    );
    const link = shown(element)!;
    expect(link.textContent!.trim()).to.equal('');
    expect(link.querySelector('svg[part="mark"]')).to.exist;
    expect(link.getAttribute('aria-label')).to.contain('Plume SAS');
    await expect(element).to.be.accessible();
  });

  it('reflects its size so the page can style it', async () => {
    const element = await badge(
      html`<ra-member-badge member="plume-sas" feed=${feedUrl} size="large"></ra-member-badge>`,
    );
    expect(element.getAttribute('size')).to.equal('large');
    expect(shown(element)!.getBoundingClientRect().height).to.be.greaterThan(60);
  });

  it('takes dark colours with theme="dark"', async () => {
    const element = await badge(
      html`<ra-member-badge member="plume-sas" feed=${feedUrl} theme="dark"></ra-member-badge>`,
    );
    expect(getComputedStyle(shown(element)!).backgroundColor).to.equal('rgb(22, 32, 31)');
    await expect(element).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const element = await badge(
      html`<ra-member-badge member="plume-sas" feed=${feedUrl} lang="en"></ra-member-badge>`,
    );
    expect(shown(element)!.textContent).to.match(/Réseau Alliances member\s+since 2020/);
    await expect(element).to.be.accessible();
  });

  it('shows nothing for a lapsed member, and warns the site owner', async () => {
    const element = await fixture<RaMemberBadge>(
      html`<ra-member-badge member="ancien-membre" feed=${feedUrl}>
        <a href="https://www.reseau-alliances.org/">Adhérent Réseau Alliances</a>
      </ra-member-badge>`,
    );
    await waitUntil(() => warnings.length > 0);
    expect(shown(element)).to.be.null;
    expect(element.shadowRoot!.querySelector('slot')).to.be.null;
    // A block host: it takes the line's width and no height, so it takes no room.
    expect(element.getBoundingClientRect().height).to.equal(0);
    expect(String(warnings[0][0])).to.contain('not active');
  });

  it('shows nothing for an unknown member, and warns the site owner', async () => {
    const element = await fixture<RaMemberBadge>(
      html`<ra-member-badge member="inconnu" feed=${feedUrl}></ra-member-badge>`,
    );
    await waitUntil(() => warnings.length > 0);
    expect(shown(element)).to.be.null;
    expect(String(warnings[0][0])).to.contain('no member "inconnu"');
  });

  it("shows nothing on a site outside the member's domains", async () => {
    const element = await fixture<RaMemberBadge>(
      html`<ra-member-badge
        member="etika-spirulina"
        feed=${feedUrl}
        .pageHost=${'copieur.example'}
      ></ra-member-badge>`,
    );
    await waitUntil(() => warnings.length > 0);
    expect(shown(element)).to.be.null;
    expect(String(warnings[0][0])).to.contain('copieur.example');
  });

  it("shows the badge on a subdomain of the member's domain", async () => {
    const element = await badge(
      html`<ra-member-badge
        member="etika-spirulina"
        feed=${feedUrl}
        .pageHost=${'www.etika-spirulina.example'}
      ></ra-member-badge>`,
    );
    expect(shown(element)).to.exist;
  });

  it('shows the fallback link when the feed cannot be reached', async () => {
    failNetwork();
    const element = await fixture<RaMemberBadge>(
      html`<ra-member-badge member="plume-sas" feed=${feedUrl}>
        <a href="https://www.reseau-alliances.org/">Adhérent Réseau Alliances</a>
      </ra-member-badge>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('slot'), 'fallback slot', { timeout: 8000 });
    const slot = element.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Adhérent Réseau Alliances');
    await expect(element).to.be.accessible();
  });

  it('fires ra-feed-error naming the feed it could not read', async () => {
    serveFeed('', 404);
    const realError = console.error;
    console.error = () => undefined;
    let fired: RaFeedErrorEvent | undefined;
    try {
      await fixture(
        html`<ra-member-badge
          member="plume-sas"
          feed=${feedUrl}
          @ra-feed-error=${(event: RaFeedErrorEvent) => (fired = event)}
        ></ra-member-badge>`,
      );
      await waitUntil(() => fired, 'no ra-feed-error');
    } finally {
      console.error = realError;
    }
    expect(fired!.url).to.equal(feedUrl);
  });

  it('renders from the cached feed when offline', async () => {
    const absolute = new URL(feedUrl, document.baseURI).href;
    localStorage.setItem(
      `ra-feed:v1:${absolute}`,
      JSON.stringify({ text: JSON.stringify(feed), fetchedAt: Date.now() }),
    );
    failNetwork();
    const element = await badge();
    expect(shown(element)).to.exist;
  });

  it('shares one request between badges on the same page', async () => {
    const container = await fixture(
      html`<div>
        <ra-member-badge member="plume-sas" feed=${feedUrl}></ra-member-badge>
        <ra-member-badge member="etika-spirulina" feed=${feedUrl}></ra-member-badge>
      </div>`,
    );
    const badges = [...container.querySelectorAll('ra-member-badge')];
    await waitUntil(() => badges.every((element) => shown(element)));
    expect(requests).to.equal(1);
  });
});

describe('isAllowedHost', () => {
  it('allows any host when the member declares no domain', () => {
    expect(isAllowedHost('anything.example', [])).to.be.true;
  });

  it('allows local development hosts', () => {
    expect(isAllowedHost('localhost', ['member.example'])).to.be.true;
    expect(isAllowedHost('127.0.0.1', ['member.example'])).to.be.true;
  });

  it('refuses a host that only ends with the domain name', () => {
    expect(isAllowedHost('evilmember.example', ['member.example'])).to.be.false;
  });
});

describe('badge snippet', () => {
  const snippet = badgeSnippet({
    member: 'plume-sas',
    memberName: 'Plume <SAS>',
    feed: 'https://www.reseau-alliances.org/feed.json',
    scriptSrc: 'https://cdn.example.org/ra-member-badge.js',
    href: 'https://www.reseau-alliances.org/',
    variant: 'compact',
  });

  it('holds the script, the tag and its attributes', () => {
    expect(snippet).to.contain(
      '<script type="module" src="https://cdn.example.org/ra-member-badge.js"></script>',
    );
    expect(snippet).to.contain(
      '<ra-member-badge member="plume-sas" feed="https://www.reseau-alliances.org/feed.json" variant="compact">',
    );
  });

  it('escapes what it copies from the feed', () => {
    expect(snippet).to.contain('Plume &lt;SAS&gt;');
  });

  it('shows visitors without JavaScript a plain link to the network', async () => {
    // An element that is never defined is what a visitor without JavaScript gets.
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML = snippet
      .replace(/ra-member-badge/g, 'ra-member-badge-without-js')
      .replace(/<script.*<\/script>/, '');
    const link = container.querySelector('a')!;
    expect(link.textContent).to.contain('Adhérent Réseau Alliances');
    expect(link.href).to.equal('https://www.reseau-alliances.org/');
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(container).to.be.accessible();
  });
});
