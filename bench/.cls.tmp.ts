import { chromium } from 'playwright';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { BenchServer } from './server.ts';
import { addLighthousePages } from './lighthouse.ts';
const root = '/work/wt/perf';
const server = new BenchServer();
server.addDirectory('/cdn', join(root, 'dist/cdn'));
server.addDirectory('/cdn-baseline', '/tmp/perf-baseline-cdn');
await addLighthousePages(server, root, true);
await server.start();
const browser = await chromium.launch(chromiumLaunchOptions);
for (const [w, h] of [[412, 823], [1350, 940]]) for (const name of ['ours', 'oursBaseline']) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.addInitScript({ content: `window.shifts=[];window.tasks=[];new PerformanceObserver(l=>{for(const e of l.getEntries()) window.tasks.push(Math.round(e.startTime)+":"+Math.round(e.duration))}).observe({type:"longtask",buffered:true});new PerformanceObserver(l=>{for(const e of l.getEntries()) window.shifts.push({t:Math.round(e.startTime),v:+e.value.toFixed(4),src:e.sources.map(s=>(s.node?.nodeName||'?')+' '+Math.round(s.previousRect.y)+'->'+Math.round(s.currentRect.y)+' h'+Math.round(s.previousRect.height)+'->'+Math.round(s.currentRect.height)).join(', ')})}).observe({type:'layout-shift',buffered:true});` });
  await page.goto(`${server.origin}/lighthouse/${name}.html`);
  await page.waitForTimeout(2500);
  const shifts = await page.evaluate(() => [(window as any).tasks, (window as any).shifts.length]);
  console.log(w, name, JSON.stringify(shifts));
  await page.close();
}
await browser.close(); await server.close();
