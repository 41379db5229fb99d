import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { EXPIRED, NOW, signedFeed } from '../../../test/helpers/signed-members.js';
import { clearFeedCache } from '../../feed/loader.js';
import type { RaFeedErrorEvent } from '../../internal/events.js';
import type { RaMemberBadge } from './member-badge.js';
import { badgeSnippet } from './snippet.js';
import './define.js';

const feedUrl = 'https://feeds.example.org/members.json';
const members = [
  {
    id: 'etika-spirulina',
    name: 'Etika Spirulina',
    status: 'active',
    memberSince: '2020-05',
    domains: ['etika-spirulina.example'],
  },
  { id: 'plume-sas', name: 'Plume SAS', status: 'active', memberSince: '2019', domains: ['plume.example'] },
  {
    id: 'ancien-membre',
    name: 'Ancien Membre',
    status: 'lapsed',
    memberSince: '2015',
    domains: ['ancien.example'],
  },
  { id: 'sans-domaine', name: 'Sans Domaine', status: 'active', memberSince: '2018' },
];
/** The fake feed of issue 16, as a page that is not a member's would publish it. */
const fakeFeed = {
  version: 1,
  events: [],
  members: [{ id: 'pas-adherent', name: 'Entreprise Pas Adhérente', memberSince: '2012', status: 'active' }],
};

let genuine: Record<string, unknown>;
let expired: Record<string, unknown>;

const realFetch = window.fetch;
let requests = 0;

function serveFeed(body: unknown = genuine, status = 200): void {
  window.fetch = async () => {
    requests += 1;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  };
}

function failNetwork(): void {
  window.fetch = async () => {
    requests += 1;
    throw new TypeError('Failed to fetch');
  };
}

interface Placement {
  member?: string;
  feed?: string;
  host?: string;
  variant?: 'full' | 'compact' | 'icon';
  size?: 'small' | 'medium' | 'large';
  theme?: 'light' | 'dark';
  lang?: 'fr' | 'en';
}

/** A badge as a member pastes it, on the member's own site, with the tests' clock. */
function place({
  member = 'etika-spirulina',
  feed = feedUrl,
  host = 'www.etika-spirulina.example',
  variant,
  size,
  theme,
  lang,
}: Placement = {}): Promise<RaMemberBadge> {
  return fixture<RaMemberBadge>(
    html`<ra-member-badge
      member=${member}
      feed=${feed}
      variant=${ifDefined(variant)}
      size=${ifDefined(size)}
      theme=${ifDefined(theme)}
      lang=${ifDefined(lang)}
      .pageHost=${host}
      .clock=${() => NOW}
    >
      <a href="https://www.reseau-alliances.org/membres/${member}">Adhérent Réseau Alliances</a>
    </ra-member-badge>`,
  );
}

/** `place(placement)`, once its verified badge shows. */
async function badge(placement?: Placement): Promise<RaMemberBadge> {
  const element = await place(placement);
  await waitUntil(() => shown(element), 'the badge never showed');
  return element;
}

function shown(element: RaMemberBadge): HTMLAnchorElement | null {
  return element.shadowRoot!.querySelector('a[part="badge"]');
}

function fallback(element: RaMemberBadge): HTMLSlotElement | null {
  return element.shadowRoot!.querySelector('slot');
}

