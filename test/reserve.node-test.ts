/**
 * The rules that hold each widget's place until its code arrives live in one file, which the WordPress plugin
 * prints, the CDN build ships and the demo links; the README shows partners a copy to paste, which must not drift
 * from it. (Their heights against the widgets' loading states: `reserve.test.ts`, in the browsers.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

/** Whitespace is the only freedom a copy has: indentation and line breaks mean nothing to CSS here. */
const normalise = (css: string) => css.replace(/\s+/g, ' ').trim();

describe('the reserve rules (integrations/wordpress/ra-widgets-reserve.css)', () => {
  it('are what the README tells partners to paste, once', () => {
    const file = readFileSync('integrations/wordpress/ra-widgets-reserve.css', 'utf8');
    const blocks = [...readFileSync('README.md', 'utf8').matchAll(/^```css\n([\s\S]*?)^```$/gm)]
      .map((match) => match[1]!)
      .filter((block) => block.includes(':not(:defined)'));
    assert.equal(blocks.length, 1, 'one block of :not(:defined) rules in the README');
    assert.equal(normalise(blocks[0]!), normalise(file));
  });
});
