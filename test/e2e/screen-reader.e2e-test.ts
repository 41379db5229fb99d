/**
 * What a screen reader gets from the demo agenda: Chromium's accessibility tree (Playwright's ARIA snapshot)
 * of the widget as a visitor meets it, with landmarks, headings, names and the live result count.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright';
import { e2eSetup, startServer } from './server.js';

const e2e = e2eSetup({ server: () => startServer({ RA_NOW: '2020-03-16T09:00:00+01:00' }) });
let page: Page;
let tree: string;
/** The same, once the reader has opened the filter panel with the "Filtres" button. */
let opened: string;

describe("the agenda in a screen reader's view", () => {
  before(async () => {
    page = await e2e.browser.newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    await page.goto(e2e.server.origin + '/');
    await page.locator('ra-agenda article').first().waitFor();
    tree = await page.locator('ra-agenda').ariaSnapshot();
    await page.locator('ra-agenda [part="filters-button"]').click();
    await page.locator('ra-agenda [part="mode-select"]').waitFor();
    opened = await page.locator('ra-agenda').ariaSnapshot();
    await page.locator('ra-agenda [part="filters-button"]').click();
  });

  it('offers the filters as a named search landmark with a labelled search box', () => {
    assert.match(tree, /^- search "Filtrer les événements":/m);
    assert.match(tree, /searchbox "Rechercher"/);
    // Collapsed at first: the button, not the filters behind it.
    assert.match(tree, /button "Filtres"$/m);
    assert.doesNotMatch(tree, /combobox "Format"/);
    assert.match(opened, /button "Filtres" \[expanded\]/);
    assert.match(opened, /combobox "Format"/);
    assert.match(opened, /checkbox "Réservés aux adhérents"/);
  });

  it('says which filter chips are pressed', () => {
    assert.match(opened, /button "À venir" \[pressed\]/);
  });

  it('announces the number of results in a status region', () => {
    assert.match(tree, /^- status: \d+ événements$/m);
  });

  it('outlines the agenda with month headings over event headings', () => {
    assert.match(tree, /heading "mars 2020" \[level=2\]/);
    assert.match(
      tree,
      /article "Club Busin'ESS dédié aux achats":\n\s+- heading "Club Busin'ESS dédié aux achats" \[level=3\]/,
    );
  });

  it('names every button and link', () => {
    assert.deepEqual(tree.match(/- (button|link)(?! ")[^\n]*/g) ?? [], []);
  });

  it('reads the event date and time in full, in the event’s time zone', () => {
    assert.match(tree, /- time: mardi 31 mars 2020\n\s+- text: 14 h 00 – 18 h 00/);
  });

  it('keeps decorative glyphs out of the spoken text', () => {
    assert.doesNotMatch(tree, /[▾▴]/);
  });

  it('announces the new count after a search', async () => {
    await page.locator('ra-agenda input[type="search"]').fill('mobilite');
    await page.waitForFunction(() => {
      const status = document.querySelector('ra-agenda')!.shadowRoot!.querySelector('[role="status"]');
      return (
        /^\s*\d+ événements?\s*$/.test(status?.textContent ?? '') && !status!.textContent!.includes('28')
      );
    });
    const after = await page.locator('ra-agenda').ariaSnapshot();
    assert.match(after, /^- status: \d+ événements?$/m);
    assert.match(after, /Mobilit/);
  });
});
