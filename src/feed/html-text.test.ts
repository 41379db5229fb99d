import { expect } from '@open-wc/testing';
import { decodeCharacterReferences } from './html-text.js';

describe('decodeCharacterReferences', () => {
  const cases: [string, string][] = [
    ['R&amp;D &lt;b&gt; &quot;x&quot; &apos;y&#039;', 'R&D <b> "x" \'y\''],
    ['&#8211; &#x2019; &#X2019;', '– ’ ’'],
    ['&nbsp;&iquest;&Agrave;&times;&yuml;', '\u00a0¿À×ÿ'],
    ['&eacute;t&eacute; &laquo;&raquo; &ccedil;', 'été «» ç'],
    ['&ndash;&mdash;&lsquo;&rsquo;&ldquo;&rdquo;&hellip;&euro;&oelig;', '–—‘’“”…€œ'],
  ];
  for (const [written, read] of cases) {
    it(`decodes ${written}`, () => {
      expect(decodeCharacterReferences(written)).to.equal(read);
    });
  }

  it('leaves an unknown name as written', () => {
    expect(decodeCharacterReferences('&zorglub; &amp')).to.equal('&zorglub; &amp');
  });

  it('turns a reference to no character into U+FFFD', () => {
    expect(decodeCharacterReferences('&#0;&#xD800;')).to.equal('\uFFFD\uFFFD');
  });
});
