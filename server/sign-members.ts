/**
 * Staff command: signs the members list of a feed file with the network's key, so that member badges show it.
 *
 *   npm run sign-members -- <feed.json> [--days 35] [--out signed.json]
 *   npm run sign-members -- --public-key
 *
 * The key (Ed25519, PKCS #8 PEM, made with `openssl genpkey -algorithm ed25519`) comes from
 * `RA_MEMBERS_SIGNING_KEY_FILE` (a path) or `RA_MEMBERS_SIGNING_KEY` (the PEM itself); without one, nothing is
 * signed. A list with an invalid member is refused: badges read signed lists without the feed schema. Re-sign before
 * the signature expires (a monthly job with the default 35 days): a lapsed member's old copy stops working then.
 * See docs/member-badges.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { feedRoot, readFeedJson } from '../src/feed/document.js';
import { canonicalJson, importSigningKey, publicKeyOf, signMembers } from '../src/feed/members-signature.js';
import { readMembers } from '../src/feed/members.js';

const USAGE = `Usage: npm run sign-members -- <feed.json> [--days N] [--out file]   sign the feed's members for N days (35)
       npm run sign-members -- --public-key                          print the key's public half (for the build)
The key: RA_MEMBERS_SIGNING_KEY_FILE (path to a PKCS #8 PEM) or RA_MEMBERS_SIGNING_KEY (the PEM).`;

const DEFAULT_VALIDITY_DAYS = 35;

/** The configured signing key's PEM, or `undefined` when none is configured. */
function configuredKey(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.RA_MEMBERS_SIGNING_KEY_FILE) return readFileSync(env.RA_MEMBERS_SIGNING_KEY_FILE, 'utf8');
  return env.RA_MEMBERS_SIGNING_KEY || undefined;
}

/**
 * The feed's text with a fresh `membersSignature` for its members, valid `days` days from `now`. Only that field
 * changes: it replaces the previous one, or is added before `"members"`, so the rest of the file keeps its layout.
 *
 * @throws Error when the text is not a feed, or a member does not pass the feed schema
 */
async function signFeedText(
  text: string,
  pem: string,
  { now = new Date(), days = DEFAULT_VALIDITY_DAYS, source = 'the feed' } = {},
): Promise<string> {
  const root = feedRoot(readFeedJson(text, source), source);
  const { members, issues } = readMembers(root, source, { warn: false });
  if (issues.length || !Array.isArray(root.members) || members.length !== root.members.length) {
    const found = issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
    throw new Error(`${source}: refusing to sign members that do not pass the feed schema:\n${found}`);
  }
  const expires = new Date(now.getTime() + days * 86_400_000);
  const signature = await signMembers(root.members, await importSigningKey(pem), { signedAt: now, expires });
  const field = `"membersSignature": ${JSON.stringify(signature)}`;
  const previous = /"membersSignature"\s*:\s*\{[^{}]*\}/;
  const at = /^([ \t]*)"members"\s*:/m.exec(text);
  const edited = previous.test(text)
    ? text.replace(previous, field)
    : at && `${text.slice(0, at.index)}${at[1]}${field},\n${text.slice(at.index)}`;
  // The text edit is kept only when it reads back as exactly the signed document; otherwise the file is rewritten.
  const reread = edited ? (JSON.parse(edited) as Record<string, unknown>) : undefined;
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  if (edited && same(reread, { ...root, membersSignature: signature })) return edited;
  return `${JSON.stringify({ ...root, membersSignature: signature }, null, 2)}\n`;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      days: { type: 'string' },
      out: { type: 'string' },
      'public-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const pem = configuredKey();
  if (!pem) {
    console.error(`sign-members: no signing key configured: nothing signed.\n\n${USAGE}`);
    return 2;
  }
  if (values['public-key']) {
    console.log(await publicKeyOf(await importSigningKey(pem, true)));
    return 0;
  }
  const days = Number(values.days ?? DEFAULT_VALIDITY_DAYS);
  if (positionals.length !== 1 || !Number.isInteger(days) || days < 1 || days > 3660) {
    console.error(`sign-members: expected one feed file and --days between 1 and 3660.\n\n${USAGE}`);
    return 2;
  }
  const [path] = positionals as [string];
  try {
    const signed = await signFeedText(readFileSync(path, 'utf8'), pem, { days, source: path });
    writeFileSync(values.out ?? path, signed);
    const { expires } = (JSON.parse(signed) as { membersSignature: { expires: string } }).membersSignature;
    console.log(`Signed the members of ${path} until ${expires}${values.out ? ` into ${values.out}` : ''}.`);
    return 0;
  } catch (error) {
    console.error(`sign-members: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
