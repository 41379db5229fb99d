import { html, nothing, render, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isDated, type AgendaEvent, type AttendanceMode, type Feed } from '../../feed/model.js';
import {
  facets,
  filterEvents,
  groupByMonth,
  UNDATED_GROUP,
  nextOccurrence,
  past,
  sortEvents,
  upcoming,
  type Facets,
} from '../../feed/query.js';
import { intlLocale, resolveLocale, type Locale } from '../../i18n/locale.js';
import { FeedController } from '../../internal/feed-controller.js';
import type { SubscriptionFilter } from '../../calendar/subscription.js';
import { flat, staticElement, staticText, toTemplate } from '../../internal/flat-template.js';
import { mapInSlices, yieldToMain } from '../../internal/main-thread.js';
import { RaEventElement } from '../../internal/ra-event-element.js';
import { JsonLdController } from '../../seo/jsonld-script.js';

type FeedsUi = typeof import('./agenda-feeds.js');
import { CardKit, cardState, type CardBase } from '../event-card/card-kit.js';
import { eventCardStyles } from '../event-card/event-card.styles.js';
import { eventCardMarkup } from '../event-card/event-card.template.js';
import {
  loadFilterPanel,
  renderFilterBar,
  renderFilterBarSkeleton,
  type FilterBarActions,
} from './agenda.filters.js';
import { messages } from './agenda.messages.js';
import { renderSkeletonList, screenful } from './agenda.skeleton.js';
import { agendaStyles } from './agenda.styles.js';
import {
  readUrlState,
  urlPrefix,
  writeUrlState,
  type AgendaUrlState,
  type ModeFilter,
  type UrlStateMode,
  type ViewName,
} from './agenda.url-state.js';

export type AgendaLayout = 'list' | 'compact' | 'grid';

/** Cards in the first render when the events arrive: a screenful, so the rest does not delay the first paint. */
const firstBatch = 3;

/**
 * A later slice of the first render holds the cards that take about this long (ms) at the last slice's pace, under
 * the 50 ms of a long task: few slices, since each yield can cost a frame.
 */
const sliceBudget = 30;

/** An item's classes: cards after the first screen are laid out when they come near it (`content-visibility`). */
const firstScreenItem = staticText('item');
const laterItem = staticText('item later');

/** The agendas in documents now: whether another one's filter bar already has a landmark of the same name. */
const connectedAgendas = new Set<RaAgenda>();

/** Typing pauses this long before the list follows, so a fast typist does not filter on every key. */
const searchDelay = 150;

/** Recomputes only when one of its inputs changed (by identity): the agenda's filtering stays O(1) per render. */
class Memo<Args extends readonly unknown[], Result> {
  #args?: Args;
  #result?: Result;

  get(args: Args, compute: (...args: Args) => Result): Result {
    if (!this.#args || args.some((arg, i) => !Object.is(arg, this.#args?.[i]))) {
      this.#args = args;
      this.#result = compute(...args);
    }
    return this.#result as Result;
  }
}

/** A comma-separated attribute as a list: `category="atelier, club"`. */
function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function toDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A `from`/`to` attribute: an instant as given, or a whole day in the reader's zone (`to="2020-10-31"` keeps the
 * 31st: it ends at the next midnight).
 */
function dayBound(value: string | undefined, edge: 'start' | 'end'): Date | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value?.trim() ?? '');
  if (!day) return toDate(value);
  const [, year, month, date] = day.map(Number) as [number, number, number, number];
  return new Date(year, month - 1, edge === 'start' ? date : date + 1);
}

/**
 * A recurring event among the upcoming ones shows (and sorts, and groups) at its next occurrence rather than in
 * the month it began.
 */
function atNextOccurrence(event: AgendaEvent, now: Date): AgendaEvent {
  const next = event.schedule && nextOccurrence(event, now);
  return next ? { ...event, start: next.start, end: next.end, allDay: next.allDay, sessions: [next] } : event;
}

/** `filters="false"` (or `off`) hides the filter bar; absent or any other value shows it. */
const onUnlessFalse = {
  fromAttribute: (value: string | null) => value === null || !/^(false|off|no|0)$/i.test(value.trim()),
};

