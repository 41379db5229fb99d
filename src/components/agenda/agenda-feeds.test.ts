import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '../../feed/loader.js';
import type { RaAgenda } from './agenda.js';
import './define.js';

const NOW = '2020-09-01T08:00:00+02:00';
const NETWORK = '/test/fixtures/feed-subscription.json';
const PARTNER = '/test/fixtures/ics/google-calendar.ics';

const shadow = (el: RaAgenda) => el.shadowRoot!;
const parts = (el: RaAgenda, name: string) => [
  ...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const text = (element: Element | undefined | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

/** An agenda, loaded; `ready` names a part that must be shown too (those parts' code loads on demand). */
async function agenda(attributes: string, ready?: string): Promise<RaAgenda> {
  const el = await fixture<RaAgenda>(`<ra-agenda now="${NOW}" lang="fr" ${attributes}></ra-agenda>`);
  await waitUntil(
    () =>
      (parts(el, 'item').length > 0 || parts(el, 'error').length > 0) &&
      (!ready || parts(el, ready).length > 0),
    'the agenda did not load',
  );
  // The cards after the first screen come in later tasks.
  await el.updateComplete;
  return el;
}

/** The item showing the event named `name`. */
function item(el: RaAgenda, name: string): HTMLElement {
  const found = parts(el, 'item').find((li) => li.textContent?.includes(name));
  if (!found) throw new Error(`no event named ${name}`);
  return found;
}

afterEach(() => {
  fixtureCleanup();
  clearFeedCache();
});

describe('ra-agenda with several feeds', () => {
  it('lists the events of every feed', async () => {
    const el = await agenda(`feed="${NETWORK} ${PARTNER}"`);
    expect([item(el, 'Club des dirigeants'), item(el, 'Journée portes ouvertes')]).to.have.length(2);
  });

  it('shows each event’s source', async () => {
    const el = await agenda(`feed="${NETWORK} ${PARTNER}"`, 'source');
    expect([
      text(item(el, 'Club des dirigeants').querySelector('[part="source"]')),
      text(item(el, 'Journée portes ouvertes').querySelector('[part="source"]')),
    ]).to.deep.equal(['Source : Réseau Alliances', 'Source : Club Exemple']);
  });

  it('is accessible with its sources shown', async () => {
    const el = await agenda(`feed="${NETWORK} ${PARTNER}"`, 'source');
    await expect(el).to.be.accessible();
  });

  it('shows the other feeds when one fails, and names it', async () => {
    const el = await agenda(`feed="${NETWORK} /test/fixtures/introuvable.ics"`);
    await waitUntil(() => parts(el, 'sources-error').length > 0, 'the failed source was not named');
    expect([Boolean(item(el, 'Club des dirigeants')), text(parts(el, 'sources-error')[0])]).to.deep.equal([
      true,
      'Impossible de charger « /test/fixtures/introuvable.ics » pour le moment : les autres événements sont affichés.',
    ]);
  });

  it('is accessible while naming a failed feed', async () => {
    const el = await agenda(`feed="${NETWORK} /test/fixtures/introuvable.ics"`);
    await waitUntil(() => parts(el, 'sources-error').length > 0);
    await expect(el).to.be.accessible();
  });

  it('shows no source line for a single feed', async () => {
    const el = await agenda(`feed="${NETWORK}"`);
    expect(parts(el, 'source')).to.have.length(0);
  });
});

describe('ra-agenda « S’abonner »', () => {
  const links = (el: RaAgenda) => parts(el, 'subscribe-link').map((link) => link.getAttribute('href'));

  it('offers nothing without a subscribe attribute', async () => {
    const el = await agenda(`feed="${NETWORK}"`);
    expect(parts(el, 'subscribe')).to.have.length(0);
  });

  it('offers webcal, Google and Outlook links to the calendar', async () => {
    const el = await agenda(
      `feed="${NETWORK}" subscribe="https://agenda.example/agenda.ics"`,
      'subscribe-link',
    );
    expect(links(el)).to.deep.equal([
      'webcal://agenda.example/agenda.ics',
      'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fagenda.example%2Fagenda.ics',
      'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fagenda.example%2Fagenda.ics&name=R%C3%A9seau%20Alliances',
    ]);
  });

  it('subscribes to the filters the page sets', async () => {
    const el = await agenda(
      `feed="${NETWORK}" subscribe="https://agenda.example/agenda.ics" category="club" audience="Dirigeants"`,
      'subscribe-link',
    );
    expect(links(el)[0]).to.equal('webcal://agenda.example/agenda.ics?category=club&audience=Dirigeants');
  });

  it('subscribes to the filters the reader chooses', async () => {
    const el = await agenda(
      `feed="${NETWORK}" subscribe="https://agenda.example/agenda.ics"`,
      'subscribe-link',
    );
    // The members-only toggle is in the « Filtres » panel.
    shadow(el).querySelector<HTMLButtonElement>('[part~="filters-button"]')!.click();
    await waitUntil(
      () => shadow(el).querySelector('[part~="members-toggle"]'),
      'the filter panel did not open',
    );
    const members = shadow(el).querySelector<HTMLInputElement>('[part~="members-toggle"]')!;
    members.click();
    await el.updateComplete;
    expect(links(el)[0]).to.equal('webcal://agenda.example/agenda.ics?members=1');
  });

  it('is accessible with the subscription links open', async () => {
    const el = await agenda(
      `feed="${NETWORK}" subscribe="https://agenda.example/agenda.ics"`,
      'subscribe-link',
    );
    shadow(el).querySelector<HTMLDetailsElement>('[part~="subscribe"]')!.open = true;
    await expect(el).to.be.accessible();
  });
});
