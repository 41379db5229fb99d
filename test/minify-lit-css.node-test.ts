import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyCssParts } from '../scripts/minify-css.js';
import { minifyLitCss } from '../scripts/vite-minify-lit-css.js';

describe('minifyCssParts', () => {
  it('drops comments, the whitespace around braces, semicolons and commas, and the last semicolon', () => {
    assert.deepEqual(minifyCssParts(['a , b  {  color: red ; /* note */ margin: 0 ;  }']), [
      'a,b{color:red;margin:0}',
    ]);
  });

  it('keeps the line breaks, so that the lines of the module do not move', () => {
    assert.deepEqual(minifyCssParts(['\n  :host {\n    display: block;\n  }\n']), [
      '\n:host{\ndisplay:block\n}\n',
    ]);
  });

  it('keeps the spaces that separate words, combinators and operators', () => {
    assert.deepEqual(
      minifyCssParts([
        'a  :hover > b { margin:  calc( 1rem  +  2px )  auto } @media screen and (width > 40em) {}',
      ]),
      ['a :hover>b{margin:calc(1rem + 2px) auto}@media screen and (width>40em){}'],
    );
  });

  it('keeps strings and escapes as written', () => {
    assert.deepEqual(
      minifyCssParts(["a::after { content: '▾  /*  */' / '';  }", 'b { content: "\\\\201C  "; }']),
      ["a::after{content:'▾  /*  */' / ''}", 'b{content:"\\\\201C  "}'],
    );
  });

  it('keeps the value of a custom property as written', () => {
    assert.deepEqual(minifyCssParts([':host {  --x: var(--y,  1px) ; color: var(--x, red) }']), [
      ':host{--x: var(--y,  1px);color:var(--x,red)}',
    ]);
  });

  it('keeps a space between a word and an interpolation', () => {
    assert.deepEqual(minifyCssParts([':host { margin: 0 ', '  auto;  }']), [':host{margin:0 ', ' auto}']);
  });

  it('leaves alone a template whose string runs across an interpolation', () => {
    assert.equal(minifyCssParts(["a { content: '", "'; }"]), undefined);
  });
});

describe('minifyLitCss', () => {
  it('minifies css templates and leaves their interpolations alone', () => {
    const code = 'const styles = css`\n  :host {\n    ${unsafeCSS(`a  b`)} ;\n  }\n`;';
    assert.equal(minifyLitCss(code, 'x.ts'), 'const styles = css`\n:host{\n${unsafeCSS(`a  b`)}\n}\n`;');
  });

  it('leaves other templates alone', () => {
    assert.equal(minifyLitCss('const a = html`<p>  a  </p>`; // css` in a comment', 'x.ts'), undefined);
  });
});
