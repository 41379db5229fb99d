/**
 * The agenda's filter bar, compact so that the first screen shows events: one row with the search box and a
 * "Filtres" button (a disclosure: `aria-expanded`, `aria-controls`) that reveals the format, audience, period,
 * category and programme filters (`agenda.filter-panel.ts`, loaded apart: the first screen does not need it). The
 * button says how many of those are on. Also its loading placeholder, the same row with the same box, so that
 * nothing moves when the real bar replaces it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Facets } from '../../feed/query.js';
import type { Locale } from '../../i18n/locale.js';
import { whenIdle } from '../../internal/main-thread.js';
import { eventCardMessages } from '../event-card/event-card.messages.js';
import { messages } from './agenda.messages.js';
import type { AgendaUrlState, ViewName } from './agenda.url-state.js';

/** What the bar shows: the reader's filters, the facets of the events in range, and whether the panel is open. */
export interface FilterBarState extends Omit<AgendaUrlState, 'pages'> {
  locale: Locale;
  facets: Facets;
  open: boolean;
  /**
   * The search landmark's name; `undefined`: the bar is no landmark (another agenda's bar earlier in the page has
   * the same name, and two landmarks of one name cannot be told apart).
   */
  landmark: string | undefined;
}

/** The panel's words, in the reader's language. */
export interface FilterPanelWords {
  t: (typeof messages)[Locale];
  category: (slug: string) => string;
}

/** What the bar asks the agenda to do. */
export interface FilterBarActions {
  onSearchInput(event: InputEvent): void;
  onSubmit(event: SubmitEvent): void;
  onModeChange(event: Event): void;
  onMembersChange(event: Event): void;
  setView(view: ViewName): void;
  toggleCategory(value: string): void;
  toggleProgramme(value: string): void;
  clear(): void;
  toggleOpen(): void;
}

type FilterPanel = typeof import('./agenda.filter-panel.js');
let panel: FilterPanel | undefined;
let loading: Promise<FilterPanel | undefined> | undefined;

/**
 * Loads the panel's template and styles (once); the bar shows it from the next render on, once the host has
 * adopted `filterPanelStyles`. `undefined` when the code could not load.
 */
export function loadFilterPanel(): Promise<FilterPanel | undefined> {
  return (loading ??= import('./agenda.filter-panel.js').then(
    (module) => (panel = module),
    (error: unknown) => {
      loading = undefined;
      console.error('[ra-widgets] could not load the filter panel:', error);
      return undefined;
    },
  ));
}

/** Filters on besides the search text (which shows in its own box). */
export function panelFilterCount(state: Omit<AgendaUrlState, 'pages'>): number {
  return (
    state.categories.length + state.programmes.length + (state.mode ? 1 : 0) + (state.membersOnly ? 1 : 0)
  );
}

/** The bar: search and the "Filtres" button on one row, the other filters in the panel it opens. */
export function renderFilterBar(state: FilterBarState, actions: FilterBarActions): TemplateResult {
  const t = messages[state.locale];
  const on = panelFilterCount(state);
  // The panel's code is not needed for the first screen: fetched in idle time, before a reader opens it.
  whenIdle(() => void loadFilterPanel());
  return html`<form
    part="filters"
    class="filters"
    role=${ifDefined(state.landmark && 'search')}
    aria-label=${ifDefined(state.landmark)}
    @submit=${actions.onSubmit}
  >
    <div class="filter-row">
      <label class="visually-hidden" for="search">${t.search}</label>
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        placeholder=${t.searchPlaceholder}
        .value=${state.text}
        @input=${actions.onSearchInput}
      />
      <button
        part="filters-button"
        class="agenda-button"
        type="button"
        aria-expanded=${state.open ? 'true' : 'false'}
        aria-controls="filter-panel"
        @click=${actions.toggleOpen}
      >
        ${t.filters}${on ? html` <span class="count">(${on})</span>` : nothing}
      </button>
    </div>
    <div id="filter-panel" part="filter-panel" class="filter-panel" ?hidden=${!state.open}>
      ${
        state.open && panel
          ? panel.renderFilterPanel(state, actions, on, {
              t,
              category: eventCardMessages[state.locale].category,
            })
          : nothing
      }
    </div>
  </form>`;
}

/** The bar's place while the feed loads: the same row, the same height, nothing to press yet. */
export function renderFilterBarSkeleton(): TemplateResult {
  return html`<div class="filters" aria-hidden="true">
    <div class="filter-row">
      <span class="skeleton-field"></span>
      <span class="skeleton-button"></span>
    </div>
  </div>`;
}
