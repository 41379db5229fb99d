// The npm package as a developer meets it (issue 17): `npm pack` of the built package, a fresh Vite + TypeScript
// (strict) project in a temporary folder that installs the tarball and pinned tools from the npm registry, then:
// publint and arethetypeswrong (ESM-only profile) on the tarball, the README's and Storybook's snippets compiled
// as written (extracted from the files themselves), typed uses of every element and event, the React 19 and Vue
// typings, a Vite build, and the page in Chromium with every element rendered and no console error.
// Run after `npm run build`: `node --test scripts/test-consumer.mjs` (RA_CONSUMER_PORT, default 9610).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.mjs';
import { serveFolder } from './static-server.mjs';
import { sampleFeedWithEndpoints } from './sample-feed.mjs';

const run = promisify(execFile);
const repo = new URL('..', import.meta.url).pathname;
const fixtures = join(repo, 'scripts/test-consumer');
const port = Number(process.env.RA_CONSUMER_PORT ?? 9610);

/** What a new project pins: the versions this repository builds with, and current React and Vue typings. */
export const consumerDevDependencies = {
  vite: '8.3.8',
  typescript: '5.9.3',
  '@types/react': '19.3.3',
  vue: '3.5.45',
  'vue-tsc': '3.3.14',
};

/** A Vite `vanilla-ts` project's compiler options (strict, bundler resolution, side-effect imports checked). */
const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    useDefineForClassFields: true,
    module: 'ESNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    moduleDetection: 'force',
    noEmit: true,
    jsx: 'react-jsx',
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noFallthroughCasesInSwitch: true,
    noUncheckedSideEffectImports: true,
    skipLibCheck: false,
    types: [],
  },
};

/**
 * The fenced blocks of a Markdown (or MDX) file in the given languages, in order. Placeholders meant for the
 * reader (`…`) stay: the page serves any `…/feed.json` from the demo feed.
 */
export function fencedBlocks(markdown, languages) {
  const blocks = [];
  for (const match of markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)) {
    if (languages.includes(match[1])) blocks.push(match[2]);
  }
  return blocks;
}

/** The HTML snippets' widget markup, without the CDN `<script>` (this page gets the elements from npm). */
export function widgetMarkup(block) {
  return block.replace(/<script\b[^>]*>\s*<\/script>\s*/g, '').trim();
}

const docs = ['README.md', 'stories/Introduction.mdx'].map((path) => ({
  path,
  text: readFileSync(join(repo, path), 'utf8'),
}));
const tsSnippets = docs.flatMap(({ path, text }) =>
  fencedBlocks(text, ['ts', 'typescript']).map((code) => ({ path, code })),
);
const htmlSnippets = docs.flatMap(({ text }) =>
  fencedBlocks(text, ['html'])
    .map(widgetMarkup)
    .filter((html) => /<ra-[a-z-]+/.test(html)),
);

let work;
let project;
let tarball;

