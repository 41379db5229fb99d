/** The staff signing command and `validate-feed`'s signature check, run as staff run them. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { importSigningKey, signMembers } from '../src/feed/members-signature.js';
import { DEVELOPMENT_MEMBERS_KEY } from '../src/feed/network.js';
import { runScript } from '../test/helpers/run-script.js';
import { ETIKA } from '../test/helpers/signed-members.js';

const DEV_KEY_FILE = 'test/fixtures/members-dev-key.pem';
const dir = mkdtempSync(join(tmpdir(), 'ra-sign-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const members = [ETIKA];
const feedText = `{\n  "version": 1,\n  "events": [],\n  "members": ${JSON.stringify(members)}\n}\n`;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  runScript(script, args, { env: { RA_MEMBERS_SIGNING_KEY_FILE: '', RA_MEMBERS_PUBLIC_KEYS: '', ...env } });

const sign = (...args: string[]) =>
  run('server/sign-members.ts', args, { RA_MEMBERS_SIGNING_KEY_FILE: DEV_KEY_FILE });
const validate = (path: string, env: Record<string, string> = {}) =>
  run('src/cli/ra-widgets.ts', ['validate-feed', path], env);

describe('npm run sign-members', () => {
  it('signs nothing when no key is configured', async () => {
    const path = file('unkeyed.json', feedText);
    const result = await run('server/sign-members.ts', [path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no signing key configured/);
    assert.equal(readFileSync(path, 'utf8'), feedText);
  });

  it('adds only the signature to the feed file, which validate-feed then accepts', async () => {
    const path = file('signed.json', feedText);
    assert.equal((await sign(path, '--days', '35')).code, 0);
    const signed = readFileSync(path, 'utf8');
    assert.equal(signed.replace(/ {2}"membersSignature": \{[^{}]*\},\n/, ''), feedText);
    const result = await validate(path);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /members signed until \d{4}-/);
  });

  it('refuses to sign a member that does not pass the feed schema', async () => {
    const path = file('invalid.json', feedText.replace('"2020"', '"2020-13"'));
    const result = await sign(path);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /\$\.members\[0\]\.memberSince/);
  });

  it('prints the public half of the key, as a build names it', async () => {
    const result = await sign('--public-key');
    assert.equal(result.stdout.trim(), DEVELOPMENT_MEMBERS_KEY);
  });
});

describe('validate-feed: the members signature', () => {
  async function signedPath(name: string): Promise<string> {
    const path = file(name, feedText);
    await sign(path);
    return path;
  }

  it('refuses members altered by one character after signing', async () => {
    const path = await signedPath('altered.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Etika Spirulina', 'Etika Spirulinb'));
    const result = await validate(path);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /\$\.membersSignature: members signature forged/);
  });

  it('refuses a re-dated signature', async () => {
    const path = await signedPath('redated.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"expires":"\d{4}/, '"expires":"2099'));
    assert.match((await validate(path)).stdout, /members signature forged/);
  });

  it('refuses an expired signature', async () => {
    const key = await importSigningKey(readFileSync(DEV_KEY_FILE, 'utf8'));
    const period = { signedAt: new Date('2025-01-01T00:00:00Z'), expires: new Date('2025-02-05T00:00:00Z') };
    const membersSignature = await signMembers(members, key, period);
    const path = file('expired.json', JSON.stringify({ version: 1, events: [], members, membersSignature }));
    const result = await validate(path);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /members signature expired on 2025-02-05T00:00:00.000Z/);
  });

  it('refuses a signature by another key than RA_MEMBERS_PUBLIC_KEYS names', async () => {
    const path = await signedPath('other-key.json');
    const result = await validate(path, {
      RA_MEMBERS_PUBLIC_KEYS: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    assert.equal(result.code, 1);
  });

  it('notes, without failing, a feed whose members are not signed', async () => {
    const result = await validate(file('unsigned.json', feedText));
    assert.equal(result.code, 0);
    assert.match(result.stdout, /members not signed: member badges show only their plain link/);
  });
});
