/**
 * The ground truth behind every member badge: `/membres/<id>` on the network's own site says whether an
 * organisation is an active member, since when, and on which sites it may show its badge. HTML without JavaScript
 * for visitors, JSON for programs (`Accept: application/json` or `/membres/<id>.json`). The badge links here; see
 * docs/member-badges.md.
 */
import { Hono, type Context } from 'hono';
import { accepts } from 'hono/accepts';
import { html } from 'hono/html';
import type { Member } from '../src/feed/model.js';
import type { FeedSource } from './app.js';

const NETWORK = 'Réseau Alliances';
const NETWORK_SITE = 'https://www.reseau-alliances.org/';

/** What `/membres/<id>.json` answers. `active` is the whole answer; the rest says who and since when. */
export interface MemberStanding {
  id: string;
  /** `true` only for a current member. */
  active: boolean;
  /** `unknown` when the network has no member with this id. */
  status: 'active' | 'lapsed' | 'unknown';
  name?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  memberSince?: string;
  /** The sites where its badge may show (and their subdomains). */
  domains?: string[];
  network: string;
}

function standing(id: string, member: Member | undefined): MemberStanding {
  if (!member) return { id, active: false, status: 'unknown', network: NETWORK };
  return {
    id,
    active: member.status === 'active',
    status: member.status,
    name: member.name,
    ...(member.memberSince && { memberSince: member.memberSince }),
    domains: member.domains,
    network: NETWORK,
  };
}

/** "2020", "mai 2020" or "12 mai 2020", as the partial date was published. */
function since(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const instant = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat('fr-FR', options).format(instant);
}

function page(c: Context, status: 200 | 404, answer: MemberStanding) {
  const name = answer.name ?? answer.id;
  const verdict = !answer.name
    ? html`<p class="verdict verdict--no">
        Aucune organisation ne porte l'identifiant « ${answer.id} » chez ${NETWORK}.
      </p>`
    : answer.active
      ? html`<p class="verdict verdict--yes">
          <strong>${name}</strong> est adhérent actif de
          ${NETWORK}${answer.memberSince ? html` depuis ${since(answer.memberSince)}` : ''}.
        </p>`
      : html`<p class="verdict verdict--no">
          <strong>${name}</strong> n'est pas adhérent actif de ${NETWORK}.
        </p>`;
  const domains =
    answer.active && answer.domains?.length
      ? html`<p>Son badge ne s'affiche que sur ces sites (et leurs sous-domaines) :</p>
          <ul>
            ${answer.domains.map((domain) => html`<li>${domain}</li>`)}
          </ul>`
      : '';
  const body = html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${name} — vérification d'adhésion — ${NETWORK}</title>
        <link rel="stylesheet" href="/membres/verification.css" />
      </head>
      <body>
        <header><a class="brand" href="${NETWORK_SITE}">${NETWORK}</a></header>
        <main>
          <h1>Vérification d'adhésion</h1>
          ${verdict} ${domains}
          <p class="note">
            Cette page, sur le site du réseau, fait foi : un badge affiché ailleurs n'est qu'un lien vers
            elle. Si un site affiche un badge que cette page ne confirme pas, signalez-le au réseau.
          </p>
        </main>
      </body>
    </html>`;
  return c.html(body, status);
}

const STYLES = `body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1d2b2a;background:#f2f6f5}
header{background:#00715a;padding:.75rem 1.5rem}.brand{color:#fff;font-weight:700;text-decoration:none}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c9d3d1;border-radius:.5rem}
.verdict{padding:.75rem 1rem;border-left:.375rem solid}.verdict--yes{border-color:#00715a;background:#e6f3ef}
.verdict--no{border-color:#a3262a;background:#fbecec}.note{color:#4f5d5c;font-size:.875rem}`;

/** The verification pages, mounted with `app.route('/membres', memberPages(feed))`. */
export function memberPages(feed: FeedSource): Hono {
  const pages = new Hono();
  pages.get('/verification.css', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  // Any one segment: a mistyped or altered id (capitals, a stray character) gets the page saying no member has it,
  // in the format asked for, rather than the API's bare 404.
  pages.get('/:file{[^/]+}', async (c) => {
    const file = c.req.param('file');
    const id = file.replace(/\.json$/, '');
    const { feed: current } = await feed.load();
    const answer = standing(
      id,
      current.members.find((member) => member.id === id),
    );
    const status = answer.status === 'unknown' ? 404 : 200;
    // A lapsed membership can end any day: caches keep the answer briefly.
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Vary', 'Accept');
    const json =
      file.endsWith('.json') ||
      accepts(c, { header: 'Accept', supports: ['text/html', 'application/json'], default: 'text/html' }) ===
        'application/json';
    if (!json) return page(c, status, answer);
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(answer, status);
  });
  return pages;
}
