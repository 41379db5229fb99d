/**
 * The CDN bundle as partners paste it: from a second origin (a CDN) or the page's own, as a module or a classic
 * script, with or without `crossorigin`, in `<head>` or at the end of `<body>`; the KSES-proof `data-ra-widget`
 * markup; tags in shadow roots; failures shown in place; the feed requested beside the code. Every test fails on
 * a `console.error`, an uncaught error or a page where nothing rendered.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Request } from 'playwright';
import { recordingPage, startStaticServer } from './embedding-cdn.js';
import { e2eSetup } from './server.js';

// Free ports unless given (RA_E2E_SITE_PORT, RA_E2E_CDN_PORT).
const e2e = e2eSetup({
  /** The partner's site: its pages, its copy of the bundle under /cdn/, the feed under /data/. */
  site: () =>
    startStaticServer(
      { '/cdn/': 'dist/cdn', '/data/': 'demo/data' },
      Number(process.env.RA_E2E_SITE_PORT ?? 0),
    ),
  /** The CDN: another origin. */
  cdn: () => startStaticServer({ '/': 'dist/cdn' }, Number(process.env.RA_E2E_CDN_PORT ?? 0)),
});

const now = '2020-03-16T09:00:00+01:00';
const fallback = '<a href="https://reseau-alliances.example/agenda">Voir l’agenda du réseau</a>';

type Kind = 'module' | 'classic' | 'classic crossorigin';

function scriptTag(src: string, kind: Kind): string {
  if (kind === 'module') return `<script type="module" src="${src}"></script>`;
  return `<script src="${src}"${kind === 'classic crossorigin' ? ' crossorigin' : ''}></script>`;
}

function page(body: string, { head = '', end = '' } = {}): string {
  return (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title>' +
    `${head}</head><body><main>${body}</main>${end}</body></html>`
  );
}

/** `body` on a partner's page, with the bundle from the CDN (a classic script by default, as WordPress writes it). */
function fromCdn(body: string, kind: Kind = 'classic'): string {
  return page(body, { end: scriptTag(`${e2e.cdn.origin}/ra-widgets.js`, kind) });
}

/** Opens `html` as the page at `path` of the reference server (the partner's origin, which serves the feed). */
async function open(html: string, path = '/e2e/partner.html', headers: Record<string, string> = {}) {
  const opened = await recordingPage(e2e.browser);
  e2e.site.pages.set(path, { html, headers });
  await opened.page.goto(e2e.site.origin + path);
  return opened;
}

/** `file` (in `dist/cdn/chunks`) and the chunks it imports statically, however deep. */
function staticImports(file: string, found = new Set<string>()): Set<string> {
  found.add(file);
  const code = readFileSync(`dist/cdn/chunks/${file}`, 'utf8');
  for (const [, imported] of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+)["'`]/g)) {
    if (!found.has(imported!)) staticImports(imported!, found);
  }
  return found;
}

function isFeed(request: Request): boolean {
  return new URL(request.url()).pathname === '/data/feed.json';
}

