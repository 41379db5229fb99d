/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { readUrlState, urlPrefix, writeUrlState, type AgendaUrlState } from './agenda.url-state.js';

const cleared: AgendaUrlState = {
  categories: [],
  programmes: [],
  text: '',
  mode: '',
  membersOnly: false,
  view: 'upcoming',
  pages: 1,
};

describe('agenda URL state', () => {
  it('keeps other query parameters exactly as written', () => {
    const href = writeUrlState('https://x.org/agenda?utm=a%20b&p=1', 'query', 'ra-', {
      ...cleared,
      categories: ['atelier'],
    });
    expect(href).to.equal('https://x.org/agenda?utm=a%20b&p=1&ra-cat=atelier');
  });

  it('keeps the rest of the hash', () => {
    const href = writeUrlState('https://x.org/#top', 'hash', 'ra-', { ...cleared, text: 'café' });
    expect(href).to.equal('https://x.org/#top&ra-q=caf%C3%A9');
  });

  it('removes its parameters when the filters are cleared', () => {
    const href = writeUrlState('https://x.org/?a=1&ra-cat=club&ra-page=2', 'query', 'ra-', cleared);
    expect(href).to.equal('https://x.org/?a=1');
  });

  it('names the view only when it differs from the page’s', () => {
    const href = writeUrlState('https://x.org/', 'query', 'ra-', cleared, 'past');
    expect(href).to.equal('https://x.org/?ra-view=upcoming');
  });

  it('reads several programmes with spaces and accents', () => {
    const state = readUrlState(
      'https://x.org/?ra-prog=Cycle+Habiter&ra-prog=Club%20des%20r%C3%A9f%C3%A9rents',
      'query',
      'ra-',
    );
    expect(state.programmes).to.deep.equal(['Cycle Habiter', 'Club des référents']);
  });

  it('reads only the parameters of its own prefix', () => {
    const prefix = urlPrefix('ateliers');
    const state = readUrlState(
      'https://x.org/#ra-cat=club&ateliers-cat=atelier&ateliers-page=3',
      'hash',
      prefix,
    );
    expect(state).to.include({ pages: 3 });
    expect(state.categories).to.deep.equal(['atelier']);
  });

  it('ignores a page number that is not a whole number above one', () => {
    expect(readUrlState('https://x.org/?ra-page=-4', 'query', 'ra-').pages).to.equal(1);
  });
});
