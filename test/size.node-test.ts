import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceMapGenerator } from 'source-map-js';
import { breakdownTable, bytesBySource, moduleBreakdown, moduleGroup } from '../scripts/size.mjs';

/** A source map of `code` starting each listed source at the given line (1-based) and column. */
function mapOf(marks: [line: number, column: number, source: string | null][]): object {
  const generator = new SourceMapGenerator({ file: 'chunk.js' });
  for (const [line, column, source] of marks) {
    generator.addMapping(
      source
        ? { generated: { line, column }, original: { line: 1, column: 0 }, source }
        : { generated: { line, column } },
    );
  }
  return generator.toJSON();
}

describe('moduleGroup', () => {
  it('names a library by its package, scoped or not, wherever node_modules is', () => {
    assert.equal(moduleGroup('../../../../../main/node_modules/valibot/dist/index.mjs'), 'valibot');
    assert.equal(moduleGroup('../node_modules/@lit/reactive-element/css-tag.js'), '@lit/reactive-element');
    assert.equal(moduleGroup('../node_modules/lit-html/directives/repeat.js'), 'lit-html');
  });

  it('shows date-fns with @date-fns/tz, DOMPurify by its name and `lit` with lit-element', () => {
    assert.equal(moduleGroup('node_modules/@date-fns/tz/date/index.js'), 'date-fns + @date-fns/tz');
    assert.equal(moduleGroup('node_modules/date-fns/format.js'), 'date-fns + @date-fns/tz');
    assert.equal(moduleGroup('node_modules/dompurify/dist/purify.es.mjs'), 'DOMPurify');
    assert.equal(moduleGroup('node_modules/lit/index.js'), 'lit-element');
  });

  it('names our own code by its folder, a file at the root of src/ by itself, or every file with byFile', () => {
    assert.equal(moduleGroup('../../../src/feed/schema.ts'), 'src/feed/');
    assert.equal(moduleGroup('../../src/autoloader.ts'), 'src/autoloader.ts');
    assert.equal(moduleGroup('../../../src/feed/schema.ts', { byFile: true }), 'src/feed/schema.ts');
  });
});

describe('bytesBySource', () => {
  it('gives each mapping the bytes up to the next one, across line ends, and the rest to the glue', () => {
    const code = 'import"x";AAAA`a\nb`BB\nCC';
    const map = mapOf([
      [1, 10, 'a.ts'],
      [1, 14, 'b.ts'],
      [2, 2, 'c.ts'],
      [3, 0, null],
    ]);
    assert.deepEqual(Object.fromEntries(bytesBySource(code, map)), {
      '(no source: bundler glue)': 10 + 2,
      'a.ts': 4,
      'b.ts': 5,
      'c.ts': 3,
    });
  });

  it('counts UTF-8 bytes, where source map columns count UTF-16 code units', () => {
    const code = '"été";x';
    const map = mapOf([
      [1, 0, 'fr.ts'],
      [1, 6, 'x.ts'],
    ]);
    // Six UTF-16 code units, eight bytes: each é takes two.
    assert.deepEqual(Object.fromEntries(bytesBySource(code, map)), { 'fr.ts': 8, 'x.ts': 1 });
  });
});

describe('moduleBreakdown', () => {
  const files = new Map([
    [
      'one.js',
      {
        code: 'AAAAAABB',
        map: mapOf([
          [1, 0, '../node_modules/lit-html/lit-html.js'],
          [1, 6, '../src/feed/schema.ts'],
        ]),
        gzip: 400,
      },
    ],
    ['two.js', { code: 'CCCC', map: mapOf([[1, 0, '../src/feed/items.ts']]), gzip: 100 }],
    ['plain.js', { code: 'DD', gzip: 50 }],
  ]);

  it("shares each file's gzip size among its modules by their minified bytes, heaviest group first", () => {
    assert.deepEqual(moduleBreakdown(files, ['one.js', 'two.js', 'plain.js']), [
      { group: 'lit-html', raw: 6, gzip: 300 },
      { group: 'src/feed/', raw: 6, gzip: 200 },
      { group: '(no source: bundler glue)', raw: 2, gzip: 50 },
    ]);
  });

  it('counts only the files asked for', () => {
    assert.deepEqual(moduleBreakdown(files, ['two.js']), [{ group: 'src/feed/', raw: 4, gzip: 100 }]);
  });
});

describe('breakdownTable', () => {
  it('lists the groups, then libraries and our own code together, saying how the gzip was shared', () => {
    const table = breakdownTable({
      label: '`<ra-agenda>` alone',
      gzip: 550,
      breakdown: [
        { group: 'lit-html', raw: 6000, gzip: 3000 },
        { group: 'src/feed/', raw: 4000, gzip: 2000 },
        { group: 'valibot', raw: 1000, gzip: 500 },
      ],
    }).split('\n');
    assert.match(table[0]!, /in proportion to their minified bytes, from its source map/);
    assert.deepEqual(table.slice(4), [
      '| lit-html | 6.00 KB | 3.00 KB |',
      '| `src/feed/` | 4.00 KB | 2.00 KB |',
      '| valibot | 1.00 KB | 0.50 KB |',
      '| *libraries together* | 7.00 KB | 3.50 KB |',
      '| *our own code together* | 4.00 KB | 2.00 KB |',
    ]);
  });
});
