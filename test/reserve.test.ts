/// <reference types="mocha" />
/**
 * The reserve rules (integrations/wordpress/ra-widgets-reserve.css: the README's, the WordPress plugin's, the
 * demo's) against the widgets' loading states: the place an element holds before its code arrives must be the
 * height of its loading state once defined, or everything below it moves (Cumulative Layout Shift). Measured, not
 * read from the styles: the agenda's skeleton is a sum (filter bar, heading, a screenful of cards, gaps) and the
 * badge's box is its content's, not its `--ra-badge-height`.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

const widgets = {
  agenda: 'ra-agenda',
  card: 'ra-event-card',
  form: 'ra-registration-form',
  badge: 'ra-member-badge',
} as const;
type Widget = keyof typeof widgets;

/** Either side of the rules' breakpoint (36em): a phone, a laptop. */
const widths = [375, 1280] as const;

const elements = new Map<Widget, HTMLElement>();
const divs = new Map<Widget, HTMLElement>();
/** Heights before the code arrives (element and `div[data-ra-widget]`), and of the loading states, by width. */
const reserved = new Map<string, { element: number; div: number }>();
const loading = new Map<string, number>();
const originalFetch = window.fetch;

const height = (element: Element) => element.getBoundingClientRect().height;

before(async () => {
  const style = document.createElement('style');
  style.textContent = await (await fetch('/integrations/wordpress/ra-widgets-reserve.css')).text();
  document.head.append(style);
  // Feeds that never arrive: every widget stays in its loading state.
  window.fetch = () => new Promise<Response>(() => {});
  for (const [widget, tag] of Object.entries(widgets) as [Widget, string][]) {
    const element = document.createElement(tag);
    element.setAttribute('feed', '/feed.json');
    element.setAttribute('event-id', 'an-event');
    element.setAttribute('member', 'a-member');
    const div = document.createElement('div');
    div.dataset.raWidget = widget;
    document.body.append(element, div);
    elements.set(widget, element);
    divs.set(widget, div);
  }
  for (const width of widths) {
    await setViewport({ width, height: 800 });
    for (const widget of elements.keys()) {
      reserved.set(`${widget} ${width}`, {
        element: height(elements.get(widget)!),
        div: height(divs.get(widget)!),
      });
    }
  }
  // The code arrives.
  await import('../src/index.js');
  for (const width of widths) {
    await setViewport({ width, height: 800 });
    for (const [widget, element] of elements) {
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      loading.set(`${widget} ${width}`, height(element));
    }
  }
});

after(() => {
  window.fetch = originalFetch;
  for (const element of [...elements.values(), ...divs.values()]) element.remove();
});

describe('the reserve rules against the loading states', () => {
  for (const width of widths) {
    for (const widget of Object.keys(widgets) as Widget[]) {
      it(`hold the ${widget}'s loading height at ${width} px, for the element and its data-ra-widget div`, () => {
        const held = reserved.get(`${widget} ${width}`)!;
        const wanted = loading.get(`${widget} ${width}`)!;
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
        const say = (got: number) => `${got / rem}rem held, the loading state is ${wanted / rem}rem`;
        expect(held.element).to.be.closeTo(wanted, 1, say(held.element));
        expect(held.div).to.be.closeTo(wanted, 1, say(held.div));
      });
    }
  }
});
