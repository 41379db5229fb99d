import { expect } from '@open-wc/testing';
import { safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  it('keeps an https URL', () => {
    expect(safeUrl('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
  });

  it('keeps an http URL', () => {
    expect(safeUrl('http://example.org/')).to.equal('http://example.org/');
  });

  it('keeps mailto: and tel: links', () => {
    expect([safeUrl('mailto:a@example.org'), safeUrl('tel:+33123456789')]).to.deep.equal([
      'mailto:a@example.org',
      'tel:+33123456789',
    ]);
  });

  it('drops javascript: URLs, whatever their case and padding', () => {
    const attempts = [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:x',
    ];
    expect(attempts.map(safeUrl)).to.deep.equal([undefined, undefined, undefined, undefined]);
  });

  it('drops data: and vbscript: URLs', () => {
    expect([safeUrl('data:text/html,<script>x</script>'), safeUrl('vbscript:msgbox(1)')]).to.deep.equal([
      undefined,
      undefined,
    ]);
  });

  it('drops relative and empty URLs', () => {
    expect([safeUrl('/path'), safeUrl(''), safeUrl(undefined), safeUrl('not a url')]).to.deep.equal([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
