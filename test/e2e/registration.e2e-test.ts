/**
 * Registrations typed in the real `<ra-registration-form>` (the CDN bundle in Chromium) against the reference
 * server, checked in its SQLite file: nothing lost, nothing stored twice — a double click, a server killed in the
 * middle of a submission, a reload while typing, a full event taken by concurrent submissions.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import type { BrowserContext, Page, Request, Route } from 'playwright';
import type { RegistrationRow } from '../../server/storage.js';
import { IDEMPOTENCY_HEADER, MIN_FILL_MS } from '../../src/registration/contract.js';
import { e2eSetup, startServer, type RunningServer } from './server.js';

/** Two events dated in the future, so that registration is open on the real clock. */
const FEED = 'test/e2e/fixtures/registration-feed.json';
/** Open, no capacity, one required choice question ("Restez-vous déjeuner ?"). */
const EVENT = 'atelier-achats-responsables';
/** Three places, then the waiting list. */
const THREE_PLACES = 'visite-trois-places';
/** Every request comes from 127.0.0.1: the per-client rate limit would get in the way of the concurrency test. */
const SERVER_ENV = { RA_FEED: FEED, RA_RATE_LIMIT_MAX: '1000' };

const LABELS = {
  firstName: 'Prénom',
  lastName: 'Nom',
  email: 'Adresse e-mail',
  organisation: 'Organisation',
  jobTitle: 'Fonction',
} as const;

type Person = Record<keyof typeof LABELS, string> & { lunch?: 'Oui' | 'Non' };

const CONFIRMED = 'Votre inscription est confirmée';
const WAITLISTED = 'Vous êtes sur liste d’attente';
const NOT_SENT = 'Votre inscription n’a pas pu être envoyée';

const e2e = e2eSetup({ server: () => startServer(SERVER_ENV) });
/** The server's own Content-Security-Policy, given to the test page too. */
let csp: string;

const person = (email: string, lunch?: Person['lunch']): Person => ({
  firstName: 'Camille',
  lastName: 'Lefèvre',
  email,
  organisation: 'Atelier Crétois',
  jobTitle: 'Responsable RSE',
  ...(lunch ? { lunch } : {}),
});

/** A partner page holding only the bundle and the form, as the registration snippet is pasted. */
function formPage(eventId: string): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>Inscription</title>
    <script type="module" src="/cdn/ra-widgets.js"></script>
  </head>
  <body>
    <main><ra-registration-form feed="/feed.json" event-id="${eventId}"></ra-registration-form></main>
  </body>
</html>`;
}

/**
 * A fresh browser context (cookies and storage of its own) that serves the test page from any origin, under the
 * server's CSP. Its clock is installed so that tests can skip the minimum fill time instead of waiting for it.
 */
async function newContext(t: TestContext): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  t.after(() => context.close());
  context.setDefaultTimeout(10_000);
  await context.clock.install();
  await context.route(
    (url) => url.pathname === '/e2e/form.html',
    (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': csp },
        body: formPage(new URL(route.request().url()).searchParams.get('event') ?? ''),
      }),
  );
  return context;
}

/** A tab showing the form for `eventId`, served from `origin`, once its fields are there. */
async function openForm(context: BrowserContext, origin: string, eventId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/e2e/form.html?event=${eventId}`);
  await field(page, 'firstName').waitFor();
  return page;
}

const field = (page: Page, name: keyof typeof LABELS) => page.getByLabel(LABELS[name], { exact: true });
const consent = (page: Page) => page.getByRole('checkbox', { name: /J’accepte que mes données/ });
const lunch = (page: Page, answer: 'Oui' | 'Non') => page.getByRole('radio', { name: answer, exact: true });
const submitButton = (page: Page) => page.getByRole('button', { name: 'S’inscrire' });
const heading = (page: Page, name: string) => page.getByRole('heading', { name });

async function fillForm(page: Page, who: Person): Promise<void> {
  for (const name of Object.keys(LABELS) as (keyof typeof LABELS)[]) await field(page, name).fill(who[name]);
  if (who.lunch) await lunch(page, who.lunch).check();
  await consent(page).check();
}

/** What the form's fields hold now. */
async function readForm(page: Page): Promise<Person & { consent: boolean }> {
  const values = {} as Person;
  for (const name of Object.keys(LABELS) as (keyof typeof LABELS)[])
    values[name] = await field(page, name).inputValue();
  for (const answer of ['Oui', 'Non'] as const)
    if (await lunch(page, answer).isChecked()) values.lunch = answer;
  return { ...values, consent: await consent(page).isChecked() };
}

