import { css } from './css.js';

const darkValues = css`
  --_ra-color-primary: var(--ra-color-primary, #5fd3b3);
  --_ra-color-primary-contrast: var(--ra-color-primary-contrast, #00261e);
  --_ra-color-text: var(--ra-color-text, #e6eeec);
  --_ra-color-muted: var(--ra-color-muted, #a9b8b5);
  --_ra-color-surface: var(--ra-color-surface, #16201f);
  --_ra-color-surface-alt: var(--ra-color-surface-alt, #1f2c2a);
  --_ra-color-border: var(--ra-color-border, #3c4c49);
  --_ra-color-danger: var(--ra-color-danger, #ffb4ab);
  --_ra-color-warning: var(--ra-color-warning, #ffb95c);
  --_ra-color-success: var(--ra-color-success, #8fd89a);
  --_ra-color-focus: var(--ra-color-focus, #a8c7fa);
`;

/**
 * Design tokens shared by every widget, in the network's identity, and the host's reset of what pages pass on. Each is a `--ra-*` custom property the host
 * page may set on the element or any ancestor (custom properties inherit through shadow roots); components read
 * them through these defaults. Dark values apply when the page or the element asks for them.
 */
export const tokens = css`
  :host {
    --_ra-color-primary: var(--ra-color-primary, #00715a);
    --_ra-color-primary-contrast: var(--ra-color-primary-contrast, #ffffff);
    --_ra-color-accent: var(--ra-color-accent, #b8d200);
    --_ra-color-text: var(--ra-color-text, #1d2b2a);
    --_ra-color-muted: var(--ra-color-muted, #4f5d5c);
    --_ra-color-surface: var(--ra-color-surface, #ffffff);
    --_ra-color-surface-alt: var(--ra-color-surface-alt, #f2f6f5);
    --_ra-color-border: var(--ra-color-border, #c9d3d1);
    --_ra-color-danger: var(--ra-color-danger, #b3261e);
    --_ra-color-warning: var(--ra-color-warning, #8a5300);
    --_ra-color-success: var(--ra-color-success, #1b6e2e);
    --_ra-color-focus: var(--ra-color-focus, #0b57d0);
    --_ra-font-family: var(--ra-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    /* medium: the visitor's default size, whatever the page does to its own html element (62.5 % themes). */
    --_ra-font-size: var(--ra-font-size, medium);
    --_ra-radius: var(--ra-radius, 0.5em);
    --_ra-space: var(--ra-space, 1em);
    --_ra-density: var(--ra-density, 1);
    --_ra-shadow: var(--ra-shadow, 0 1px 3px rgb(0 0 0 / 0.12));
    --_ra-transition: var(--ra-transition, 150ms ease);

    /* The page's text settings stop at the host: each inherited one is set here. !important in the shadow tree
       beats the page's own !important rules on the element; partners theme through the --ra-* properties. */
    font-family: var(--_ra-font-family) !important;
    font-size: var(--_ra-font-size) !important;
    font-style: normal !important;
    font-weight: normal !important;
    font-variant: normal !important;
    color: var(--_ra-color-text) !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
  }

  /* Dark follows the visitor's setting unless theme="light"; theme="dark" forces it. */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkValues}
    }
  }

  :host([theme='dark']) {
    ${darkValues}
  }

  :host([hidden]) {
    display: none !important;
  }

  :focus-visible {
    outline: 3px solid var(--_ra-color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_ra-transition: 0s;
    }
  }
`;
