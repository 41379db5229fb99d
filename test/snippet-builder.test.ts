import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { mountSnippetBuilder, widgetSnippets } from '../demo/snippet-builder.js';
import '../src/components/agenda/define.js';
import '../src/components/event-card/define.js';
import '../src/components/registration-form/define.js';
import '../src/components/member-badge/define.js';

const feed = new URL('/test/fixtures/feed-small.json', location.href).href;
const scriptSrc = 'https://cdn.example.org/ra-widgets/ra-widgets.js';
const agendaOptions = {
  widget: 'agenda' as const,
  scriptSrc,
  feed,
  attributes: { category: 'formation', limit: '5', layout: undefined },
  fallback: { href: 'https://www.reseau-alliances.org/agenda', text: "L'agenda de Réseau Alliances" },
};

/** The elements a snippet's HTML makes, as a browser parses it. */
function parse(snippet: string): Document {
  return new DOMParser().parseFromString(snippet, 'text/html');
}

async function builder(): Promise<HTMLElement> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  await mountSnippetBuilder(container, { scriptSrc, feed, previewNow: '2020-06-01T09:00:00+02:00' });
  return container;
}

const code = (container: HTMLElement, index: number) =>
  container.querySelectorAll<HTMLTextAreaElement>('textarea')[index]!.value;

describe('widgetSnippets', () => {
  it('writes the module snippet: the loader, then the tag with its attributes and fallback link', () => {
    const page = parse(widgetSnippets(agendaOptions).module);
    expect(page.querySelector('script')?.getAttribute('type')).to.equal('module');
    expect(page.querySelector('script')?.getAttribute('src')).to.equal(scriptSrc);
    const agenda = page.querySelector('ra-agenda')!;
    expect([...agenda.attributes].map((a) => `${a.name}=${a.value}`)).to.deep.equal([
      `feed=${feed}`,
      'category=formation',
      'limit=5',
    ]);
    expect(agenda.querySelector('a')?.getAttribute('href')).to.equal(
      'https://www.reseau-alliances.org/agenda',
    );
  });

  it('writes the KSES-proof markup as a div with data- attributes', () => {
    const div = parse(widgetSnippets(agendaOptions).markup).querySelector<HTMLElement>(
      'div[data-ra-widget="agenda"]',
    )!;
    expect(div.dataset).to.include({ feed, category: 'formation', limit: '5' });
    expect(div.querySelector('a')?.textContent).to.equal("L'agenda de Réseau Alliances");
  });

  it('names the card as the loader knows it in the KSES-proof markup', () => {
    const { markup } = widgetSnippets({
      ...agendaOptions,
      widget: 'event-card',
      attributes: { 'event-id': 'club-rse' },
    });
    const div = parse(markup).querySelector<HTMLElement>('div[data-ra-widget]')!;
    expect(div.dataset.raWidget).to.equal('card');
    expect(div.dataset.eventId).to.equal('club-rse');
  });

  it('writes the WordPress shortcode with underscores in attribute names', () => {
    const { shortcode } = widgetSnippets({
      ...agendaOptions,
      widget: 'event-card',
      attributes: { 'event-id': 'club-rse' },
    });
    expect(shortcode).to.equal(`[ra_event_card feed="${feed}" event_id="club-rse"]`);
  });

  it('escapes what a partner types, so a quote cannot end an attribute', () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const page = parse(widgetSnippets({ ...agendaOptions, attributes: { category: hostile } }).module);
    expect(page.querySelector('img')).to.equal(null);
    expect(page.querySelector('ra-agenda')?.getAttribute('category')).to.equal(hostile);
  });

  it('sets theme colours in a style block for the tag', () => {
    const { module } = widgetSnippets({ ...agendaOptions, properties: { '--ra-color-primary': '#6b2c91' } });
    expect(parse(module).querySelector('style')?.textContent).to.contain('--ra-color-primary: #6b2c91;');
  });
});

describe('mountSnippetBuilder', () => {
  it('never puts the preview clock in the copied code', async () => {
    const container = await builder();
    expect(container.querySelector('ra-agenda')?.getAttribute('now')).to.equal('2020-06-01T09:00:00+02:00');
    for (let index = 0; index < 3; index++) expect(code(container, index)).not.to.contain('now');
  });

  it('offers the event picker for a card and writes its event-id', async () => {
    const container = await builder();
    const widget = container.querySelector<HTMLSelectElement>('select[name="widget"]')!;
    widget.value = 'event-card';
    widget.dispatchEvent(new Event('change', { bubbles: true }));
    const event = container.querySelector<HTMLSelectElement>('select[name="event"]')!;
    expect(event.closest<HTMLElement>('.field')!.hidden).to.equal(false);
    expect(parse(code(container, 0)).querySelector('ra-event-card')?.getAttribute('event-id')).to.equal(
      event.value,
    );
    await waitUntil(() => container.querySelector('ra-event-card')?.shadowRoot?.querySelector('h3, h2'));
  });

  it('says the code is selected when the clipboard refuses', async () => {
    const container = await builder();
    const writeText = navigator.clipboard?.writeText;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    try {
      container.querySelector<HTMLButtonElement>('.snippet button')!.click();
      const status = container.querySelector('.copy-status')!;
      await waitUntil(() => status.textContent !== '');
      expect(status.textContent).to.contain('Ctrl+C');
      const textarea = container.querySelector('textarea')!;
      expect(document.activeElement).to.equal(textarea);
      expect(textarea.selectionEnd - textarea.selectionStart).to.equal(textarea.value.length);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    }
  });

  it('is accessible', async () => {
    const container = await builder();
    await waitUntil(() => container.querySelector('ra-agenda')?.shadowRoot?.querySelector('[part~="list"]'));
    await expect(container).to.be.accessible();
  });
});
