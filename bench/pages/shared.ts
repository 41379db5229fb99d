/**
 * What every render page shares: the feed of `?n=` events parsed before the clock starts, the clock's end
 * ("laid out": a forced layout, then the next frame), and the hooks `bench/run.ts` calls.
 */
import type { Feed } from '../../src/feed/model.js';
import { parseFeed } from '../../src/feed/parse.js';

/** Before the first synthetic event (2018): every event is upcoming. */
export const benchNow = '2017-12-01T00:00:00+01:00';

export const params = new URLSearchParams(location.search);

/** The `?n=` feed, fetched and parsed: "feed parsed" is where the render clock starts. */
export async function loadFeed(): Promise<Feed> {
  const response = await fetch(`/feeds/${params.get('n')}.json`);
  return parseFeed(await response.json(), 'bench', { warn: false });
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Ends a measure: the layout forced now, then the frame that paints it. */
export async function laidOut(element: Element): Promise<void> {
  element.getBoundingClientRect();
  await nextFrame();
}

/** What `bench/run.ts` calls in a page. */
export interface BenchPage {
  /** Renders the parsed feed; resolves with the milliseconds from "feed parsed" to "laid out". */
  render(): Promise<number>;
  /** Elements and text rendered, to check that the pages show comparable markup. */
  markup(): { elements: number; text: number };
  /** Event cards (FullCalendar: rows) on the page. */
  cards(): number;
}

declare global {
  interface Window {
    bench?: BenchPage;
  }
}

/** Counts what a root renders (shadow roots included, one level deep as the pages have). */
export function countMarkup(root: ParentNode): { elements: number; text: number } {
  const elements = root.querySelectorAll('*');
  let text = 0;
  for (const element of elements) {
    for (const node of element.childNodes)
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent?.trim().length ?? 0;
  }
  return { elements: elements.length, text };
}
