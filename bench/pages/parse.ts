/** The feed benchmark in the browser: `parseFeed` (validation + normalization) on the `?n=` feed, `?runs=` times. */
import { parseFeed } from '../../src/feed/parse.js';
import { params } from './shared.js';

declare global {
  interface Window {
    parseRuns?: () => Promise<number[]>;
  }
}

window.parseRuns = async () => {
  const json: unknown = await (await fetch(`/feeds/${params.get('n')}.json`)).json();
  const times: number[] = [];
  for (let run = 0; run < Number(params.get('runs') ?? 6); run++) {
    const start = performance.now();
    const feed = parseFeed(json, 'bench', { warn: false });
    times.push(performance.now() - start);
    if (feed.events.length !== Number(params.get('n')))
      throw new Error(`${feed.events.length} events parsed`);
  }
  return times;
};
