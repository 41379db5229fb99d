/**
 * The WordPress plugin on Debian's real WordPress, run by `scripts/test-wordpress.sh` (which installs WordPress and
 * saves the posts as an Author, through KSES): the pages in headless Chromium, the bundle and the feed from a
 * second origin. Screenshots at 375 and 1 280 px go to `test-results/wordpress/`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright';
import { recordingPage, startStaticServer, type StaticServer } from './embedding-cdn.js';
import { launchChromium } from './server.js';

interface SavedPost {
  url: string;
  saved: string;
}

const { admin, ...posts } = JSON.parse(readFileSync(process.env.RA_WP_POSTS!, 'utf8')) as Record<
  'shortcode' | 'markup' | 'element' | 'allowed',
  SavedPost
> & { admin: { user: string; password: string } };
const shots = 'test-results/wordpress';
/** The agenda's place, in em of its font size, as the plugin's reserve rules hold it. */
const agendaReserve = Number(
  /ra-agenda:not\(:defined\)[^{]*\{\s*min-height:\s*([\d.]+)em/.exec(
    readFileSync('integrations/wordpress/ra-widgets-reserve.css', 'utf8'),
  )![1],
);

let cdn: StaticServer;
let browser: Browser;

async function open(post: SavedPost, width = 1280) {
  const opened = await recordingPage(browser, { viewport: { width, height: width < 600 ? 740 : 900 } });
  await opened.page.goto(post.url);
  return opened;
}

describe('the WordPress plugin, an Author’s posts', () => {
  before(async () => {
    mkdirSync(shots, { recursive: true });
    [cdn, browser] = await Promise.all([
      startStaticServer({ '/data/': 'demo/data', '/': 'dist/cdn' }, Number(process.env.RA_WP_CDN_PORT)),
      launchChromium(),
    ]);
  });

  after(async () => {
    await browser?.close();
    await cdn?.stop();
  });

  it('renders the agenda and the badge of an Author’s shortcodes, the bundle from another origin', async () => {
    const { page, problems } = await open(posts.shortcode);
    await page.locator('ra-agenda article').first().waitFor();
    await page.locator('ra-member-badge a[part="badge"]').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('holds the agenda’s place until its code arrives, so that nothing below it moves', async () => {
    const { page } = await recordingPage(browser, { viewport: { width: 375, height: 740 } });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/ra-widgets.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(posts.shortcode.url, { waitUntil: 'commit' });
    const agenda = page.locator('ra-agenda').first();
    await agenda.waitFor({ state: 'attached' });
    const before = await agenda.evaluate((element) => ({
      defined: element.matches(':defined'),
      height: element.getBoundingClientRect().height,
      em: parseFloat(getComputedStyle(element).fontSize),
    }));
    release();
    assert.equal(before.defined, false);
    assert.ok(
      before.height >= agendaReserve * before.em - 1,
      `${before.height}px held, ${agendaReserve}em wanted`,
    );
    await page.close();
  });

  it('loads the bundle once, as a module, from the CDN set in the settings', async () => {
    const { page } = await open(posts.shortcode);
    const scripts = await page.$$eval('script[src*="ra-widgets.js"]', (found) =>
      found.map((script) => ({ type: script.getAttribute('type'), src: script.getAttribute('src') })),
    );
    assert.deepEqual(scripts, [{ type: 'module', src: `${cdn.origin}/ra-widgets.js` }]);
    await page.close();
  });

  it('keeps the KSES-proof markup an Author saved, and renders it', async () => {
    assert.match(
      posts.markup.saved,
      /<div data-ra-widget="agenda" data-feed="[^"]+" data-category="atelier,club"/,
    );
    const { page, problems } = await open(posts.markup);
    await page.locator('ra-agenda[category="atelier,club"] article').first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('loses an Author’s pasted <script> and <ra-agenda> to KSES, keeping the fallback link (as the README says)', () => {
    assert.doesNotMatch(posts.element.saved, /<script|<ra-agenda/);
    assert.match(posts.element.saved, /<a href="https:\/\/reseau-alliances\.example\/agenda">/);
  });

  it('lets an Author’s <ra-agenda> through KSES for the network’s feed host only, when the settings say so', async () => {
    assert.match(posts.allowed.saved, /<ra-agenda feed="http:\/\/127\.0\.0\.1:\d+\/data\/feed\.json"/);
    assert.doesNotMatch(posts.allowed.saved, /feeds\.elsewhere\.example/);
    assert.match(posts.allowed.saved, /<a href="https:\/\/elsewhere\.example\/">Ailleurs<\/a>/);
    const { page, problems } = await open(posts.allowed);
    await page.locator('ra-agenda article').first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('saves the default feed URL from its settings page', async () => {
    const { page } = await recordingPage(browser, { locale: 'fr-FR' });
    const origin = process.env.RA_WP_ORIGIN!;
    await page.goto(`${origin}/wp-login.php`);
    await page.fill('#user_login', admin.user);
    await page.fill('#user_pass', admin.password);
    await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
    await page.goto(`${origin}/wp-admin/options-general.php?page=ra-widgets`);
    const feed = page.locator('#ra_widgets_default_feed');
    assert.equal(await feed.inputValue(), `${cdn.origin}/data/feed.json`);
    await feed.fill(`${cdn.origin}/data/feed.json?from=settings`);
    await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
    assert.equal(await feed.inputValue(), `${cdn.origin}/data/feed.json?from=settings`);
    // The shortcode without a feed now reads the new default.
    const requested = page.waitForRequest((request) =>
      request.url().endsWith('/data/feed.json?from=settings'),
    );
    await page.goto(posts.shortcode.url);
    await requested;
    await page.close();
  });

  for (const width of [375, 1280]) {
    it(`lines the agenda and the badge up in the theme’s content column at ${width} px`, async () => {
      const { page } = await open(posts.shortcode, width);
      await page.locator('ra-agenda article').first().waitFor();
      await page.locator('ra-member-badge a[part="badge"]').waitFor();
      // One query per box: a helper function inside evaluate() would need tsx's __name, absent from the page.
      const [paragraph, agenda, badge] = await page.$$eval(
        ':is(.entry-content, .wp-block-post-content) > p:first-child, ra-agenda, ra-member-badge',
        (found) => found.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
      );
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      const boxes = { paragraph: paragraph!, agenda: agenda!, badge: badge!, viewport };
      await page.screenshot({ path: `${shots}/shortcode-${width}.png`, fullPage: true });
      await page.locator('ra-member-badge').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/shortcode-${width}-badge.png` });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/shortcode-${width}-first-screen.png` });
      assert.ok(
        Math.abs(boxes.agenda.left - boxes.paragraph.left) <= 1,
        'the agenda starts where the text does',
      );
      assert.ok(
        Math.abs(boxes.badge.left - boxes.paragraph.left) <= 1,
        'the badge starts where the text does',
      );
      assert.ok(boxes.agenda.right <= boxes.paragraph.right + 1, 'the agenda stays in the column');
      assert.ok(boxes.agenda.right <= boxes.viewport, 'nothing overflows the screen');
      await page.close();
    });
  }
});
