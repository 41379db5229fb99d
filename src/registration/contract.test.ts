import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { emailKey, isEmailAddress, validateRegistration, type RegistrationRequestInput } from './contract.js';

const valid = (): RegistrationRequestInput => ({
  eventId: 'rencontre-dirigeants',
  firstName: 'Camille',
  lastName: 'Durand',
  email: 'camille@example.org',
  organisation: 'Etika Spirulina',
  jobTitle: 'Dirigeante',
  phone: '',
  memberOrganisation: undefined,
  answers: {},
  consent: true,
  newsletter: false,
  website: '',
  elapsedMs: 5000,
});

/** Fields people read in lists and spreadsheets: no control characters there. */
const displayFields = ['firstName', 'lastName', 'organisation', 'jobTitle', 'memberOrganisation'] as const;
const textFields = [...displayFields, 'email', 'phone'] as const;

const errorsOf = (body: unknown) => {
  const result = validateRegistration(body);
  return result.success ? {} : result.fieldErrors;
};

/** C0, DEL and C1 controls, and every bidirectional control (Unicode's Bidi_Control property). */
const controlCharacter = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(
      0x061c,
      0x200e,
      0x200f,
      0x202a,
      0x202b,
      0x202c,
      0x202d,
      0x202e,
      0x2066,
      0x2067,
      0x2068,
      0x2069,
    ),
  )
  .map((code) => String.fromCharCode(code));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Letters of any script, with combining marks (so NFC has work to do). */
const nameText = fc
  .array(
    fc.constantFrom('a', 'É', 'e\u0301', 'ß', 'Ł', 'ç', 'c\u0327', 'Ж', 'م', '李', 'ñ', ' ', '-', '’', '😀'),
    {
      minLength: 1,
      maxLength: 40,
    },
  )
  .map((parts) => `x${parts.join('')}x`);

describe('registration contract: text rules', () => {
  it('accepts the valid example', () => {
    expect(validateRegistration(valid()).success).to.be.true;
  });

  it('stores names trimmed and NFC-normalized', () => {
    fc.assert(
      fc.property(fc.constantFrom(...displayFields), nameText, (field, name) => {
        const result = validateRegistration({ ...valid(), [field]: ` ${name} ` });
        expect(result.success).to.be.true;
        if (result.success) expect(result.output[field]).to.equal(name.normalize('NFC'));
      }),
    );
  });

  it('refuses a control or bidirectional control character inside a name with a field error', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...displayFields),
        nameText,
        controlCharacter,
        nameText,
        (field, a, c, b) => {
          expect(errorsOf({ ...valid(), [field]: a + c + b })).to.deep.equal({
            [field]: 'control-character',
          });
        },
      ),
    );
  });

  it('refuses a lone surrogate in any text field rather than replacing it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...textFields), loneSurrogate, fc.nat(6), (field, surrogate, at) => {
        const text = valid()[field] || '0123456';
        const broken = text.slice(0, at) + surrogate + text.slice(at);
        expect(errorsOf({ ...valid(), [field]: broken })).to.deep.equal({ [field]: 'malformed' });
      }),
    );
  });

  it('refuses a lone surrogate in an answer', () => {
    fc.assert(
      fc.property(loneSurrogate, (surrogate) => {
        const errors = errorsOf({ ...valid(), answers: { diet: `végé${surrogate}` } });
        expect(errors).to.deep.equal({ 'answers.diet': 'malformed' });
      }),
    );
  });

  it('gives well-formed NFC text for any accepted body, and accepts its own output unchanged', () => {
    fc.assert(
      fc.property(
        fc.record({
          firstName: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
          organisation: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
          answer: fc.string({ unit: 'binary', maxLength: 30 }),
        }),
        ({ firstName, organisation, answer }) => {
          const result = validateRegistration({
            ...valid(),
            firstName,
            organisation,
            answers: { q: answer },
          });
          if (!result.success) return;
          for (const text of [result.output.firstName, result.output.organisation, result.output.answers.q]) {
            // encodeURIComponent throws on a lone surrogate: an oracle independent of the contract.
            expect(() => encodeURIComponent(String(text))).not.to.throw();
            expect(text).to.equal(String(text).normalize('NFC'));
          }
          const again = validateRegistration({ ...result.output, website: '' });
          expect(again.success && again.output).to.deep.equal(result.output);
        },
      ),
    );
  });

  it('refuses a NUL and a BEL in the organisation, and a right-to-left override in a last name', () => {
    expect(errorsOf({ ...valid(), organisation: 'Etika\u0000 Spirulina\u0007' })).to.deep.equal({
      organisation: 'control-character',
    });
    expect(errorsOf({ ...valid(), lastName: 'Dur\u202Eand' })).to.deep.equal({
      lastName: 'control-character',
    });
  });
});

describe('registration contract: e-mail addresses', () => {
  it('accepts an internationalized domain', () => {
    expect(errorsOf({ ...valid(), email: 'camille@société-exemple.fr' })).to.deep.equal({});
  });

  it('accepts internationalized domains of any script', () => {
    const label = fc
      .array(fc.constantFrom('a', 'z', '0', 'é', 'ü', 'ж', 'д', '中', 'ñ'), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(label, label, fc.constantFrom('fr', 'de', 'рф', 'org'), (user, domain, tld) => {
        expect(isEmailAddress(`${user}@${domain}.${tld}`)).to.be.true;
      }),
    );
  });

  it('refuses addresses that cannot be delivered to', () => {
    for (const address of [
      'camille',
      '@example.org',
      'camille@',
      'camille@localhost',
      'camille@exa mple.org',
      'camille@example..org',
      'cam ille@example.org',
      'camille@@example.org',
      'camille@example.org/path',
      'camille@-example.org',
      `${'a'.repeat(65)}@example.org`,
    ]) {
      expect(isEmailAddress(address), address).to.be.false;
    }
  });

  it('compares addresses case-insensitively, the domain in its ASCII or Unicode form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('camille', 'Camille', 'CAMILLE'),
        fc.constantFrom('société', 'SOCIÉTÉ', 'Société'),
        (user, domain) => {
          expect(emailKey(`${user}@${domain}-exemple.fr`)).to.equal('camille@xn--socit-exemple-ehbb.fr');
        },
      ),
    );
  });
});