/** The registration POSTs the page sends, as they go. */
function registrationPosts(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/registrations'))
      posts.push(request);
  });
  return posts;
}

/** The next registration POST, held by the test until it continues, fetches or aborts it. */
function holdNextPost(page: Page): Promise<Route> {
  return new Promise((resolve) => void page.route('**/api/events/*/registrations', resolve, { times: 1 }));
}

/** The rows of `eventId`, read from the database file as staff would, without the server. */
function registrations(dbPath: string, eventId: string): RegistrationRow[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT * FROM registrations WHERE event_id = ? ORDER BY created_at, rowid')
      .all(eventId) as RegistrationRow[];
  } finally {
    db.close();
  }
}

const rowsOf = (dbPath: string, email: string) =>
  registrations(dbPath, EVENT).filter((row) => row.email === email);

/** A crash, not a shutdown: SIGKILL gives the server no chance to finish anything. */
async function kill(crashing: RunningServer): Promise<void> {
  const exited = once(crashing.process, 'exit');
  crashing.process.kill('SIGKILL');
  await exited;
}

describe('registering in the form against the reference server', () => {
  before(async () => {
    csp = (await fetch(e2e.server.origin + '/')).headers.get('Content-Security-Policy') ?? '';
    assert.notEqual(csp, '', 'the server sends a CSP');
  });

  it('stores a registration typed in the form as one row', async (t) => {
    const page = await openForm(await newContext(t), e2e.server.origin, EVENT);
    const camille = person('camille.lefevre@example.org');
    await fillForm(page, { ...camille, lunch: 'Oui' });
    await page.clock.fastForward(MIN_FILL_MS);
    await submitButton(page).click();
    await heading(page, CONFIRMED).waitFor();

    const rows = rowsOf(e2e.server.database, camille.email);
    assert.equal(rows.length, 1);
    const [row] = rows as [RegistrationRow];
    assert.deepEqual(
      {
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email,
        organisation: row.organisation,
        jobTitle: row.job_title,
        answers: JSON.parse(row.answers) as unknown,
        status: row.status,
        newsletter: row.newsletter,
      },
      { ...camille, answers: { dejeuner: 'Oui' }, status: 'confirmed', newsletter: 0 },
    );
    await page.getByText(`Référence : ${row.id}`).waitFor();
  });

  it('sends one request and stores one row for a double click on submit', async (t) => {
    const page = await openForm(await newContext(t), e2e.server.origin, EVENT);
    const posts = registrationPosts(page);
    const dominique = { ...person('dominique.martin@example.org', 'Non'), firstName: 'Dominique' };
    // The page's time stands still, inside the minimum fill time: the form holds the request back while
    // "Envoi…" shows, so the second click lands during the sending whatever the speed of this machine.
    await page.clock.pauseAt(Date.now() + 1000);
    await fillForm(page, dominique);
    await submitButton(page).dblclick();
    assert.equal(await page.getByRole('button', { name: 'Envoi…' }).isDisabled(), true);
    await page.clock.fastForward(MIN_FILL_MS);
    await heading(page, CONFIRMED).waitFor();

    assert.equal(posts.length, 1);
    assert.equal(rowsOf(e2e.server.database, dominique.email).length, 1);
  });

  describe('the server killed in the middle of a submission, then restarted', () => {
    /**
     * Types a registration in a form served by a server of its own, submits it, and kills that server while the
     * request is held in flight. `stage` says how far the request got: not at all, or stored with its answer lost.
     */
    async function submitIntoCrash(t: TestContext, stage: 'unsent' | 'stored', who: Person) {
      const dir = mkdtempSync(join(tmpdir(), 'ra-e2e-crash-'));
      const running = new Set<RunningServer>();
      t.after(async () => {
        for (const own of running) await own.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      const crashing = await startServer(SERVER_ENV, dir);
      running.add(crashing);
      const page = await openForm(await newContext(t), crashing.origin, EVENT);
      const posts = registrationPosts(page);
      await fillForm(page, who);
      await page.clock.fastForward(MIN_FILL_MS);
      const held = holdNextPost(page);
      await submitButton(page).click();
      const route = await held;
      assert.equal(await page.getByRole('button', { name: 'Envoi…' }).isDisabled(), true);

      const stored = stage === 'stored' ? await route.fetch() : undefined;
      await kill(crashing);
      running.delete(crashing);
      if (stored) await route.abort('connectionreset');
      else await route.continue();
      await heading(page, NOT_SENT).waitFor();

      const restarted = await startServer({ ...SERVER_ENV, PORT: new URL(crashing.origin).port }, dir);
      running.add(restarted);
      assert.equal(restarted.origin, crashing.origin);
      return { page, posts, dbPath: restarted.database, stored };
    }

    it('keeps what was typed and resends with the same key: one row', async (t) => {
      const alex = { ...person('alex.durand@example.org', 'Oui'), firstName: 'Alex' };
      const { page, posts, dbPath } = await submitIntoCrash(t, 'unsent', alex);
      assert.deepEqual(await readForm(page), { ...alex, consent: true });

      await page.getByRole('button', { name: 'Réessayer' }).click();
      await heading(page, CONFIRMED).waitFor();

      const keys = await Promise.all(posts.map((post) => post.headerValue(IDEMPOTENCY_HEADER)));
      assert.equal(keys.length, 2);
      assert.equal(keys[1], keys[0]);
      assert.equal(rowsOf(dbPath, alex.email).length, 1);
    });

    it('gets the stored registration back when only the answer was lost: one row', async (t) => {
      const sacha = { ...person('sacha.bernard@example.org', 'Non'), firstName: 'Sacha' };
      const { page, dbPath, stored } = await submitIntoCrash(t, 'stored', sacha);
      const first = (await stored!.json()) as { status: string; registrationId: string };
      assert.equal(first.status, 'confirmed');

      const replay = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Réessayer' }).click();
      assert.equal((await replay).headers()['idempotent-replayed'], 'true');
      await page.getByText(`Référence : ${first.registrationId}`).waitFor();

      const rows = rowsOf(dbPath, sacha.email);
      assert.deepEqual(
        rows.map((row) => row.id),
        [first.registrationId],
      );
    });
  });

  it('brings the draft back into the fields after a reload while typing', async (t) => {
    const page = await openForm(await newContext(t), e2e.server.origin, EVENT);
    await field(page, 'firstName').fill('Camille');
    await field(page, 'lastName').fill('Lefèvre');
    await lunch(page, 'Oui').check();
    await consent(page).check();
    await field(page, 'email').pressSequentially('camille.lef');
    await page.reload();

    await field(page, 'firstName').waitFor();
    assert.deepEqual(await readForm(page), {
      firstName: 'Camille',
      lastName: 'Lefèvre',
      email: 'camille.lef',
      organisation: '',
      jobTitle: '',
      lunch: 'Oui',
      consent: true,
    });
  });

  it('confirms 3 and waitlists 7 of 10 concurrent registrations for 3 places', async (t) => {
    // Ten tabs of one browser: each its own page and sessionStorage, as ten people would have.
    const context = await newContext(t);
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => openForm(context, e2e.server.origin, THREE_PLACES)),
    );
    await Promise.all(pages.map((page, i) => fillForm(page, person(`participant-${i + 1}@example.org`))));
    // Each request waits until all ten are in flight, so that the server gets them together.
    let releaseAll!: () => void;
    const allInFlight = new Promise<void>((resolve) => (releaseAll = resolve));
    let inFlight = 0;
    for (const page of pages) {
      await page.route('**/api/events/*/registrations', async (route) => {
        if (++inFlight === pages.length) releaseAll();
        await allInFlight;
        await route.continue();
      });
    }
    await context.clock.fastForward(MIN_FILL_MS);
    await Promise.all(pages.map((page) => submitButton(page).click()));

    const titles = await Promise.all(
      pages.map((page) =>
        page.getByRole('heading', { name: new RegExp(`${CONFIRMED}|${WAITLISTED}`) }).textContent(),
      ),
    );
    assert.equal(titles.filter((title) => title === CONFIRMED).length, 3);
    assert.equal(titles.filter((title) => title === WAITLISTED).length, 7);

    const rows = registrations(e2e.server.database, THREE_PLACES);
    assert.equal(rows.length, 10);
    assert.equal(rows.filter((row) => row.status === 'confirmed').length, 3);
    assert.deepEqual(
      rows
        .filter((row) => row.status === 'waitlisted')
        .map((row) => row.position)
        .sort((a, b) => a! - b!),
      [1, 2, 3, 4, 5, 6, 7],
    );
  });
});
