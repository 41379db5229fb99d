import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApp } from './app.js';
import { ENTRY_FILE, IMMUTABLE, REVALIDATE } from './cdn-serving.js';
import { fileFeedSource } from './feed-source.js';
import { NOW, testStore } from './fixtures.js';

/** The demo's feed: large enough to be compressed, as real feeds are. */
const FEED_PATH = fileURLToPath(new URL('../demo/data/feed.json', import.meta.url));
/** Large enough to be compressed, as the real bundle's files are. */
const entry = `export const loader = ${JSON.stringify('x'.repeat(4000))};\n`;
const chunk = `export const chunk = ${JSON.stringify('y'.repeat(4000))};\n`;
const page = `<!doctype html><title>Demo</title><p>${'Agenda du réseau. '.repeat(200)}</p>`;

let dir: string;
let app: ReturnType<typeof createApp>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ra-cdn-serving-'));
  mkdirSync(join(dir, 'cdn', 'chunks'), { recursive: true });
  mkdirSync(join(dir, 'demo'));
  writeFileSync(join(dir, 'cdn', 'ra-widgets.js'), entry);
  writeFileSync(join(dir, 'cdn', 'chunks', 'define-BzXxJ4sP.js'), chunk);
  writeFileSync(join(dir, 'cdn', 'tiny.js'), 'export {};\n');
  writeFileSync(join(dir, 'demo', 'index.html'), page);
  app = createApp({
    store: await testStore(),
    feed: fileFeedSource(FEED_PATH),
    allowedOrigins: [],
    rateLimit: { windowMs: 60_000, max: 100 },
    staticRoots: { demo: join(dir, 'demo'), cdn: join(dir, 'cdn') },
    now: () => NOW,
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://localhost:8787${path}`, { headers });

async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('the reference server serves like a CDN', () => {
  it('sends JavaScript in brotli to a client that accepts it', async () => {
    const res = await get('/cdn/ra-widgets.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(res.headers.get('Content-Encoding'), 'br');
    assert.equal(brotliDecompressSync(await bytes(res)).toString(), entry);
  });

  it("sends the brotli body's own Content-Length, for a page as for a script", async () => {
    for (const path of ['/index.html', '/cdn/ra-widgets.js']) {
      const res = await get(path, { 'Accept-Encoding': 'br' });
      const body = await res.arrayBuffer();
      assert.equal(res.headers.get('Content-Encoding'), 'br', path);
      assert.equal(Number(res.headers.get('Content-Length')), body.byteLength, path);
      assert.equal(brotliDecompressSync(Buffer.from(body)).length > body.byteLength, true, path);
    }
  });

  it('sends JavaScript in gzip to a client that does not accept brotli', async () => {
    const res = await get('/cdn/ra-widgets.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(res.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(await bytes(res)).toString(), entry);
  });

  it('sends the feed in brotli, and HTML in gzip', async () => {
    const feed = await get('/feed.json', { 'Accept-Encoding': 'br' });
    assert.equal(feed.headers.get('Content-Encoding'), 'br');
    assert.ok(JSON.parse(brotliDecompressSync(await bytes(feed)).toString()).events.length > 0);
    const html = await get('/index.html', { 'Accept-Encoding': 'gzip' });
    assert.equal(html.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(await bytes(html)).toString(), page);
  });

  it('varies on Accept-Encoding and sends identity to a client that accepts no encoding', async () => {
    const res = await get('/cdn/ra-widgets.js');
    assert.equal(res.headers.get('Content-Encoding'), null);
    assert.match(res.headers.get('Vary') ?? '', /Accept-Encoding/i);
    assert.equal(await res.text(), entry);
  });

  it('leaves files under 1 KB uncompressed', async () => {
    const res = await get('/cdn/tiny.js', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(res.headers.get('Content-Encoding'), null);
    assert.equal(await res.text(), 'export {};\n');
  });

  it('keeps hashed chunks a year, immutable', async () => {
    const res = await get('/cdn/chunks/define-BzXxJ4sP.js', { 'Accept-Encoding': 'br' });
    assert.equal(res.headers.get('Cache-Control'), IMMUTABLE);
    assert.equal(IMMUTABLE, 'public, max-age=31536000, immutable');
  });

  it('keeps the entry files five minutes, with an ETag', async () => {
    const res = await get('/cdn/ra-widgets.js', { 'Accept-Encoding': 'br' });
    assert.equal(res.headers.get('Cache-Control'), ENTRY_FILE);
    assert.ok(res.headers.get('ETag'));
  });

  it('answers 304 to a revalidation of a compressed entry file', async () => {
    const first = await get('/cdn/ra-widgets.js', { 'Accept-Encoding': 'br' });
    const tag = first.headers.get('ETag')!;
    const again = await get('/cdn/ra-widgets.js', { 'Accept-Encoding': 'br', 'If-None-Match': tag });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('Cache-Control'), ENTRY_FILE);
  });

  it('asks for the feed to be revalidated on every use, with its ETag', async () => {
    const res = await get('/feed.json', { 'Accept-Encoding': 'gzip' });
    assert.equal(res.headers.get('Cache-Control'), REVALIDATE);
    const again = await get('/feed.json', { 'If-None-Match': res.headers.get('ETag')! });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('Cache-Control'), REVALIDATE);
  });
});