describe('embedding from anywhere', () => {
  for (const origin of ['another origin', 'the page’s origin'] as const) {
    for (const kind of ['module', 'classic', 'classic crossorigin'] as const) {
      for (const place of ['head', 'body'] as const) {
        it(`renders an agenda loaded as a ${kind} script from ${origin}, in <${place}>`, async () => {
          const base = origin === 'another origin' ? e2e.cdn.origin : `${e2e.site.origin}/cdn`;
          const script = scriptTag(`${base}/ra-widgets.js`, kind);
          const agenda = `<ra-agenda feed="/data/feed.json" now="${now}" limit="3">${fallback}</ra-agenda>`;
          const { page: tab, problems } = await open(
            page(agenda, place === 'head' ? { head: script } : { end: script }),
          );
          await tab.locator('ra-agenda article').first().waitFor();
          assert.deepEqual(problems, []);
          await tab.close();
        });
      }
    }
  }

  it('upgrades the KSES-proof markup of the four widgets, passing on only their own attributes', async () => {
    const { page: tab, problems } = await open(
      fromCdn(
        `<div data-ra-widget="agenda" data-feed="/data/feed.json" data-now="${now}" data-limit="2" ` +
          `data-category="atelier" data-onclick="alert(1)" id="agenda" class="wp-block">${fallback}</div>` +
          `<div data-ra-widget="card" data-feed="/data/feed.json" data-event-id="atelier-cycle-habiter-2020-03-12" data-now="${now}">${fallback}</div>` +
          `<div data-ra-widget="form" data-feed="/data/feed.json" data-event-id="programme-engagement-2020-05-26" data-action="https://api.reseau-alliances.example/registrations" data-now="${now}">${fallback}</div>` +
          `<div data-ra-widget="badge" data-feed="/data/feed.json" data-member="etika-spirulina"><a href="https://reseau-alliances.example/membres">Membre du réseau</a></div>`,
      ),
    );
    await tab.locator('ra-agenda article').first().waitFor();
    await tab.locator('ra-event-card article').waitFor();
    await tab.locator('ra-registration-form form').waitFor();
    await tab.locator('ra-member-badge a[part="badge"]').waitFor();
    const agenda = await tab.locator('ra-agenda').evaluate((element) => ({
      attributes: element.getAttributeNames().sort(),
      fallback: element.querySelector(':scope > a')?.textContent,
    }));
    // `layout` is the agenda's own, reflected; data-onclick is not an attribute of the agenda.
    assert.deepEqual(agenda.attributes, ['category', 'class', 'feed', 'id', 'layout', 'limit', 'now']);
    assert.equal(agenda.fallback, 'Voir l’agenda du réseau', 'the fallback link moves inside, for crawlers');
    assert.equal(await tab.locator('[data-ra-widget]').count(), 0);
    // The only console output allowed: a warning naming the attribute that was left out.
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('warns about a data- attribute that is not the widget’s own', async () => {
    const { page: tab } = await open(
      fromCdn(
        `<div data-ra-widget="agenda" data-feed="/data/feed.json" data-onclick="alert(1)">${fallback}</div>`,
      ),
    );
    const warning = await tab.waitForEvent('console', (message) => message.type() === 'warning');
    assert.match(warning.text(), /data-onclick is not an attribute of <ra-agenda>; ignored/);
    await tab.close();
  });

  it('shows the fallback link when JavaScript is off', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    e2e.site.pages.set('/e2e/nojs.html', {
      html: fromCdn(`<div data-ra-widget="agenda" data-feed="/data/feed.json">${fallback}</div>`),
    });
    await tab.goto(e2e.site.origin + '/e2e/nojs.html');
    assert.equal(await tab.getByRole('link', { name: 'Voir l’agenda du réseau' }).isVisible(), true);
    await context.close();
  });

  it('says in the widget’s place, and precisely in the console, that its code could not load', async () => {
    const { page: tab, problems } = await recordingPage(e2e.browser);
    await tab.route(`${e2e.cdn.origin}/chunks/**`, (route) => route.fulfill({ status: 404, body: '' }));
    e2e.site.pages.set('/e2e/broken.html', {
      html: fromCdn(
        `<ra-agenda feed="/data/feed.json">${fallback}</ra-agenda>` +
          `<div data-ra-widget="card" data-feed="/data/feed.json" data-event-id="x">${fallback}</div>`,
      ),
    });
    await tab.goto(e2e.site.origin + '/e2e/broken.html');
    const messages = tab.getByText("Ce contenu n'a pas pu être chargé.");
    await messages.nth(1).waitFor();
    assert.equal(await tab.getByRole('link', { name: 'Voir l’agenda du réseau' }).count(), 2);
    const loadErrors = problems.filter((problem) => problem.includes('could not load'));
    assert.equal(loadErrors.length, 2);
    assert.match(
      loadErrors.join('\n'),
      /could not load <ra-agenda> \(bundle http:\/\/127\.0\.0\.1:\d+\/ra-widgets\.js\)/,
    );
    await tab.close();
  });

  it('says so for a data-ra-widget that names no widget', async () => {
    const { page: tab, problems } = await open(fromCdn(`<div data-ra-widget="calendar">${fallback}</div>`));
    await tab.getByText("Ce contenu n'a pas pu être chargé.").waitFor();
    assert.match(
      problems.join('\n'),
      /data-ra-widget="calendar" is not a widget; use one of: agenda, card, form, badge/,
    );
    await tab.close();
  });

  it('finds tags in an open shadow root present at load (declarative shadow DOM)', async () => {
    const { page: tab, problems } = await open(
      fromCdn(
        '<div id="shell"><template shadowrootmode="open">' +
          `<ra-agenda feed="/data/feed.json" now="${now}" limit="2">${fallback}</ra-agenda></template></div>`,
      ),
    );
    await tab.locator('#shell ra-agenda article').first().waitFor();
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('finds tags an app shell renders into its shadow root once its own code defines it', async () => {
    const { page: tab, problems } = await open(fromCdn('<app-shell></app-shell>', 'module'));
    // The shell's code comes after the widgets' loader, and renders a moment after it is defined.
    await tab.evaluate((now) => {
      customElements.define(
        'app-shell',
        class extends HTMLElement {
          connectedCallback() {
            const root = this.attachShadow({ mode: 'open' });
            queueMicrotask(() => {
              root.innerHTML = `<section><ra-agenda feed="/data/feed.json" now="${now}" limit="2"></ra-agenda></section>`;
            });
          }
        },
      );
    }, now);
    await tab.locator('app-shell ra-agenda article').first().waitFor();
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('finds tags in a shadow root attached to a plain element when the app says where', async () => {
    const { page: tab, problems } = await open(fromCdn('<div id="shell"></div>'));
    await tab.waitForFunction(() => document.readyState === 'complete');
    await tab.evaluate((now) => {
      // Invisible to the loader: a shadow root attached after it saw the element, which is not a custom element.
      const root = document.querySelector('#shell')!.attachShadow({ mode: 'open' });
      root.innerHTML = `<ra-agenda feed="/data/feed.json" now="${now}" limit="2"></ra-agenda>`;
      root.dispatchEvent(new Event('ra-widgets-scan', { composed: true }));
    }, now);
    await tab.locator('#shell ra-agenda article').first().waitFor();
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('finds tags inserted later into a shadow root it already watches', async () => {
    const { page: tab, problems } = await open(
      fromCdn('<div id="shell"><template shadowrootmode="open"><p>Agenda :</p></template></div>'),
    );
    await tab.waitForFunction(() => document.readyState === 'complete');
    await tab.evaluate((now) => {
      const agenda = document.createElement('ra-agenda');
      agenda.setAttribute('feed', '/data/feed.json');
      agenda.setAttribute('now', now);
      document.querySelector('#shell')!.shadowRoot!.append(agenda);
    }, now);
    await tab.locator('#shell ra-agenda article').first().waitFor();
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it("works under Trusted Types (require-trusted-types-for 'script'), description and calendar menu included", async () => {
    const { page: tab, problems } = await open(
      fromCdn(
        `<ra-agenda feed="/data/feed.json" now="${now}" limit="2">${fallback}</ra-agenda>` +
          `<ra-event-card feed="/data/feed.json" event-id="programme-engagement-2020-05-26" now="${now}"></ra-event-card>` +
          `<ra-registration-form feed="/data/feed.json" event-id="programme-engagement-2020-05-26" now="${now}" ` +
          'action="https://api.reseau-alliances.example/registrations"></ra-registration-form>' +
          '<ra-member-badge feed="/data/feed.json" member="etika-spirulina"></ra-member-badge>',
      ),
      '/e2e/trusted-types.html',
      { 'Content-Security-Policy': "require-trusted-types-for 'script'" },
    );
    await tab.locator('ra-agenda article').first().waitFor();
    await tab.locator('ra-registration-form form').waitFor();
    await tab.locator('ra-member-badge a[part="badge"]').waitFor();
    const card = tab.locator('ra-event-card');
    await card.getByRole('button', { name: /Plus de détails|More details/ }).click();
    await card.locator('[part~="description"], .description').first().waitFor();
    await card.locator('summary[part="calendar-button"]').click();
    await card.getByRole('link', { name: /Google/ }).waitFor();
    // The events are still published for search engines, through the widgets' own policy.
    await tab.waitForFunction(
      () => document.querySelector('ra-agenda > script[type="application/ld+json"]')?.textContent,
    );
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('requests the feed before the widget’s code has finished loading, and only once', async () => {
    const { page: tab, problems } = await recordingPage(e2e.browser);
    const feedRequests: Request[] = [];
    tab.on('request', (request) => isFeed(request) && feedRequests.push(request));
    let feedSeenWhenCodeArrived: boolean | undefined;
    // Holds the agenda's code until the feed is asked for: without the autoloader's request, it would never come.
    await tab.route(`${e2e.cdn.origin}/chunks/define-*.js`, async (route) => {
      if (feedRequests.length === 0)
        await tab.waitForRequest(isFeed, { timeout: 5000 }).catch(() => undefined);
      feedSeenWhenCodeArrived = feedRequests.length > 0;
      await route.continue();
    });
    e2e.site.pages.set('/e2e/prefetch.html', {
      html: fromCdn(`<ra-agenda feed="/data/feed.json" now="${now}" limit="2">${fallback}</ra-agenda>`),
    });
    await tab.goto(e2e.site.origin + '/e2e/prefetch.html');
    await tab.locator('ra-agenda article').first().waitFor();
    assert.equal(feedSeenWhenCodeArrived, true);
    assert.equal(feedRequests.length, 1, 'the agenda reuses the request the autoloader started');
    assert.deepEqual(problems, []);
    await tab.close();
  });

  it('asks for all of the agenda’s code at once (two round trips: the loader, then every chunk)', async () => {
    const html = fromCdn(`<ra-agenda feed="/data/feed.json" now="${now}" limit="2">${fallback}</ra-agenda>`);
    const { page: tab, problems } = await recordingPage(e2e.browser);
    const requested = new Set<string>();
    let check = () => {};
    tab.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(`${e2e.cdn.origin}/chunks/`))
        requested.add(url.slice(`${e2e.cdn.origin}/chunks/`.length));
      check();
    });
    /** Resolves once `condition` holds for the requests so far (recorded from the start), or after 10 s. */
    const until = (condition: () => boolean) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        check = () => {
          if (condition()) {
            clearTimeout(timer);
            resolve();
          }
        };
        check();
      });
    // Every chunk held: only what the loader asks for itself can be requested.
    await tab.route(`${e2e.cdn.origin}/chunks/**`, () => undefined);
    e2e.site.pages.set('/e2e/chunks.html', { html });
    await tab.goto(e2e.site.origin + '/e2e/chunks.html');
    const agendaChunk = () => [...requested].find((file) => /^define-[^/]+\.js$/.test(file));
    await until(() => agendaChunk() !== undefined);
    // The agenda's chunk and everything it imports statically, read from the files themselves.
    const needed = staticImports(agendaChunk()!);
    await until(() => [...needed].every((file) => requested.has(file)));
    assert.ok(needed.size > 2);
    assert.deepEqual(
      [...needed].filter((file) => !requested.has(file)),
      [],
    );
    assert.deepEqual(problems, []);
    await tab.close();
  });
});
