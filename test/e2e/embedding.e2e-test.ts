/**
 * The widgets as partners embed them: the CDN bundle served by the reference server under its strict
 * Content-Security-Policy, inside a hostile CMS theme, loaded twice, inserted after load.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright';
import { e2eSetup, startServer } from './server.js';

const e2e = e2eSetup({ server: () => startServer() });

/** A page that records CSP violations and script errors, in the same run as the assertions. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await e2e.browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser asks for /favicon.ico by itself; the demo has none, and that 404 is not the widgets'.
    if (
      message.type() === 'error' &&
      new URL(message.location().url, e2e.server.origin).pathname !== '/favicon.ico'
    )
      problems.push(`console error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(e2e.server.origin + path);
  return { page, problems };
}

describe('embedding the CDN bundle', () => {
  it('renders the demo agenda under a strict CSP without a single violation', async () => {
    const { page, problems } = await open('/');
    const response = await page.request.get(e2e.server.origin + '/');
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/);
    await page.locator('ra-agenda article').first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("keeps a hostile CMS theme's rules out of the widgets", async () => {
    const { page, problems } = await open('/partners/wordpress.html');
    const agenda = page.locator('ra-agenda').first();
    await agenda.locator('article').first().waitFor();
    const widgetButton = agenda.locator('button').first();
    const themeButton = page.locator('.entry-content > button');
    const [inside, outside] = await Promise.all([
      widgetButton.evaluate((element) => getComputedStyle(element).backgroundColor),
      themeButton.evaluate((element) => getComputedStyle(element).backgroundColor),
    ]);
    assert.equal(outside, 'rgb(204, 0, 0)', "the theme's own button keeps its style");
    assert.notEqual(inside, 'rgb(204, 0, 0)', "the theme's !important rule does not reach inside");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shares one feed request between the agendas and the badge of a page', async () => {
    const page = await e2e.browser.newPage();
    let feedRequests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/feed.json') feedRequests += 1;
    });
    await page.goto(e2e.server.origin + '/partners/wordpress.html');
    await page.locator('ra-agenda').nth(1).locator('article').first().waitFor();
    await page.locator('ra-member-badge a[part="badge"]').waitFor();
    assert.equal(feedRequests, 1);
    await page.close();
  });

  it('keeps working when the bundle is loaded twice and a widget is inserted after load', async () => {
    const { page, problems } = await open('/partners/static.html');
    await page.locator('ra-agenda article').first().waitFor();
    await page.evaluate(async () => {
      // A second copy of the bundle (another URL is another module instance), as a careless CMS might add.
      await import(`/cdn/ra-widgets.js?copy=${Date.now()}`);
      const late = document.createElement('div');
      late.innerHTML =
        '<ra-agenda id="late" feed="/feed.json" now="2020-03-16T09:00:00+01:00" limit="2"></ra-agenda>';
      document.querySelector('main')!.append(late);
    });
    await page.locator('#late article').first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('works pasted as a classic script (no type="module") and leaves no global of its own', async () => {
    const html = (script: string) =>
      `<!doctype html><html lang="fr"><head>${script}</head><body>` +
      '<ra-agenda feed="/feed.json" now="2020-03-16T09:00:00+01:00" limit="3"></ra-agenda></body></html>';
    const page = await e2e.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    for (const [path, script] of [
      ['/e2e/classic.html', '<script src="/cdn/ra-widgets.js"></script>'],
      ['/e2e/blank.html', ''],
    ]) {
      await page.route(e2e.server.origin + path, (route) =>
        route.fulfill({ contentType: 'text/html', body: html(script) }),
      );
    }
    const globals = () => page.evaluate(() => Object.getOwnPropertyNames(window));
    await page.goto(e2e.server.origin + '/e2e/blank.html');
    const before = new Set(await globals());
    await page.goto(e2e.server.origin + '/e2e/classic.html');
    await page.locator('ra-agenda article').first().waitFor();
    // Lit's own markers (its versions, its decorators' metadata) are the only names a Lit page gains.
    const added = (await globals()).filter((name) => !before.has(name) && !/^lit|Versions$/.test(name));
    assert.deepEqual(added, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("follows the page's language", async () => {
    const { page } = await open('/partners/static.html');
    const agenda = page.locator('ra-agenda');
    await agenda.locator('article').first().waitFor();
    const text = await agenda.evaluate((element) => element.shadowRoot!.textContent ?? '');
    assert.match(
      text,
      /\b(January|February|March|April|May|June|July|August|September|October|November|December) 2020\b/,
    );
    await page.close();
  });
});
