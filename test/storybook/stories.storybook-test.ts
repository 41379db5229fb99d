/**
 * Every story of the built Storybook (`npm run build-storybook` → storybook-static/) renders in Chromium without a
 * console error, an uncaught exception or Storybook's error screen, and draws something: the developer's manual
 * must show working examples. Run by `npm run test:storybook`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const root = join(process.cwd(), 'storybook-static');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Story tags the test reads: `busy` (a loading state that never settles, by design), `empty` (a widget that shows
 * nothing by design, such as a badge for a lapsed member) and `feed-error` (an error state: the widget must log its
 * precise `[ra-widgets]` message, and nothing else may go wrong).
 */
interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

if (!existsSync(join(root, 'index.json'))) throw new Error('Build Storybook first: npm run build-storybook');
const stories = Object.values(
  (JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> })
    .entries,
).filter((entry) => entry.type === 'story');

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^\/+/,
      '',
    );
    const file = join(root, path || 'index.html');
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  server?.close();
});

describe('Storybook', () => {
  it('has stories for every element', () => {
    const titles = new Set(stories.map((story) => story.title));
    for (const title of [
      'Widgets/Agenda',
      'Widgets/Event card',
      'Widgets/Registration form',
      'Widgets/Member badge',
    ])
      assert.ok(
        [...titles].some((t) => t.startsWith(title)),
        `no story titled ${title}`,
      );
  });

  for (const story of stories) {
    it(`renders ${story.title} › ${story.name} without errors`, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
          problems.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      const failedUrls: string[] = [];
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      page.on('response', (response) => {
        // Storybook's preview page names no icon; the browser's own favicon request is not the story's.
        if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
          failedUrls.push(response.url());
      });
      // A widget that shows nothing by design says why in the console: that warning, not a drawing, ends its wait.
      const empty = story.tags?.includes('empty') ?? false;
      const explained = empty
        ? page
            .waitForEvent('console', {
              predicate: (message) =>
                message.type() === 'warning' && /^\[ra-widgets\] .* shows nothing\b/.test(message.text()),
              timeout: 20_000,
            })
            .then(
              () => true,
              () => false,
            )
        : undefined;
      try {
        await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
        // Storybook adds this class once the story function has run (or sb-show-errordisplay when it threw).
        await page.waitForFunction(
          () => /sb-show-(main|errordisplay|nopreview)/.test(document.body.className),
          undefined,
          { timeout: 20_000 },
        );
        // The story has drawn when it takes room on the page (a widget's content or fallback, or the button that
        // opens a dialog) and no widget is still busy.
        const busy = story.tags?.includes('busy') ?? false;
        const drawn = explained
          ? await explained
          : await page
              .waitForFunction(
                (expectBusy) => {
                  const widgets = [...document.querySelectorAll('#storybook-root *')].filter((node) =>
                    node.localName.startsWith('ra-'),
                  );
                  const root = document.querySelector('#storybook-root');
                  // A story may show only the button that opens a widget (the registration dialog).
                  return (
                    (widgets.length > 0 || Boolean(root?.querySelector('button'))) &&
                    (root?.getBoundingClientRect().height ?? 0) > 0 &&
                    (expectBusy ||
                      widgets.every((widget) => !widget.shadowRoot?.querySelector('[aria-busy="true"]')))
                  );
                },
                busy,
                { timeout: 20_000 },
              )
              .then(() => true)
              .catch(() => false);
        const state = { classes: await page.evaluate(() => document.body.className) };
        assert.doesNotMatch(state.classes, /sb-show-errordisplay/, 'Storybook shows its error screen');
        assert.ok(
          drawn,
          empty ? 'a widget showing nothing must say why in the console' : 'no widget finished drawing',
        );
        if (story.tags?.includes('feed-error')) {
          // The error state's precise console message, and the failed feed requests it explains, are expected.
          const reported = problems.filter((problem) => problem.includes('[ra-widgets]'));
          assert.ok(reported.length > 0, 'an error state must explain itself in the console');
          const unexpected = problems.filter(
            (problem) =>
              !reported.includes(problem) &&
              !problem.includes('Failed to load resource') &&
              !problem.startsWith('request failed:'),
          );
          assert.deepEqual(unexpected, []);
        } else {
          assert.deepEqual([...problems, ...failedUrls.map((url) => `HTTP error: ${url}`)], []);
        }
      } finally {
        await page.close();
      }
    });
  }
});
