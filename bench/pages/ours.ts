/**
 * Ours: `<ra-agenda>` bundled from source. The element is on screen (its loading skeleton painted) before the
 * clock starts; then it gets the parsed feed as `.feed`. `?limit=` sets its page size (absent: the default).
 */
import '../../src/components/agenda/define.js';
import { benchNow, countMarkup, laidOut, loadFeed, nextFrame, params } from './shared.js';

const feed = await loadFeed();
const agenda = document.createElement('ra-agenda');
agenda.setAttribute('now', benchNow);
if (params.has('limit')) agenda.limit = Number(params.get('limit'));
document.body.append(agenda);
await agenda.updateComplete;
await nextFrame();

window.bench = {
  async render() {
    const start = performance.now();
    agenda.feed = feed;
    await agenda.updateComplete;
    await laidOut(agenda);
    return performance.now() - start;
  },
  markup: () => countMarkup(agenda.shadowRoot!.querySelector('[part="list"]')!),
  cards: () => agenda.shadowRoot!.querySelectorAll('article').length,
};
