import { expect } from '@open-wc/testing';
import { lazyCatalogue, loadLanguage } from './lazy-catalogue.js';

/** A loader the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('lazyCatalogue', () => {
  it('speaks French until the other language has loaded, then that language', async () => {
    const english = deferred<{ hello: string }>();
    const catalogue = lazyCatalogue({ hello: 'Bonjour' }, { en: () => english.promise });
    expect(catalogue.en.hello).to.equal('Bonjour');
    const loading = loadLanguage('en');
    english.resolve({ hello: 'Hello' });
    await loading;
    expect(catalogue.en.hello).to.equal('Hello');
  });

  it('has nothing to load for French, nor for a language already loaded', async () => {
    let loads = 0;
    lazyCatalogue({ hello: 'Bonjour' }, { en: async () => (loads++, { hello: 'Hello' }) });
    expect(loadLanguage('fr')).to.equal(undefined);
    await loadLanguage('en');
    expect(loadLanguage('en')).to.equal(undefined);
    expect(loads).to.equal(1);
  });

  it('keeps French, and says why in the console, when the language cannot load', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const catalogue = lazyCatalogue(
        { hello: 'Bonjour' },
        { en: () => Promise.reject(new Error('offline')) },
      );
      await loadLanguage('en');
      expect(catalogue.en.hello).to.equal('Bonjour');
      expect(String(warnings[0]?.[0])).to.contain('could not load the "en" messages');
    } finally {
      console.warn = warn;
    }
  });

  it('refuses, at compile time, a language missing a French key', () => {
    const catalogue = lazyCatalogue(
      { hello: 'Bonjour', goodbye: 'Au revoir' },
      // @ts-expect-error `en` lacks `goodbye`
      { en: async () => ({ hello: 'Hello' }) },
    );
    expect(catalogue.fr.goodbye).to.equal('Au revoir');
  });
});
