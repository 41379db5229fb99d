/**
 * Starts the reference server (`server/main.ts`) as `npm start` does, on a free port with a throwaway database,
 * for end-to-end tests. The CDN bundle is built first when it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /** What the server has written to standard error so far (also passed on to the test's). */
  stderr(): string;
  stop(): Promise<void>;
}

export function ensureCdnBuild(): void {
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', RA_DB: join(dir, 'registrations.sqlite'), ...env },
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
