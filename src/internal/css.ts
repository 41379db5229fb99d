import { unsafeCSS, type CSSResult } from '@lit/reactive-element';

/**
 * Lit's `css` tag for our own style sheets, lighter: Lit's `CSSResult` all the same (through `unsafeCSS`), without
 * the tag's long error message, which weighs on the member badge's one-file bundle (issue 16). As with Lit's tag,
 * only another style sheet can be interpolated: its `cssText` is read, so a string or number put in by mistake
 * writes `undefined`, never its value. Named `css` so that the CDN build's minifier (`vite-minify-lit-css.ts`)
 * minifies these templates like Lit's.
 */
export const css = (strings: TemplateStringsArray, ...values: CSSResult[]): CSSResult =>
  unsafeCSS(String.raw({ raw: strings }, ...values.map((value) => value.cssText)));
