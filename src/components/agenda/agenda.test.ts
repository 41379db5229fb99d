/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { makeEvent, makeUndatedEvent, paris, dailyCafeSchedule } from '../../../test/helpers/agenda-event.js';
import { clearFeedCache } from '../../feed/loader.js';
import type { AgendaEvent, Feed } from '../../feed/model.js';
import type { RaAgenda } from './agenda.js';
import './define.js';

const NOW = '2020-09-01T08:00:00+02:00';

function feedOf(events: AgendaEvent[]): Feed {
  return { version: 1, events, members: [], issues: [] };
}

/** Five events around NOW (1 September 2020): one past, four to come, in three months. */
const events: AgendaEvent[] = [
  makeEvent({
    id: 'soiree-ete',
    name: 'Soirée d’été',
    start: paris('2020-07-01', '18:00'),
    end: paris('2020-07-01', '22:00'),
    categories: ['soiree'],
    programme: undefined,
  }),
  makeEvent({
    id: 'atelier-climat',
    name: 'Atelier climat',
    start: paris('2020-09-15', '09:00'),
    end: paris('2020-09-15', '12:00'),
    categories: ['atelier'],
    programme: 'Cycle Habiter',
  }),
  makeEvent({
    id: 'webinaire-rse',
    name: 'Webinaire RSE',
    start: paris('2020-10-02', '11:00'),
    end: paris('2020-10-02', '12:00'),
    categories: ['webinaire'],
    programme: 'Club des référents RSE',
    attendanceMode: 'online',
    locations: [],
    membersOnly: true,
    audiences: ['Référents RSE'],
  }),
  makeEvent({
    id: 'forum-economie',
    name: 'Forum de l’économie responsable',
    start: paris('2020-10-20', '09:00'),
    end: paris('2020-10-20', '18:00'),
    categories: ['forum'],
    programme: 'Cycle Habiter',
    attendanceMode: 'mixed',
  }),
  makeEvent({
    id: 'cafe-numerique',
    name: 'Café numérique',
    start: paris('2020-11-03', '08:30'),
    end: paris('2020-11-03', '10:00'),
    categories: ['rencontre'],
    programme: undefined,
    audiences: ['Salariés'],
  }),
];

/** `count` events, one a day from 2 September 2020. */
function manyEvents(count: number): AgendaEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(paris('2020-09-02', '09:00').getTime() + i * 86_400_000);
    return makeEvent({
      id: `evenement-${i}`,
      name: `Événement ${i}`,
      start,
      end: new Date(start.getTime() + 3_600_000),
    });
  });
}

function shadow(el: RaAgenda): ShadowRoot {
  return el.shadowRoot as ShadowRoot;
}

function titles(el: RaAgenda): string[] {
  return [...shadow(el).querySelectorAll('.title')].map((title) => title.textContent?.trim() ?? '');
}

function monthHeadings(el: RaAgenda): string[] {
  return [...shadow(el).querySelectorAll('[part="month-heading"]')].map((h) => h.textContent?.trim() ?? '');
}

