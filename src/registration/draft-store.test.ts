import { expect } from '@open-wc/testing';
import { clearDraft, loadDraft, saveDraft, type RegistrationDraft } from './draft-store.js';

const draft: RegistrationDraft = {
  values: {
    firstName: 'Claire ',
    lastName: 'Martin',
    email: 'claire@',
    organisation: '',
    jobTitle: '',
    phone: '',
    memberOrganisation: '',
    answers: { diet: 'Végétarien', photos: true },
    consent: true,
    newsletter: false,
  },
  elapsedMs: 12000,
};

describe('draft store', () => {
  afterEach(() => sessionStorage.clear());

  it('gives back what was typed, as typed', () => {
    saveDraft('atelier', draft);
    expect(loadDraft('atelier')).to.deep.equal(draft);
  });

  it('keeps one draft per event', () => {
    saveDraft('atelier', draft);
    expect(loadDraft('autre')).to.be.undefined;
  });

  it('forgets a cleared draft', () => {
    saveDraft('atelier', draft);
    clearDraft('atelier');
    expect(loadDraft('atelier')).to.be.undefined;
  });

  it('never stores the honeypot', () => {
    // What a bot sent: the honeypot rides along in the request body.
    const sentByBot = {
      eventId: 'atelier',
      firstName: 'x',
      lastName: 'x',
      email: 'x@example.org',
      organisation: 'x',
      jobTitle: 'x',
      answers: {},
      consent: true as const,
      newsletter: false,
      elapsedMs: 10,
      website: 'spam',
    };
    saveDraft('atelier', { ...draft, pending: { idempotencyKey: 'k', body: sentByBot } });
    expect(sessionStorage.getItem('ra-registration-draft:atelier')).not.to.contain('spam');
  });

  it('ignores a corrupt draft', () => {
    sessionStorage.setItem('ra-registration-draft:atelier', '{not json');
    expect(loadDraft('atelier')).to.be.undefined;
  });

  it('keeps quiet when storage throws', () => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    try {
      expect(loadDraft('atelier')).to.be.undefined;
    } finally {
      Storage.prototype.getItem = getItem;
    }
  });
});
