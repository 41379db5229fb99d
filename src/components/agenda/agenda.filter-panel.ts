/**
 * The filters behind the agenda's "Filtres" button: format, audience, period, categories and programmes, and
 * "Effacer les filtres". Loaded apart from the agenda (`loadFilterPanel`): the first screen does not show them.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Facets } from '../../feed/query.js';
import type { FilterBarActions, FilterBarState, FilterPanelWords } from './agenda.filters.js';

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

/**
 * The panel; `on` is how many of its filters are on (the bar counts them). Its words come from the bar, so that
 * this chunk imports nothing of the agenda's.
 */
export function renderFilterPanel(
  state: FilterBarState,
  actions: FilterBarActions,
  on: number,
  { t, category }: FilterPanelWords,
): TemplateResult {
  const categories = withSelected(state.facets.categories, state.categories);
  const programmes = withSelected(state.facets.programmes, state.programmes);
  return html`<div class="field">
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
    }`;
}

/** The panel's own rules, adopted by the agenda with its code; the bar and the chips' shape are in `agendaStyles`. */
export const filterPanelStyles = css`
  .filter-panel {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) * 0.75);
    align-items: flex-end;
  }

  .filter-panel[hidden] {
    display: none;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }

  .field.search {
    flex: 1 1 14em;
  }

  .toggle {
    display: inline-flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2.75em;
    font-weight: normal;
    color: inherit;
  }

  .toggle input {
    inline-size: 1.25em;
    block-size: 1.25em;
    accent-color: var(--_ra-color-primary);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    flex: 1 1 100%;
    align-items: center;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .chip[aria-pressed='true'] {
    background: var(--_chip-bg-pressed);
    border-color: var(--_chip-bg-pressed);
    color: var(--_ra-color-primary-contrast);
  }

  .chip .count {
    opacity: 0.8;
    font-size: 0.875em;
  }
`;
