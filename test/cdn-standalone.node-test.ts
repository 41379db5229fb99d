import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropUnreadTokens, joinCssLines } from '../scripts/vite-cdn-standalone.js';

describe('dropUnreadTokens', () => {
  const code = [
    'var s=css`',
    ':host{',
    '--_ra-color-text: var(--ra-color-text, #1d2b2a);',
    '--_ra-color-danger: var(--ra-color-danger, #b3261e);',
    'color:var(--_ra-color-text)',
    '}`;',
  ].join('\n');
  // Only the first line has mappings, as in a minified bundle whose template literal spans lines.
  const mappings = 'AAAA;;;;;';

  it('empties the line of a token nothing reads, keeping the lines where they were', () => {
    const result = dropUnreadTokens(code, mappings).split('\n');
    assert.equal(result.length, 6);
    assert.equal(result[3], '');
  });

  it('keeps a token that is read', () => {
    assert.match(dropUnreadTokens(code, mappings), /--_ra-color-text: var\(--ra-color-text, #1d2b2a\);/);
  });

  it('keeps a declaration on a line with source mappings', () => {
    assert.match(dropUnreadTokens(code, 'AAAA;;;AAAA;;'), /--_ra-color-danger/);
  });
});

describe('joinCssLines', () => {
  const code = [
    'var s=css`',
    ':host{',
    '--_ra-radius: var(--ra-radius, 0.5em);',
    '',
    'font-style:normal !important;',
    'padding:1em',
    '2em',
    '}',
    '`,t=html`<p>',
    '  <span>a</span>',
    '</p>`;',
  ].join('\n');
  // Mappings on the lines that carry code only, as in the bundle.
  const mappings = 'AAAA;;;;;;;;AACA;;AACA';

  it('joins the unmapped CSS lines, with a space only where CSS needs one', () => {
    const { code: joined } = joinCssLines(code, mappings);
    assert.equal(
      joined,
      [
        'var s=css`',
        ':host{--_ra-radius:var(--ra-radius, 0.5em);font-style:normal!important;padding:1em 2em}',
        '`,t=html`<p>',
        '  <span>a</span>',
        '</p>`;',
      ].join('\n'),
    );
  });

  it('keeps one mappings entry per line, those of the lines with code unchanged', () => {
    assert.equal(joinCssLines(code, mappings).mappings, 'AAAA;;AACA;;AACA');
  });

  it('leaves indented lines (the templates of HTML) where they are', () => {
    assert.match(joinCssLines(code, mappings).code, /<p>\n {2}<span>a<\/span>\n<\/p>/);
  });
});
