import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { installXssCanary, loadXssCorpus, type XssCorpus } from '../../../test/helpers/xss.js';
import { sanitizeDescription, sanitizeHtml } from './sanitize.js';

const forbiddenElements =
  'script, iframe, object, embed, svg, math, form, style, input, button, textarea, img, link, meta, base';
const unsafeUrl = /^\s*(?:javascript|data|vbscript):/i;

/** Every payload of the corpus, rendered through the sanitizer. */
function renderCorpus(corpus: XssCorpus): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    html`${corpus.items.map((item) => html`<section>${sanitizeDescription(item.payload)}</section>`)}`,
    container,
  );
  return container;
}

describe('sanitizeDescription', () => {
  let container: HTMLElement;
  let corpus: XssCorpus;
  let removeCanary: () => void;

  before(async () => {
    corpus = await loadXssCorpus();
    removeCanary = installXssCanary();
    container = renderCorpus(corpus);
  });

  after(() => {
    removeCanary();
    container.remove();
  });

  it('reads the whole corpus', () => {
    expect(corpus.items).to.have.length(corpus.count).and.to.have.length(223);
  });

  it('leaves no event-handler attribute on any element', () => {
    const withHandlers = [...container.querySelectorAll('*')].filter((el) =>
      el.getAttributeNames().some((name) => name.toLowerCase().startsWith('on')),
    );
    expect(withHandlers.map((el) => el.outerHTML)).to.deep.equal([]);
  });

  it('leaves no scriptable or embedding element', () => {
    expect([...container.querySelectorAll(forbiddenElements)].map((el) => el.outerHTML)).to.deep.equal([]);
  });

  it('leaves no javascript:, data: or vbscript: URL in href, src, action or xlink:href', () => {
    const urls = [...container.querySelectorAll('*')].flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href']
        .map((name) => el.getAttribute(name))
        .filter((value): value is string => value !== null && unsafeUrl.test(value)),
    );
    expect(urls).to.deep.equal([]);
  });

  it('leaves no style attribute', () => {
    expect(container.querySelectorAll('[style]')).to.have.length(0);
  });

  it('keeps only the allowed tags', () => {
    const allowed = new Set([
      'SECTION',
      'P',
      'BR',
      'STRONG',
      'EM',
      'B',
      'I',
      'UL',
      'OL',
      'LI',
      'A',
      'H3',
      'H4',
      'BLOCKQUOTE',
    ]);
    const tags = new Set([...container.querySelectorAll('*')].map((el) => el.tagName));
    expect([...tags].filter((tag) => !allowed.has(tag))).to.deep.equal([]);
  });

  it('never trips the canary', async () => {
    // Let any handler that slipped through (image errors, animations) have its turn.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(window.__xss).to.equal(undefined);
  });

  it('keeps the formatting the feed allows', () => {
    expect(
      sanitizeHtml(
        '<h3>Programme</h3><p>Un <strong>atelier</strong> <em>pratique</em></p><ul><li>a</li></ul>',
      ),
    ).to.equal('<h3>Programme</h3><p>Un <strong>atelier</strong> <em>pratique</em></p><ul><li>a</li></ul>');
  });

  it('opens links in a new window without an opener', () => {
    expect(sanitizeHtml('<a href="https://example.org/" title="x">site</a>')).to.equal(
      '<a href="https://example.org/" target="_blank" rel="noopener noreferrer">site</a>',
    );
  });

  it('keeps mailto: and tel: links', () => {
    expect(sanitizeHtml('<a href="mailto:a@example.org">a</a><a href="tel:+33240000000">t</a>'))
      .to.contain('href="mailto:a@example.org"')
      .and.to.contain('href="tel:+33240000000"');
  });

  it('drops a javascript: href but keeps the link text', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">clic</a>')).to.equal('<a>clic</a>');
  });

  it('drops style attributes and forms', () => {
    expect(
      sanitizeHtml('<p style="color:red">x</p><form action="https://e.org"><input name="a"></form>'),
    ).to.equal('<p>x</p>');
  });
});
