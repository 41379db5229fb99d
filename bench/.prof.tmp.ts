// Profiles the first render of the Lighthouse "ours" page: self time per source function (via source maps).
import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { BenchServer } from './server.ts';
import { addLighthousePages } from './lighthouse.ts';

const root = '/work/wt/perf';
const cdn = process.env.BENCH_CDN ?? join(root, 'dist/cdn');
const server = new BenchServer();
server.addDirectory('/cdn', cdn);
await addLighthousePages(server, root, false);
await server.start();
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU ?? 1) });
await cdp.send('Profiler.start');
await page.goto(`${server.origin}/lighthouse/ours.html`);
await page.waitForFunction(() => document.querySelector('ra-agenda')?.shadowRoot?.querySelector('article'));
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
const tasks = await page.evaluate(() => new Promise<number[]>((r) => {
  const list: number[] = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) list.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
  setTimeout(() => r(list), 100);
}));
console.log('long tasks', tasks);
const maps = new Map<string, SourceMapConsumer | null>();
async function mapFor(url: string) {
  if (!maps.has(url)) {
    try {
      const path = new URL(url).pathname.replace(/^\/cdn\//, '');
      maps.set(url, await new SourceMapConsumer(JSON.parse(readFileSync(join(cdn, path + '.map'), 'utf8'))));
    } catch { maps.set(url, null); }
  }
  return maps.get(url);
}
const dt = new Map<number, number>();
for (let i = 0; i < profile.samples!.length; i++) dt.set(profile.samples![i]!, (dt.get(profile.samples![i]!) ?? 0) + profile.timeDeltas![i]! / 1000);
const self = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const t = dt.get(node.id) ?? 0;
  if (!t) continue;
  const f = node.callFrame;
  let name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
  const map = f.url.startsWith('http') ? await mapFor(f.url) : null;
  if (map) {
    const pos = map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
    name = `${pos.name ?? f.functionName} ${pos.source?.replace(/.*node_modules\//, 'nm/').replace(/.*src\//, 'src/')}:${pos.line}`;
    const file = pos.source?.replace(/.*node_modules\//, 'nm/').replace(/.*src\//, 'src/') ?? '?';
    byFile.set(file, (byFile.get(file) ?? 0) + t);
  } else byFile.set(f.url || f.functionName, (byFile.get(f.url || f.functionName) ?? 0) + t);
  self.set(name, (self.get(name) ?? 0) + t);
}
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([n, t]) => `${t.toFixed(1).padStart(7)} ${n}`).join('\n'));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const names = new Map<number, string>();
for (const n of profile.nodes) {
  const f = n.callFrame;
  const map = f.url.startsWith('http') ? await mapFor(f.url) : null;
  if (map) { const pos = map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber }); names.set(n.id, `${pos.name ?? f.functionName} ${pos.source?.replace(/.*node_modules\//, 'nm/').replace(/.*src\//, 'src/')}:${pos.line}`); }
  else names.set(n.id, `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`);
}
const incl = new Map<string, number>();
for (const n of profile.nodes) {
  const t = dt.get(n.id) ?? 0; if (!t) continue;
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) { const k = names.get(id)!; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } }
}
// busy windows: contiguous non-idle samples
{
  let t = profile.startTime; const times: number[] = [];
  for (const d of profile.timeDeltas!) { t += d; times.push(t); }
  const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let start = -1; let last = 0; const windows: [number, number][] = [];
  profile.samples!.forEach((id, i) => {
    const busy = !idleIds.has(id);
    if (busy && start < 0) start = i;
    if (!busy && start >= 0) { if (times[i]! - times[start]! > 30000) windows.push([start, i]); start = -1; }
  });
  for (const [a, b] of windows) {
    const w = new Map<string, number>();
    for (let i = a; i < b; i++) { const seen = new Set<string>(); for (let id: number | undefined = profile.samples![i]; id !== undefined; id = parent.get(id)) { const k = names.get(id)!; if (k.includes('src/') && !seen.has(k)) { seen.add(k); w.set(k, (w.get(k) ?? 0) + profile.timeDeltas![i]! / 1000); } } }
    console.log(`WINDOW ${((times[b]! - times[a]!) / 1000).toFixed(0)} ms at ${((times[a]! - profile.startTime) / 1000).toFixed(0)}:`, [...w].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
  }
}
console.log('--- inclusive src');
console.log([...incl].filter(([k]) => k.includes('src/')).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([n, t]) => `${t.toFixed(1).padStart(7)} ${n}`).join('\n'));
console.log('--- by file');
console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, t]) => `${t.toFixed(1).padStart(7)} ${n}`).join('\n'));
await browser.close();
await server.close();
