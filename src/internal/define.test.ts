import { expect } from '@open-wc/testing';
import { defineElement } from './define.js';
import { VERSION } from './version.js';

/** A fresh registry per test, as a page that loads our bundle twice, or beside another build, would have. */
function registry(): CustomElementRegistry {
  const map = new Map<string, CustomElementConstructor>();
  return {
    get: (name: string) => map.get(name),
    define(name: string, constructor: CustomElementConstructor) {
      if (map.has(name)) throw new DOMException(`"${name}" has already been used`, 'NotSupportedError');
      if ([...map.values()].includes(constructor))
        throw new DOMException('constructor reused', 'NotSupportedError');
      map.set(name, constructor);
    },
  } as unknown as CustomElementRegistry;
}

describe('defineElement', () => {
  const realWarn = console.warn;
  let warnings: string[];

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });

  afterEach(() => {
    console.warn = realWarn;
  });

  it('registers the tag and stamps the class with our version', () => {
    const target = registry();
    class First extends HTMLElement {}
    defineElement('ra-first', First, target);
    expect(target.get('ra-first')).to.equal(First);
    expect((First as unknown as { raVersion: string }).raVersion).to.equal(VERSION);
  });

  it('returns quietly when the same version of the tag is already defined (the bundle loaded twice)', () => {
    const target = registry();
    class Copy1 extends HTMLElement {}
    class Copy2 extends HTMLElement {}
    defineElement('ra-twice', Copy1, target);
    expect(() => defineElement('ra-twice', Copy2, target)).not.to.throw();
    expect(target.get('ra-twice')).to.equal(Copy1);
    expect(warnings).to.deep.equal([]);
  });

  it('warns once, and keeps the first definition, when another version got there first', () => {
    const target = registry();
    class Older extends HTMLElement {
      static raVersion = '0.0.1';
    }
    target.define('ra-versions', Older);
    class Ours extends HTMLElement {}
    defineElement('ra-versions', Ours, target);
    defineElement('ra-versions', Ours, target);
    expect(target.get('ra-versions')).to.equal(Older);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.0.1');
  });

  it('warns instead of throwing when the class is already registered under another name', () => {
    const target = registry();
    class Shared extends HTMLElement {}
    defineElement('ra-one-name', Shared, target);
    expect(() => defineElement('ra-other-name', Shared, target)).not.to.throw();
    expect(warnings[0]).to.contain('could not define <ra-other-name>');
  });
});
