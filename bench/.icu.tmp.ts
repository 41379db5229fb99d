import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
const browser = await chromium.launch(chromiumLaunchOptions);
for (let i = 0; i < 2; i++) {
  const page = await browser.newPage();
  console.log(await page.evaluate(() => {
    const d = new Date();
    const t0 = performance.now();
    new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' }).format(d);
    const t1 = performance.now();
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).format(d);
    const t2 = performance.now();
    new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' }).format(d);
    const t3 = performance.now();
    return `fr full ${(t1 - t0).toFixed(1)}  longOffset ${(t2 - t1).toFixed(1)}  another zone ${(t3 - t2).toFixed(1)}`;
  }));
  await page.close();
}
await browser.close();
