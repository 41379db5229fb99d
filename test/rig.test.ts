import { expect } from '@open-wc/testing';

describe('test rig', () => {
  it('runs in the Paris time zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Europe/Paris');
  });
});
