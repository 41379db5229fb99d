import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../components/event-card/define.js';
import '../components/agenda/define.js';
import type { Feed } from '../feed/model.js';
import { makeEvent } from '../../test/helpers/agenda-event.js';

const NOW = '2020-09-15T10:00:00+02:00';
const SCRIPT = 'script[type="application/ld+json"]';
const event = makeEvent();
const feed: Feed = { version: 1, events: [event], members: [], issues: [] };

const scripts = (element: Element) => element.querySelectorAll(SCRIPT).length;
const published = (element: Element) => waitUntil(() => scripts(element) === 1, 'JSON-LD written');

async function widgets(): Promise<{ page: HTMLElement; card: HTMLElement; agenda: HTMLElement }> {
  const page = await fixture<HTMLElement>(
    html`<div>
      <section class="first">
        <ra-event-card .event=${event} now=${NOW}></ra-event-card>
        <ra-agenda .feed=${feed} now=${NOW}></ra-agenda>
      </section>
      <section class="second"></section>
    </div>`,
  );
  const card = page.querySelector<HTMLElement>('ra-event-card')!;
  const agenda = page.querySelector<HTMLElement>('ra-agenda')!;
  await published(card);
  await published(agenda);
  return { page, card, agenda };
}

describe('JSON-LD through moves in the page', () => {
  for (const tag of ['card', 'agenda'] as const) {
    describe(tag, () => {
      it('is written again after an append into another container', async () => {
        const w = await widgets();
        w.page.querySelector('.second')!.append(w[tag]);
        await published(w[tag]);
        expect(scripts(w[tag])).to.equal(1);
      });

      it('is written again after replaceChildren', async () => {
        const w = await widgets();
        w.page.querySelector('.second')!.replaceChildren(w[tag]);
        await published(w[tag]);
        expect(scripts(w[tag])).to.equal(1);
      });

      it('is written again after a removal then a re-insertion', async () => {
        const w = await widgets();
        w[tag].remove();
        w.page.prepend(w[tag]);
        await published(w[tag]);
        expect(scripts(w[tag])).to.equal(1);
      });

      it('leaves nothing behind after a final removal', async () => {
        const w = await widgets();
        w[tag].remove();
        expect(scripts(w[tag])).to.equal(0);
        // Only the other widget's is left in the page.
        expect(document.querySelectorAll(SCRIPT)).to.have.length(1);
      });
    });
  }
});