async function sh(command, args, cwd) {
  try {
    return await run(command, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
  } catch (error) {
    // The tool's own output says what failed: keep it in the assertion message.
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

function writeProject() {
  mkdirSync(join(project, 'src'), { recursive: true });
  const manifest = {
    name: 'ra-widgets-consumer',
    private: true,
    type: 'module',
    dependencies: { 'ra-widgets': `file:${tarball}` },
    devDependencies: consumerDevDependencies,
  };
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['src'] }, null, 2));
  writeFileSync(
    join(project, 'tsconfig.vue.json'),
    JSON.stringify({ ...tsconfig, include: ['src/*.vue', 'src/*.d.ts'] }, null, 2),
  );
  writeFileSync(
    join(project, 'tsconfig.bare.json'),
    JSON.stringify({ ...tsconfig, include: [], files: ['src/bare-import.ts'] }, null, 2),
  );
  for (const name of ['main.ts', 'typed-uses.ts', 'bare-import.ts', 'react-check.tsx', 'vue-check.vue']) {
    copyFileSync(join(fixtures, name), join(project, 'src', name));
  }
  writeFileSync(
    join(project, 'src/vue-shim.d.ts'),
    "declare module '*.vue' {\n  const component: import('vue').DefineComponent;\n  export default component;\n}\n",
  );
  tsSnippets.forEach(({ path, code }, index) => {
    writeFileSync(join(project, `src/snippet-${index}.ts`), `// From ${path}\n${code}`);
  });
  writeFileSync(
    join(project, 'src/readme-snippets.ts'),
    tsSnippets.map((_, index) => `import './snippet-${index}';\n`).join('') || 'export {};\n',
  );
  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8" /><title>ra-widgets consumer</title><link rel="icon" href="data:," /></head>
  <body>
    <main id="readme">
${htmlSnippets.join('\n')}
    </main>
    <section id="typed"></section>
    <script type="module" src="/src/main.ts"></script>
  </body>
</html>
`,
  );
}

describe('the npm package in a fresh Vite + TypeScript strict project', () => {
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'ra-consumer-'));
    project = join(work, 'app');
    const { stdout } = await sh('npm', ['pack', '--json', '--pack-destination', work], repo);
    tarball = join(work, JSON.parse(stdout)[0].filename);
    writeProject();
    await sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], project);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has TypeScript snippets to compile in README.md and the Storybook introduction', () => {
    assert.ok(tsSnippets.length >= 2, `found ${tsSnippets.length}`);
    assert.ok(htmlSnippets.length >= 4, `found ${htmlSnippets.length}`);
  });

  it('passes publint (strict) on the tarball', async () => {
    const { stdout } = await sh(join(repo, 'node_modules/.bin/publint'), ['run', tarball, '--strict'], repo);
    assert.match(stdout, /All good!/);
  });

  it('passes arethetypeswrong with the ESM-only profile', async () => {
    await sh(
      join(repo, 'node_modules/.bin/attw'),
      [tarball, '--profile', 'esm-only', '--format', 'table'],
      repo,
    );
  });

  it('compiles the snippets, typed uses of every element and event, and React 19 JSX (tsc --strict)', async () => {
    await sh(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], project);
  });

  it("types the tag and its events after a bare `import 'ra-widgets/agenda'` alone", async () => {
    await sh(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.bare.json'], project);
  });

  it("type-checks Vue templates against the widgets' GlobalComponents (vue-tsc)", async () => {
    await sh(join(project, 'node_modules/.bin/vue-tsc'), ['-p', 'tsconfig.vue.json'], project);
  });

  describe('built with Vite and opened in Chromium', () => {
    let server;
    let browser;
    let page;
    const consoleErrors = [];
    const feed = sampleFeedWithEndpoints(`http://127.0.0.1:${port}`);
    // The README's merged agenda names a partner's calendar: a Google Calendar export stands in for it.
    const partnerCalendar = readFileSync(join(repo, 'test/fixtures/ics/google-calendar.ics'));

    before(async () => {
      await sh(join(project, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], project);
      server = await serveFolder(join(project, 'dist'), port, { answers: { '/feed.json': feed } });
      browser = await chromium.launch(chromiumLaunchOptions);
      page = await browser.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      // The snippets name the network's real feed: this closed machine answers it with the demo feed.
      await page.route('https://www.reseau-alliances.org/feed.json', (route) =>
        route.fulfill({
          body: feed,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
        }),
      );
      await page.route('https://partenaire.example/agenda.ics', (route) =>
        route.fulfill({
          body: partnerCalendar,
          contentType: 'text/calendar',
          headers: { 'access-control-allow-origin': '*' },
        }),
      );
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForSelector('body[data-ready="true"]');
    });

    after(async () => {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    });

    it('renders the agenda with its events', async () => {
      await page.locator('#typed ra-agenda [part~="item"]').first().waitFor();
      assert.equal(await page.locator('#typed ra-agenda [part~="item"]').count(), 3);
    });

    it('renders the card from a feed object set as a property', async () => {
      await page.locator('#typed ra-event-card [part~="title"]').waitFor();
      assert.ok((await page.locator('#typed ra-event-card [part~="title"]').textContent()).trim().length > 0);
    });

    it('renders the registration form for the event', async () => {
      await page.locator('#typed ra-registration-form form').waitFor();
    });

    it("renders the member's badge", async () => {
      await page.locator('#typed ra-member-badge a[part~="badge"]').waitFor();
    });

    it('renders every README and Storybook HTML snippet', async () => {
      const tags = await page.$$eval('#readme *', (elements) =>
        elements
          .filter((e) => e.localName.startsWith('ra-'))
          .map((e) => [
            e.localName,
            Boolean(customElements.get(e.localName)),
            e.shadowRoot?.childElementCount ?? 0,
          ]),
      );
      assert.ok(tags.length >= 4);
      for (const [tag, defined, children] of tags)
        assert.ok(defined && children > 0, `${tag} did not render`);
    });

    it('delivers a typed ra-register event to the page', async () => {
      await page.locator('#typed ra-event-card [part~="register-button"]').click();
      const seen = await page.evaluate(() => window.raSeen);
      const id = await page.$eval('#typed ra-event-card', (card) => card.event.id);
      assert.ok(seen.includes(`card ra-register ${id}`), seen.join('\n'));
      assert.ok(seen.includes('same class true'), seen.join('\n'));
      assert.ok(seen.includes('FeedError version'), seen.join('\n'));
    });

    it('logs no console error', () => {
      assert.deepEqual(consoleErrors, []);
    });
  });
});
