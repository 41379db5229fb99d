import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { BenchServer } from './server.ts';
import { addLighthousePages } from './lighthouse.ts';
const root = '/work/wt/perf';
const server = new BenchServer();
server.addDirectory('/cdn', process.env.BENCH_CDN ?? join(root, 'dist/cdn'));
await addLighthousePages(server, root, false);
await server.start();
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
const cdp = await page.context().newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU ?? 1) });
await browser.startTracing(page, { path: '/tmp/perf-prof/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'] });
await page.goto(`${server.origin}/lighthouse/${process.env.PAGE ?? 'ours'}.html`);
await page.waitForTimeout(2500);
await browser.stopTracing();
await browser.close(); await server.close();
const { traceEvents } = JSON.parse(readFileSync('/tmp/perf-prof/trace.json', 'utf8'));
const main = traceEvents.filter((e: any) => e.name === 'RunTask' && e.dur > Number(process.env.MIN ?? 40) * 1000 && e.ph === 'X');
for (const task of main) {
  const inside = traceEvents.filter((e: any) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur && e.ph === 'X' && e !== task);
  const top = inside.filter((e: any) => !inside.some((p: any) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur && p.dur > e.dur));
  console.log(`TASK ${(task.dur / 1000).toFixed(1)} ms: ` + top.map((e: any) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.split('/').pop() + ')' : ''}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${(e.dur / 1000).toFixed(1)}`).join(' | '));
  const sum = new Map<string, number>();
  for (const e of inside) { if (['Layout','UpdateLayoutTree','ParseHTML','Paint','PrePaint','Layerize','MinorGC','MajorGC','V8.GC_SCAVENGER'].includes(e.name)) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000); }
  console.log('   ', [...sum].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
}
