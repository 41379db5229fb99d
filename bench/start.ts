/**
 * Cold and warm start: the snippet a partner pastes (the autoloader and one `<ra-agenda feed>`), with the CDN
 * build (dist/cdn) and the feed served by the bench server. Cold: a new browser context (empty HTTP cache and
 * localStorage). Warm: the same context visits again while the server holds the feed back, to show the agenda
 * painting from its stored copy before the feed's response. Times are from navigation start.
 */
import type { Browser, Page } from 'playwright';
import type { BenchServer } from './server.js';
import { contextOptions } from './render.js';
import { median } from './stats.js';

export const startPages = { ours: '/start/index.html', floor: '/start/floor.html' };
export const startFeed = '/start/feed.json';
/** The present the start page's agenda is told, inside the synthetic feed's years. */
export const startNow = '2020-06-15T10:00:00+02:00';

/** The partner's page: the documented snippet, nothing else. */
export const startHtml = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Agenda du réseau</title>
    <script type="module" src="/cdn/ra-widgets.js"></script>
  </head>
  <body>
    <h1>Agenda du réseau</h1>
    <ra-agenda feed="${startFeed}" now="${startNow}"></ra-agenda>
  </body>
</html>
`;

/**
 * The network floor for the same visit: the feed fetched by an inline script and the first ten titles written
 * with `innerHTML`: no widget code to download, no validation, no cache.
 */
export const startFloorHtml = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Agenda du réseau</title>
  </head>
  <body>
    <h1>Agenda du réseau</h1>
    <ul id="agenda"></ul>
    <script type="module">
      const now = new Date('${startNow}');
      const feed = await (await fetch('${startFeed}')).json();
      const escape = (text) => text.replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
      document.getElementById('agenda').innerHTML = feed.events
        .filter((event) => new Date(event.endDate) >= now)
        .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate))
        .slice(0, 10)
        .map((event) => '<li><article><h2>' + escape(event.name) + '</h2></article></li>')
        .join('');
    </script>
  </body>
</html>
`;

/**
 * Runs at document start in every page: notes the frame in which the first card (`<article>`) is on screen. A
 * string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
 */
const probe = `
  requestAnimationFrame(function check() {
    const root = document.querySelector('ra-agenda')?.shadowRoot ?? document;
    if (root.querySelector('article')) window.agendaPainted = performance.now();
    else requestAnimationFrame(check);
  });
`;

/** The throttled network: DevTools' emulation, the same both ways. */
export const throttling = { latencyMs: 150, bytesPerSecond: 200_000 };

/** Cold start's target: at most this many times the floor's time to paint (issue 10). */
export const coldStartTarget = 1.5;

export interface Visit {
  /** Navigation start → the frame that paints the first card. */
  painted: number;
  /** Navigation start → the feed's response fully received. */
  feedResponse: number;
  /**
   * Navigation start → the feed and the code the first paint needs (the loader and the chunks it requests at once)
   * received: what is left until `painted` is the CPU's.
   */
  allReceived: number;
  requests: number;
  /** Bytes over the wire, headers included, from Resource Timing (0 for what the HTTP cache served). */
  transferred: number;
}

async function visit(page: Page, url: string): Promise<Visit> {
  const origin = new URL(url).origin;
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { agendaPainted?: number }).agendaPainted !== undefined,
    undefined,
    {
      timeout: 30_000,
    },
  );
  const feedUrl = `${origin}${startFeed}`;
  await page.waitForFunction((url) => performance.getEntriesByName(url).length > 0, feedUrl, {
    timeout: 30_000,
  });
  return page.evaluate((url) => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const feed = performance.getEntriesByName(url)[0] as PerformanceResourceTiming;
    const painted = (window as unknown as { agendaPainted: number }).agendaPainted;
    // The loader, then the chunks it requests at once beside the feed; later chunks load on demand.
    const needed = resources.filter(
      (entry) => entry === feed || (entry.name.endsWith('.js') && entry.startTime <= feed.startTime + 100),
    );
    return {
      painted,
      feedResponse: feed.responseEnd,
      allReceived: Math.min(painted, Math.max(...needed.map((entry) => entry.responseEnd))),
      requests: resources.length + 1,
      transferred: resources.reduce((sum, entry) => sum + entry.transferSize, navigation?.transferSize ?? 0),
    };
  }, feedUrl);
}

export interface StartResult {
  cold: Visit;
  warm: Visit;
  /** Every warm visit painted before its feed response arrived. */
  warmBeforeFeed: boolean;
  samples: number;
}

function medianVisit(visits: Visit[]): Visit {
  return {
    painted: median(visits.map((v) => v.painted)),
    feedResponse: median(visits.map((v) => v.feedResponse)),
    allReceived: median(visits.map((v) => v.allReceived)),
    requests: Math.round(median(visits.map((v) => v.requests))),
    transferred: median(visits.map((v) => v.transferred)),
  };
}

/**
 * `samples` pairs of visits (cold, then warm with the feed delayed by `feedDelayMs`), medians of each;
 * with `throttle`, DevTools' network emulation: 150 ms latency, 1.6 Mbps both ways.
 */
export async function measureStart(
  browser: Browser,
  server: BenchServer,
  which: keyof typeof startPages,
  samples: number,
  throttle: boolean,
  feedDelayMs: number,
): Promise<StartResult> {
  const colds: Visit[] = [];
  const warms: Visit[] = [];
  for (let sample = 0; sample < samples; sample++) {
    const context = await browser.newContext(contextOptions);
    await context.addInitScript({ content: probe });
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttling.latencyMs,
        downloadThroughput: throttling.bytesPerSecond,
        uploadThroughput: throttling.bytesPerSecond,
      });
    }
    server.delay(startFeed, 0);
    colds.push(await visit(page, `${server.origin}${startPages[which]}`));
    server.delay(startFeed, feedDelayMs);
    warms.push(await visit(page, `${server.origin}${startPages[which]}`));
    server.delay(startFeed, 0);
    await context.close();
  }
  return {
    cold: medianVisit(colds),
    warm: medianVisit(warms),
    warmBeforeFeed: warms.every((v) => v.painted < v.feedResponse && v.painted < feedDelayMs),
    samples,
  };
}
