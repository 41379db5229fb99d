/**
 * Cumulative Layout Shift on the demo's partner pages, as a reader on a slow connection meets them: the page paints
 * before the widgets' code arrives (the bundle is held back), then the skeletons show before the feed arrives (the
 * feed is held back too). Every shift counts, in the largest session window (web.dev's definition of CLS); "good"
 * is 0.1, the issue's target 0.05.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSetup, startServer } from './server.js';

const e2e = e2eSetup({ server: () => startServer() });

const screens = {
  phone: { width: 412, height: 823 },
  laptop: { width: 1350, height: 940 },
} as const;

/** Records every layout shift with its time, from document start. */
const recorder = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (!entry.hadRecentInput) window.__shifts.push({ time: entry.startTime, value: entry.value });
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** The largest session window: shifts less than 1 s apart, the window at most 5 s long. */
function cumulativeLayoutShift(shifts: { time: number; value: number }[]): number {
  let largest = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { time, value } of shifts) {
    if (time - last > 1000 || time - first > 5000) {
      current = 0;
      first = time;
    }
    current += value;
    last = time;
    largest = Math.max(largest, current);
  }
  return largest;
}

async function measure(path: string, screen: keyof typeof screens): Promise<number> {
  const page = await e2e.browser.newPage({
    viewport: screens[screen],
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  await page.addInitScript({ content: recorder });
  const hold = (ms: number) => async (route: import('playwright').Route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  };
  await page.route('**/cdn/ra-widgets.js', hold(400));
  await page.route('**/feed.json', hold(800));
  await page.goto(e2e.server.origin + path);
  await page.locator('ra-agenda article').first().waitFor({ timeout: 15_000 });
  // Idle time: the rest of the list, JSON-LD and lazy parts land after the first screen.
  await page.waitForTimeout(1500);
  const shifts = await page.evaluate(
    () => (window as unknown as { __shifts: { time: number; value: number }[] }).__shifts,
  );
  await page.close();
  return cumulativeLayoutShift(shifts);
}

describe('layout stability on partner pages (CLS)', () => {
  for (const path of ['/partners/static.html', '/partners/wordpress.html', '/']) {
    for (const screen of Object.keys(screens) as (keyof typeof screens)[]) {
      it(`${path} on a ${screen}: CLS ≤ 0.05 with a slow bundle and feed`, async () => {
        const cls = await measure(path, screen);
        assert.ok(cls <= 0.05, `CLS ${cls.toFixed(3)}`);
      });
    }
  }
});
