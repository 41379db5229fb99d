/**
 * The agenda's filter bar, compact so that the first screen shows events: one row with the search box and a
 * "Filtres" button (a disclosure: `aria-expanded`, `aria-controls`) that reveals the format, audience, period,
 * category and programme filters. The button says how many of those are on. Also its loading placeholder, the
 * same row with the same box, so that nothing moves when the real bar replaces it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Facets } from '../../feed/query.js';
import type { Locale } from '../../i18n/locale.js';
import { eventCardMessages } from '../event-card/event-card.messages.js';
import { messages } from './agenda.messages.js';
import type { ModeFilter, ViewName } from './agenda.url-state.js';

/** What the bar shows: the reader's filters, the facets of the events in range, and whether the panel is open. */
export interface FilterBarState {
  locale: Locale;
  facets: Facets;
  categories: string[];
  programmes: string[];
  text: string;
  mode: ModeFilter;
  membersOnly: boolean;
  view: ViewName;
  open: boolean;
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

/** Filters on besides the search text (which shows in its own box). */
export function panelFilterCount(state: Omit<FilterBarState, 'locale' | 'facets' | 'open'>): number {
  return (
    state.categories.length + state.programmes.length + (state.mode ? 1 : 0) + (state.membersOnly ? 1 : 0)
  );
}

function chip(label: string, pressed: boolean, onClick: () => void, count?: number): TemplateResult {
  return html`<button
    part=${pressed ? 'chip chip-pressed' : 'chip'}
    class="chip"
    type="button"
    aria-pressed=${pressed ? 'true' : 'false'}
    @click=${onClick}
  >
    ${label}${count === undefined ? nothing : html` <span class="count">(${count})</span>`}
  </button>`;
}

/** A chip stays while pressed, even when the period no longer has that value: the reader can unpress it. */
function withSelected(available: Facets['categories'], selected: string[]): Facets['categories'] {
  const missing = selected.filter((value) => !available.some((facet) => facet.value === value));
  return [...available, ...missing.map((value) => ({ value, count: 0 }))];
}

/** The bar: search and the "Filtres" button on one row, the other filters in the panel it opens. */
export function renderFilterBar(state: FilterBarState, actions: FilterBarActions): TemplateResult {
  const t = messages[state.locale];
  const { category } = eventCardMessages[state.locale];
  const categories = withSelected(state.facets.categories, state.categories);
  const programmes = withSelected(state.facets.programmes, state.programmes);
  const on = panelFilterCount(state);
  return html`<form
    part="filters"
    class="filters"
    role="search"
    aria-label=${t.filtersLabel}
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
      <div class="field">
        <label for="mode">${t.mode}</label>
        <select id="mode" part="mode-select" @change=${actions.onModeChange}>
          <option value="" ?selected=${!state.mode}>${t.anyMode}</option>
          <option value="online" ?selected=${state.mode === 'online'}>${t.online}</option>
          <option value="offline" ?selected=${state.mode === 'offline'}>${t.offline}</option>
        </select>
      </div>
      <label class="toggle">
        <input
          part="members-toggle"
          type="checkbox"
          .checked=${state.membersOnly}
          @change=${actions.onMembersChange}
        />${t.membersOnly}
      </label>
      <div class="chips" role="group" aria-labelledby="view-label">
        <span class="group-label" id="view-label">${t.view}</span>
        ${(['upcoming', 'past'] as const).map((view) =>
          chip(view === 'upcoming' ? t.upcoming : t.past, state.view === view, () => actions.setView(view)),
        )}
      </div>
      ${
        categories.length > 1 || state.categories.length
          ? html`<div class="chips" role="group" aria-labelledby="categories-label">
              <span class="group-label" id="categories-label">${t.categories}</span>
              ${categories.map(({ value, count }) =>
                chip(
                  category(value),
                  state.categories.includes(value),
                  () => actions.toggleCategory(value),
                  count,
                ),
              )}
            </div>`
          : nothing
      }
      ${
        programmes.length > 1 || state.programmes.length
          ? html`<div class="chips" role="group" aria-labelledby="programmes-label">
              <span class="group-label" id="programmes-label">${t.programmes}</span>
              ${programmes.map(({ value, count }) =>
                chip(value, state.programmes.includes(value), () => actions.toggleProgramme(value), count),
              )}
            </div>`
          : nothing
      }
      ${
        on || state.text
          ? html`<button part="clear-button" class="agenda-button" type="button" @click=${actions.clear}>
              ${t.clearFilters}
            </button>`
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
