import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Feed, Member } from '../src/feed/model.js';
import { testApp } from './fixtures.js';

const members: Member[] = [
  {
    id: 'etika-spirulina',
    name: 'Etika <Spirulina>',
    status: 'active',
    memberSince: '2020-05',
    domains: ['etika-spirulina.example'],
  },
  { id: 'ancien-membre', name: 'Ancien Membre', status: 'lapsed', memberSince: '2015', domains: [] },
];
const feed: Feed = { version: 1, events: [], members, issues: [] };
const { app } = await testApp({ feed: { load: async () => ({ document: {}, feed }) } });
const get = (path: string, accept = 'text/html') =>
  app.request(`http://localhost:8787${path}`, { headers: { Accept: accept } });

describe('GET /membres/<id>', () => {
  it('says in HTML, without JavaScript, that an organisation is an active member and since when', async () => {
    const res = await get('/membres/etika-spirulina');
    const text = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/html/);
    assert.match(
      text,
      /<strong>Etika &lt;Spirulina&gt;<\/strong> est adhérent actif de\s+Réseau Alliances depuis mai 2020/,
    );
    assert.doesNotMatch(text, /<script/i);
  });

  it('lists the sites where the badge may show', async () => {
    assert.match(await (await get('/membres/etika-spirulina')).text(), /<li>etika-spirulina\.example<\/li>/);
  });

  it("carries the network's branding under the server's strict CSP", async () => {
    const res = await get('/membres/etika-spirulina');
    assert.match(await res.text(), /<link rel="stylesheet" href="\/membres\/verification.css"/);
    assert.match(res.headers.get('Content-Security-Policy') ?? '', /style-src 'self'/);
    const css = await get('/membres/verification.css', 'text/css');
    assert.equal(css.status, 200);
    assert.match(await css.text(), /#00715a/);
  });

  it('says a lapsed member is not an active member', async () => {
    const res = await get('/membres/ancien-membre');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<strong>Ancien Membre<\/strong> n'est pas adhérent actif/);
  });

  it('answers 404 for an id the network does not know', async () => {
    const res = await get('/membres/pas-adherent');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /Aucune organisation ne porte l'identifiant « pas-adherent »/);
  });

  it('answers JSON to Accept: application/json', async () => {
    const res = await get('/membres/etika-spirulina', 'application/json');
    assert.match(res.headers.get('Vary') ?? '', /(^|,\s*)Accept(,|$)/);
    assert.deepEqual(await res.json(), {
      id: 'etika-spirulina',
      active: true,
      status: 'active',
      name: 'Etika <Spirulina>',
      memberSince: '2020-05',
      domains: ['etika-spirulina.example'],
      network: 'Réseau Alliances',
    });
  });

  it('answers JSON at <id>.json, also for an unknown id', async () => {
    const res = await get('/membres/pas-adherent.json');
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), {
      id: 'pas-adherent',
      active: false,
      status: 'unknown',
      network: 'Réseau Alliances',
    });
  });

  it('answers 404, never 5xx, for an id that is not a slug', async () => {
    for (const path of [
      '/membres/Etika',
      '/membres/a..b',
      '/membres/%3Cscript%3E',
      '/membres/%ZZ',
      '/membres/%00',
    ]) {
      assert.equal((await get(path)).status, 404, path);
    }
  });

  it('shows a mistyped id the page saying no member has it, with what was typed escaped', async () => {
    const res = await get('/membres/ETIKA-%3Cb%3Espirulina');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/html/);
    assert.match(await res.text(), /l'identifiant « ETIKA-&lt;b&gt;spirulina »/);
  });
});
