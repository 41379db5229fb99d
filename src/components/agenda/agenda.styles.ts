import { css } from '../../internal/css.js';

/**
 * The agenda's own layout. Colours, font, radius and spacing come from the shared tokens; the values below are
 * the agenda's tunables (`--ra-agenda-*`), each defaulting to a token.
 */
export const agendaStyles = css`
  :host {
    --_gap: var(--ra-agenda-gap, calc(var(--_ra-space) * var(--_ra-density)));
    --_card-min: var(--ra-agenda-card-min-width, 20em);
    --_chip-bg: var(--ra-agenda-chip-background, var(--_ra-color-surface));
    --_chip-bg-pressed: var(--ra-agenda-chip-background-pressed, var(--_ra-color-primary));
    --_heading-color: var(--ra-agenda-heading-color, var(--_ra-color-primary));
    --_skeleton: var(--ra-agenda-skeleton-color, var(--_ra-color-surface-alt));

    display: block;
    container-type: inline-size;
    min-width: 0;
    /* A partner who knows how tall the agenda ends up can reserve it: nothing below moves when it grows. */
    min-height: var(--ra-agenda-min-height, 0);
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  button {
    cursor: pointer;
  }

  /* One row (search, "Filtres") above the list; the other filters wait in the panel it opens. */
  .filters {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_gap) * 0.75);
    margin-block-end: var(--_gap);
    padding: calc(var(--_gap) * 0.5);
    background: var(--_ra-color-surface-alt);
    border-radius: var(--_ra-radius);
  }

  .filter-row {
    display: flex;
    gap: 0.5em;
  }

  .filter-row input[type='search'] {
    flex: 1 1 auto;
    min-width: 0;
  }

  .filter-row .agenda-button {
    flex: none;
  }

  label,
  .group-label {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_ra-color-muted);
  }

  input[type='search'],
  select {
    min-height: 2.75em;
    padding: 0.25em 0.75em;
    max-width: 100%;
    background: var(--_ra-color-surface);
    border: 1px solid var(--_ra-color-border);
    border-radius: var(--_ra-radius);
  }

  .chip,
  .agenda-button {
    min-height: 2.75em;
    padding: 0.25em 0.875em;
    border: 1px solid var(--_ra-color-border);
    border-radius: 999px;
    background: var(--_chip-bg);
    transition:
      background var(--_ra-transition),
      color var(--_ra-transition);
  }

  .agenda-button.primary {
    background: var(--_ra-color-primary);
    border-color: var(--_ra-color-primary);
    color: var(--_ra-color-primary-contrast);
    font-weight: 600;
  }

  .status {
    margin: 0 0 var(--_gap);
    color: var(--_ra-color-muted);
  }

  .month + .month {
    margin-block-start: calc(var(--_gap) * 1.5);
  }

  .month-heading {
    /* 0.75 of the gap, measured at this heading's own 1.25em. */
    margin: 0 0 calc(var(--_gap) * 0.75 / 1.25);
    font-size: 1.25em;
    line-height: 1.3;
    color: var(--_heading-color);
    text-transform: capitalize;
  }

  .items {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  :host([layout='compact']) .items {
    gap: calc(var(--_gap) * 0.5);
  }

  :host([layout='grid']) .items {
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_card-min), 100%), 1fr));
  }

  .item {
    min-width: 0;
  }

  /* Cards below the first screen are neither laid out nor painted until they come near it (long agendas render
     fast); the first screen's are not deferred, or they would grow a frame late and shift what follows them. */
  .later {
    content-visibility: auto;
    contain-intrinsic-size: auto var(--ra-agenda-skeleton-card-height, 17rem);
  }

  .more {
    display: flex;
    justify-content: center;
    margin-block-start: calc(var(--_gap) * 1.5);
  }

  .empty,
  .error {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    align-items: flex-start;
    padding: var(--_gap);
    border: 1px dashed var(--_ra-color-border);
    border-radius: var(--_ra-radius);
  }

  .error {
    border-style: solid;
    border-color: var(--_ra-color-danger);
  }

  .empty p,
  .error p {
    margin: 0;
  }

  /* Placeholders in the boxes of what replaces them: the same row, heading line and card heights. */
  .skeleton,
  .skeleton-field,
  .skeleton-button,
  .skeleton-line {
    border-radius: var(--_ra-radius);
    background: var(--_skeleton);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  .skeleton {
    block-size: var(--ra-agenda-skeleton-card-height, 17em);
  }

  :host([layout='compact']) .skeleton {
    block-size: var(--ra-agenda-skeleton-card-height, 7.5em);
  }

  :host([layout='grid']) .skeleton {
    block-size: var(--ra-agenda-skeleton-card-height, 24em);
  }

  .skeleton-field {
    flex: 1 1 auto;
    min-height: 2.75em;
  }

  .skeleton-button {
    flex: 0 0 6em;
    border-radius: 999px;
  }

  .skeleton-line {
    display: block;
    block-size: 1.3em;
    inline-size: 10em;
    max-inline-size: 60%;
  }

  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton,
    .skeleton-field,
    .skeleton-button,
    .skeleton-line {
      animation: none;
    }
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_ra-color-focus);
  }
`;