type Shown =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'nothing'; view: ViewName }
  | { kind: 'no-match'; facets: Facets }
  | { kind: 'events'; facets: Facets; results: AgendaEvent[]; shown: AgendaEvent[] };

/**
 * The network's agenda: upcoming (or past) events grouped by month, with filters, search and "Voir plus".
 *
 * @tag ra-agenda
 * @summary The Réseau Alliances agenda, for any website: `<ra-agenda feed="https://…/feed.json"></ra-agenda>`.
 *
 * @fires ra-feed-error - The feed could not be read (`event.url`, `event.error`); the agenda shows its error state.
 * @fires ra-register - A reader pressed "S'inscrire" on an event (`event.event`); cancel it to handle registration.
 *
 * @csspart filters - The filter bar (a `<form role="search">`).
 * @csspart search - The text search input.
 * @csspart chip - Every filter chip (category, programme, period); pressed chips also carry `chip-pressed`.
 * @csspart chip-pressed - A pressed chip.
 * @csspart members-toggle - The "members only" checkbox.
 * @csspart mode-select - The online / in person select.
 * @csspart clear-button - "Effacer les filtres" (in the bar and in the no-match state).
 * @csspart status - The polite live region announcing the result count.
 * @csspart list - The region holding the events (and the loading skeleton, with `aria-busy`).
 * @csspart month - One month's section.
 * @csspart month-heading - A month's heading ("septembre 2020").
 * @csspart items - The list of a month's events.
 * @csspart item - The list item around one event card.
 * @csspart skeleton - A placeholder card while loading.
 * @csspart more-button - "Voir plus".
 * @csspart empty - The empty state (no events, or none matching the filters).
 * @csspart empty-button - The empty state's action (to the past events, or clearing the filters).
 * @csspart error - The error state.
 * @csspart retry-button - "Réessayer".
 * @csspart source - An event's source, when the agenda merges several feeds.
 * @csspart sources-error - Names the merged feeds that could not be read (the others are shown).
 * @csspart subscribe - « S'abonner » (a `<details>`), with the `subscribe` attribute.
 * @csspart subscribe-button - Its summary button.
 * @csspart subscribe-link - Each subscription link (webcal, Google, Outlook).
 * @csspart subscribe-address - The calendar's address, to copy.
 *
 * @cssproperty [--ra-agenda-gap=calc(var(--ra-space) * var(--ra-density))] - Space between cards and sections.
 * @cssproperty [--ra-agenda-card-min-width=20em] - Narrowest card in the grid layout (a readable measure: titles keep their words whole).
 * @cssproperty [--ra-agenda-chip-background=var(--ra-color-surface)] - A chip at rest.
 * @cssproperty [--ra-agenda-chip-background-pressed=var(--ra-color-primary)] - A pressed chip.
 * @cssproperty [--ra-agenda-heading-color=var(--ra-color-primary)] - Month headings.
 * @cssproperty [--ra-agenda-skeleton-color=var(--ra-color-surface-alt)] - Loading placeholders.
 * @cssproperty [--ra-color-primary=#00715a] - The network's green: pressed chips, buttons, headings.
 * @cssproperty [--ra-color-primary-contrast=#ffffff] - Text on the primary colour.
 * @cssproperty [--ra-color-accent=#b8d200] - Accents.
 * @cssproperty [--ra-color-text=#1d2b2a] - Text.
 * @cssproperty [--ra-color-muted=#4f5d5c] - Secondary text (labels, result count).
 * @cssproperty [--ra-color-surface=#ffffff] - Card and control backgrounds.
 * @cssproperty [--ra-color-surface-alt=#f2f6f5] - The filter bar's background.
 * @cssproperty [--ra-color-border=#c9d3d1] - Borders.
 * @cssproperty [--ra-color-danger=#b3261e] - The error state.
 * @cssproperty [--ra-color-focus=#0b57d0] - Focus rings.
 * @cssproperty [--ra-font-family=system-ui, sans-serif] - Font.
 * @cssproperty [--ra-font-size=medium] - Base font size: every size of the widget follows it (default: the visitor's default size, whatever the page's root font size). `1em` follows the surrounding text.
 * @cssproperty [--ra-radius=0.5em] - Corner radius.
 * @cssproperty [--ra-space=1em] - Base spacing.
 * @cssproperty [--ra-density=1] - Spacing multiplier (e.g. 0.75 for a denser agenda).
 */
