/**
 * Lighthouse on partner-style pages (a header, an introduction, the widgets, then the rest of the page below them).
 * One agenda, in three versions side by side: the floor (an inline `fetch` writing ten cards with `innerHTML`), ours
 * (the documented snippet) and FullCalendar's list view over the same ten events. And a page holding a card, a
 * registration form and a member badge (the README's snippets, on the sample feed as the server publishes it, held
 * back 300 ms so that their loading states show). Each of ours again from a baseline build when one is given.
 * Mobile (Lighthouse's default profile: simulated slow 4G, 4× CPU slowdown) and desktop (`desktop-config`), median
 * of `runs` runs each, interleaved so that a busy moment of the machine weighs on every page alike. Lighthouse drives
 * Debian's Chromium through its Node API (asynchronous: the page server runs in this process).
 *
 * Standalone, against the CDN build (or `BENCH_CDN`), with `BENCH_BASELINE_CDN` for the baseline:
 * `tsx bench/lighthouse.ts [runs] [pages]` prints the tables; `pages` is a comma-separated subset of the pages'
 * names (`floor`, `ours`, `oursBaseline`, `fullcalendar`, `widgets`, `widgetsBaseline`), all by default.
 */
import { build } from 'esbuild';
import { browserBundle } from './build-pages.js';
import lighthouse, { type Flags } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { launch } from 'chrome-launcher';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { makeFeed } from './make-feed.js';
import { sampleFeedWithEndpoints } from '../scripts/sample-feed.mjs';
import type { BenchServer } from './server.js';
import { median, ms, verdict } from './stats.js';

export const lighthouseFeed = '/lighthouse/feed.json';
/** Inside the synthetic feed's years, as the start pages. */
const now = '2020-06-15T10:00:00+02:00';
/** The sample feed, as the reference server publishes it, for the card, the form and the badge. */
const sampleFeed = '/lighthouse/sample-feed.json';
/**
 * The sample feed answers this late, as a feed host farther than the page's would: on loopback it would otherwise
 * often arrive before the widgets' loading states are painted, and a shift they cause would go unseen.
 */
const sampleFeedDelayMs = 300;
/** The demo's clock: the sample feed's events are still to come. */
const sampleNow = '2020-03-16T09:00:00+01:00';
/** The README's event; the badge's member is declared for local hosts in the sample feed's signed members list. */
const sampleEvent = 'formation-management-mobilite-2020-09-29';

const paragraph =
  '<p>Le réseau rassemble des entreprises et des organisations engagées dans une économie plus responsable : ' +
  'clubs de référents, ateliers, formations et visites, partout en région. Chaque rencontre est ouverte aux ' +
  'adhérents et, le plus souvent, à leurs partenaires.</p>';

/** The rules the README tells partners to paste (the file the WordPress plugin prints and the CDN build ships). */
const reserveCss = readFileSync(
  fileURLToPath(new URL('../integrations/wordpress/ra-widgets-reserve.css', import.meta.url)),
  'utf8',
);

/**
 * The partner's page around a widget: text above and below, as a real page has, so layout shifts show. Its
 * stylesheet holds each widget's place until the widget's code arrives, as the README advises.
 */
