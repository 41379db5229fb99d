// The CDN release (issue 11) as a partner's page meets it: `release()` writes the folder, its `_headers` are served
// by a static host on one origin, and a page on another origin pastes `snippet.html` as written (integrity and
// crossorigin included) and gets a working agenda. Run after `npm run build:cdn`:
// `node --test scripts/test-release.mjs` (RA_RELEASE_PORT, default 9620, and the next port for the page).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.mjs';
import { serveFolder } from './static-server.mjs';
import { describeRelease, IMMUTABLE, release, SHORT_LIVED } from './release.mjs';

const cdnPort = Number(process.env.RA_RELEASE_PORT ?? 9620);
const pagePort = cdnPort + 1;
const cdnBase = `http://127.0.0.1:${cdnPort}/ra-widgets/`;
const feed = readFileSync(new URL('../demo/data/feed.json', import.meta.url));

/** The `_headers` rules (Netlify / Cloudflare Pages syntax): a path, `*` at its end, then indented headers. */
function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!line.startsWith(' ')) rules.push({ path: line.trim(), headers: {} });
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1).headers[name.toLowerCase()] = value.join(':').trim();
    }
  }
  return (path) =>
    Object.assign(
      {},
      ...rules
        .filter((r) => (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path))
        .map((r) => r.headers),
    );
}

describe('npm run release', () => {
  let out;
  let manifest;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'ra-release-'));
    ({ manifest } = release({ out, base: cdnBase }));
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('caches hashed chunks as immutable and every other file for minutes', () => {
    for (const f of manifest.files) {
      assert.equal(f.cacheControl, f.file.startsWith('chunks/') ? IMMUTABLE : SHORT_LIVED, f.file);
    }
    assert.ok(manifest.files.some((f) => f.kind === 'chunk'));
  });

  it('gives each entry file its sha384 integrity', () => {
    const entries = manifest.files.filter((f) => f.kind === 'entry').map((f) => f.file);
    assert.ok(entries.includes('ra-widgets.js') && entries.includes('ra-member-badge.js'), entries.join());
    for (const f of manifest.files) assert.match(f.integrity, /^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it('refuses a chunk whose name carries no content hash', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ra-release-bad-'));
    try {
      mkdirSync(join(folder, 'chunks'));
      writeFileSync(join(folder, 'chunks/agenda.js'), 'export {};');
      assert.throws(() => describeRelease(folder), /chunks\/agenda\.js: a chunk without a content hash/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('the snippet pasted on another origin', () => {
    let cdn;
    let site;
    let browser;
    let pageHtml = '';

    before(async () => {
      // The CDN knows only the release's files and its `_headers`; the partner's site, its page and the feed.
      cdn = await serveFolder(out, cdnPort, {
        headersFor: parseHeaders(readFileSync(join(out, '_headers'), 'utf8')),
      });
      site = await serveFolder(out, pagePort, {
        answers: { '/feed.json': feed, '/': () => pageHtml },
      });
      browser = await chromium.launch(chromiumLaunchOptions);
    });

    after(async () => {
      await browser?.close();
      await new Promise((resolve) => cdn.close(resolve));
      await new Promise((resolve) => site.close(resolve));
    });

    /** Opens a page made of `snippet`, the feed URL pointed at the page's own copy of the demo feed. */
    async function open(snippet) {
      pageHtml = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>partner</title><link rel="icon" href="data:,"></head><body>${snippet.replaceAll('https://www.reseau-alliances.org/feed.json', '/feed.json').replace('<ra-agenda ', '<ra-agenda now="2020-03-16T09:00:00+01:00" ')}</body></html>`;
      const page = await browser.newPage();
      const errors = [];
      const responses = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('response', (r) => responses.push(r));
      await page.goto(`http://127.0.0.1:${pagePort}/`);
      return { page, errors, responses };
    }

    it('renders the agenda, with no console error', async () => {
      const { page, errors } = await open(readFileSync(join(out, 'snippet.html'), 'utf8'));
      await page.locator('ra-agenda [part~="item"]').first().waitFor();
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('serves the chunks it loaded as immutable and the loader as short-lived', async () => {
      const { page, responses } = await open(readFileSync(join(out, 'snippet.html'), 'utf8'));
      await page.locator('ra-agenda [part~="item"]').first().waitFor();
      const fromCdn = responses.filter((r) => r.url().startsWith(cdnBase));
      const chunks = fromCdn.filter((r) => r.url().includes('/chunks/'));
      assert.ok(chunks.length > 0);
      for (const r of chunks) assert.equal(r.headers()['cache-control'], IMMUTABLE, r.url());
      const loader = fromCdn.find((r) => r.url().endsWith('/ra-widgets.js'));
      assert.equal(loader.headers()['cache-control'], SHORT_LIVED);
      await page.close();
    });

    it('blocks a loader whose bytes do not match the integrity', async () => {
      const tampered = readFileSync(join(out, 'snippet.html'), 'utf8').replace(
        /integrity="sha384-./,
        'integrity="sha384-A',
      );
      const { page, errors } = await open(tampered);
      await page.waitForFunction(() => document.readyState === 'complete');
      assert.ok(
        errors.some((e) => /integrity/i.test(e)),
        errors.join('\n'),
      );
      assert.equal(await page.evaluate(() => customElements.get('ra-agenda')), undefined);
      await page.close();
    });
  });
});
