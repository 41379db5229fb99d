import { expect } from '@open-wc/testing';
import { defineCatalogue } from './locale.js';

// These declarations are checked by `npm run typecheck`: each `@ts-expect-error` fails the build if the mistake
// below it stops being a type error.
describe('typed catalogues', () => {
  it('gives every language the French keys', () => {
    const catalogue = defineCatalogue({ fr: { hello: 'Bonjour' }, en: { hello: 'Hello' } });
    expect(catalogue.en.hello).to.equal('Hello');
  });

  it('refuses, at compile time, a key missing in one language', () => {
    const catalogue = defineCatalogue({
      fr: { hello: 'Bonjour', goodbye: 'Au revoir' },
      // @ts-expect-error `en` lacks `goodbye`
      en: { hello: 'Hello' },
    });
    expect(catalogue.fr.goodbye).to.equal('Au revoir');
  });

  it('refuses, at compile time, a message taking other parameters in one language', () => {
    const catalogue = defineCatalogue({
      fr: { places: (count: number) => `${count} places` },
      // @ts-expect-error the French message takes a number
      en: { places: (count: string) => `${count} places` },
    });
    expect(catalogue.fr.places(3)).to.equal('3 places');
  });
});
