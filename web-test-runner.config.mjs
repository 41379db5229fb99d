// Runs every browser test in real engines from Debian's packages: nothing here downloads a browser.
// BROWSERS=chromium (default) | firefox | webkit | all
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// Browsers inherit the zone: every engine reads dates as a visitor in Paris would.
process.env.TZ = process.env.TZ || 'Europe/Paris';

const wanted = (process.env.BROWSERS || 'chromium').split(',');
const all = wanted.includes('all');

const launchers = {
  chromium: () =>
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions,
      createBrowserContext: ({ browser }) =>
        browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' }),
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
        headless: true,
      },
    }),
  webkit: () =>
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_DRIVER_PORT || 4444),
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
    }),
};

const browsers = Object.keys(launchers)
  .filter((name) => all || wanted.includes(name))
  .map((name) => launchers[name]());
const onlyWebkit = browsers.length === 1 && wanted.includes('webkit');

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers,
  // WebKitWebDriver drives one session at a time.
  ...(onlyWebkit ? { concurrency: 1 } : {}),
  testsFinishTimeout: 300000,
  // Generous: CI runs three engines back to back on two cores, and WebKitGTK under Xvfb is the slowest.
  testFramework: { config: { timeout: 30000 } },
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'node_modules/**'],
  },
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body><script type="module" src="${testFramework}"></script></body></html>`,
};
