/**
 * The command as people run it: `npx ra-widgets …` in a project that installed the package (the bundled `bin`), and
 * `npm run --silent ra-widgets -- …` inside this repository.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const feed = join(root, 'test/fixtures/feed-small.json');
const project = mkdtempSync(join(tmpdir(), 'ra-installed-'));

before(() => {
  const pkg = join(project, 'node_modules/ra-widgets');
  const bin = join(pkg, 'dist/cli/ra-widgets.js');
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs', bin], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
  mkdirSync(join(project, 'node_modules/.bin'));
  symlinkSync('../ra-widgets/dist/cli/ra-widgets.js', join(project, 'node_modules/.bin/ra-widgets'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'site-partenaire', private: true }));
});
after(() => rmSync(project, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_yes: 'false' },
  });
}

describe('ra-widgets as installed', () => {
  it('validates a feed with npx in a project that installed the package', () => {
    const { status, stdout } = run('npx', ['--no-install', 'ra-widgets', 'validate-feed', feed], project);
    assert.equal(status, 0);
    assert.match(stdout, /feed-small\.json: 8 events, 2 members, 0 problems/);
  });

  it('writes an iCalendar file with npx in a project that installed the package', () => {
    const { status, stdout } = run('npx', ['--no-install', 'ra-widgets', 'ics', feed], project);
    assert.equal(status, 0);
    assert.match(stdout, /^BEGIN:VCALENDAR\r\n/);
  });

  it('validates a feed with npm run inside this repository', () => {
    const { status, stdout } = run(
      'npm',
      ['run', '--silent', 'ra-widgets', '--', 'validate-feed', feed],
      root,
    );
    assert.equal(status, 0);
    assert.match(stdout, /^✓ .*feed-small\.json: 8 events/m);
  });
});
