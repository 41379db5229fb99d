import { css } from '../../internal/css.js';
import { tokens } from '../../internal/tokens.js';

/**
 * Sizes in em of the host's font size (never the page's rem) and wrapping text: one column from 320 px (and at 200 % zoom), two when the form is 36em wide or more. Colours only
 * through tokens; inputs keep a 3:1 border against the surface, errors are said in words, not colour alone.
 */
export const styles = [
  tokens,
  css`
    :host {
      --_ra-form-max-width: var(--ra-form-max-width, 40em);
      --_ra-form-gap: var(--ra-form-gap, var(--_ra-space));
      --_ra-input-border: var(--ra-input-border, var(--_ra-color-muted));
      display: block;
      max-inline-size: var(--_ra-form-max-width);
      overflow-wrap: anywhere;
      /* A partner who knows the form's height reserves it, while it loads and once shown. */
      min-block-size: var(--ra-form-min-height, 0);
    }

    :host([mode='modal']) {
      max-inline-size: none;
    }

    form {
      display: grid;
      gap: var(--_ra-form-gap);
    }

    /* The form's own width decides its columns, not the window's (a partner's column may be narrow), and the
       loading placeholder follows the same rule. */
    form,
    .skeleton {
      container: ra-form / inline-size;
    }

    .grid {
      display: grid;
      gap: var(--_ra-form-gap);
    }

    @container ra-form (min-width: 36em) {
      .grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .grid .wide {
        grid-column: 1 / -1;
      }
    }

    /* As tall as the form of the fields every event asks (its questions and the member organisation add to it), in
       one column and in two: the page below does not move when the event arrives. */
    .loading {
      margin: 0;
      min-block-size: var(--ra-form-min-height, 45.5em);
    }

    @container ra-form (min-width: 36em) {
      .loading {
        min-block-size: var(--ra-form-min-height, 31.5em);
      }
    }

    .field {
      display: grid;
      gap: 0.25em;
      align-content: start;
      min-inline-size: 0;
    }

    label,
    legend {
      font-weight: 600;
    }

    .optional,
    .hint {
      font-weight: normal;
      color: var(--_ra-color-muted);
    }

    .hint {
      margin: 0;
    }

    input[type='text'],
    input[type='email'],
    input[type='tel'],
    select {
      box-sizing: border-box;
      inline-size: 100%;
      min-block-size: 2.75em;
      padding: 0.5em 0.75em;
      font: inherit;
      color: var(--_ra-color-text);
      background: var(--_ra-color-surface);
      border: 2px solid var(--_ra-input-border);
      border-radius: calc(var(--_ra-radius) / 2);
    }

    input[type='checkbox'],
    input[type='radio'] {
      inline-size: 1.5em;
      block-size: 1.5em;
      margin: 0;
      flex: none;
      accent-color: var(--_ra-color-primary);
    }

    .option {
      display: flex;
      gap: 0.5em;
      align-items: flex-start;
    }

    .option label {
      font-weight: normal;
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
      display: grid;
      gap: 0.5em;
    }

    fieldset.questions {
      gap: var(--_ra-form-gap);
    }

    legend {
      padding: 0;
      margin-block-end: 0.5em;
    }

    .invalid input[type='text'],
    .invalid input[type='email'],
    .invalid input[type='tel'],
    .invalid select {
      border-color: var(--_ra-color-danger);
      border-width: 3px;
    }

    .invalid {
      border-inline-start: 4px solid var(--_ra-color-danger);
      padding-inline-start: 0.75em;
    }

    .error-message {
      margin: 0;
      font-weight: 600;
      color: var(--_ra-color-danger);
    }

    a {
      color: var(--_ra-color-primary);
      text-underline-offset: 0.15em;
    }

    .error-summary,
    .message {
      padding: var(--_ra-space);
      border: 4px solid var(--_ra-color-border);
      border-radius: var(--_ra-radius);
      background: var(--_ra-color-surface);
    }

    .error-summary,
    .message.error {
      border-color: var(--_ra-color-danger);
    }

    .error-summary a {
      color: var(--_ra-color-danger);
      font-weight: 600;
    }

    .error-summary ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }

    .message.success {
      border-color: var(--_ra-color-success);
    }

    .message.warning {
      border-color: var(--_ra-color-warning);
    }

    .message p {
      margin: 0 0 0.75em;
    }

    .message-title {
      margin: 0 0 calc(0.5em / 1.25);
      font-size: 1.25em;
      line-height: 1.3;
    }

    .notice {
      margin: 0;
      padding: 0.75em;
      border-inline-start: 4px solid var(--_ra-color-warning);
      background: var(--_ra-color-surface-alt);
    }

    button,
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-block-size: 2.75em;
      padding: 0.5em 1.25em;
      font: inherit;
      font-weight: 600;
      text-decoration: none;
      border-radius: calc(var(--_ra-radius) / 2);
      cursor: pointer;
      transition:
        background-color var(--_ra-transition),
        color var(--_ra-transition);
    }

    .primary,
    .button {
      color: var(--_ra-color-primary-contrast);
      background: var(--_ra-color-primary);
      border: 2px solid var(--_ra-color-primary);
    }

    .secondary,
    .close {
      color: var(--_ra-color-primary);
      background: var(--_ra-color-surface);
      border: 2px solid var(--_ra-color-primary);
    }

    button:disabled {
      cursor: progress;
      opacity: 0.75;
    }

    .error-summary:focus,
    .outcome:focus {
      outline: 3px solid var(--_ra-color-focus);
      outline-offset: 2px;
    }

    /* Out of sight and out of reach for people, still in the DOM for bots (not display: none). */
    .honeypot {
      position: absolute;
      inset-inline-start: -10000px;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
    }

    dialog {
      box-sizing: border-box;
      inline-size: min(100vw - 1em, var(--_ra-form-max-width) + 2 * var(--_ra-space));
      max-block-size: calc(100dvh - 1em);
      padding: var(--_ra-space);
      color: var(--_ra-color-text);
      background: var(--_ra-color-surface);
      border: 1px solid var(--_ra-color-border);
      border-radius: var(--_ra-radius);
      overflow: auto;
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.6);
    }

    .dialog-header {
      display: flex;
      gap: 0.5em;
      align-items: flex-start;
      justify-content: space-between;
      margin-block-end: var(--_ra-space);
    }

    .dialog-header h2 {
      margin: 0;
      font-size: 1.375em;
      line-height: 1.3;
    }

    .close {
      padding: calc(0.25em / 1.5) calc(0.75em / 1.5);
      font-size: 1.5em;
      line-height: 1;
    }

    @media (forced-colors: active) {
      .invalid {
        border-inline-start-color: CanvasText;
      }
    }
  `,
];
