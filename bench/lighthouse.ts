/**
 * Lighthouse on one partner-style page (a header, an introduction, the agenda, then the rest of the page below
 * it), in three versions side by side: the floor (an inline `fetch` writing ten cards with `innerHTML`), ours (the
 * documented snippet) and FullCalendar's list view over the same ten events. Mobile (Lighthouse's default
 * profile: simulated slow 4G, 4× CPU slowdown) and desktop (`desktop-config`), median of `runs` runs each,
 * interleaved so that a busy moment of the machine weighs on every page alike. Lighthouse drives Debian's
 * Chromium through its Node API (asynchronous: the page server runs in this process).
 *
 * Standalone, against the CDN build (or `BENCH_CDN`): `tsx bench/lighthouse.ts [runs]` prints the table.
 */
import { build } from 'esbuild';
import { browserBundle } from './build-pages.js';
import lighthouse, { type Flags } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { launch } from 'chrome-launcher';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { makeFeed } from './make-feed.js';
import type { BenchServer } from './server.js';
import { median, ms, verdict } from './stats.js';

export const lighthouseFeed = '/lighthouse/feed.json';
/** Inside the synthetic feed's years, as the start pages. */
const now = '2020-06-15T10:00:00+02:00';

/**
 * The partner's page around a widget: text above and below, as a real page has, so layout shifts show. Its
 * stylesheet holds the agenda's place until the agenda's code arrives, as the README advises.
 */
function partnerPage(title: string, head: string, widget: string): string {
  const paragraph =
    '<p>Le réseau rassemble des entreprises et des organisations engagées dans une économie plus responsable : ' +
    'clubs de référents, ateliers, formations et visites, partout en région. Chaque rencontre est ouverte aux ' +
    'adhérents et, le plus souvent, à leurs partenaires.</p>';
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="L'agenda des rencontres du réseau." />
    <link rel="icon" href="data:," />
    <title>${title}</title>
    <style>
      body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d2b2a; }
      header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
      header { border-bottom: 1px solid #c9d3d1; }
      /* The README's advice: hold the agenda's place until its code arrives. */
      ra-agenda:not(:defined) { display: block; min-height: 62rem; }
    </style>
    ${head}
  </head>
  <body>
    <header><strong>Entreprises engagées</strong> · <a href="#agenda">Agenda</a> · <a href="#reseau">Le réseau</a></header>
    <main>
      <h1>Agenda du réseau</h1>
      ${paragraph}
      <section id="agenda" aria-label="Agenda">${widget}</section>
      <h2 id="reseau">Le réseau</h2>
      ${paragraph.repeat(4)}
    </main>
    <footer>© Entreprises engagées</footer>
  </body>
</html>
`;
}

/** The floor: the feed fetched by an inline script, the first ten upcoming events written as cards at once. */
const floorScript = `<script type="module">
  const now = new Date('${now}');
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const feed = await (await fetch('${lighthouseFeed}')).json();
  document.getElementById('floor').innerHTML = feed.events
    .filter((event) => new Date(event.endDate) >= now)
    .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate))
    .slice(0, 10)
    .map((event) => '<li><article><h3>' + escape(event.name) + '</h3><p><time>' +
      day.format(new Date(event.startDate)) + '</time></p><p>' + escape(event.summary ?? '') + '</p></article></li>')
    .join('');
