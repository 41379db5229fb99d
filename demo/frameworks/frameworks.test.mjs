// The framework demos (issue 13), built against the packed npm package and opened in Chromium: each app hands an
// event to `<ra-event-card>` as a property, handles `ra-register` with its own listener, and leaves and re-enters
// the agenda's route, which removes the agenda and adds a new one: no second feed request, no window or document
// listener or timer left behind. Run after `npm run build` at the repository's root:
// `node --test demo/frameworks/frameworks.test.mjs` (installs the demos' pinned dependencies with `npm ci`;
// RA_FRAMEWORKS_PORT, default 9630).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { serveFolder } from '../../scripts/static-server.mjs';

const sh = promisify(execFile);
const here = new URL('.', import.meta.url).pathname;
const repo = join(here, '../..');
const port = Number(process.env.RA_FRAMEWORKS_PORT ?? 9630);
const apps = ['react', 'vue', 'svelte', 'angular'];

async function npm(args, cwd) {
  try {
    return await sh('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`);
  }
}

/**
 * Counts what a widget could leak on the page: listeners on `window`, `document` and media queries (by target, type,
 * listener and phase, as the DOM dedupes them), intervals, and timeouts not yet run. Installed before any script.
 */
function instrument() {
  const listeners = new Map();
  const watched = (target) => target === window || target === document || target instanceof MediaQueryList;
  const keyOf = (target, type, options) => {
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    const name = target === window ? 'window' : target === document ? 'document' : `media ${target.media}`;
    return `${name} ${type} ${capture}`;
  };
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (watched(this) && listener && !options?.once) {
      const key = keyOf(this, type, options);
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key).add(listener);
      options?.signal?.addEventListener('abort', () => listeners.get(key)?.delete(listener));
    }
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (watched(this)) listeners.get(keyOf(this, type, options))?.delete(listener);
    return removeEventListener.call(this, type, listener, options);
  };
  const intervals = new Set();
  const timeouts = new Set();
  const { setInterval, clearInterval, setTimeout, clearTimeout } = window;
  window.setInterval = (...args) => {
    const id = setInterval(...args);
    intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    intervals.delete(id);
    clearInterval(id);
  };
  window.setTimeout = (callback, delay, ...rest) => {
    const id = setTimeout(
      (...args) => {
        timeouts.delete(id);
        if (typeof callback === 'function') callback(...args);
      },
      delay,
      ...rest,
    );
    timeouts.add(id);
    return id;
  };
  window.clearTimeout = (id) => {
    timeouts.delete(id);
    clearTimeout(id);
  };
  window.raLeaks = () => ({
    listeners: [...listeners].flatMap(([key, set]) => (set.size ? [`${key} ×${set.size}`] : [])).sort(),
    intervals: intervals.size,
    timeouts: timeouts.size,
  });
}

describe('framework demos', () => {
  let work;
  let server;
  let browser;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'ra-frameworks-'));
    await npm(['ci', '--no-audit', '--no-fund', '--loglevel=error'], here);
    const { stdout } = await npm(['pack', '--json', '--pack-destination', work], repo);
    const tarball = join(work, JSON.parse(stdout)[0].filename);
    await npm(['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball], here);
    await npm(['run', 'build'], here);
    server = await serveFolder(here, port);
    browser = await chromium.launch(chromiumLaunchOptions);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const app of apps) {
    describe(app, () => {
      let page;
      const errors = [];
      const feedRequests = [];

      before(async () => {
        page = await browser.newPage();
        await page.addInitScript(instrument);
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('request', (r) => r.url().endsWith('/feed.json') && feedRequests.push(r.url()));
        await page.goto(`http://127.0.0.1:${port}/${app}/dist/`);
      });

      after(() => page?.close());

      it('renders the agenda and the card given an event as a property', async () => {
        await page.locator('ra-agenda [part~="item"]').first().waitFor();
        assert.equal(await page.locator('ra-agenda [part~="item"]').count(), 3);
        const title = await page.locator('ra-event-card [part~="title"]').textContent();
        const name = await page.$eval('ra-event-card', (card) => card.event.name);
        assert.equal(title.trim(), name);
      });

      it("handles ra-register in the app's own listener", async () => {
        await page.locator('ra-event-card [part~="register-button"]').click();
        const name = await page.$eval('ra-event-card', (card) => card.event.name);
        await page.locator('#registered').waitFor();
        assert.equal(await page.locator('#registered').textContent(), `Inscription demandée : ${name}`);
      });

      it('leaves and re-enters the agenda route with one feed request and nothing leaked', async () => {
        // The first visit's timeouts (the loader's, JSON-LD) run out; what stays is the baseline.
        await page.waitForFunction(() => window.raLeaks().timeouts === 0);
        const baseline = await page.evaluate(() => window.raLeaks());
        for (let round = 0; round < 3; round++) {
          await page.click('#to-about');
          await page.locator('#about').waitFor();
          assert.equal(await page.locator('ra-agenda').count(), 0);
          await page.click('#to-agenda');
          await page.locator('ra-agenda [part~="item"]').first().waitFor();
        }
        await page.waitForFunction(() => window.raLeaks().timeouts === 0);
        assert.deepEqual(await page.evaluate(() => window.raLeaks()), baseline);
        assert.equal(feedRequests.length, 1, feedRequests.join('\n'));
      });

      it('logs no console error', () => {
        assert.deepEqual(errors, []);
      });
    });
  }
});