export class RaAgenda extends RaEventElement {
  static override styles = [eventCardStyles, agendaStyles];

  /**
   * URL of the feed (attribute), or a `Feed` object already read (property). Several URLs separated by spaces merge
   * their events (a JSON feed, schema.org JSON-LD, iCalendar): each event shows its source, and a source that fails
   * is named while the others are shown.
   */
  @property({ attribute: 'feed' }) feed?: string | Feed;

  /**
   * The calendar to subscribe to, the reference server's `/agenda.ics`: shows « S'abonner » (webcal, Google and
   * Outlook links) for the filters chosen.
   */
  @property() subscribe?: string;

  /** How many events a page shows; "Voir plus" adds as many. */
  @property({ type: Number }) limit = 10;

  /** Only these categories (comma-separated slugs, e.g. `atelier,club`). */
  @property() category?: string;

  /** Only these programmes (comma-separated, e.g. `Cycle Habiter`). */
  @property() programme?: string;

  /** Only events for these audiences (comma-separated `audienceType`s, e.g. `Dirigeants`). */
  @property() audience?: string;

  /** Only this attendance mode: `offline`, `online` or `mixed`. */
  @property() mode?: AttendanceMode;

  /** Only events ending on or after this date (`YYYY-MM-DD` or ISO 8601). */
  @property() from?: string;

  /** Only events starting on or before this date (`YYYY-MM-DD` or ISO 8601). */
  @property() to?: string;

  /** `list` (default), `compact` or `grid`; reflected so page CSS can follow it. */
  @property({ reflect: true }) layout: AgendaLayout = 'list';

  /** `upcoming` (default) or `past` events; the reader can switch too. */
  @property() view: ViewName = 'upcoming';

  /** Shows the interactive filter bar (default). `filters="false"` hides it; the attributes still filter. */
  @property({ converter: onUnlessFalse }) filters = true;

  /**
   * Keeps the reader's filters in the page URL (`query` or `hash`) so a filtered agenda can be linked and the
   * back button works. Off by default: with several agendas, give each an `id` (it prefixes the parameters).
   */
  @property({ attribute: 'url-state' }) urlState?: UrlStateMode;

  /**
   * The agenda's name (e.g. `Formations`): names its filter bar « Filtrer les événements : Formations », so that
   * several agendas on one page have search landmarks one can tell apart.
   */
  @property() label?: string;

  /** Level of the month headings (cards use the next level): fit the agenda in the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Leaves out the schema.org JSON-LD otherwise written into the light DOM for search engines. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;

  @state() private categories: string[] = [];
  @state() private programmes: string[] = [];
  @state() private text = '';
  @state() private modeFilter: ModeFilter = '';
  @state() private membersOnly = false;
  @state() private pages = 1;
  readonly #cards = new CardKit(
    this,
    () => ({
      feedUrl: typeof this.feed === 'string' ? this.feed : undefined,
      privacyPolicyUrl: this.#controller.feed?.privacyPolicyUrl,
      now: this.now,
    }),
    (id) => this.#shown.find((event) => event.id === id),
    (id) => this.#makeLive(id),
  );
  /** How many events "Voir plus" just added, for the live region; 0 after any other change. */
  @state() private added = 0;
  /** The filter panel behind the "Filtres" button is open. */
  @state() private filtersOpen = false;

