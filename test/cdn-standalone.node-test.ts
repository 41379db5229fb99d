import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropUnreadTokens } from '../scripts/vite-cdn-standalone.js';

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
