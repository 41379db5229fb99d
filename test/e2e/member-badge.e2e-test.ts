/**
 * The member badge as issue 16's forger would use it: the official bundle from its own origin (the CDN), a page
 * and its members feed from another. Only a members list signed by the network shows the verified badge.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import type { ConsoleMessage, Page } from 'playwright';
import { importSigningKey, signMembers } from '../../src/feed/members-signature.js';
import { e2eSetup, startServer } from './server.js';

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html',
};

interface Served {
  body: string | Buffer;
  type: string;
  /** A Content-Security-Policy for the page. */
  csp?: string;
}

/** A loopback server on a free port; `respond` answers a path with a body, or `undefined` for 404. */
async function serve(respond: (path: string) => Served | undefined) {
  const server = createServer((request, response) => {
    const found = respond(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    response.writeHead(found ? 200 : 404, {
      'Content-Type': found?.type ?? 'text/plain',
      'Access-Control-Allow-Origin': '*',
      ...(found?.csp && { 'Content-Security-Policy': found.csp }),
    });
    response.end(found?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The fake feed of issue 16, word for word. */
const fakeFeed =
  '{"version":1,"events":[],"members":[{"id":"pas-adherent","name":"Entreprise Pas Adhérente","memberSince":"2012","status":"active"}]}';

const members = [
  {
    id: 'etika-spirulina',
    name: 'Etika Spirulina',
    status: 'active',
    memberSince: '2020',
    domains: ['localhost'],
  },
];

/** Requests the member's site answered, by path. */
const requests = new Map<string, number>();

const badgePage = (
  member: string,
  feed: string,
  bundles = ['ra-member-badge.js'],
) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
  <title>Entreprise</title><link rel="icon" href="data:,">${bundles
    .map((bundle) => `<script type="module" src="${e2e.cdn.origin}/${bundle}"></script>`)
    .join('')}</head>
  <body><main><h1>Entreprise</h1><ra-member-badge member="${member}" feed="${feed}">
  <a href="https://www.reseau-alliances.org/">Adhérent Réseau Alliances</a></ra-member-badge></main></body></html>`;

/** Opens `path` on the member's site, recording console errors, page errors and the badge's warnings. */
async function open(path: string): Promise<{ page: Page; problems: string[]; warnings: string[] }> {
  const page = await e2e.browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const problems: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(e2e.site.origin + path);
  return { page, problems, warnings };
}

/** axe-core's violations inside the page (the widgets' shadow roots included). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
    ).axe.run();
    return violations.map((violation) => violation.id);
  });
}

const e2e = e2eSetup({
  /** The network's CDN: the official bundles. */
  cdn: () => {
    const root = 'dist/cdn';
    return serve((path) => {
      const file = normalize(join(root, path));
      if (!file.startsWith(root) || !extname(file)) return undefined;
      try {
        return { body: readFileSync(file), type: types[extname(file)] ?? 'application/octet-stream' };
      } catch {
        return undefined;
      }
    });
  },
  /** The member's site: its badge pages (the bundle from the CDN, hence after it) and the feeds they read. */
  site: async () => {
    const key = await importSigningKey(readFileSync('test/fixtures/members-dev-key.pem', 'utf8'));
    const signedAt = new Date();
    const expires = new Date(signedAt.getTime() + 86_400_000);
    const membersSignature = await signMembers(members, key, { signedAt, expires });
    const genuineFeed = JSON.stringify({ version: 1, events: [], members, membersSignature });
    const files: Record<string, Served> = {
      '/fake.json': { body: fakeFeed, type: types['.json']! },
      '/membres.json': { body: genuineFeed, type: types['.json']! },
      '/altered.json': { body: genuineFeed.replace('"2020"', '"2012"'), type: types['.json']! },
      '/fake.html': { body: badgePage('pas-adherent', '/fake.json'), type: types['.html']! },
      '/genuine.html': { body: badgePage('etika-spirulina', '/membres.json'), type: types['.html']! },
      '/altered.html': { body: badgePage('etika-spirulina', '/altered.json'), type: types['.html']! },
      // Scripts from the CDN only, and Trusted Types without any policy: the badge parses no markup.
      '/strict.html': {
        body: badgePage('etika-spirulina', '/membres.json'),
        type: types['.html']!,
        csp: `script-src ${e2e.cdn.origin}; require-trusted-types-for 'script'; trusted-types 'none'`,
      },
      // Each page with both bundles reads a feed of its own, to count its requests.
      '/both/loader-first.json': { body: genuineFeed, type: types['.json']! },
      '/both/loader-first.html': {
        body: badgePage('etika-spirulina', '/both/loader-first.json', [
          'ra-widgets.js',
          'ra-member-badge.js',
        ]),
        type: types['.html']!,
      },
      '/both/badge-first.json': { body: genuineFeed, type: types['.json']! },
      '/both/badge-first.html': {
        body: badgePage('etika-spirulina', '/both/badge-first.json', ['ra-member-badge.js', 'ra-widgets.js']),
        type: types['.html']!,
      },
    };
    return serve((path) => {
      requests.set(path, (requests.get(path) ?? 0) + 1);
      return files[path];
    });
  },
});

describe('the member badge with the bundle from another origin', () => {
  it('shows only the plain link for the fake feed of issue 16, and says why in the console', async () => {
    const { page, problems, warnings } = await open('/fake.html');
    const badge = page.locator('ra-member-badge');
    await badge.locator('slot').waitFor({ state: 'attached' });
    assert.equal(await badge.locator('a[part="badge"]').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Adhérent Réseau Alliances' }).isVisible(), true);
    assert.match(warnings.join('\n'), /shows its plain link for "pas-adherent" \(unverified\)/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows only the plain link for a genuine list altered by one character', async () => {
    const { page, problems, warnings } = await open('/altered.html');
    await page.locator('ra-member-badge slot').waitFor({ state: 'attached' });
    assert.equal(await page.locator('ra-member-badge a[part="badge"]').count(), 0);
    assert.match(warnings.join('\n'), /does not match these members and dates/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("shows the verified badge for the network's signed list, linking to its verification page", async () => {
    const { page, problems } = await open('/genuine.html');
    const link = page.locator('ra-member-badge a[part="badge"]');
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'https://www.reseau-alliances.org/membres/etika-spirulina');
    assert.match((await link.textContent()) ?? '', /Adhérent Réseau Alliances\s+depuis 2020/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('the badge-only page under a strict Content Security Policy', () => {
  // A violation is a console error, and a refused policy or sink a page error: `problems` holds both.
  it('shows the verified badge with Trusted Types required and no policy allowed, without a violation', async () => {
    const { page, problems } = await open('/strict.html');
    const link = page.locator('ra-member-badge a[part="badge"]');
    await link.waitFor();
    assert.match((await link.textContent()) ?? '', /Adhérent Réseau Alliances\s+depuis 2020/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

// `ra-member-badge.js` is built apart, with its own copy of Lit and of the feed loader: beside the autoloader, whose
// badge chunk defines the same tag, the first definition wins and both copies share the page's feed request.
describe('a page with both ra-widgets.js and ra-member-badge.js', () => {
  for (const order of ['loader-first', 'badge-first']) {
    it(`defines the badge once, without error, and reads its feed once (${order})`, async () => {
      const { page, problems, warnings } = await open(`/both/${order}.html`);
      const link = page.locator('ra-member-badge a[part="badge"]');
      await link.waitFor();
      assert.match((await link.textContent()) ?? '', /Adhérent Réseau Alliances\s+depuis 2020/);
      assert.deepEqual(problems, []);
      assert.deepEqual(warnings, []);
      assert.equal(requests.get(`/both/${order}.json`), 1);
      await page.close();
    });
  }
});

describe("the verification page on the network's site", () => {
  it('says who is an active member and since when, accessibly and without JavaScript', async () => {
    const server = await startServer({ RA_NOW: '2020-03-16T09:00:00+01:00' });
    const page = await e2e.browser.newPage({ javaScriptEnabled: false });
    try {
      const response = await page.goto(`${server.origin}/membres/etika-spirulina`);
      assert.equal(response?.status(), 200);
      assert.match(
        await page.locator('.verdict').innerText(),
        /Etika Spirulina est adhérent actif de Réseau Alliances depuis 2020/,
      );
      await page.close();
      // axe is injected as an inline script, which the server's strict CSP (rightly) refuses.
      const withAxe = await e2e.browser.newPage({ bypassCSP: true });
      await withAxe.goto(`${server.origin}/membres/etika-spirulina`);
      assert.deepEqual(await axeViolations(withAxe), []);
      await withAxe.close();
    } finally {
      await server.stop();
    }
  });
});
