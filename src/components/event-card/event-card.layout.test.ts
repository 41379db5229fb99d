/**
 * The card's geometry, measured as a person sees it: equal action buttons, at most two rows of actions on a phone,
 * nothing wider than the screen, words whole, the date above the title when the card is narrow, and a readable
 * width in the agenda's grid. Widths are set on a wrapper: the card follows its own width, not the window's.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AgendaEvent } from '../../feed/model.js';
import { parseFeed } from '../../feed/parse.js';
import { makeEvent } from '../../../test/helpers/agenda-event.js';
import type { RaAgenda } from '../agenda/agenda.js';
import '../agenda/define.js';
import './define.js';
import type { RaEventCard } from './event-card.js';

const NOW = '2020-09-15T10:00:00+02:00';

/** The sample feed's longest kind of title, a restriction sentence, registration, details and calendar. */
const busyEvent = makeEvent({
  name: 'Programme d’engagement : évaluez et améliorez votre impact social, environnemental et sociétal',
  membersOnly: true,
  restriction: 'L’adhésion à Réseau Alliances est requise pour participer à ce programme.',
  descriptionHtml: '<p>Trois ateliers.</p>',
});

async function cardAt(width: number, event: AgendaEvent = busyEvent, lang = 'fr'): Promise<RaEventCard> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} style="inline-size: ${width}px">
      <ra-event-card .event=${event} now=${NOW} reader-zone="Europe/Paris"></ra-event-card>
    </div>`,
  );
  const el = wrapper.querySelector('ra-event-card')!;
  await el.updateComplete;
  return el;
}

/** The visible controls of the actions row: buttons, the register link and the calendar's summary. */
function actionControls(el: RaEventCard): HTMLElement[] {
  const actions = el.shadowRoot!.querySelector('[part~="actions"]')!;
  return [...actions.querySelectorAll<HTMLElement>(':scope > .button, :scope > details > summary')];
}

function rows(controls: HTMLElement[]): number {
  return new Set(controls.map((control) => Math.round(control.getBoundingClientRect().top))).size;
}

/**
 * Words of an element's text split across two lines without a hyphen. A word narrower than its line can only have
 * been split by hyphenation (\`hyphens: auto\` with the text's \`lang\`, as Firefox does in French); a wider one was
 * cut where it overflowed.
 */
function wordsBrokenWithoutHyphen(element: HTMLElement): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const match of text.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size < 2) continue;
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = match[0];
      node.parentElement!.append(probe);
      const wider = probe.getBoundingClientRect().width > element.clientWidth;
      probe.remove();
      if (wider || getComputedStyle(element).hyphens !== 'auto') broken.push(match[0]);
    }
  }
  return broken;
}

for (const width of [320, 375, 768, 1280]) {
  describe(`an event card ${width} px wide`, () => {
    it('gives its action buttons one height', async () => {
      const heights = actionControls(await cardAt(width)).map((c) =>
        Math.round(c.getBoundingClientRect().height),
      );
      expect(heights.length).to.be.at.least(4);
      expect(new Set(heights).size, `heights ${heights.join(', ')}`).to.equal(1);
      expect(heights[0]).to.be.at.least(44);
    });

    it('keeps its actions on at most two rows', async () => {
      const controls = actionControls(await cardAt(width));
      const boxes = controls.map((c) => {
        const r = c.getBoundingClientRect();
        return `${c.textContent!.trim()} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}`;
      });
      expect(rows(controls), boxes.join(' | ')).to.be.at.most(2);
    });

    it('overflows nothing sideways', async () => {
      const el = await cardAt(width);
      const card = el.shadowRoot!.querySelector('[part~="card"]')!;
      const right = card.getBoundingClientRect().right;
      // A closed menu's content is laid out but not shown.
      const overflowing = [...card.querySelectorAll('*')].filter(
        (node) =>
          !node.closest('details:not([open]) > ul') && node.getBoundingClientRect().right > right + 0.5,
      );
      expect(overflowing.map((node) => node.className || node.localName)).to.deep.equal([]);
    });

    it('breaks no word of its title without a hyphen', async () => {
      const el = await cardAt(width);
      expect(
        wordsBrokenWithoutHyphen(el.shadowRoot!.querySelector<HTMLElement>('[part~="title"]')!),
      ).to.deep.equal([]);
    });
  });
}

describe('an event card on a phone', () => {
  it('puts the date above the title, giving the title the whole width', async () => {
    const el = await cardAt(343);
    const date = el.shadowRoot!.querySelector('[part~="date"]')!.getBoundingClientRect();
    const title = el.shadowRoot!.querySelector('[part~="title"]')!.getBoundingClientRect();
    const card = el.shadowRoot!.querySelector('[part~="card"]')!.getBoundingClientRect();
    expect(date.bottom).to.be.at.most(title.top + 0.5);
    expect(title.width).to.be.above(card.width * 0.8);
  });

  it('keeps the copy button named for assistive technologies when it shows its icon only', async () => {
    const el = await cardAt(343);
    const copy = el.shadowRoot!.querySelector<HTMLElement>('[part~="copy-button"]')!;
    expect(copy.textContent!.trim()).to.equal('Copier le lien');
    expect(copy.getBoundingClientRect().width).to.be.below(60);
    await expect(el).to.be.accessible();
  });

  it('opens the calendar menu over the card without moving the other buttons', async () => {
    const el = await cardAt(375);
    const before = actionControls(el).map((c) => c.getBoundingClientRect().top);
    el.shadowRoot!.querySelector<HTMLElement>('[part~="calendar-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('details[open]'));
    expect(actionControls(el).map((c) => c.getBoundingClientRect().top)).to.deep.equal(before);
    await expect(el).to.be.accessible();
  });
});

describe('the agenda’s grid', () => {
  it('never makes a card narrower than a readable measure', async () => {
    const feed = {
      version: 1,
      events: [1, 2, 3, 4, 5].map((n) => ({
        id: `e${n}`,
        name: `Atelier ${n} sur l’économie circulaire et l’environnement`,
        startDate: `2020-10-0${n}T09:00:00+02:00`,
        endDate: `2020-10-0${n}T12:00:00+02:00`,
        location: { '@type': 'Place', name: 'Lille' },
      })),
    };
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="fr" style="inline-size: 560px">
        <ra-agenda .feed=${parseFeed(feed)} layout="grid" now=${NOW}></ra-agenda>
      </div>`,
    );
    const agenda = wrapper.querySelector<RaAgenda>('ra-agenda')!;
    await waitUntil(() => agenda.shadowRoot!.querySelectorAll('[part~="card"]').length === 5);
    const fontSize = parseFloat(getComputedStyle(agenda).fontSize);
    for (const card of agenda.shadowRoot!.querySelectorAll('[part~="card"]')) {
      expect(card.getBoundingClientRect().width).to.be.at.least(18 * fontSize);
      expect(wordsBrokenWithoutHyphen(card.querySelector<HTMLElement>('[part~="title"]')!)).to.deep.equal([]);
    }
  });
});
