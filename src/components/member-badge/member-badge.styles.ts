import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      display: inline-block;
      vertical-align: middle;
      --_badge-height: var(--ra-badge-height, 3rem);
      --_badge-background: var(--ra-badge-background, var(--_ra-color-surface));
      --_badge-text: var(--ra-badge-text, var(--_ra-color-text));
      --_badge-mark: var(--ra-badge-mark, var(--_ra-color-primary));
    }
    :host([size='small']) {
      --_badge-height: var(--ra-badge-height, 2.25rem);
      font-size: 0.875em;
    }
    :host([size='large']) {
      --_badge-height: var(--ra-badge-height, 4rem);
      font-size: 1.125em;
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