function partnerPage(title: string, head: string, widget: string): string {
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
      ${reserveCss}
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

/** A card, a registration form and a member badge, as the README's snippets paste them, with text between. */
const widgetsMarkup = `<ra-event-card feed="${sampleFeed}" event-id="${sampleEvent}" now="${sampleNow}">
        <a href="https://www.reseau-alliances.org/agenda/formation-management-mobilite-2020">Formation « Management de la mobilité »</a>
      </ra-event-card>
      ${paragraph}
      <ra-registration-form feed="${sampleFeed}" event-id="${sampleEvent}" now="${sampleNow}">
        <a href="https://www.reseau-alliances.org/agenda">S'inscrire sur le site du réseau</a>
      </ra-registration-form>
      ${paragraph}
      <ra-member-badge member="etika-spirulina" feed="${sampleFeed}">
        <a href="https://www.reseau-alliances.org/membres/etika-spirulina">Adhérent Réseau Alliances</a>
      </ra-member-badge>`;

/** Which page shows what: the agenda's, and the card, form and badge's. */
export const lighthouseScenarios = {
  agenda: ['floor', 'ours', 'oursBaseline', 'fullcalendar'],
  widgets: ['widgets', 'widgetsBaseline'],
} as const;

/** The pages, by name; the `…Baseline` ones only when a second CDN build is served at `/cdn-baseline/`. */
export function lighthousePages(baseline: boolean): Record<string, string> {
  const script = (cdn: string) => `<script type="module" src="${cdn}/ra-widgets.js"></script>`;
  const ours = (cdn: string) =>
    partnerPage(
      'Agenda du réseau',
      script(cdn),
      `<ra-agenda feed="${lighthouseFeed}" now="${now}"></ra-agenda>`,
    );
  const widgets = (cdn: string) => partnerPage('Formation du réseau', script(cdn), widgetsMarkup);
  return {
    floor: partnerPage('Agenda du réseau', floorScript, '<ul id="floor"></ul>'),
    ours: ours('/cdn'),
    ...(baseline && { oursBaseline: ours('/cdn-baseline') }),
    fullcalendar: partnerPage(
      'Agenda du réseau',
      '<script type="module" src="/lighthouse/fullcalendar.js"></script>',
      '<div id="fullcalendar"></div>',
    ),
    widgets: widgets('/cdn'),
    ...(baseline && { widgetsBaseline: widgets('/cdn-baseline') }),
  };
}

/**
 * Serves the pages, their feeds (200 synthetic events for the agendas, the sample feed for the card, the form and the
 * badge) and FullCalendar's bundle under `/lighthouse/`.
 */
export async function addLighthousePages(
  server: BenchServer,
  root: string,
  baseline: boolean,
): Promise<void> {
  for (const [name, html] of Object.entries(lighthousePages(baseline)))
    server.add(`/lighthouse/${name}.html`, html);
  server.add(lighthouseFeed, JSON.stringify(makeFeed(200)));
  server.add(sampleFeed, sampleFeedWithEndpoints('http://127.0.0.1'));
  server.delay(sampleFeed, sampleFeedDelayMs);
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
  widgets: 'ours (snippets)',
  widgetsBaseline: 'ours, baseline build',
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

type Target = [met: boolean, target: string, value: string, by: string];

/** The medians of `pages` in both profiles, each run's score in small type. */
function table(figures: LighthouseFigures, pages: readonly string[]): string[] {
  const lines = [
    '| profile | page | performance | FCP | LCP | TBT | CLS | longest task | tasks ≥ 50 ms |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const profile of ['mobile', 'desktop'] as const) {
    for (const page of pages) {
      const runs = figures[page]?.[profile];
      if (!runs) continue;
      const m = medianRun(runs);
      lines.push(
        `| ${profile} | ${labels[page] ?? page} | ${m.score} <sub>(${runs.map((r) => r.score).join(', ')})</sub> | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} | ${m.cls.toFixed(3)} | ${m.longestTask ? ms(m.longestTask) : '—'} | ${m.longTasks} |`,
      );
    }
  }
  return lines;
}

const clsTargets = (mobile: LighthouseRun, desktop: LighthouseRun): Target[] => [
  [mobile.cls <= 0.05, 'CLS (mobile) ≤ 0.05', mobile.cls.toFixed(3), (mobile.cls - 0.05).toFixed(3)],
  [desktop.cls <= 0.05, 'CLS (desktop) ≤ 0.05', desktop.cls.toFixed(3), (desktop.cls - 0.05).toFixed(3)],
];

/** The targets' lines under a table; a missed one also goes to `misses`, prefixed by `where`. */
function targetLines(title: string, where: string, targets: Target[], misses: string[]): string[] {
  const lines = ['', title];
  for (const [met, target, value, by] of targets) {
    lines.push(`- ${target}: ${value}, ${verdict(met, by)}`);
    if (!met) misses.push(`Lighthouse, ${where}${target}: ${value}`);
  }
  return lines;
}

/**
 * The Markdown tables (medians, with each run's score), one per kind of page, and the targets missed by ours.
 * `heading(text)` makes a subsection's heading line.
 */
export function lighthouseSection(
  figures: LighthouseFigures,
  misses: string[],
  heading: (text: string) => string,
): string[] {
  const lines: string[] = [];
  const ours = figures.ours;
  if (ours) {
    lines.push(
      heading("A partner's page with one agenda"),
      '',
      ...table(figures, lighthouseScenarios.agenda),
    );
    const mobile = medianRun(ours.mobile);
    const desktop = medianRun(ours.desktop);
    lines.push(
      ...targetLines(
        'Targets for ours, on this page:',
        '',
        [
          [mobile.score >= 95, 'performance (mobile) ≥ 95', `${mobile.score}`, `${95 - mobile.score} points`],
          [mobile.tbt <= 150, 'TBT (mobile) ≤ 150 ms', ms(mobile.tbt), ms(mobile.tbt - 150)],
          ...clsTargets(mobile, desktop),
          [
            desktop.longTasks === 0,
            'no main-thread task ≥ 50 ms (desktop)',
            desktop.longTasks ? `${desktop.longTasks}, longest ${ms(desktop.longestTask)}` : 'none',
            ms(desktop.longestTask - 50),
          ],
        ],
        misses,
      ),
    );
  }
  const widgets = figures.widgets;
  if (widgets) {
    lines.push(
      ...(lines.length ? [''] : []),
      heading("A partner's page with a card, a registration form and a member badge"),
      '',
      ...table(figures, lighthouseScenarios.widgets),
      ...targetLines(
        'Targets for ours, on this page:',
        'card, form and badge page, ',
        clsTargets(medianRun(widgets.mobile), medianRun(widgets.desktop)),
        misses,
      ),
    );
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
    const wanted = process.argv[3]?.split(',');
    const pages = Object.keys(lighthousePages(Boolean(baseline))).filter(
      (page) => !wanted || wanted.includes(page),
    );
    const figures = await measureLighthouse(server.origin, pages, Number(process.argv[2] ?? 3), (m) =>
      console.error(m),
    );
    const misses: string[] = [];
    console.log(lighthouseSection(figures, misses, (text) => `### ${text}`).join('\n'));
    if (misses.length) console.log(['', 'Targets missed:', ...misses.map((miss) => `- ${miss}`)].join('\n'));
  } finally {
    await server.close();
  }
}
