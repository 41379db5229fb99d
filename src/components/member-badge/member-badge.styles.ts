import { css } from '../../internal/css.js';
import { tokens } from '../../internal/tokens.js';

export const styles = [
  tokens,
  css`
    /* A block, like every widget, so that it lines up in the page's content column; display: inline-block on the
       element puts it in a line of text. */
    :host {
      display: block;
      --_badge-height: var(--ra-badge-height, 3em);
      --_badge-background: var(--ra-badge-background, var(--_ra-color-surface));
      --_badge-text: var(--ra-badge-text, var(--_ra-color-text));
      --_badge-mark: var(--ra-badge-mark, var(--_ra-color-primary));
    }
    /* The badge's own size; the host keeps the font size every widget has. Heights are the host's 2.25em and 4em. */
    :host([size='small']) .badge {
      --_badge-height: var(--ra-badge-height, calc(2.25em / 0.875));
      font-size: 0.875em;
    }
    :host([size='large']) .badge {
      --_badge-height: var(--ra-badge-height, calc(4em / 1.125));
      font-size: 1.125em;
    }

    /* One cell: a badge, or its hidden twin under the fallback link, so the place is the badge's in every state. */
    .box {
      display: grid;
      justify-items: start;
      min-block-size: var(--ra-badge-min-height, 0);
    }
    .box > * {
      grid-area: 1 / 1;
    }
    .fallback {
      align-self: center;
    }
    .reserve {
      visibility: hidden;
    }

    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-height: var(--_badge-height);
      box-sizing: border-box;
      padding: 0.25em 0.75em 0.25em 0.25em;
      border: 1px solid var(--_ra-color-border);
      border-radius: var(--_ra-radius);
      background: var(--_badge-background);
      color: var(--_badge-text);
      text-decoration: none;
      line-height: 1.2;
      transition: box-shadow var(--_ra-transition);
    }
    .badge:hover {
      box-shadow: var(--_ra-shadow);
    }
    :host([variant='icon']) .badge {
      padding: 0.25em;
    }

    .mark {
      flex: none;
      width: calc(var(--_badge-height) - 0.5em);
      height: calc(var(--_badge-height) - 0.5em);
      color: var(--_badge-mark);
    }

    .text {
      display: flex;
      flex-direction: column;
    }
    .title {
      font-weight: 700;
    }
    .since {
      color: var(--_ra-color-muted);
      font-size: 0.875em;
    }
  `,
];
