import { css } from 'lit';

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
 * Design tokens shared by every widget, in the network's identity. Each is a `--ra-*` custom property the host
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
    --_ra-font-size: var(--ra-font-size, 1rem);
    --_ra-radius: var(--ra-radius, 0.5rem);
    --_ra-space: var(--ra-space, 1rem);
    --_ra-density: var(--ra-density, 1);
    --_ra-shadow: var(--ra-shadow, 0 1px 3px rgb(0 0 0 / 0.12));
    --_ra-transition: var(--ra-transition, 150ms ease);

    font-family: var(--_ra-font-family);
    font-size: var(--_ra-font-size);
    color: var(--_ra-color-text);
    line-height: 1.5;
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
