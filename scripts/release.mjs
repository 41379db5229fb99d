#!/usr/bin/env node
/**
 * The CDN release (`npm run release`, after `npm run build:cdn`): writes `release/` with
 * - `ra-widgets/<version>/`: the folder to upload, `dist/cdn` as built (source maps included, for debugging):
 *   entry files (`ra-widgets.js`, `ra-member-badge.js`, …) and `chunks/`, whose names carry a content hash;
 * - `manifest.json`: every file with its Cache-Control and, for each file, its Subresource Integrity hash (sha384);
 * - `_headers`: the same Cache-Control rules in the format Netlify and Cloudflare Pages read;
 * - `snippet.html`: the tags to paste, with `integrity` and `crossorigin`.
 * Chunks are immutable (their name changes with their content); entry files are short-lived, so a host can take a
 * fix within minutes (pages whose snippet carries `integrity` keep the exact bytes they were given).
 *
 * Options: `--base <url>`, where `ra-widgets/` will be served (default `$RA_CDN_BASE`, else
 * https://cdn.example.org/ra-widgets/), and `--out <dir>` (default `release`).
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One year, never revalidated: a chunk's name changes whenever its content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes, then served stale for a day while the CDN revalidates: a fixed entry file spreads quickly. */
export const SHORT_LIVED = 'public, max-age=300, stale-while-revalidate=86400';

/** A chunk as Vite names it (`chunks/[name]-[hash].js`): 8 base64url characters after `-` (or `.`). */
const hashedChunk = /^chunks\/[\w.-]+[-.][\w-]{8}\.js(\.map)?$/;

/** `sha384-…`, the integrity value of a file's bytes (https://www.w3.org/TR/SRI/). */
export function integrity(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The release's files, relative to the version folder, with their caching and integrity. Throws when a file in
 * `chunks/` has no content hash in its name: caching it as immutable would pin stale code on visitors' machines.
 */
export function describeRelease(folder) {
  return filesUnder(folder)
    .map((path) => relative(folder, path).split(sep).join(posix.sep))
    .sort()
    .map((file) => {
      const chunk = file.startsWith('chunks/');
      if (chunk && !hashedChunk.test(file)) {
        throw new Error(`${file}: a chunk without a content hash in its name cannot be cached as immutable`);
      }
      const entry = !chunk && file.endsWith('.js');
      return {
        file,
        kind: chunk ? 'chunk' : entry ? 'entry' : 'other',
        cacheControl: chunk ? IMMUTABLE : SHORT_LIVED,
        integrity: integrity(readFileSync(join(folder, file))),
      };
    });
}

/** The tags to paste: the loader (and the badge-only entry) with integrity and `crossorigin="anonymous"`. */
export function snippet(baseUrl, files) {
  const tag = (name, comment) => {
    const entry = files.find((f) => f.file === name);
    return entry
      ? `<!-- ${comment} -->\n<script type="module" src="${baseUrl}${name}" integrity="${entry.integrity}" crossorigin="anonymous"></script>\n`
      : '';
  };
  return (
    tag('ra-widgets.js', 'Every widget, loaded when its tag appears. Paste once per page, then the tags.') +
    // The link inside the tag is what visitors see before the widget loads, or without JavaScript.
    '<ra-agenda feed="https://www.reseau-alliances.org/feed.json">\n' +
    '  <a href="https://www.reseau-alliances.org/">L\'agenda du Réseau Alliances</a>\n' +
    '</ra-agenda>\n\n' +
    tag('ra-member-badge.js', 'Or, on a page that shows only a member badge:')
  );
}

/** Netlify / Cloudflare Pages `_headers`: CORS for every file (module scripts are fetched in CORS mode), then caching. */
export function headersFile(prefix, files) {
  const rule = (path, cacheControl) =>
    `${prefix}${path}\n  Cache-Control: ${cacheControl}\n  Access-Control-Allow-Origin: *\n`;
  const entries = files.filter((f) => f.kind !== 'chunk').map((f) => rule(f.file, f.cacheControl));
  return [rule('chunks/*', IMMUTABLE), ...entries].join('\n');
}

export function release({ dist = join(root, 'dist/cdn'), out = join(root, 'release'), base } = {}) {
  if (!existsSync(join(dist, 'ra-widgets.js')))
    throw new Error(`${dist} has no ra-widgets.js: run npm run build:cdn`);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const baseUrl = `${(base ?? process.env.RA_CDN_BASE ?? 'https://cdn.example.org/ra-widgets/').replace(/\/?$/, '/')}${version}/`;
  const folder = join(out, 'ra-widgets', version);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(dist, folder, { recursive: true });
  const files = describeRelease(folder);
  const manifest = { name: 'ra-widgets', version, baseUrl, files };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(out, '_headers'), headersFile(`/ra-widgets/${version}/`, files));
  writeFileSync(join(out, 'snippet.html'), snippet(baseUrl, files));
  return { folder, manifest };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, out: { type: 'string' } },
  });
  const { folder, manifest } = release({ out: values.out, base: values.base });
  const entries = manifest.files.filter((f) => f.kind === 'entry');
  console.log(
    `Upload ${relative(process.cwd(), folder)}/ to ${manifest.baseUrl} (${manifest.files.length} files).`,
  );
  for (const f of entries) console.log(`  ${f.file}  ${f.integrity}`);
  console.log(
    `Cache-Control: chunks/* "${IMMUTABLE}"; entry files "${SHORT_LIVED}" (see _headers, manifest.json).`,
  );
  console.log(`Snippet: ${relative(process.cwd(), join(folder, '../../snippet.html'))}`);
}