</script>`;

/** The pages, by name; `oursBaseline` only when a second CDN build is served at `/cdn-baseline/`. */
export function lighthousePages(baseline: boolean): Record<string, string> {
  const ours = (cdn: string) =>
    partnerPage(
      'Agenda du réseau',
      `<script type="module" src="${cdn}/ra-widgets.js"></script>`,
      `<ra-agenda feed="${lighthouseFeed}" now="${now}"></ra-agenda>`,
    );
  return {
    floor: partnerPage('Agenda du réseau', floorScript, '<ul id="floor"></ul>'),
    ours: ours('/cdn'),
    ...(baseline && { oursBaseline: ours('/cdn-baseline') }),
    fullcalendar: partnerPage(
      'Agenda du réseau',
      '<script type="module" src="/lighthouse/fullcalendar.js"></script>',
      '<div id="fullcalendar"></div>',
    ),
  };
}

/** Serves the pages, their feed (200 synthetic events) and FullCalendar's bundle under `/lighthouse/`. */
export async function addLighthousePages(
  server: BenchServer,
  root: string,
  baseline: boolean,
): Promise<void> {
  for (const [name, html] of Object.entries(lighthousePages(baseline)))
    server.add(`/lighthouse/${name}.html`, html);
  server.add(lighthouseFeed, JSON.stringify(makeFeed(200)));
  const bundle = await build({
    entryPoints: [join(root, 'bench', 'pages', 'lighthouse-fullcalendar.ts')],
    ...browserBundle,
    write: false,
    define: { LIGHTHOUSE_FEED: JSON.stringify(lighthouseFeed), LIGHTHOUSE_NOW: JSON.stringify(now) },
  });
  server.add('/lighthouse/fullcalendar.js', Buffer.from(bundle.outputFiles[0]!.contents));
}

export type Profile = 'mobile' | 'desktop';

export interface LighthouseRun {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** The longest main-thread task Lighthouse saw (0 when none reached 50 ms), in ms. */
  longestTask: number;
  /** Tasks of 50 ms or more. */
  longTasks: number;
}

async function runOnce(url: string, profile: Profile): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', ...chromiumArgs],
    logLevel: 'silent',
  });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    };
    const result = await lighthouse(url, flags, profile === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const tasks = ((lhr.audits['long-tasks']?.details as { items?: { duration: number }[] } | undefined)
      ?.items ?? []) as { duration: number }[];
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
      longTasks: tasks.length,
    };
  } finally {
    chrome.kill();
  }
}

export type LighthouseFigures = Record<string, Record<Profile, LighthouseRun[]>>;

/** `runs` runs of every page in both profiles, interleaved. */
export async function measureLighthouse(
  origin: string,
  pages: string[],
  runs: number,
  log: (message: string) => void = () => undefined,
): Promise<LighthouseFigures> {
  const figures: LighthouseFigures = Object.fromEntries(
    pages.map((page) => [page, { mobile: [], desktop: [] }]),
  );
  for (let run = 0; run < runs; run++) {
    for (const profile of ['mobile', 'desktop'] as const) {
      log(`lighthouse ${profile}, run ${run + 1}/${runs}`);
      for (const page of pages)
        figures[page]![profile].push(await runOnce(`${origin}/lighthouse/${page}.html`, profile));
    }
  }
  return figures;
}

const labels: Record<string, string> = {
  floor: 'floor (inline `fetch`, ten cards)',
  ours: 'ours (snippet)',
  oursBaseline: 'ours, baseline build',
  fullcalendar: 'FullCalendar 6 list view',
};

function medianRun(list: LighthouseRun[]): LighthouseRun {
  const pick = (key: keyof LighthouseRun) => median(list.map((run) => run[key]));
  return {
    score: pick('score'),
    fcp: pick('fcp'),
    lcp: pick('lcp'),
    tbt: pick('tbt'),
    cls: pick('cls'),
    longestTask: pick('longestTask'),
    longTasks: pick('longTasks'),
  };
}

/** The Markdown table (medians, with each run's score) and the targets missed by ours. */
export function lighthouseSection(figures: LighthouseFigures, misses: string[]): string[] {
  const lines = [
    '| profile | page | performance | FCP | LCP | TBT | CLS | longest task | tasks ≥ 50 ms |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const profile of ['mobile', 'desktop'] as const) {
    for (const [page, byProfile] of Object.entries(figures)) {
      const runs = byProfile[profile];
      const m = medianRun(runs);
      lines.push(
        `| ${profile} | ${labels[page] ?? page} | ${m.score} <sub>(${runs.map((r) => r.score).join(', ')})</sub> | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} | ${m.cls.toFixed(3)} | ${m.longestTask ? ms(m.longestTask) : '—'} | ${m.longTasks} |`,
      );
    }
  }
  const ours = figures.ours;
  if (ours) {
    const mobile = medianRun(ours.mobile);
    const desktop = medianRun(ours.desktop);
    const targets: [boolean, string, string, string][] = [
      [mobile.score >= 95, 'performance (mobile) ≥ 95', `${mobile.score}`, `${95 - mobile.score} points`],
      [mobile.tbt <= 150, 'TBT (mobile) ≤ 150 ms', ms(mobile.tbt), ms(mobile.tbt - 150)],
      [mobile.cls <= 0.05, 'CLS (mobile) ≤ 0.05', mobile.cls.toFixed(3), (mobile.cls - 0.05).toFixed(3)],
      [desktop.cls <= 0.05, 'CLS (desktop) ≤ 0.05', desktop.cls.toFixed(3), (desktop.cls - 0.05).toFixed(3)],
      [
        desktop.longTasks === 0,
        'no main-thread task ≥ 50 ms (desktop)',
        desktop.longTasks ? `${desktop.longTasks}, longest ${ms(desktop.longestTask)}` : 'none',
        ms(desktop.longestTask - 50),
      ],
    ];
    lines.push('', 'Targets for ours, on this page:');
    for (const [met, target, value, by] of targets) {
      lines.push(`- ${target}: ${value}, ${verdict(met, by)}`);
      if (!met) misses.push(`Lighthouse, ${target}: ${value}`);
    }
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { BenchServer } = await import('./server.js');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const baseline = process.env.BENCH_BASELINE_CDN;
  const server = new BenchServer();
  server.addDirectory('/cdn', process.env.BENCH_CDN ?? join(root, 'dist', 'cdn'), (path) =>
    path.startsWith('chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
  );
  if (baseline) server.addDirectory('/cdn-baseline', baseline);
  await addLighthousePages(server, root, Boolean(baseline));
  await server.start();
  try {
    const pages = Object.keys(lighthousePages(Boolean(baseline)));
    const figures = await measureLighthouse(server.origin, pages, Number(process.argv[2] ?? 3), (m) =>
      console.error(m),
    );
    const misses: string[] = [];
    console.log(lighthouseSection(figures, misses).join('\n'));
  } finally {
    await server.close();
  }
}