describe('<ra-member-badge>', () => {
  let warnings: string[];
  let errors: unknown[][];
  const realWarn = console.warn;
  const realError = console.error;

  before(async () => {
    genuine = await signedFeed(members);
    expired = await signedFeed(members, EXPIRED);
  });

  beforeEach(() => {
    clearFeedCache();
    requests = 0;
    warnings = [];
    errors = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    // Every console.error fails the test that caused it, unless the test expects it and takes it.
    console.error = (...args: unknown[]) => errors.push(args);
    serveFeed();
  });

  afterEach(() => {
    window.fetch = realFetch;
    console.warn = realWarn;
    console.error = realError;
    clearFeedCache();
    expect(errors, 'console.error was called').to.deep.equal([]);
  });

  it('shows an active member the full badge with the year its membership began', async () => {
    const element = await badge();
    expect(shown(element)!.textContent).to.match(/Adhérent Réseau Alliances\s+depuis 2020/);
    await expect(element).to.be.accessible();
  });

  it("links to the member's verification page on the network's site", async () => {
    const element = await badge();
    expect(shown(element)!.href).to.equal('https://www.reseau-alliances.org/membres/etika-spirulina');
  });

  it('names the member after the visible text for screen readers', async () => {
    const element = await badge();
    expect(shown(element)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Adhérent Réseau Alliances depuis 2020 : Etika Spirulina, voir sa fiche sur le site du réseau',
    );
  });

  it('shows the plain fallback link for the fake feed of a page that is not a member, and warns', async () => {
    serveFeed(fakeFeed);
    const element = await place({ member: 'pas-adherent', feed: '/fake.json', host: location.hostname });
    await waitUntil(() => fallback(element), 'no fallback link');
    expect(shown(element)).to.be.null;
    expect(fallback(element)!.assignedElements()[0]!.textContent).to.equal('Adhérent Réseau Alliances');
    expect(warnings.join('\n')).to.contain('(unverified): the feed has no "membersSignature"');
    await expect(element).to.be.accessible();
  });

  it('refuses a genuine members list altered by one character', async () => {
    serveFeed(JSON.stringify(genuine).replace('"2020-05"', '"2010-05"'));
    const element = await place();
    await waitUntil(() => fallback(element), 'no fallback link');
    expect(shown(element)).to.be.null;
    expect(warnings.join('\n')).to.contain('does not match these members and dates');
  });

  it('refuses a genuine members list re-dated to expire later', async () => {
    serveFeed(JSON.stringify(expired).replace('2026-10-06', '2027-10-06'));
    const element = await place();
    await waitUntil(() => fallback(element), 'no fallback link');
    expect(shown(element)).to.be.null;
  });

  it('refuses a members list whose signature has expired, and says when it did', async () => {
    serveFeed(expired);
    const element = await place();
    await waitUntil(() => fallback(element), 'no fallback link');
    expect(shown(element)).to.be.null;
    expect(warnings.join('\n')).to.contain("(expired): the members list's signature expired on 2026-10-06");
    await expect(element).to.be.accessible();
  });

  it("shows nothing on a site outside the member's declared domains, and warns", async () => {
    const element = await place({ host: 'copieur.example' });
    await waitUntil(() => warnings.length > 0, 'no warning');
    expect(shown(element)).to.be.null;
    expect(fallback(element)).to.be.null;
    expect(warnings[0]).to.contain('"copieur.example" is not one of the member\'s domains');
  });

  it('shows nothing for a member that declared no domain', async () => {
    const element = await place({ member: 'sans-domaine', host: 'sans-domaine.example' });
    await waitUntil(() => warnings.length > 0, 'no warning');
    expect(shown(element)).to.be.null;
    expect(warnings[0]).to.contain('has declared no domain');
  });

  it('shows the badge on the local host of a development build', async () => {
    const element = await badge({ host: 'localhost' });
    expect(shown(element)).to.exist;
  });

  it('shows a short title without the year in the compact variant', async () => {
    const element = await badge({ variant: 'compact' });
    expect(shown(element)!.querySelector('[part="title"]')!.textContent).to.equal('Adhérent');
    expect(shown(element)!.querySelector('[part="since"]')).to.be.null;
    await expect(element).to.be.accessible();
  });

  it('shows only the labelled mark in the icon variant', async () => {
    const element = await badge({ variant: 'icon' });
    const link = shown(element)!;
    expect(link.textContent!.trim()).to.equal('');
    expect(link.querySelector('svg[part="mark"]')).to.exist;
    expect(link.getAttribute('aria-label')).to.contain('Etika Spirulina');
    await expect(element).to.be.accessible();
  });

  it('reflects its size so the page can style it', async () => {
    const element = await badge({ size: 'large' });
    expect(element.getAttribute('size')).to.equal('large');
    expect(shown(element)!.getBoundingClientRect().height).to.be.greaterThan(60);
  });

  it('takes dark colours with theme="dark"', async () => {
    const element = await badge({ theme: 'dark' });
    expect(getComputedStyle(shown(element)!).backgroundColor).to.equal('rgb(22, 32, 31)');
    await expect(element).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const element = await badge({ lang: 'en' });
    expect(shown(element)!.textContent).to.match(/Réseau Alliances member\s+since 2020/);
    await expect(element).to.be.accessible();
  });

  it('keeps its link, and the focus on it, when it renders the same badge again', async () => {
    const element = await badge();
    const link = shown(element)!;
    link.focus();
    element.theme = 'dark';
    element.requestUpdate();
    await element.updateComplete;
    // Compared as booleans: chai's message for two unequal elements takes minutes to write.
    expect(shown(element) === link, 'the link was replaced').to.be.true;
    expect(element.shadowRoot!.activeElement === link, 'the link lost the focus').to.be.true;
  });

  it('keeps the focus on its link when its language changes', async () => {
    const element = await badge();
    shown(element)!.focus();
    element.lang = 'en';
    await element.updateComplete;
    expect(shown(element)!.textContent).to.match(/Réseau Alliances member\s+since 2020/);
    expect(element.shadowRoot!.activeElement === shown(element), 'the link lost the focus').to.be.true;
  });

  it('speaks the language of the section it is moved into', async () => {
    const element = await badge();
    const section = document.createElement('section');
    section.lang = 'en';
    element.parentElement!.append(section);
    section.append(element);
    await waitUntil(
      () => /Réseau Alliances member/.test(shown(element)?.textContent ?? ''),
      'still in French',
    );
    section.remove();
  });

  it('follows a change of its ancestor’s language', async () => {
    const element = await badge();
    element.parentElement!.lang = 'en';
    await waitUntil(
      () => /Réseau Alliances member/.test(shown(element)?.textContent ?? ''),
      'still in French',
    );
  });

  it('shows nothing for a lapsed member, and warns the site owner', async () => {
    const element = await place({ member: 'ancien-membre', host: 'ancien.example' });
    await waitUntil(() => warnings.length > 0, 'no warning');
    expect(shown(element)).to.be.null;
    expect(fallback(element)).to.be.null;
    expect(warnings[0]).to.contain('not active');
  });

  it('shows nothing for an unknown member, and warns the site owner', async () => {
    const element = await place({ member: 'inconnu' });
    await waitUntil(() => warnings.length > 0, 'no warning');
    expect(shown(element)).to.be.null;
    expect(warnings[0]).to.contain('no member "inconnu"');
  });

  it('shows the fallback link when the feed cannot be reached', async () => {
    failNetwork();
    const element = await place();
    await waitUntil(() => fallback(element), 'fallback slot', { timeout: 8000 });
    expect(fallback(element)!.assignedElements()[0]!.textContent).to.equal('Adhérent Réseau Alliances');
    expect(String(errors[0]?.[0])).to.contain('[network]');
    errors = [];
    await expect(element).to.be.accessible();
  });

  it('fires ra-feed-error naming the feed it could not read', async () => {
    serveFeed('', 404);
    let fired: RaFeedErrorEvent | undefined;
    await fixture(
      html`<ra-member-badge
        member="plume-sas"
        feed=${feedUrl}
        @ra-feed-error=${(event: RaFeedErrorEvent) => (fired = event)}
      ></ra-member-badge>`,
    );
    await waitUntil(() => fired, 'no ra-feed-error');
    expect(fired!.url).to.equal(feedUrl);
    expect(String(errors[0]?.[0])).to.contain('HTTP 404');
    errors = [];
  });

  it('renders from the cached feed when offline', async () => {
    const absolute = new URL(feedUrl, document.baseURI).href;
    localStorage.setItem(
      `ra-feed:v1:${absolute}`,
      JSON.stringify({ text: JSON.stringify(genuine), fetchedAt: 0 }),
    );
    failNetwork();
    const element = await badge();
    expect(shown(element)).to.exist;
    // The revalidation's failure is a warning: the stored copy is still shown.
    await waitUntil(() => warnings.some((line) => line.includes('could not refresh')), 'no refresh warning', {
      timeout: 8000,
    });
  });

  it('refuses a forged copy planted in localStorage', async () => {
    const absolute = new URL(feedUrl, document.baseURI).href;
    const forged = JSON.stringify(genuine).replace('"plume-sas"', '"copieur"');
    localStorage.setItem(`ra-feed:v1:${absolute}`, JSON.stringify({ text: forged, fetchedAt: 0 }));
    serveFeed(forged);
    const element = await place({ member: 'copieur', host: 'plume.example' });
    await waitUntil(() => fallback(element), 'no fallback link');
    expect(shown(element)).to.be.null;
  });

  it('shares one request between badges on the same page', async () => {
    const container = await fixture(
      html`<div>
        <ra-member-badge member="plume-sas" feed=${feedUrl} .pageHost=${'plume.example'} .clock=${() => NOW}>
        </ra-member-badge>
        <ra-member-badge
          member="etika-spirulina"
          feed=${feedUrl}
          .pageHost=${'etika-spirulina.example'}
          .clock=${() => NOW}
        >
        </ra-member-badge>
      </div>`,
    );
    const badges = [...container.querySelectorAll('ra-member-badge')];
    await waitUntil(() => badges.every((element) => shown(element)));
    expect(requests).to.equal(1);
  });
});

describe('badge snippet', () => {
  const snippet = badgeSnippet({
    member: 'plume-sas',
    memberName: 'Plume <SAS>',
    feed: 'https://www.reseau-alliances.org/feed.json',
    scriptSrc: 'https://cdn.example.org/ra-member-badge.js',
    href: 'https://www.reseau-alliances.org/membres/plume-sas',
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

  it("shows visitors without JavaScript a plain link to the member's verification page", async () => {
    // An element that is never defined is what a visitor without JavaScript gets.
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML = snippet
      .replace(/ra-member-badge/g, 'ra-member-badge-without-js')
      .replace(/<script.*<\/script>/, '');
    const link = container.querySelector('a')!;
    expect(link.textContent).to.contain('Adhérent Réseau Alliances');
    expect(link.href).to.equal('https://www.reseau-alliances.org/membres/plume-sas');
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(container).to.be.accessible();
  });
});
