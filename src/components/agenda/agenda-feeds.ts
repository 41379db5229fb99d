/**
 * What the agenda shows about where its events come from: each event's source when it merges several feeds, the
 * sources that failed, and « S'abonner » (webcal, Google and Outlook subscription links for the filters chosen).
 * Kept beside `agenda.ts` so the element only calls three functions.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { css } from '../../internal/css.js';
import {
  subscriptionLinks,
  subscriptionQuery,
  type SubscriptionFilter,
} from '../../calendar/subscription.js';
import type { AgendaEvent, Feed } from '../../feed/model.js';
import { defineCatalogue, type Locale } from '../../i18n/locale.js';

const messages = defineCatalogue({
  fr: {
    source: 'Source :',
    failed: (names: string) =>
      `Impossible de charger ${names} pour le moment : les autres événements sont affichés.`,
    subscribe: 'S’abonner',
    subscribeHint:
      'Recevoir ces événements (avec les filtres choisis) dans votre agenda, mis à jour automatiquement.',
    webcal: 'Agenda de l’appareil (Apple, Thunderbird, Outlook)',
    google: 'Google Agenda',
    outlook: 'Outlook.com',
    address: 'Adresse de l’agenda',
    calendarName: 'Agenda du réseau',
  },
  en: {
    source: 'Source:',
    failed: (names: string) => `Could not load ${names} for now: the other events are shown.`,
    subscribe: 'Subscribe',
    subscribeHint: 'Get these events (with the chosen filters) in your calendar, updated automatically.',
    webcal: 'This device’s calendar (Apple, Thunderbird, Outlook)',
    google: 'Google Calendar',
    outlook: 'Outlook.com',
    address: 'Calendar address',
    calendarName: 'Network agenda',
  },
});

/** A source's name: its publisher's, else its host. */
function sourceName(source: { url: string; name?: string }): string {
  if (source.name) return source.name;
  try {
    return new URL(source.url, document.baseURI).hostname;
  } catch {
    return source.url;
  }
}

/** « Source : Club Exemple » under an event of a merged agenda; nothing for a single feed. */
export function renderEventSource(event: AgendaEvent, locale: Locale): TemplateResult | typeof nothing {
  if (!event.source) return nothing;
  return html`<p part="source" class="source">${messages[locale].source} ${sourceName(event.source)}</p>`;
}

/** Names the sources of a merged agenda that could not be read; nothing when all were. */
export function renderFailedSources(feed: Feed | undefined, locale: Locale): TemplateResult | typeof nothing {
  const failed = feed?.sources?.filter((source) => source.error !== undefined) ?? [];
  if (failed.length === 0) return nothing;
  const names = failed.map((source) => `« ${source.name ?? source.url} »`).join(', ');
  return html`<p part="sources-error" class="sources-error" role="status">
    ${messages[locale].failed(names)}
  </p>`;
}

/**
 * « S'abonner »: links that subscribe a calendar application to `icsUrl` with `filter` as its query.
 *
 * @param icsUrl the server's `/agenda.ics` (the agenda's `subscribe` attribute), relative to the page or absolute
 */
export function renderSubscribe(
  icsUrl: string | undefined,
  filter: SubscriptionFilter,
  name: string | undefined,
  locale: Locale,
): TemplateResult | typeof nothing {
  if (!icsUrl) return nothing;
  let url: URL;
  try {
    url = new URL(icsUrl, document.baseURI);
  } catch {
    return nothing;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return nothing;
  url.search = subscriptionQuery(filter);
  const t = messages[locale];
  const links = subscriptionLinks(url.href, name ?? t.calendarName);
  return html`<details part="subscribe" class="subscribe">
    <summary part="subscribe-button" class="agenda-button">${t.subscribe}</summary>
    <div class="subscribe-panel">
      <p>${t.subscribeHint}</p>
      <ul>
        <li><a part="subscribe-link" href=${links.webcal}>${t.webcal}</a></li>
        <li><a part="subscribe-link" href=${links.google} target="_blank" rel="noopener">${t.google}</a></li>
        <li>
          <a part="subscribe-link" href=${links.outlook} target="_blank" rel="noopener">${t.outlook}</a>
        </li>
      </ul>
      <label>
        ${t.address}
        <input part="subscribe-address" type="url" readonly .value=${url.href} @focus=${selectAll} />
      </label>
    </div>
  </details>`;
}

function selectAll(event: FocusEvent): void {
  (event.target as HTMLInputElement).select();
}

/** The looks of the three pieces, from the shared tokens. */
export const agendaFeedsStyles = css`
  .source {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
    color: var(--_ra-color-muted);
  }

  .sources-error {
    margin-block: 0 var(--_gap);
    padding: calc(var(--_gap) * 0.5) calc(var(--_gap) * 0.75);
    border-inline-start: 4px solid var(--_ra-color-warning, var(--_ra-color-primary));
    background: var(--_ra-color-surface-alt);
    border-radius: var(--_ra-radius);
  }

  .subscribe {
    margin-block-end: var(--_gap);
  }

  .subscribe > summary {
    display: inline-flex;
    list-style: none;
  }

  .subscribe > summary::-webkit-details-marker {
    display: none;
  }

  .subscribe-panel {
    margin-block-start: calc(var(--_gap) * 0.5);
    padding: calc(var(--_gap) * 0.75);
    background: var(--_ra-color-surface-alt);
    border-radius: var(--_ra-radius);
  }

  .subscribe-panel a {
    color: var(--_ra-color-primary);
  }

  .subscribe-panel input {
    display: block;
    inline-size: 100%;
    margin-block-start: 0.25rem;
  }
`;
