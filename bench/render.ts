/**
 * Render: each sample is a fresh browser context (its own renderer process and heap) that loads a bench page,
 * parses the feed, then times "feed parsed" → "laid out" in the page (bench/pages/shared.ts). The JS heap is
 * read after a forced garbage collection, through the DevTools protocol. Long tasks come from a
 * `PerformanceObserver` while Playwright scrolls, clicks and types like a reader.
 */
import type { Browser, Page } from 'playwright';

export type Impl = 'ours' | 'floor' | 'fullcalendar';

export const contextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
};

/** One way of rendering the list: an implementation, a feed size and, for ours, a page size. */
export interface RenderCase {
  impl: Impl;
  count: number;
  limit?: number;
}

/** One fresh page's figures. */
export interface RenderSample {
  /** Feed parsed → laid out, ms. */
  time: number;
  /** V8's used heap after GC, bytes, when asked. */
  heap?: number;
  /** Blink's (Oilpan) heap after GC, bytes, when asked: mostly the DOM. */
  domHeap?: number;
  /** Rendered inside the list, when asked: elements and characters of text, and cards. */
  markup?: { elements: number; text: number; cards: number };
  interaction?: InteractionResult;
}

export interface SampleOptions {
  heap?: boolean;
  markup?: boolean;
  /** After the render (and the heap), a reader's session on the same page, pressing "Voir plus" this many times. */
  interact?: number;
}

async function openPage(browser: Browser, origin: string, { impl, count, limit }: RenderCase): Promise<Page> {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const failed = new Promise<never>((_, reject) => page.on('pageerror', reject));
  const query = new URLSearchParams({ n: String(count), ...(limit ? { limit: String(limit) } : {}) });
  await page.goto(`${origin}/pages/${impl}.html?${query}`);
  await Promise.race([
    page.waitForFunction(() => window.bench !== undefined, undefined, { timeout: 120_000 }),
    failed,
  ]).catch(async (error: unknown) => {
    await context.close();
    throw new Error(`the ${impl} page did not start: ${(error as Error).message}`);
  });
  return page;
}

async function heapAfterGc(page: Page): Promise<{ js: number; dom: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  await cdp.detach();
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? Number.NaN };
}

function cardCount(page: Page): Promise<number> {
  return page.evaluate(() => window.bench!.cards());
}

/** Loads `renderCase`'s page in a new browser context, renders once, measures, closes. */
export async function renderSample(
  browser: Browser,
  origin: string,
  renderCase: RenderCase,
  options: SampleOptions = {},
): Promise<RenderSample> {
  const page = await openPage(browser, origin, renderCase);
  try {
    const sample: RenderSample = { time: await page.evaluate(() => window.bench!.render()) };
    if (options.heap) {
      const heap = await heapAfterGc(page);
      sample.heap = heap.js;
      sample.domHeap = heap.dom;
    }
    if (options.markup) {
      sample.markup = {
        ...(await page.evaluate(() => window.bench!.markup())),
        cards: await cardCount(page),
      };
    }
    if (options.interact !== undefined && renderCase.impl !== 'fullcalendar') {
      sample.interaction = await interact(page, renderCase.impl, options.interact);
    }
    return sample;
  } finally {
    await page.context().close();
  }
}

export interface LongTasks {
  /** Longest main-thread task, ms (0 when none went over 50 ms). */
  longest: number;
  count: number;
}

export interface InteractionResult {
  scroll: LongTasks;
  filter: LongTasks;
  /** Cards on screen at the end of the scroll, and after the filter. */
  cardsScrolled: number;
  cardsFiltered: number;
  moreClicks: number;
}

async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** The long tasks seen since the last call, once the frames in flight have been delivered. */
async function takeLongTasks(page: Page): Promise<LongTasks> {
  const durations = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const tasks = (window as unknown as { longTasks: number[] }).longTasks;
    return tasks.splice(0, tasks.length);
  });
  return { longest: Math.max(0, ...durations), count: durations.length };
}

/** Scrolls to the bottom like a reader flicking down: at most 60 jumps, each waiting for its frame. */
function scrollToEnd(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const scroller = document.scrollingElement!;
    const distance = scroller.scrollHeight - innerHeight - scroller.scrollTop;
    const jumps = Math.min(60, Math.max(1, Math.ceil(distance / innerHeight)));
    for (let jump = 0; jump < jumps; jump++) {
      scroller.scrollBy(0, Math.ceil(distance / jumps));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
}

/**
 * A reader's session on a rendered list: scroll to the end (for ours, the shown pages, pressing "Voir plus"
 * `moreClicks` times on the way), then type a word in the search box and wait for the filtered list.
 */
async function interact(page: Page, impl: 'ours' | 'floor', moreClicks: number): Promise<InteractionResult> {
  await observeLongTasks(page);
  let clicks = 0;
  await scrollToEnd(page);
  const more = page.locator('ra-agenda').getByRole('button', { name: 'Voir plus' });
  for (; impl === 'ours' && clicks < moreClicks; clicks++) {
    const before = await cardCount(page);
    await more.click();
    await page.waitForFunction((count) => window.bench!.cards() > count, before);
    await scrollToEnd(page);
  }
  const scroll = await takeLongTasks(page);
  const cardsScrolled = await cardCount(page);
  const search = page.locator(impl === 'ours' ? 'ra-agenda input[type="search"]' : 'input[type="search"]');
  await search.click();
  // The floor gets the word in one input event: typed key by key, its 10 000-card page re-renders mid-word and
  // each key waits for seconds.
  if (impl === 'ours') await search.pressSequentially('atelier', { delay: 60 });
  else await search.fill('atelier');
  await page.waitForFunction((count) => window.bench!.cards() !== count, cardsScrolled);
  const filter = await takeLongTasks(page);
  return { scroll, filter, cardsScrolled, cardsFiltered: await cardCount(page), moreClicks: clicks };
}
