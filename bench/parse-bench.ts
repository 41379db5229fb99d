/**
 * Feed: `parseFeed` (validation + normalization into the domain model) of the synthetic feed, in Node (tsx,
 * from source) and in Chromium (bundled by esbuild). The JSON text is parsed once beforehand: `JSON.parse` is
 * the platform's, not ours. One warm-up run, then the median of `runs`.
 */
import type { Browser } from 'playwright';
import { parseFeed } from '../src/feed/parse.js';
import { makeFeed } from './make-feed.js';
import { contextOptions } from './render.js';
import { median } from './stats.js';

export interface ParseResult {
  /** Milliseconds per run, the warm-up first. */
  times: number[];
  median: number;
  perEvent: number;
}

function summarize(times: number[], count: number): ParseResult {
  const measured = median(times.slice(1));
  return { times, median: measured, perEvent: (measured * 1000) / count };
}

export function parseInNode(count: number, runs: number): ParseResult {
  const json: unknown = JSON.parse(JSON.stringify(makeFeed(count)));
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    const feed = parseFeed(json, 'bench', { warn: false });
    times.push(performance.now() - start);
    if (feed.events.length !== count) throw new Error(`${feed.events.length} of ${count} events parsed`);
  }
  return summarize(times, count);
}

export async function parseInChromium(
  browser: Browser,
  origin: string,
  count: number,
  runs: number,
): Promise<ParseResult> {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.goto(`${origin}/pages/parse.html?n=${count}&runs=${runs + 1}`);
  await page.waitForFunction(() => window.parseRuns !== undefined);
  const times = await page.evaluate(() => window.parseRuns!());
  await context.close();
  return summarize(times, count);
}