  #locale: Locale = 'fr';
  #now = new Date();
  #controller = new FeedController(this, () => this.feed);
  #timeline = new Memo<[Feed, string | undefined, ViewName], AgendaEvent[]>();
  #base = new Memo<[AgendaEvent[], ...(string | undefined)[]], AgendaEvent[]>();
  #facets = new Memo<[AgendaEvent[]], Facets>();
  #results = new Memo<[AgendaEvent[], string[], string[], string, ModeFilter, boolean], AgendaEvent[]>();
  #searchTimer?: ReturnType<typeof setTimeout>;
  /** The last URL write was a search: further typing replaces that history entry instead of adding one. */
  #lastWriteWasText = false;
  /** The event whose card takes the focus once "Voir plus" has rendered it. */
  #focusId?: string;
  /** The `view` the page asked for: the URL only names the view when the reader chose another. */
  #defaultView?: ViewName;
  /** What the last render showed. */
  #view: Shown = { kind: 'loading' };
  #shown: AgendaEvent[] = [];
  /** Cards rendered so far: the first screen comes first, the rest in later tasks. */
  #cardsRendered = Infinity;
  /**
   * Cards rendered as updatable Lit templates, by event id: those a reader acted on. The others are rendered once,
   * without Lit's parts, which held most of a long agenda's memory.
   */
  #live = new Set<string>();
  /** The cards of the last render, rendered once, and the values each was rendered from, by event. */
  #rendered = new WeakMap<AgendaEvent, { key: unknown[]; element: Element | null }>();
  /** When the current slice's render began, and how many cards were there before it. */
  #sliceStart = 0;
  #sliceFrom = 0;
  /** The next cards' render, while the page's cards are not all there. */
  #rendering?: Promise<void>;
  /** The shown events as schema.org JSON-LD, kept through moves in the page. */
  /** @internal */
  protected readonly jsonLd = new JsonLdController(this, () => {
    const shown = this.#shown;
    if (this.noJsonld || !shown.length) return undefined;
    const now = this.#now;
    return {
      // Each render slices a new list: its events, not the list, say whether the data changed.
      key: [now, ...shown],
      build: async ({ eventJsonLd }) => ({
        '@context': 'https://schema.org',
        // One context for the whole graph: each node's own is redundant there.
        // In slices: a long agenda's graph blocks no input (Total Blocking Time).
        '@graph': await mapInSlices(shown.filter(isDated), (event) => {
          const node = eventJsonLd(event, now);
          delete node['@context'];
          return node;
        }),
      }),
    };
  });
  #feedsUi?: FeedsUi;
  #feedsUiLoading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.#readUrl();
    connectedAgendas.add(this);
    for (const other of connectedAgendas) if (other !== this) other.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    clearTimeout(this.#searchTimer);
    connectedAgendas.delete(this);
    for (const other of connectedAgendas) other.requestUpdate();
  }