function status(el: RaAgenda): string {
  return shadow(el).querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function button(el: RaAgenda, label: string | RegExp): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? b.textContent?.trim().startsWith(label) : label.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

function searchInput(el: RaAgenda): HTMLInputElement {
  return shadow(el).querySelector('input[type="search"]') as HTMLInputElement;
}

/** An agenda on the given events (no network), rendered, its filter panel open. */
async function agenda(list: AgendaEvent[] = events, attributes = ''): Promise<RaAgenda> {
  const now = attributes.includes('now=') ? '' : `now="${NOW}"`;
  const el = await fixture<RaAgenda>(`<ra-agenda ${now} ${attributes}></ra-agenda>`);
  el.feed = feedOf(list);
  await el.updateComplete;
  await openFilters(el);
  return el;
}

/** Presses "Filtres" and waits for the panel (its code loads apart), when the agenda has a filter bar. */
async function openFilters(el: RaAgenda): Promise<void> {
  const toggle = shadow(el).querySelector<HTMLButtonElement>('[part="filters-button"]');
  if (!toggle || toggle.getAttribute('aria-expanded') === 'true') return;
  toggle.click();
  await waitUntil(() => shadow(el).querySelector('[part="mode-select"]'), 'the filter panel did not open');
}

/** Types into the search box; the agenda follows after its debounce, so callers wait for what they expect. */
function type(el: RaAgenda, text: string): void {
  const input = searchInput(el);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

const realFetch = window.fetch;
let requests: string[] = [];
let feedCounter = 0;

/** A fresh URL per test: the loader keeps one request per URL for the page's lifetime. */
function feedUrl(): string {
  feedCounter += 1;
  return `/agenda-test/feed-${feedCounter}.json`;
}

/** The shared sample feed (test/fixtures/feed-small.json), read once through the real network. */
let feedJson = '';
before(async () => {
  feedJson = await (await realFetch('/test/fixtures/feed-small.json')).text();
});

/** Upcoming on 1 September 2020 in the sample feed, soonest first (the daily café at its next occurrence). */
const sampleUpcoming = [
  "Les Cafés de l'Après du Comité Grand Lille",
  'Formation « Management de la mobilité et Plans de Mobilité » – 6e promo',
  '14e World Forum for a Responsible Economy',
  'Atelier intrapreneuriat social',
];

type Answer = () => Response | Promise<Response>;
const ok: Answer = () => new Response(feedJson, { headers: { 'Content-Type': 'application/json' } });
const notFound: Answer = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
const never: Answer = () => new Promise<Response>(() => undefined);

/** The n-th request gets the n-th answer, later ones the last. */
function stubFetch(...answers: Answer[]): void {
  window.fetch = async (input: RequestInfo | URL) => {
    requests.push(String(input));
    return (answers[Math.min(requests.length - 1, answers.length - 1)] ?? ok)();
  };
}

const startUrl = location.href;

afterEach(() => {
  fixtureCleanup();
  window.fetch = realFetch;
  requests = [];
  clearFeedCache();
  history.replaceState(null, '', startUrl);
});

describe('<ra-agenda> loading the feed', () => {
  it('shows skeleton cards in a busy list while the feed loads', async () => {
    stubFetch(never);
    const el = await fixture<RaAgenda>(`<ra-agenda feed="${feedUrl()}" now="${NOW}"></ra-agenda>`);
    const list = shadow(el).querySelector('[part="list"]');
    expect(list?.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelectorAll('[part="skeleton"]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('shows a human message and a retry button when the feed fails', async () => {
    stubFetch(notFound);
    const el = await fixture<RaAgenda>(`<ra-agenda feed="${feedUrl()}" now="${NOW}"></ra-agenda>`);
    await waitUntil(() => shadow(el).querySelector('[part="error"]'));
    expect(shadow(el).querySelector('[part="error"]')?.textContent).to.contain(
      'Impossible de charger l’agenda pour le moment.',
    );
    expect(shadow(el).querySelector('[part="retry-button"]')?.textContent?.trim()).to.equal('Réessayer');
    await expect(el).to.be.accessible();
  });

  it('loads again when the reader presses "Réessayer"', async () => {
    stubFetch(notFound, ok);
    const el = await fixture<RaAgenda>(`<ra-agenda feed="${feedUrl()}" now="${NOW}"></ra-agenda>`);
    await waitUntil(() => shadow(el).querySelector('[part="retry-button"]'));
    (shadow(el).querySelector('[part="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => titles(el).length > 0);
    // The first screen comes first; the update completes with the rest.
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(sampleUpcoming);
  });

  it('fires ra-feed-error with the reason when the feed fails', async () => {
    stubFetch(notFound);
    let error: Error | undefined;
    const url = feedUrl();
    const el = await fixture<RaAgenda>(
      html`<ra-agenda
        feed=${url}
        now=${NOW}
        @ra-feed-error=${(e: GlobalEventHandlersEventMap['ra-feed-error']) => (error = e.error)}
      ></ra-agenda>`,
    );
    await waitUntil(() => error);
    expect(el.feed).to.equal(url);
    expect(error?.message).to.contain(url);
  });

  it('shares one request between two agendas reading the same feed', async () => {
    stubFetch(ok);
    const url = feedUrl();
    const wrapper = await fixture<HTMLElement>(`<div>
      <ra-agenda feed="${url}" now="${NOW}"></ra-agenda><ra-agenda feed="${url}" now="${NOW}" layout="grid"></ra-agenda>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('ra-agenda')] as RaAgenda[];
    await waitUntil(() => first && second && titles(first).length > 0 && titles(second).length > 0);
    expect(requests).to.have.length(1);
  });

  it('upgrades and renders an agenda inserted later with innerHTML', async () => {
    stubFetch(ok);
    const wrapper = await fixture<HTMLElement>('<div></div>');
    wrapper.innerHTML = `<ra-agenda feed="${feedUrl()}" now="${NOW}"></ra-agenda>`;
    const el = wrapper.querySelector('ra-agenda') as RaAgenda;
    await waitUntil(() => titles(el).length > 0);
    // The first screen comes first; the update completes with the rest.
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(sampleUpcoming);
  });
});

describe('<ra-agenda> empty states', () => {
  it('says there is nothing to come and offers the past events', async () => {
    const el = await agenda(events.slice(0, 1));
    expect(shadow(el).querySelector('[part="empty"]')?.textContent).to.contain('Aucun événement à venir');
    expect(button(el, 'Voir les événements passés')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('switches to the past events from the empty state', async () => {
    const el = await agenda(events.slice(0, 1));
    button(el, 'Voir les événements passés').click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Soirée d’été']);
  });

  it('says when the filters hide everything and offers to clear them', async () => {
    const el = await agenda();
    type(el, 'introuvable');
    await waitUntil(() => shadow(el).querySelector('[part="empty"]'));
    expect(shadow(el).querySelector('[part="empty"]')?.textContent).to.contain(
      'Aucun événement ne correspond à votre recherche',
    );
    await expect(el).to.be.accessible();
  });

  it('shows every event again when the reader clears the filters', async () => {
    const el = await agenda();
    type(el, 'introuvable');
    await waitUntil(() => shadow(el).querySelector('[part~="empty-button"]'));
    (shadow(el).querySelector('[part~="empty-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    expect(searchInput(el).value).to.equal('');
  });
});

describe('<ra-agenda> upcoming and past', () => {
  it('shows the events to come, soonest first', async () => {
    const el = await agenda();
    expect(titles(el)).to.deep.equal([
      'Atelier climat',
      'Webinaire RSE',
      'Forum de l’économie responsable',
      'Café numérique',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows past events, most recent first, with view="past"', async () => {
    const el = await agenda(events, 'now="2020-12-01T00:00:00+01:00" view="past"');
    expect(titles(el)[0]).to.equal('Café numérique');
    expect(titles(el).at(-1)).to.equal('Soirée d’été');
    await expect(el).to.be.accessible();
  });

  it('switches to past events with the period chips', async () => {
    const el = await agenda();
    button(el, 'Passés').click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Soirée d’été']);
  });

  it('groups events under month headings', async () => {
    const el = await agenda();
    expect(monthHeadings(el)).to.deep.equal(['septembre 2020', 'octobre 2020', 'novembre 2020']);
  });

  it('lists the events still to be dated after the dated ones, under their own heading', async () => {
    const el = await agenda(
      [...events, makeUndatedEvent({ id: 'club-a-venir', name: 'Club à venir' })],
      'limit="50"',
    );
    expect(monthHeadings(el).at(-1)).to.equal('Dates à venir');
    await expect(el).to.be.accessible();
  });

  it('puts an event in the month of its own time zone', async () => {
    // 30 September, 20:00 in New York is already 1 October in Paris.
    const start = new Date('2020-10-01T00:00:00Z');
    const el = await agenda([
      makeEvent({ id: 'new-york', name: 'New York', timeZone: 'America/New_York', start, end: start }),
    ]);
    expect(monthHeadings(el)).to.deep.equal(['septembre 2020']);
  });

  it('shows a recurring event under the month of its next occurrence', async () => {
    const el = await agenda([
      makeEvent({
        id: 'cafe-quotidien',
        name: 'Café quotidien',
        start: paris('2020-04-06', '13:45'),
        end: paris('2020-04-06', '14:30'),
        schedule: dailyCafeSchedule,
      }),
    ]);
    expect(monthHeadings(el)).to.deep.equal(['septembre 2020']);
  });

  it('marks month headings with the level of heading-level', async () => {
    const el = await agenda(events, 'heading-level="3"');
    const heading = shadow(el).querySelector('[part="month-heading"]');
    expect(heading?.getAttribute('aria-level')).to.equal('3');
    expect(shadow(el).querySelector('.title')?.localName).to.equal('h4');
  });
});

describe('<ra-agenda> filters', () => {
  it('filters by a category chip', async () => {
    const el = await agenda();
    const chip = button(el, 'Atelier');
    chip.click();
    await el.updateComplete;
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    expect(titles(el)).to.deep.equal(['Atelier climat']);
  });

  it('styles the panel with its code: its chips wrap in rows', async () => {
    const el = await agenda();
    await openFilters(el);
    const chips = button(el, 'Atelier').closest<HTMLElement>('.chips')!;
    expect(getComputedStyle(chips).display).to.equal('flex');
    expect(getComputedStyle(chips).flexWrap).to.equal('wrap');
  });

  it('filters by a programme chip', async () => {
    const el = await agenda();
    button(el, 'Cycle Habiter').click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Atelier climat', 'Forum de l’économie responsable']);
  });

  it('shows members-only events with the toggle', async () => {
    const el = await agenda();
    (shadow(el).querySelector('[part="members-toggle"]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Webinaire RSE']);
  });

  it('keeps online and mixed events when the reader picks "En ligne"', async () => {
    const el = await agenda();
    const select = shadow(el).querySelector('[part="mode-select"]') as HTMLSelectElement;
    select.value = 'online';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Webinaire RSE', 'Forum de l’économie responsable']);
  });

  it('finds events by text regardless of accents and case', async () => {
    const el = await agenda();
    type(el, 'CAFE');
    await waitUntil(() => titles(el).length === 1);
    expect(titles(el)).to.deep.equal(['Café numérique']);
  });

  it('keeps events between the from and to attributes', async () => {
    const el = await agenda(events, 'from="2020-10-01" to="2020-10-31"');
    expect(titles(el)).to.deep.equal(['Webinaire RSE', 'Forum de l’économie responsable']);
  });

  it('keeps events for the audience attribute', async () => {
    const el = await agenda(events, 'audience="Salariés"');
    expect(titles(el)).to.deep.equal(['Café numérique']);
  });

  it('keeps events of the category attribute', async () => {
    const el = await agenda(events, 'category="atelier,forum"');
    expect(titles(el)).to.deep.equal(['Atelier climat', 'Forum de l’économie responsable']);
  });

  it('keeps events of the mode attribute', async () => {
    const el = await agenda(events, 'mode="online"');
    expect(titles(el)).to.include('Webinaire RSE');
    expect(titles(el)).not.to.include('Atelier climat');
  });

  it('hides the filter bar with filters="false"', async () => {
    const el = await agenda(events, 'filters="false"');
    expect(shadow(el).querySelector('[part="filters"]')).to.equal(null);
    expect(titles(el)).to.have.length(4);
  });

  it('announces the result count in a polite live region', async () => {
    const el = await agenda();
    const region = shadow(el).querySelector('[part="status"]');
    expect(region?.getAttribute('role')).to.equal('status');
    expect(status(el)).to.equal('4 événements');
  });

  it('announces a single result in the singular', async () => {
    const el = await agenda();
    button(el, 'Atelier').click();
    await el.updateComplete;
    expect(status(el)).to.equal('1 événement');
  });

  it('toggles a chip from the keyboard', async () => {
    const el = await agenda();
    const chip = button(el, 'Atelier');
    chip.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
  });

  it('searches when the reader types and presses Enter', async () => {
    const el = await agenda();
    searchInput(el).focus();
    await sendKeys({ type: 'forum' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Forum de l’économie responsable']);
  });

  /** Two agendas side by side on one page (as demo/partners/wordpress.html has), their feeds given. */
  async function twoAgendas(first = '', second = ''): Promise<[HTMLElement, RaAgenda, RaAgenda]> {
    const wrapper = await fixture<HTMLElement>(`<main>
      <ra-agenda now="${NOW}" ${first}></ra-agenda>
      <ra-agenda now="${NOW}" ${second}></ra-agenda>
    </main>`);
    const [one, two] = [...wrapper.querySelectorAll('ra-agenda')] as [RaAgenda, RaAgenda];
    for (const el of [one, two]) el.feed = feedOf(events);
    await Promise.all([one.updateComplete, two.updateComplete]);
    return [wrapper, one, two];
  }

  const filterBar = (el: RaAgenda) => shadow(el).querySelector('[part="filters"]')!;

  it('is accessible with two agendas on one page (unique landmarks)', async () => {
    const [wrapper] = await twoAgendas();
    await expect(wrapper).to.be.accessible();
  });

  it('is accessible with two labelled agendas on one page', async () => {
    const [wrapper] = await twoAgendas('label="Rencontres"', 'label="Formations"');
    await expect(wrapper).to.be.accessible();
  });

  it('names its filter bar after its label', async () => {
    const [, , two] = await twoAgendas('label="Rencontres"', 'label="Formations"');
    expect([filterBar(two).getAttribute('role'), filterBar(two).getAttribute('aria-label')]).to.deep.equal([
      'search',
      'Filtrer les événements : Formations',
    ]);
  });

  it('makes no second landmark of the same name: the later unlabelled agenda’s bar is no landmark', async () => {
    const [, one, two] = await twoAgendas();
    expect([filterBar(one).getAttribute('role'), filterBar(two).getAttribute('role')]).to.deep.equal([
      'search',
      null,
    ]);
  });
});

describe('<ra-agenda> state in the URL', () => {
  it('leaves the URL alone by default', async () => {
    const el = await agenda();
    button(el, 'Atelier').click();
    await el.updateComplete;
    expect(location.href).to.equal(startUrl);
  });

  it('writes the filters to the query, keeping other parameters', async () => {
    history.replaceState(null, '', '?page_id=12');
    const el = await agenda(events, 'url-state="query"');
    button(el, 'Atelier').click();
    await el.updateComplete;
    const params = new URLSearchParams(location.search);
    expect(params.get('page_id')).to.equal('12');
    expect(params.getAll('ra-cat')).to.deep.equal(['atelier']);
  });

  it('writes the filters to the hash, keeping the rest of the hash', async () => {
    history.replaceState(null, '', '#programme');
    const el = await agenda(events, 'url-state="hash"');
    button(el, 'Cycle Habiter').click();
    await el.updateComplete;
    expect(location.hash).to.equal('#programme&ra-prog=Cycle+Habiter');
  });

  it('reads the filters from the URL when connected', async () => {
    history.replaceState(null, '', '?ra-q=forum&ra-members=0');
    const el = await agenda(events, 'url-state="query"');
    expect(titles(el)).to.deep.equal(['Forum de l’économie responsable']);
    expect(searchInput(el).value).to.equal('forum');
  });

  it('restores the previous filters with the back button', async () => {
    const el = await agenda(events, 'url-state="query"');
    button(el, 'Atelier').click();
    await el.updateComplete;
    history.back();
    await waitUntil(() => titles(el).length === 4);
    expect(button(el, 'Atelier').getAttribute('aria-pressed')).to.equal('false');
  });

  it('restores the view and the pages shown when the history moves', async () => {
    const el = await agenda(manyEvents(25), 'url-state="query" now="2021-12-01T00:00:00+01:00"');
    history.pushState(null, '', '?ra-view=past&ra-page=2');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part="item"]')).to.have.length(20);
  });

  it('keeps two agendas with ids apart', async () => {
    const wrapper = await fixture<HTMLElement>(`<div>
      <ra-agenda id="ateliers" url-state="query" now="${NOW}"></ra-agenda>
      <ra-agenda id="forums" url-state="query" now="${NOW}"></ra-agenda>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('ra-agenda')] as RaAgenda[];
    for (const el of [first, second]) el!.feed = feedOf(events);
    await Promise.all([first!.updateComplete, second!.updateComplete]);
    await Promise.all([openFilters(first!), openFilters(second!)]);
    button(first!, 'Atelier').click();
    button(second!, 'Forum').click();
    await Promise.all([first!.updateComplete, second!.updateComplete]);
    const params = new URLSearchParams(location.search);
    expect(params.getAll('ateliers-cat')).to.deep.equal(['atelier']);
    expect(params.getAll('forums-cat')).to.deep.equal(['forum']);
  });
});

describe('<ra-agenda> "Voir plus"', () => {
  it('shows the next page after "Voir plus"', async () => {
    const el = await agenda(manyEvents(25));
    button(el, 'Voir plus').click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(20);
  });

  it('moves the focus to the first new event’s heading', async () => {
    const el = await agenda(manyEvents(25));
    button(el, 'Voir plus').click();
    await el.updateComplete;
    expect(shadow(el).activeElement?.textContent?.trim()).to.equal('Événement 10');
  });

  it('announces how many events were added', async () => {
    const el = await agenda(manyEvents(25));
    button(el, 'Voir plus').click();
    await el.updateComplete;
    expect(status(el)).to.contain('10 événements de plus');
  });

  it('hides "Voir plus" once every event is shown', async () => {
    const el = await agenda(manyEvents(15));
    button(el, 'Voir plus').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="more-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders only the first page of 10 000 events', async () => {
    const el = await agenda(manyEvents(10_000));
    expect(shadow(el).querySelectorAll('[part="item"]')).to.have.length(10);
    expect(status(el)).to.equal('10 000 événements');
  });

  it('searches 10 000 events and still renders one page', async () => {
    const el = await agenda(manyEvents(10_000));
    const matching = manyEvents(10_000).filter((event) => event.name.includes('99')).length;
    type(el, 'événement 99');
    await waitUntil(() => status(el) === `${matching} événements`);
    expect(shadow(el).querySelectorAll('[part="item"]')).to.have.length(10);
  });
});

describe('<ra-agenda> language, layout and details', () => {
  it('speaks English with lang="en"', async () => {
    const el = await agenda(manyEvents(15), 'lang="en"');
    expect(monthHeadings(el)[0]).to.equal('September 2020');
    expect(button(el, 'Show more')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('speaks the page’s language', async () => {
    const wrapper = await fixture<HTMLElement>(`<div lang="en"><ra-agenda now="${NOW}"></ra-agenda></div>`);
    const el = wrapper.querySelector('ra-agenda') as RaAgenda;
    el.feed = feedOf(events);
    await el.updateComplete;
    expect(status(el)).to.equal('4 events');
  });

  it('reflects the layout attribute for page styles', async () => {
    const el = await agenda();
    el.layout = 'grid';
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('grid');
    await expect(el).to.be.accessible();
  });

  it('loads the sanitized description when a card is expanded', async () => {
    const el = await agenda([
      makeEvent({
        id: 'atelier-climat',
        start: paris('2020-09-15', '09:00'),
        descriptionHtml: '<p>Programme <strong>complet</strong><img src=x onerror="alert(1)"></p>',
      }),
    ]);
    (shadow(el).querySelector('[part="details-button"]') as HTMLButtonElement).click();
    await waitUntil(() => shadow(el).querySelector('[part="description"] strong'));
    expect(shadow(el).querySelector('[part="description"] img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the focus on a card’s details button when the reader opens its details', async () => {
    const el = await agenda();
    const details = shadow(el).querySelector<HTMLButtonElement>('[part="details-button"]')!;
    details.focus();
    details.click();
    await waitUntil(() => shadow(el).activeElement?.getAttribute('aria-expanded') === 'true', 'focus lost');
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('details-button');
    await expect(el).to.be.accessible();
  });

  it('keeps the focus on the control the reader was on when the page’s language changes', async () => {
    const el = await agenda();
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="details-button"]')];
    buttons[1]!.focus();
    document.documentElement.lang = 'en';
    try {
      await waitUntil(() => /Filters/.test(shadow(el).textContent ?? ''), 'the agenda stayed French');
      await el.updateComplete;
      const now = [...shadow(el).querySelectorAll('[part="details-button"]')];
      expect(now.indexOf(shadow(el).activeElement!), 'focus on the second card’s details').to.equal(1);
    } finally {
      document.documentElement.lang = 'fr';
    }
  });

  it('keeps a card’s calendar menu open while its links are built', async () => {
    const el = await agenda();
    shadow(el).querySelector<HTMLElement>('[part="calendar-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('.calendar-menu a'), 'no calendar link');
    const menu = shadow(el).querySelector('.calendar-menu a')!.closest('details')!;
    expect(menu.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  /**
   * A page `width` px wide (default body margin) holding an agenda of the sample feed: an iframe, whose width is its
   * viewport's (WebKit's driver cannot resize the window).
   */
  async function agendaPage(width: number): Promise<{ page: Window; el: RaAgenda }> {
    const feed = (await (await realFetch('/demo/data/feed.json')).json()) as Feed;
    const frame = document.createElement('iframe');
    frame.style.cssText = `inline-size: ${width}px; block-size: 700px; border: 0`;
    frame.srcdoc = '<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body></body></html>';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const page = frame.contentWindow as Window & typeof globalThis;
    page.fetch = async () => new Response(JSON.stringify(feed));
    const script = page.document.createElement('script');
    script.type = 'module';
    script.src = new URL('../../index.ts', import.meta.url).href;
    page.document.head.append(script);
    await page.customElements.whenDefined('ra-agenda');
    const el = page.document.createElement('ra-agenda') as RaAgenda;
    el.setAttribute('feed', 'https://www.reseau-alliances.org/feed.json');
    el.setAttribute('now', '2020-03-16T09:00:00+01:00');
    page.document.body.append(el);
    await waitUntil(
      () => shadow(el).querySelector('[part="calendar-button"]'),
      'no card with a calendar menu',
    );
    return { page, el };
  }

  it('keeps the first card’s calendar menu inside a 375 px page', async () => {
    const { page, el } = await agendaPage(375);
    try {
      shadow(el).querySelector<HTMLElement>('[part="calendar-button"]')!.click();
      await waitUntil(
        () => shadow(el).querySelector('details[part="calendar"][open]'),
        'the menu did not open',
      );
      const menu = shadow(el).querySelector('[part="calendar-menu"]')!.getBoundingClientRect();
      const root = page.document.documentElement;
      expect(
        { left: menu.left >= 0, right: menu.right <= root.clientWidth, scroll: root.scrollWidth },
        `menu ${menu.left}..${menu.right}`,
      ).to.deep.equal({ left: true, right: true, scroll: root.clientWidth });
    } finally {
      page.frameElement?.remove();
    }
  });

  it('opens the first card’s calendar menu right under its button in a 375 px page', async () => {
    const { page, el } = await agendaPage(375);
    try {
      const button = shadow(el).querySelector<HTMLElement>('[part="calendar-button"]')!;
      button.click();
      await waitUntil(
        () => shadow(el).querySelector('details[part="calendar"][open]'),
        'the menu did not open',
      );
      const gap =
        shadow(el).querySelector('[part="calendar-menu"]')!.getBoundingClientRect().top -
        button.getBoundingClientRect().bottom;
      expect(gap).to.be.within(0, 8);
    } finally {
      page.frameElement?.remove();
    }
  });

  it('writes one JSON-LD script with the shown events into the light DOM', async () => {
    const el = await agenda();
    // Written once the builder has loaded, after the first render.
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'no JSON-LD');
    const scripts = el.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    const graph = JSON.parse(scripts[0]?.textContent ?? '{}')['@graph'] as { name: string }[];
    expect(graph.map((event) => event.name)).to.include('Atelier climat');
  });

  it('writes no JSON-LD with no-jsonld', async () => {
    const el = await agenda(events, 'no-jsonld');
    expect(el.querySelector('script[type="application/ld+json"]')).to.equal(null);
  });
});
