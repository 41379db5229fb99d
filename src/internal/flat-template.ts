/**
 * Flat templates: markup composed from pieces like `html`, but rendered as one Lit template per shape. With `html`,
 * every optional or repeated piece (a badge, a category, a place) is a template instance of its own: a DOM clone,
 * a fragment insertion and its parts, which made an agenda's card cost a score of each. A `flat` piece is spliced
 * into the markup around it instead, so a card is one clone; its values stay Lit parts, escaped as usual.
 */
import { html, render, type TemplateResult } from 'lit';

/** Markup and its values, as a tagged template gives them: `strings.length === values.length + 1`. */
export class Flat {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/**
 * Like `html`, but `Flat` values, and arrays of them, become part of the markup; every other value stays a part
 * (text, attribute, property, event, nested `html`). Pieces whose presence depends on state a reader changes
 * (an open panel) belong in nested `html`: a new shape renders a new DOM, which would lose the focus. Whitespace
 * holding a line break between tags is dropped (as in JSX): write a space where words must stay apart.
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): Flat {
  const markup = [strings[0]!];
  const parts: unknown[] = [];
  const add = (value: unknown): void => {
    if (value instanceof Flat) {
      markup[markup.length - 1] += value.strings[0]!;
      for (let i = 0; i < value.values.length; i++) {
        parts.push(value.values[i]);
        markup.push(value.strings[i + 1]!);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) add(item);
    } else {
      parts.push(value);
      markup.push('');
    }
  };
  for (let i = 0; i < values.length; i++) {
    add(values[i]);
    markup[markup.length - 1] += strings[i + 1]!;
  }
  return new Flat(markup, parts);
}

/** No markup: the absent branch of an optional piece. */
export const noMarkup = new Flat([''], []);

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * The widget's own constant text (a message, a class name, a tag name) as markup rather than a part: escaped, it
 * costs no part per card. Never feed data: each distinct text makes another shape.
 */
export function staticText(text: string): Flat {
  return new Flat([text.replace(/[&<>"]/g, (char) => escapes[char]!)], []);
}

/**
 * Indentation between tags, and between a tag and a value: a run of whitespace holding a line break, as JSX drops
 * it. Half of a card's nodes were such text nodes; within a line, a space stays.
 */
function dropIndentation(markup: string): string {
  return markup
    .replace(/>\s*\n\s*</g, '><')
    .replace(/^\s*\n\s*(?=<|$)/, '')
    .replace(/(?<=>)\s*\n\s*$/, '');
}

/** The Lit template strings of each shape seen: Lit caches a template by the identity of this array. */
const shapes = new Map<string, TemplateStringsArray>();

/** The Lit template of `markup`: the same strings array (so the same template) for the same shape. */
export function toTemplate(markup: Flat): TemplateResult {
  // A NUL never occurs in markup: the joined strings name the shape.
  const key = markup.strings.join('\0');
  let strings = shapes.get(key);
  if (!strings) {
    const compact = markup.strings.map(dropIndentation);
    // What a tagged template gives: Lit only accepts strings with `raw` (not built from untrusted input).
    strings = Object.assign(compact, { raw: [...compact] }) as TemplateStringsArray;
    shapes.set(key, strings);
  }
  return html(strings, ...markup.values);
}

/**
 * The element `template` renders, with nothing of Lit kept: its parts are garbage once it returns, so a long list of
 * such elements holds no more memory than their DOM. It cannot be updated, only replaced; `template` must bind no
 * event listener (a listener would keep its part alive).
 */
export function staticElement(template: TemplateResult): Element | null {
  const fragment = document.createDocumentFragment();
  render(template, fragment);
  return fragment.firstElementChild;
}
