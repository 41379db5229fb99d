import { css } from '../../internal/css.js';
import { tokens } from '../../internal/tokens.js';

/**
 * The card's look, shared by `<ra-event-card>` and `<ra-agenda>` (which renders cards in its own shadow root).
 * Sizes in em of the host's font size (`--ra-font-size`, never the page's rem) and wrapping text: readable from 320 px wide and at 200 % zoom. Colours only through tokens.
 */
const cardStyles = css`
  .card {
    --_ra-card-gap: calc(var(--_ra-space) * var(--_ra-density) * 0.75);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_ra-card-gap);
    padding: var(--_ra-card-gap);
    background: var(--_ra-color-surface);
    color: var(--_ra-color-text);
    border: 1px solid var(--_ra-color-border);
    border-radius: var(--_ra-radius);
    box-shadow: var(--_ra-shadow);
    /* Words break only when one alone is wider than the line; hyphenation follows the language (lang). */
    overflow-wrap: break-word;
    hyphens: auto;
    min-width: 0;
    /* The card's own width, not the page's, decides its phone layout (a partner's column may be narrow). */
    container: ra-card / inline-size;
  }

  /* In a grid the picture tops the card; in a list it sits beside the text when there is room (no media query:
     the card's own width decides, whatever the page's). */
  .card--grid {
    flex-direction: column;
    align-items: stretch;
  }

  .card--compact {
    padding: calc(var(--_ra-card-gap) / 2);
    box-shadow: none;
  }

  .main {
    flex: 999 1 0;
    min-inline-size: 55%;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_ra-card-gap);
  }

  .card--grid > .image,
  .card--grid > .main {
    flex: none;
  }

  .image {
    flex: 1 1 14em;
    display: block;
    min-inline-size: 0;
    block-size: auto;
    /* Reserved before the picture arrives: nothing below it jumps. */
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: calc(var(--_ra-radius) / 2);
    background: var(--_ra-color-surface-alt);
  }

  .date {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.25em;
    min-inline-size: 3.5em;
    padding: 0.5em;
    border-radius: calc(var(--_ra-radius) / 2);
    background: var(--_ra-color-primary);
    color: var(--_ra-color-primary-contrast);
    text-align: center;
    line-height: 1.1;
    align-self: start;
  }

  .day-month {
    display: flex;
    flex-direction: column;
  }

  .date-day {
    font-size: 1.5em;
    font-weight: 700;
  }

  .date-month {
    font-size: 0.875em;
    text-transform: uppercase;
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    min-width: 0;
  }

  .body > * {
    margin: 0;
  }

  .title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }

  .card--compact .title {
    font-size: 1.0625em;
  }

  .card--cancelled .title,
  .card--cancelled .when {
    text-decoration: line-through;
    color: var(--_ra-color-muted);
  }

  .badges,
  .categories,
  .place,
  .sessions,
  .calendar-menu,
  .organizations ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .badges,
  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }

  .badge,
  .categories li {
    display: inline-block;
    /* Lengths of the host's em, at this element's own 0.875em. */
    padding: calc(0.125em / 0.875) calc(0.5em / 0.875);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
  }

  .categories li {
    border-color: var(--_ra-color-border);
    background: var(--_ra-color-surface-alt);
    font-weight: 400;
  }

  .status--cancelled {
    color: var(--_ra-color-danger);
  }

  .status--postponed,
  .status--rescheduled,
  .places {
    color: var(--_ra-color-warning);
  }

  .status--full,
  .status--closed {
    color: var(--_ra-color-muted);
  }

  .status--online,
  .audience {
    color: var(--_ra-color-primary);
  }

  .previous {
    font-weight: 400;
  }

  .when,
  .place li {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5em;
  }

  .sessions {
    display: grid;
    gap: 0.125em;
  }

  .zone-note,
  .address,
  .meta {
    color: var(--_ra-color-muted);
  }

  .place-name {
    font-weight: 600;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }

  .price {
    font-weight: 600;
    color: var(--_ra-color-text);
  }

  a {
    color: var(--_ra-color-primary);
  }

  /* Every action is one button high (2.75em, a 44 px target at 16 px) and the buttons of a row share a height. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: stretch;
    gap: 0.5em;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    box-sizing: border-box;
    min-block-size: 2.75em;
    white-space: nowrap;
    padding: 0.5em 1em;
    border: 1px solid var(--_ra-color-primary);
    border-radius: var(--_ra-radius);
    background: var(--_ra-color-surface);
    color: var(--_ra-color-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color var(--_ra-transition),
      color var(--_ra-transition);
  }

  .button:hover {
    background: var(--_ra-color-surface-alt);
  }

  .button--primary {
    background: var(--_ra-color-primary);
    color: var(--_ra-color-primary-contrast);
  }

  .button--primary:hover {
    background: var(--_ra-color-primary);
    text-decoration: underline;
  }

  /* A column, so the summary takes the row's height and the (absolutely placed) menu no width. */
  .calendar {
    position: relative;
    display: flex;
    flex-direction: column;
  }

  .calendar > summary {
    flex: 1 0 auto;
  }

  .calendar > summary {
    list-style: none;
  }

  .calendar > summary::-webkit-details-marker {
    display: none;
  }

  .calendar > summary::after {
    content: '▾';
    /* Decorative: the empty alternative keeps screen readers from announcing the arrow. */
    content: '▾' / '';
    /* The arrow comes from a fallback font: keep its taller line box from stretching the button. */
    line-height: 1;
  }

  .calendar[open] > summary::after {
    content: '▴';
    content: '▴' / '';
  }

  /* The menu opens over what follows, so opening it moves no other button. */
  .calendar-menu {
    position: absolute;
    z-index: 1;
    inset-block-start: calc(100% + 0.25em);
    inset-inline-start: 0;
    display: grid;
    gap: 0.25em;
    min-inline-size: max(100%, 14em);
    box-sizing: border-box;
    padding: 0.5em;
    border: 1px solid var(--_ra-color-border);
    border-radius: var(--_ra-radius);
    background: var(--_ra-color-surface);
    box-shadow: var(--_ra-shadow);
  }

  .calendar-menu a,
  .calendar-menu .link-button {
    display: block;
    padding-block: 0.5em;
  }

  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
  }

  .restriction {
    font-size: 0.875em;
    color: var(--_ra-color-muted);
  }

  .body {
    container: ra-card-body / inline-size;
  }

  .label-short {
    display: none;
  }

  /* A phone, or a narrow partner column: the date sits above the title as one line, so the text gets the card's
     whole width. */
  @container ra-card (max-width: 34em) {
    .main {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.5em;
    }

    .date {
      flex-direction: row;
      justify-self: start;
      align-items: baseline;
      gap: 0.5em;
      min-inline-size: 0;
      padding: 0.25em 0.625em;
    }

    .day-month {
      flex-direction: row;
      align-items: baseline;
      gap: 0.35em;
    }

    .date-day {
      font-size: 1.125em;
    }
  }

  /* Narrow text (a phone, or beside the picture): the actions keep to two rows. The copy button shows its icon and
     the calendar button a shorter label; their full names stay for assistive technologies. */
  @container ra-card-body (max-width: 36em) {
    .copy-button .label,
    .calendar .label {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .calendar .label-short {
      display: inline;
    }

    .copy-button {
      padding-inline: 0.6875em;
    }

    .button {
      padding-inline: 0.75em;
    }

    /* The menu spans the actions' row, not 14em from its button: after other buttons (« Plus de détails ») it ran
       past the card and the page (x = 188..412 on a 375 px phone). The row holds it; the menu still opens right
       under its button (its static block position), over what follows. */
    .actions {
      position: relative;
    }

    .calendar {
      position: static;
      display: block;
    }

    .calendar-menu {
      inset-block-start: auto;
      inset-inline: 0;
      min-inline-size: 0;
      margin-block-start: 0.25em;
    }
  }

  /* Very narrow (large text in a small column): labels may wrap rather than overflow. */
  @container ra-card-body (max-width: 18em) {
    .button {
      white-space: normal;
    }
  }

  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_ra-color-primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }

  .copy-status:empty {
    display: none;
  }

  .copy-status {
    align-self: center;
    color: var(--_ra-color-success);
    font-weight: 600;
  }

  .copy-fallback {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    inline-size: 100%;
  }

  .copy-fallback input {
    flex: 1 1 12em;
    min-inline-size: 0;
    font: inherit;
    padding: 0.25em 0.5em;
    color: var(--_ra-color-text);
    background: var(--_ra-color-surface);
    border: 1px solid var(--_ra-color-border);
    border-radius: calc(var(--_ra-radius) / 2);
  }

  .details {
    display: grid;
    gap: 0.75em;
    padding-block-start: 0.5em;
    border-block-start: 1px solid var(--_ra-color-border);
  }

  .details[hidden] {
    display: none;
  }

  .description > :first-child {
    margin-block-start: 0;
  }

  .contact,
  .organizations {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
  }

  .organizations ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
  }

  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .button,
    .date {
      border: 1px solid CanvasText;
    }
  }
`;

/** Tokens and card rules: adopt them in any shadow root that renders `renderEventCard`. */
export const eventCardStyles = [tokens, cardStyles];