  /** The filter bar's name: from the agenda's `label` when it has one. */
  #filtersName(): string {
    const t = messages[resolveLocale(this)];
    const label = this.label?.trim();
    return label ? t.filtersLabelOf(label) : t.filtersLabel;
  }

  /**
   * The search landmark's name, or `undefined` when an agenda earlier in the document already has a landmark of this
   * name (axe `landmark-unique`: a screen reader's landmark list could not tell them apart); `label` tells them apart.
   */
  #landmark(): string | undefined {
    const name = this.#filtersName();
    for (const other of connectedAgendas) {
      if (other === this || !other.filters || other.ownerDocument !== this.ownerDocument) continue;
      const earlier = Boolean(other.compareDocumentPosition(this) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (earlier && other.#filtersName() === name) return undefined;
    }
    return name;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#locale = resolveLocale(this);
    // The agendas after this one name their filter bar after whether this one's has their name.
    if (changed.has('label') || changed.has('filters') || changed.has('lang')) {
      for (const other of connectedAgendas) if (other !== this) other.requestUpdate();
    }
    if (changed.has('urlState') && changed.get('urlState') !== undefined) this.#readUrl();
    // The page narrowed the list: back to the first page (the reader's own changes reset it in #change).
    const narrowing = ['feed', 'now', 'category', 'programme', 'audience', 'mode', 'from', 'to'] as const;
    if (narrowing.some((key) => changed.has(key) && changed.get(key) !== undefined)) this.pages = 1;
  }

  protected override render(): TemplateResult {
    const t = messages[this.#locale];
    const shown = this.#model();
    // Arriving events keep the skeleton for two more tasks (see #renderRest), then render a screenful first, so that
    // no task blocks the page for long (Total Blocking Time, long tasks).
    if (shown.kind === 'events' && this.#view.kind === 'loading') {
      this.#cardsRendered = 0;
      this.#sliceFrom = 0;
    }
    this.#view = shown;
    this.#shown = shown.kind === 'events' ? shown.shown : [];
    const filterable = shown.kind === 'events' || shown.kind === 'no-match';
    return html`
      ${
        !this.filters
          ? nothing
          : filterable
            ? this.#renderFilters(shown.facets)
            : shown.kind === 'loading'
              ? renderFilterBarSkeleton()
              : nothing
      }
      ${this.#withFeedsUi((ui) => [
        ui.renderFailedSources(this.#controller.feed, this.#locale),
        ui.renderSubscribe(
          this.subscribe,
          this.#subscription(),
          this.#controller.feed?.publisher?.name,
          this.#locale,
        ),
      ])}
      <p
        part="status"
        class="status ${shown.kind === 'events' || shown.kind === 'loading' ? '' : 'visually-hidden'}"
        role="status"
      >
        ${this.#statusText(shown)}
      </p>
      <div
        part="list"
        class="list"
        aria-busy=${shown.kind === 'loading' || !this.#cardsRendered ? 'true' : 'false'}
      >
        ${this.#renderBody(shown)}
      </div>
      ${
        shown.kind === 'events' && shown.shown.length < shown.results.length
          ? html`<div class="more">
              <button part="more-button" class="agenda-button primary" type="button" @click=${this.#showMore}>
                ${t.more}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  protected override updated(): void {
    this.#renderRest();
    if (this.#focusId) {
      const item = this.renderRoot.querySelector<HTMLElement>(
        `[data-event-id="${CSS.escape(this.#focusId)}"]`,
      );
      const heading = item?.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]') ?? item;
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        this.#focusId = undefined;
      }
    }
  }

  /** Schedules more cards, after a yield to the main thread (the first screen paints meanwhile). */
  #renderRest(): void {
    if (this.#rendering || this.#cardsRendered >= this.#shown.length) return;
    const rendered = this.#cardsRendered;
    this.#rendering = yieldToMain().then(async () => {
      if (!rendered) {
        // A page's first cards cost most in one-time work (Lit preparing each template, the code's first run, the
        // date formats): done on a detached copy of the first card, in a task of its own, it leaves the first
        // screen's task short (the card's element is kept for the first screen, see #renderMonths).
        render(this.#renderMonths(this.#shown.slice(0, 1)), document.createDocumentFragment());
        await yieldToMain();
        this.#cardsRendered = firstBatch;
      } else {
        const perCard = (performance.now() - this.#sliceStart) / Math.max(1, rendered - this.#sliceFrom);
        // As many as fit in the budget at the last slice's pace (a 100-card page takes one or two more slices, not
        // six), and at least twice as many as before: a long page still takes few renders.
        this.#sliceFrom = rendered;
        this.#cardsRendered = rendered + Math.max(rendered, Math.floor(sliceBudget / perCard));
      }
      this.#sliceStart = performance.now();
      this.#rendering = undefined;
      this.requestUpdate();
    });
  }

  /** Also waits for the cards that come after the first screen. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#rendering) {
      await this.#rendering;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** What the reader sees, from the feed's state, the attributes and the reader's filters (memoized). */
  #model(): Shown {
    const shown = this.#controller.render({
      pending: (): Shown => ({ kind: 'loading' }),
      error: (): Shown => ({ kind: 'error' }),
      complete: (feed: Feed): Shown => {
        const timeline = this.#timeline.get([feed, this.now, this.view], (feed, now, view) => {
          // Without a `now` attribute the clock is read when the feed arrives: the list does not shift under the reader.
          this.#now = toDate(now) ?? new Date();
          return view === 'past'
            ? sortEvents(past(feed.events, this.#now), 'desc')
            : sortEvents(
                upcoming(feed.events, this.#now).map((event) => atNextOccurrence(event, this.#now)),
                'asc',
              );
        });
        const base = this.#base.get(
          [timeline, this.category, this.programme, this.audience, this.mode, this.from, this.to],
          (events, category, programme, audience, mode, from, to) =>
            filterEvents(events, {
              categories: list(category),
              programmes: list(programme),
              audience: list(audience),
              mode: mode as AttendanceMode | undefined,
              from: dayBound(from, 'start'),
              to: dayBound(to, 'end'),
            }),
        );
        if (!base.length) return { kind: 'nothing', view: this.view };
        const available = this.#facets.get([base], facets);
        const results = this.#results.get(
          [base, this.categories, this.programmes, this.text, this.modeFilter, this.membersOnly],
          (events, categories, programmes, text, mode, membersOnly) =>
            filterEvents(events, {
              categories: categories.length ? categories : undefined,
              programmes: programmes.length ? programmes : undefined,
              text: text || undefined,
              mode: mode || undefined,
              membersOnly: membersOnly || undefined,
            }),
        );
        if (!results.length) return { kind: 'no-match', facets: available };
        const shown = results.slice(0, Math.max(1, this.limit) * this.pages);
        return { kind: 'events', facets: available, results, shown };
      },
    }) as Shown | undefined;
    // No feed named yet: the same skeleton, until the page sets one.
    return shown ?? { kind: 'loading' };
  }

  /**
   * « S'abonner » and the sources of a merged agenda: their code and styles load only for a page that uses them
   * (a `subscribe` attribute, several feeds), keeping the agenda's first load small.
   */
  #withFeedsUi(render: (ui: FeedsUi) => unknown): unknown {
    if (!this.subscribe && !this.#controller.feed?.sources) return nothing;
    if (this.#feedsUi) return render(this.#feedsUi);
    if (this.#feedsUiLoading) return nothing;
    this.#feedsUiLoading = true;
    void import('./agenda-feeds.js').then((ui) => {
      this.#feedsUi = ui;
      this.#adopt(ui.agendaFeedsStyles);
      this.requestUpdate();
    });
    return nothing;
  }

  /** Adds the styles of code loaded later (once): they ship with that code, not in the first load. */
  #adopt(styles: CSSResult): void {
    const sheet = styles.styleSheet;
    const root = this.shadowRoot;
    if (sheet && root && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** The filters chosen (the page's attributes narrowed by the reader's choices), as a subscription keeps them. */
  #subscription(): SubscriptionFilter {
    return {
      categories: this.categories.length ? this.categories : (list(this.category) ?? []),
      programmes: this.programmes.length ? this.programmes : (list(this.programme) ?? []),
      audiences: list(this.audience) ?? [],
      ...((this.modeFilter || this.mode) && { mode: (this.modeFilter || this.mode) as AttendanceMode }),
      ...(this.membersOnly && { membersOnly: true }),
      ...(this.text.trim() && { text: this.text }),
    };
  }

  #statusText(shown: Shown): string {
    const t = messages[this.#locale];
    switch (shown.kind) {
      case 'loading':
        return t.loading;
      case 'error':
        return t.error;
      case 'nothing':
        return shown.view === 'past' ? t.noPast : t.noUpcoming;
      case 'no-match':
        return t.noMatch;
      case 'events':
        return this.added
          ? `${t.results(shown.results.length)} · ${t.moreShown(this.added)}`
          : t.results(shown.results.length);
    }
  }

  #renderBody(shown: Shown): unknown {
    const t = messages[this.#locale];
    switch (shown.kind) {
      case 'loading':
        return renderSkeletonList(this.layout, this.limit);
      case 'error':
        return html`<div part="error" class="error">
          <p>${t.error}</p>
          <button
            part="retry-button"
            class="agenda-button primary"
            type="button"
            @click=${() => this.#controller.retry()}
          >
            ${t.retry}
          </button>
        </div>`;
      case 'nothing':
        return html`<div part="empty" class="empty">
          <p>${shown.view === 'past' ? t.noPast : t.noUpcoming}</p>
          <button part="empty-button" class="agenda-button" type="button" @click=${this.#toggleView}>
            ${shown.view === 'past' ? t.showUpcoming : t.showPast}
          </button>
        </div>`;
      case 'no-match':
        return html`<div part="empty" class="empty">
          <p>${t.noMatch}</p>
          <button
            part="empty-button clear-button"
            class="agenda-button"
            type="button"
            @click=${this.#clearFilters}
          >
            ${t.clearFilters}
          </button>
        </div>`;
      case 'events':
        return this.#cardsRendered
          ? this.#renderMonths(shown.shown.slice(0, this.#cardsRendered))
          : renderSkeletonList(this.layout, this.limit);
    }
  }

  #renderMonths(events: AgendaEvent[]): unknown {
    const level = Math.min(Math.max(this.headingLevel, 1), 6);
    const base: CardBase = {
      locale: this.#locale,
      headingLevel: Math.min(Math.max(level + 1, 2), 4) as CardBase['headingLevel'],
      layout: this.layout,
      now: this.#now,
    };
    const feedsUi = this.#feedsUi;
    // Only the cards of this render are kept for the next: a card filtered out is not held in memory.
    const previous = this.#rendered;
    const rendered = (this.#rendered = new WeakMap());
    // The first screen's cards are laid out at once: a card with `content-visibility: auto` shows at its
    // placeholder height for a frame, then grows, shifting everything below it (CLS).
    const firstScreen = screenful(this.layout);
    let index = 0;
    return repeat(
      groupByMonth(events, intlLocale[this.#locale]),
      (group) => group.key,
      (group) =>
        html`<section part="month" class="month">
          <div part="month-heading" class="month-heading" role="heading" aria-level=${level}>
            ${group.key === UNDATED_GROUP ? messages[this.#locale].undatedHeading : group.label}
          </div>
          <ul part="items" class="items">
            ${repeat(
              group.events,
              (event) => event.id,
              (event) => {
                const card = this.#cards.context(event, base);
                const later = index++ >= firstScreen;
                const item = () =>
                  toTemplate(
                    flat`<li part="item" class="${later ? laterItem : firstScreenItem}" data-event-id=${event.id}>
                      ${eventCardMarkup(event, card)}
                      ${feedsUi?.renderEventSource(event, this.#locale) ?? nothing}
                    </li>`,
                  );
                if (this.#live.has(event.id)) return item();
                // Rendered again only when its settings or state changed: not by each slice of the first render.
                const key = [this.#locale, level, this.layout, this.#now, feedsUi, later, ...cardState(card)];
                let done = previous.get(event);
                if (!done?.key.every((value, i) => Object.is(value, key[i])))
                  done = { key, element: staticElement(item()) };
                rendered.set(event, done);
                return done.element;
              },
            )}
          </ul>
        </section>`,
    );
  }

  /**
   * Renders the card of event `id` as an updatable template, before the card kit changes what it shows. The new card
   * replaces the one rendered once: the focus and the open calendar menu carry over to the same places in it.
   */
  #makeLive(id: string): Promise<void> | undefined {
    return this.#live.has(id) ? undefined : this.#replaceWithLive(id);
  }

  async #replaceWithLive(id: string): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    const item = () => root.querySelector(`[data-event-id="${CSS.escape(id)}"]`);
    const before = item();
    const focused = before && root.activeElement ? pathTo(before, root.activeElement) : undefined;
    const open = before
      ? [...before.querySelectorAll('details[open]')].map((menu) => pathTo(before, menu))
      : [];
    this.#live.add(id);
    this.requestUpdate();
    await this.updateComplete;
    const after = item();
    if (!after) return;
    for (const path of open) elementAt(after, path)?.setAttribute('open', '');
    if (focused) (elementAt(after, focused) as HTMLElement | null)?.focus();
  }

  #renderFilters(available: Facets): TemplateResult {
    return renderFilterBar(
      {
        ...this.#urlState(),
        locale: this.#locale,
        facets: available,
        open: this.filtersOpen,
        landmark: this.#landmark(),
      },
      this.#filterActions,
    );
  }

  #filterActions: FilterBarActions = {
    onSearchInput: (event) => this.#onSearchInput(event),
    onSubmit: (event) => this.#onSubmit(event),
    onModeChange: (event) => this.#onModeChange(event),
    onMembersChange: (event) => this.#onMembersChange(event),
    setView: (view) => this.#setView(view),
    toggleCategory: (value) => this.#change({ categories: toggle(this.categories, value) }),
    toggleProgramme: (value) => this.#change({ programmes: toggle(this.programmes, value) }),
    clear: () => this.#clearFilters(),
    toggleOpen: () => {
      this.filtersOpen = !this.filtersOpen;
      if (!this.filtersOpen) return;
      void loadFilterPanel().then((panel) => {
        if (panel) this.#adopt(panel.filterPanelStyles);
        this.requestUpdate();
      });
    },
  };

  /** The reader changed a filter: back to the first page, and into the URL when asked. */
  #change(update: Partial<AgendaUrlState>): void {
    this.#apply({ ...update, pages: update.pages ?? 1 });
    this.added = 0;
    this.#writeUrl(Object.keys(update).every((key) => key === 'text'));
  }

  #apply(update: Partial<AgendaUrlState>): void {
    if (update.categories) this.categories = update.categories;
    if (update.programmes) this.programmes = update.programmes;
    if (update.text !== undefined) this.text = update.text;
    if (update.mode !== undefined) this.modeFilter = update.mode;
    if (update.membersOnly !== undefined) this.membersOnly = update.membersOnly;
    if (update.view) this.view = update.view;
    if (update.pages) this.pages = update.pages;
  }

  #urlState(): AgendaUrlState {
    return {
      categories: this.categories,
      programmes: this.programmes,
      text: this.text,
      mode: this.modeFilter,
      membersOnly: this.membersOnly,
      view: this.view,
      pages: this.pages,
    };
  }

  #readUrl(): void {
    if (!this.urlState) return;
    this.#defaultView ??= this.view;
    const state = readUrlState(location.href, this.urlState, urlPrefix(this.id));
    this.#apply({ ...state, view: state.view ?? this.#defaultView });
  }

  #writeUrl(textOnly: boolean): void {
    if (!this.urlState) return;
    const href = writeUrlState(
      location.href,
      this.urlState,
      urlPrefix(this.id),
      this.#urlState(),
      this.#defaultView,
    );
    if (href === location.href) return;
    // One history entry per search, not one per key typed.
    if (textOnly && this.#lastWriteWasText) history.replaceState(history.state, '', href);
    else history.pushState(history.state, '', href);
    this.#lastWriteWasText = textOnly;
  }

  #onPopState = (): void => {
    this.#lastWriteWasText = false;
    this.added = 0;
    this.#readUrl();
  };

  #onSearchInput = (event: InputEvent): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#change({ text: value.trim() }), searchDelay);
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    this.#change({ text: input?.value.trim() ?? '' });
  };

  #onModeChange = (event: Event): void => {
    this.#change({ mode: (event.target as HTMLSelectElement).value as ModeFilter });
  };

  #onMembersChange = (event: Event): void => {
    this.#change({ membersOnly: (event.target as HTMLInputElement).checked });
  };

  #setView(view: ViewName): void {
    if (view !== this.view) this.#change({ view });
  }

  #toggleView = (): void => {
    this.#setView(this.view === 'past' ? 'upcoming' : 'past');
  };

  #clearFilters = (): void => {
    clearTimeout(this.#searchTimer);
    this.#change({ categories: [], programmes: [], text: '', mode: '', membersOnly: false });
  };

  #showMore = (): void => {
    if (this.#view.kind !== 'events') return;
    const { results, shown } = this.#view;
    const next = results.slice(shown.length, shown.length + Math.max(1, this.limit));
    // Keyboard users carry on from the first new card rather than from the top of the page.
    this.#focusId = next[0]?.id;
    this.pages += 1;
    this.#writeUrl(false);
    this.added = next.length;
  };
}

/** Where `element` is under `ancestor`, as child indices (`undefined` when it is not under it). */
function pathTo(ancestor: Element, element: Element): number[] | undefined {
  const path: number[] = [];
  for (let node: Element | null = element; node !== ancestor; node = node.parentElement) {
    if (!node?.parentElement) return undefined;
    path.unshift([...node.parentElement.children].indexOf(node));
  }
  return path;
}

function elementAt(ancestor: Element, path: readonly number[] | undefined): Element | null {
  if (!path) return null;
  let node: Element | null = ancestor;
  for (const index of path) node = node?.children[index] ?? null;
  return node;
}

function toggle(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
