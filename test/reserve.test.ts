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

/**
 * The page's fonts: the browser's default, and a theme's `html { font-size: 62.5% }` with its text set back to
 * 16 px (a common WordPress pattern), where `rem` and the widgets' `em` part.
 */
const themes = {
  'default fonts': () => {
    document.documentElement.style.fontSize = '';
    document.body.style.fontSize = '';
  },
  'a 62.5% root font': () => {
    document.documentElement.style.fontSize = '62.5%';
    document.body.style.fontSize = '1.6rem';
  },
} as const;
type Theme = keyof typeof themes;
const cases = widths.flatMap((width) => (Object.keys(themes) as Theme[]).map((theme) => ({ width, theme })));

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
  for (const { width, theme } of cases) {
    await setViewport({ width, height: 800 });
    themes[theme]();
    for (const widget of elements.keys()) {
      reserved.set(`${widget} ${width} ${theme}`, {
        element: height(elements.get(widget)!),
        div: height(divs.get(widget)!),
      });
    }
  }
  // The code arrives.
  await import('../src/index.js');
  for (const { width, theme } of cases) {
    await setViewport({ width, height: 800 });
    themes[theme]();
    for (const [widget, element] of elements) {
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      loading.set(`${widget} ${width} ${theme}`, height(element));
    }
  }
});

after(() => {
  window.fetch = originalFetch;
  themes['default fonts']();
  for (const element of [...elements.values(), ...divs.values()]) element.remove();
});

describe('the reserve rules against the loading states', () => {
  for (const { width, theme } of cases) {
    for (const widget of Object.keys(widgets) as Widget[]) {
      it(`hold the ${widget}'s loading height at ${width} px with ${theme}, for the element and its div`, () => {
        const held = reserved.get(`${widget} ${width} ${theme}`)!;
        const wanted = loading.get(`${widget} ${width} ${theme}`)!;
        const em = parseFloat(getComputedStyle(document.body).fontSize);
        const say = (got: number) => `${got / em}em held, the loading state is ${wanted / em}em`;
        expect(held.element).to.be.closeTo(wanted, 1, say(held.element));
        expect(held.div).to.be.closeTo(wanted, 1, say(held.div));
      });
    }
  }
});
