/// <reference types="mocha" />
/**
 * The reserve rules (integrations/wordpress/ra-widgets-reserve.css: the README's, the WordPress plugin's, the
 * demo's) against the widgets' loading states: the place an element holds before its code arrives must be the
 * height of its loading state once defined, or everything below it moves (Cumulative Layout Shift). Measured, not
 * read from the styles: the agenda's skeleton is a sum (filter bar, heading, a screenful of cards, gaps) and the
 * badge's box is its content's, not its `--ra-badge-height`.
 */
import { expect } from '@open-wc/testing';

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
  'default fonts': '',
  'a 62.5% root font': 'html { font-size: 62.5% } body { font-size: 1.6rem }',
} as const;
type Theme = keyof typeof themes;

interface Measured {
  /** Before the code arrives: the element's height and its `div[data-ra-widget]`'s. */
  reserved: Record<Widget, { element: number; div: number }>;
  /** Once defined, while its feed never arrives. */
  loading: Record<Widget, number>;
  /** The page's `em` in px, for the messages. */
  em: number;
}

const height = (element: Element) => element.getBoundingClientRect().height;

/**
 * A partner's page `width` px wide: an iframe, whose width is its viewport's (the rules' media query follows it;
 * WebKit's driver cannot resize the window). Its feeds never arrive, so every widget stays in its loading state.
 */
async function measure(width: number, theme: Theme, rules: string): Promise<Measured> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `inline-size: ${width}px; block-size: 800px; border: 0`;
  frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
    <style>${rules}</style><style>body { margin: 0 } ${themes[theme]}</style></head><body></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const page = frame.contentWindow as Window & typeof globalThis;
  page.fetch = () => new Promise<Response>(() => {});
  const placed = (Object.entries(widgets) as [Widget, string][]).map(([widget, tag]) => {
    const element = page.document.createElement(tag);
    element.setAttribute('feed', '/feed.json');
    element.setAttribute('event-id', 'an-event');
    element.setAttribute('member', 'a-member');
    const div = page.document.createElement('div');
    div.dataset.raWidget = widget;
    page.document.body.append(element, div);
    return { widget, tag, element, div };
  });
  const reserved = Object.fromEntries(
    placed.map(({ widget, element, div }) => [widget, { element: height(element), div: height(div) }]),
  ) as Measured['reserved'];
  // The code arrives.
  const script = page.document.createElement('script');
  script.type = 'module';
  // The TypeScript source, as the test runner serves it (an import from TypeScript names it `.js`).
  script.src = new URL('../src/index.ts', import.meta.url).href;
  page.document.head.append(script);
  const loading = {} as Measured['loading'];
  for (const { widget, tag, element } of placed) {
    await page.customElements.whenDefined(tag);
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    loading[widget] = height(element);
  }
  const em = parseFloat(page.getComputedStyle(page.document.body).fontSize);
  frame.remove();
  return { reserved, loading, em };
}

describe('the reserve rules against the loading states', () => {
  let rules: string;
  before(async () => {
    rules = await (await fetch('/integrations/wordpress/ra-widgets-reserve.css')).text();
  });

  for (const width of widths) {
    for (const theme of Object.keys(themes) as Theme[]) {
      describe(`at ${width} px with ${theme}`, () => {
        let measured: Measured;
        before(async () => {
          measured = await measure(width, theme, rules);
        });
        for (const widget of Object.keys(widgets) as Widget[]) {
          it(`hold the ${widget}'s loading height, for the element and its data-ra-widget div`, () => {
            const held = measured.reserved[widget];
            const wanted = measured.loading[widget];
            const say = (got: number) =>
              `${got / measured.em}em held, the loading state is ${wanted / measured.em}em`;
            expect(wanted).to.be.greaterThan(0);
            expect(held.element).to.be.closeTo(wanted, 1, say(held.element));
            expect(held.div).to.be.closeTo(wanted, 1, say(held.div));
          });
        }
      });
    }
  }
});
