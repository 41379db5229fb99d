/**
 * Starts the reference server (`server/main.ts`) as `npm start` does, on a free port with a throwaway database,
 * for end-to-end tests, and sets up a suite with its servers and Chromium. The CDN bundle is built first when it
 * is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /** The SQLite file it stores registrations in, for tests that check it as staff would. */
  database: string;
  /** What the server has written to standard error so far (also passed on to the test's). */
  stderr(): string;
  stop(): Promise<void>;
}

function ensureCdnBuild(): void {
  if (existsSync('dist/cdn/ra-widgets.js')) return;
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the CDN build failed');
}

export async function startServer(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'ra-e2e-'));
  const database = join(dir, 'registrations.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', RA_DB: database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(chunk);
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before listening: ${output}`)),
    );
  });
  return {
    origin,
    process: child,
    database,
    stderr: () => errors,
    async stop() {
      // A process killed by a signal has no exit code, only a signal code: it has exited all the same.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** What a suite starts and must stop: the reference server, a static server of `embedding-cdn.ts`, … */
interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The set-up the end-to-end suites share, as `before` and `after` hooks where it is called (a file or a
 * `describe`): the CDN bundle built if missing, Chromium launched, and `servers` started in the order given, so
 * that one may use the origin of another. Everything that started is closed afterwards, even when something else
 * failed to start. Read the servers and the browser from the returned object in tests and in later hooks.
 */
export function e2eSetup<Servers extends Record<string, Stoppable>>(servers: {
  [Name in keyof Servers]: () => Promise<Servers[Name]>;
}): Servers & { readonly browser: Browser } {
  const started: Partial<Servers> = {};
  let browser: Browser | undefined;
  before(async () => {
    ensureCdnBuild();
    // Settled, not just awaited: a failure must not let `after` run while the rest is still starting.
    const results = await Promise.allSettled([
      launchChromium().then((launched) => (browser = launched)),
      (async () => {
        for (const name of Object.keys(servers) as (keyof Servers)[]) started[name] = await servers[name]();
      })(),
    ]);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
  });
  after(async () => {
    await browser?.close();
    await Promise.all(Object.values(started).map((server) => server!.stop()));
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not started yet: read it in a test or a later hook`);
    return value;
  };
  const running = {
    get browser() {
      return ready(browser, 'the browser');
    },
  };
  for (const name of Object.keys(servers))
    Object.defineProperty(running, name, { get: () => ready(started[name], `the server "${name}"`) });
  return running as Servers & { readonly browser: Browser };
}
