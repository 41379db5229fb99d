import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { makeEvent, paris } from '../../../test/helpers/agenda-event.js';
import {
  blur,
  confirmed,
  control,
  endpoint,
  failure,
  feedUrl,
  filledAndSent,
  fill,
  form,
  json,
  next,
  now,
  outcome,
  policy,
  questions,
  resetRig,
  restoreFetch,
  rig,
  root,
  submit,
  submitButton,
  submitted,
  summary,
  type,
} from '../../../test/helpers/registration-form.js';
import { clearFeedCache } from '../../feed/loader.js';
import { loadDraft } from '../../registration/draft-store.js';
import { openRegistrationDialog } from './open-dialog.js';
import type { RaRegistrationForm } from './registration-form.js';
import './define.js';

describe('<ra-registration-form>', () => {
  beforeEach(() => {
    resetRig();
  });

  afterEach(() => {
    restoreFetch();
    fixtureCleanup();
    clearFeedCache();
    sessionStorage.clear();
    for (const stray of document.querySelectorAll('ra-registration-form')) stray.remove();
  });

  describe('fields', () => {
    it('is accessible when empty', async () => {
      const el = await form();
      await expect(el).to.be.accessible();
    });

    it('is a native form that leaves validation to the error summary', async () => {
      const el = await form();
      expect(root(el).querySelector('form')!.noValidate).to.be.true;
    });

    it('gives each personal field its autocomplete token', async () => {
      const el = await form();
      const tokens = ['firstName', 'lastName', 'email', 'organisation', 'jobTitle', 'phone'].map((name) =>
        control(el, name).getAttribute('autocomplete'),
      );
      expect(tokens).to.deep.equal([
        'given-name',
        'family-name',
        'email',
        'organization',
        'organization-title',
        'tel',
      ]);
    });

    it('types the e-mail and phone inputs', async () => {
      const el = await form();
      expect([control(el, 'email').type, control(el, 'phone').type]).to.deep.equal(['email', 'tel']);
    });

    it('labels every field with a real label', async () => {
      const el = await form();
      const label = root(el).querySelector(`label[for="${control(el, 'firstName').id}"]`);
      expect(label?.textContent?.trim()).to.equal('Prénom');
    });

    it('leaves the newsletter opt-in unchecked', async () => {
      const el = await form();
      expect(control(el, 'newsletter').checked).to.be.false;
    });

    it('links the consent label to the privacy policy in a new tab', async () => {
      const el = await form();
      const link = root(el).querySelector<HTMLAnchorElement>(`label[for="f-consent"] a`)!;
      expect([link.href, link.target, link.rel]).to.deep.equal([policy, '_blank', 'noopener noreferrer']);
    });

    it('never links the consent to a javascript: URL', async () => {
      const el = await fixture<RaRegistrationForm>(
        html`<ra-registration-form
          .event=${makeEvent()}
          .clock=${now}
          privacy-policy="javascript:alert(1)"
        ></ra-registration-form>`,
      );
      expect(root(el).querySelector('label[for="f-consent"] a')).to.be.null;
    });

    it('hides the honeypot from people and assistive technologies', async () => {
      const el = await form();
      const honeypot = control(el, 'website');
      expect([
        honeypot.closest('[aria-hidden]')?.getAttribute('aria-hidden'),
        honeypot.tabIndex,
        honeypot.getAttribute('autocomplete'),
      ]).to.deep.equal(['true', -1, 'off']);
    });

    it('asks the extra questions: text, radios, select and checkbox', async () => {
      const el = await form(
        makeEvent({ registration: { required: true, mode: 'inline', endpoint, questions } }),
      );
      expect([
        control(el, 'answers.diet').type,
        root(el).querySelectorAll('input[type="radio"][name="answers.session"]').length,
        control(el, 'answers.city').localName,
        control(el, 'answers.photos').type,
      ]).to.deep.equal(['text', 2, 'select', 'checkbox']);
    });

    it('groups radio buttons in a fieldset named by its legend', async () => {
      const el = await form(
        makeEvent({ registration: { required: true, mode: 'inline', endpoint, questions } }),
      );
      const group = control(el, 'answers.session').closest('fieldset')!;
      expect(group.querySelector('legend')!.textContent).to.contain('Atelier choisi');
    });

    it('is accessible with extra questions', async () => {
      const el = await form(
        makeEvent({ registration: { required: true, mode: 'inline', endpoint, questions } }),
      );
      await expect(el).to.be.accessible();
    });

    it('announces the waiting list when no place is left', async () => {
      const el = await form(makeEvent({ remainingAttendeeCapacity: 0 }));
      expect(root(el).querySelector('.notice')!.textContent).to.contain('liste d’attente');
    });

    it('says « S’inscrire sur liste d’attente » on its button when no place is left, as the card does', async () => {
      const el = await form(makeEvent({ remainingAttendeeCapacity: 0 }));
      expect(submitButton(el).textContent?.trim()).to.equal('S’inscrire sur liste d’attente');
    });

    it('says “Join the waiting list” on its button in English when no place is left', async () => {
      const el = await form(makeEvent({ remainingAttendeeCapacity: 0 }), 'en');
      expect(submitButton(el).textContent?.trim()).to.equal('Join the waiting list');
    });

    it('says « S’inscrire » on its button while places are left', async () => {
      const el = await form(makeEvent({ remainingAttendeeCapacity: 3 }));
      expect(submitButton(el).textContent?.trim()).to.equal('S’inscrire');
    });
  });

  describe('members-only events', () => {
    beforeEach(() => {
      rig.feedBody = {
        version: 1,
        privacyPolicyUrl: policy,
        events: [
          {
            id: 'club-rse',
            name: 'Club des référents RSE',
            startDate: '2020-10-06T09:00:00+02:00',
            endDate: '2020-10-06T12:00:00+02:00',
            membersOnly: true,
            registration: { mode: 'inline', endpoint },
          },
        ],
        members: [
          { id: 'etika', name: 'Etika Spirulina', status: 'active' },
          { id: 'plume', name: 'Plume SAS', status: 'active' },
          { id: 'ancien', name: 'Ancien Membre', status: 'lapsed' },
        ],
      };
    });

    async function membersForm(): Promise<RaRegistrationForm> {
      const el = await fixture<RaRegistrationForm>(
        html`<ra-registration-form feed=${feedUrl} event-id="club-rse" .clock=${now}></ra-registration-form>`,
      );
      await waitUntil(
        () => root(el).querySelectorAll('datalist option').length > 0,
        'no members were suggested',
      );
      return el;
    }

    it('suggests the active members as member organisation', async () => {
      const el = await membersForm();
      const names = [...root(el).querySelectorAll('datalist option')].map((option) =>
        option.getAttribute('value'),
      );
      expect(names).to.deep.equal(['Etika Spirulina', 'Plume SAS']);
    });

    it('ties the member organisation input to its suggestions', async () => {
      const el = await membersForm();
      expect(control(el, 'memberOrganisation').getAttribute('list')).to.equal(
        root(el).querySelector('datalist')!.id,
      );
    });

    it('labels the member organisation as required, not « (facultatif) »', async () => {
      const el = await membersForm();
      const label = root(el).querySelector(`label[for="${control(el, 'memberOrganisation').id}"]`);
      expect(label?.textContent?.trim()).to.equal('Organisation adhérente');
    });

    it('marks the member organisation input required', async () => {
      const el = await membersForm();
      expect(control(el, 'memberOrganisation').required).to.be.true;
    });

    it('requires the member organisation', async () => {
      const el = await membersForm();
      await submit(el);
      expect(control(el, 'memberOrganisation').getAttribute('aria-invalid')).to.equal('true');
    });

    it('links the consent to the feed’s privacy policy', async () => {
      const el = await membersForm();
      expect(root(el).querySelector<HTMLAnchorElement>('label[for="f-consent"] a')!.href).to.equal(policy);
    });

    it('is accessible', async () => {
      const el = await membersForm();
      await expect(el).to.be.accessible();
    });
  });

  describe('validation', () => {
    it('lists every problem in a summary after an empty submit', async () => {
      const el = await form();
      await submit(el);
      const links = [...summary(el)!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      expect(links).to.deep.equal([
        '#f-firstName',
        '#f-lastName',
        '#f-email',
        '#f-organisation',
        '#f-jobTitle',
        '#f-consent',
      ]);
    });

    it('titles the summary "Il y a un problème" and announces it', async () => {
      const el = await form();
      await submit(el);
      expect([
        summary(el)!.getAttribute('role'),
        summary(el)!.querySelector('h2')!.textContent,
      ]).to.deep.equal(['alert', 'Il y a un problème']);
    });

    it('moves focus to the summary', async () => {
      const el = await form();
      await submit(el);
      expect(root(el).activeElement).to.equal(summary(el));
    });

    it('sends nothing while there are problems', async () => {
      const el = await form();
      await submit(el);
      expect(rig.sent).to.have.length(0);
    });

    it('focuses the field a summary link names', async () => {
      const el = await form();
      await submit(el);
      summary(el)!.querySelector<HTMLAnchorElement>('a[href="#f-email"]')!.click();
      expect(root(el).activeElement).to.equal(control(el, 'email'));
    });

    it('marks an invalid field and points it to its message', async () => {
      const el = await form();
      await submit(el);
      const input = control(el, 'email');
      const message = root(el).getElementById(input.getAttribute('aria-describedby')!.split(' ').pop()!);
      expect([input.getAttribute('aria-invalid'), message?.textContent?.trim()]).to.deep.equal([
        'true',
        'Erreur : Renseignez « Adresse e-mail »',
      ]);
    });

    it('is accessible with the error summary', async () => {
      const el = await form();
      await submit(el);
      await expect(el).to.be.accessible();
    });

    it('leaves a field unchecked when it is left: problems show on submit', async () => {
      const el = await form();
      await type(el, 'email', 'claire@');
      await blur(el, 'email');
      expect(root(el).getElementById('e-email')).to.equal(null);
    });

    it('keeps a corrected field’s message until the next submit, so nothing moves', async () => {
      const el = await form();
      await submit(el);
      await type(el, 'firstName', 'Claire');
      await blur(el, 'firstName');
      expect(control(el, 'firstName').getAttribute('aria-invalid')).to.equal('true');
    });

    it('drops a corrected field’s message at the next submit', async () => {
      const el = await form();
      await submit(el);
      await type(el, 'firstName', 'Claire');
      await submit(el);
      expect(control(el, 'firstName').hasAttribute('aria-invalid')).to.be.false;
    });

    it('refuses an invisible control character in a name, as the server would', async () => {
      const el = await form();
      await fill(el);
      await type(el, 'lastName', 'Mar\u202Etin');
      await submit(el);
      expect(root(el).getElementById('e-lastName')!.textContent).to.contain('caractère invisible');
    });

    it('accepts an internationalized e-mail domain', async () => {
      const el = await form();
      await fill(el);
      await type(el, 'email', 'camille@société-exemple.fr');
      await submitted(el);
      expect(rig.sent.map((request) => request.body.email)).to.deep.equal(['camille@société-exemple.fr']);
    });

    it('requires consent', async () => {
      const el = await form();
      await fill(el);
      control(el, 'consent').click();
      await submit(el);
      expect(root(el).getElementById('e-consent')!.textContent).to.contain('accepter le traitement');
    });

    it('requires a required extra question', async () => {
      const el = await form(
        makeEvent({ registration: { required: true, mode: 'inline', endpoint, questions } }),
      );
      await fill(el);
      await submit(el);
      expect(root(el).getElementById('e-answers.session')!.textContent).to.contain('Atelier choisi');
    });

    it('checks the phone number only when one is given', async () => {
      const el = await form();
      await fill(el);
      await type(el, 'phone', 'abc');
      await submit(el);
      expect(control(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    });

    it('speaks English in an English page', async () => {
      const el = await form(makeEvent(), 'en');
      await submit(el);
      expect(summary(el)!.querySelector('h2')!.textContent).to.equal('There is a problem');
    });
  });

  describe('submission', () => {
    it('posts the answers as JSON to the event’s endpoint', async () => {
      const el = await form();
      await filledAndSent(el);
      expect(rig.sent[0]).to.deep.include({ url: endpoint });
      expect(rig.sent[0]!.body).to.deep.include({
        eventId: 'rencontre-dirigeants',
        firstName: 'Claire ',
        email: 'claire.martin@example.org',
        consent: true,
        newsletter: false,
        website: '',
        answers: {},
      });
    });

    it('sends the time spent on the form', async () => {
      const el = await form();
      await filledAndSent(el);
      expect(rig.sent[0]!.body.elapsedMs).to.equal(5000);
    });

    it('sends the answers to the extra questions', async () => {
      const el = await form(
        makeEvent({ registration: { required: true, mode: 'inline', endpoint, questions } }),
      );
      await fill(el);
      await type(el, 'answers.diet', 'Végétarien');
      root(el).querySelector<HTMLInputElement>('input[name="answers.session"][value="Matin"]')!.click();
      await submitted(el);
      expect(rig.sent[0]!.body.answers).to.deep.equal({
        diet: 'Végétarien',
        session: 'Matin',
        photos: false,
      });
    });

    it('carries a UUID Idempotency-Key', async () => {
      const el = await form();
      await filledAndSent(el);
      expect(rig.sent[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    });

    it('posts to the action attribute when there is one', async () => {
      const el = await form();
      el.action = 'https://partner.example.org/register';
      await filledAndSent(el);
      expect(rig.sent[0]!.url).to.equal('https://partner.example.org/register');
    });

    it('disables the button and says "Envoi…" while sending', async () => {
      const el = await form();
      rig.replies.push(new Promise<Response>(() => undefined));
      await fill(el);
      await submit(el);
      expect([submitButton(el).disabled, submitButton(el).textContent?.trim()]).to.deep.equal([
        true,
        'Envoi…',
      ]);
    });

    it('sends one request on a double click', async () => {
      const el = await form();
      await fill(el);
      rig.clock += 5000;
      submitButton(el).click();
      submitButton(el).click();
      await waitUntil(() => outcome(el));
      expect(rig.sent).to.have.length(1);
    });

    it('sends the honeypot as it is, for the server to judge', async () => {
      const el = await form();
      await fill(el);
      control(el, 'website').value = 'http://spam.example';
      await submitted(el);
      expect(rig.sent[0]!.body.website).to.equal('http://spam.example');
    });

    it('fires ra-registration-submit with the idempotency key', async () => {
      const el = await form();
      await fill(el);
      rig.clock += 5000;
      const fired = next(el, 'ra-registration-submit');
      submitButton(el).click();
      const event = await fired;
      await waitUntil(() => rig.sent.length === 1);
      expect(event.idempotencyKey).to.equal(rig.sent[0]!.key);
    });
  });

  describe('outcomes', () => {
    it('confirms with the event’s date', async () => {
      const el = await form();
      const message = await filledAndSent(el);
      expect(message.textContent)
        .to.contain('Votre inscription est confirmée')
        .and.contain('mardi 29 septembre 2020');
    });

    it('offers to add the event to a calendar', async () => {
      const el = await form();
      const message = await filledAndSent(el);
      expect(message.querySelector('button')!.textContent).to.contain('Ajouter à mon agenda');
    });

    it('moves focus to the outcome', async () => {
      const el = await form();
      const message = await filledAndSent(el);
      expect(root(el).activeElement).to.equal(message);
    });

    it('is accessible when confirmed', async () => {
      const el = await form();
      await filledAndSent(el);
      await expect(el).to.be.accessible();
    });

    it('fires ra-registration-success', async () => {
      const el = await form();
      await fill(el);
      const fired = next(el, 'ra-registration-success');
      await submit(el);
      const event = await fired;
      expect([event.status, event.registrationId]).to.deep.equal(['confirmed', 'r-42']);
    });

    it('tells a waitlisted person their position', async () => {
      const el = await form();
      const message = await filledAndSent(
        el,
        json(202, {
          status: 'waitlisted',
          registrationId: 'r-7',
          eventId: 'rencontre-dirigeants',
          position: 3,
        }),
      );
      expect(message.textContent).to.contain('liste d’attente').and.contain('position 3');
    });

    it('is accessible when waitlisted', async () => {
      const el = await form();
      await filledAndSent(
        el,
        json(202, {
          status: 'waitlisted',
          registrationId: 'r-7',
          eventId: 'rencontre-dirigeants',
          position: 3,
        }),
      );
      await expect(el).to.be.accessible();
    });

    it('says when the person is already registered', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('already-registered'));
      expect(message.textContent).to.contain('déjà inscrit');
    });

    it('is accessible when already registered', async () => {
      const el = await form();
      await filledAndSent(el, failure('already-registered'));
      await expect(el).to.be.accessible();
    });

    it('says when registration closed meanwhile', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('closed'));
      expect(message.textContent).to.contain('Les inscriptions sont closes');
    });

    it('says when the event filled up meanwhile', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('full'));
      expect(message.textContent).to.contain('complet');
    });

    it('is accessible when full', async () => {
      const el = await form();
      await filledAndSent(el, failure('full'));
      await expect(el).to.be.accessible();
    });

    it('says the event is for members only', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('members-only', {}, 403));
      expect(message.textContent).to.contain('réservé aux organisations adhérentes');
    });

    it('is accessible when refused to a non-member', async () => {
      const el = await form();
      await filledAndSent(el, failure('members-only', {}, 403));
      await expect(el).to.be.accessible();
    });

    it('shows the server’s field errors on their fields', async () => {
      const el = await form();
      rig.replies.push(failure('invalid', { fieldErrors: { email: 'email' } }, 422));
      await fill(el);
      await submit(el);
      await waitUntil(() => summary(el));
      expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    });

    it('focuses the summary of the server’s field errors', async () => {
      const el = await form();
      rig.replies.push(failure('invalid', { fieldErrors: { email: 'email' } }, 422));
      await fill(el);
      await submit(el);
      await waitUntil(() => summary(el) && root(el).activeElement === summary(el));
      expect(summary(el)!.textContent).to.contain('adresse e-mail valide');
    });

    it('says how long to wait when rate limited', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('rate-limited', {}, 429));
      expect(message.textContent).to.contain('Trop de tentatives');
    });

    it('reads the wait from the Retry-After header', async () => {
      const el = await form();
      const message = await filledAndSent(
        el,
        new Response('Too many', { status: 429, headers: { 'Retry-After': '30' } }),
      );
      expect(message.textContent).to.contain('30 secondes');
    });

    it('is accessible when rate limited', async () => {
      const el = await form();
      await filledAndSent(el, failure('rate-limited', { retryAfter: 30 }, 429));
      await expect(el).to.be.accessible();
    });

    it('offers to retry after a server error', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('server-error', {}, 500));
      expect(message.querySelector('button')!.textContent?.trim()).to.equal('Réessayer');
    });

    it('blames the server, not the person’s connection, after a server error (500)', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('server-error', {}, 500));
      expect(message.textContent).to.contain('erreur de son côté').and.not.contain('connexion');
    });

    it('blames the server after a 500 page that is not JSON (a proxy’s)', async () => {
      const el = await form();
      const message = await filledAndSent(
        el,
        new Response('<h1>Internal Server Error</h1>', { status: 500 }),
      );
      expect(message.textContent).to.contain('erreur de son côté').and.not.contain('connexion');
    });

    it('asks to check the connection after a network failure', async () => {
      const el = await form();
      const message = await filledAndSent(el, new TypeError('Failed to fetch'));
      expect(message.textContent).to.contain('Vérifiez votre connexion');
    });

    it('is accessible after a server error', async () => {
      const el = await form();
      await filledAndSent(el, failure('server-error', {}, 500));
      await expect(el).to.be.accessible();
    });

    it('keeps everything typed after a server error', async () => {
      const el = await form();
      await filledAndSent(el, failure('server-error', {}, 500));
      expect([control(el, 'firstName').value, control(el, 'consent').checked]).to.deep.equal([
        'Claire ',
        true,
      ]);
    });

    it('is accessible after a network failure', async () => {
      const el = await form();
      await filledAndSent(el, new TypeError('Failed to fetch'));
      await expect(el).to.be.accessible();
    });

    it('keeps everything typed after a network failure', async () => {
      const el = await form();
      await filledAndSent(el, new TypeError('Failed to fetch'));
      expect([control(el, 'firstName').value, control(el, 'consent').checked]).to.deep.equal([
        'Claire ',
        true,
      ]);
    });

    it('retries with the same idempotency key', async () => {
      const el = await form();
      const message = await filledAndSent(el, new TypeError('Failed to fetch'));
      message.querySelector('button')!.click();
      await waitUntil(() => rig.sent.length === 2 && outcome(el)?.textContent?.includes('confirmée'));
      expect(rig.sent[1]!.key).to.equal(rig.sent[0]!.key);
    });

    it('uses a new key once the answers changed', async () => {
      const el = await form();
      await filledAndSent(el, new TypeError('Failed to fetch'));
      await type(el, 'lastName', 'Martin-Durand');
      await submitted(el);
      await waitUntil(() => rig.sent.length === 2);
      expect(rig.sent[1]!.key).not.to.equal(rig.sent[0]!.key);
    });

    it('fires ra-registration-error with the reason', async () => {
      const el = await form();
      rig.replies.push(new TypeError('Failed to fetch'));
      await fill(el);
      const fired = next(el, 'ra-registration-error');
      await submit(el);
      expect((await fired).code).to.equal('network');
    });
  });

  describe('server faults', () => {
    const unavailable = (retryAfter: string) =>
      json(503, { status: 'error', code: 'unavailable' }, { 'Retry-After': retryAfter });

    it('says the service is unavailable for a moment and that the answers are kept (503)', async () => {
      const el = await form();
      const message = await filledAndSent(el, unavailable('60'));
      expect(message.textContent).to.contain('momentanément indisponible').and.contain('conservées');
    });

    it('says when it will try again, from Retry-After', async () => {
      const el = await form();
      const message = await filledAndSent(el, unavailable('60'));
      expect(message.textContent).to.contain('Nouvel essai automatique dans 60 secondes');
    });

    it('keeps the draft with its idempotency key while the server is unavailable', async () => {
      const el = await form();
      await filledAndSent(el, unavailable('60'));
      expect(loadDraft('rencontre-dirigeants')?.pending?.idempotencyKey).to.equal(rig.sent[0]!.key);
    });

    it('is accessible while the server is unavailable', async () => {
      const el = await form();
      await filledAndSent(el, unavailable('60'));
      await expect(el).to.be.accessible();
    });

    it('tries again by itself after Retry-After, with the same key', async () => {
      const el = await form();
      await filledAndSent(el, unavailable('0'), confirmed());
      await waitUntil(() => outcome(el)?.textContent?.includes('confirmée'), 'no automatic retry');
      expect(rig.sent.map((request) => request.key)).to.deep.equal([rig.sent[0]!.key, rig.sent[0]!.key]);
    });

    it('reads a 503 page that is not JSON (a proxy’s) as unavailable too', async () => {
      const el = await form();
      const page = new Response('<h1>Service Unavailable</h1>', {
        status: 503,
        headers: { 'content-type': 'text/html', 'Retry-After': '60' },
      });
      const message = await filledAndSent(el, page);
      expect(message.textContent).to.contain('momentanément indisponible');
    });

    it('hands over to the person after three automatic retries', async () => {
      const el = await form();
      await filledAndSent(el, unavailable('0'), unavailable('0'), unavailable('0'), unavailable('0'));
      await waitUntil(() => outcome(el)?.textContent?.includes('quelques minutes'), 'still retrying');
      expect(rig.sent).to.have.length(4);
    });

    it('sends again at once with « Réessayer », with the same key', async () => {
      const el = await form();
      const message = await filledAndSent(el, unavailable('60'));
      message.querySelector('button')!.click();
      await waitUntil(() => rig.sent.length === 2, 'Réessayer sent nothing');
      expect(rig.sent[1]!.key).to.equal(rig.sent[0]!.key);
    });

    it('leaves the focus where the person is when it retries by itself', async () => {
      const el = await form();
      await filledAndSent(el, unavailable('0'), failure('server-error', {}, 500));
      control(el, 'phone').focus();
      await waitUntil(() => rig.sent.length === 2 && !submitButton(el).disabled);
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(control(el, 'phone'));
    });

    it('says the event is no longer on the programme (404 unknown-event)', async () => {
      const el = await form();
      const message = await filledAndSent(el, failure('unknown-event', {}, 404));
      expect(message.textContent).to.contain('n’est plus au programme').and.contain('pas été enregistrée');
    });

    it('is accessible when the event is no longer on the programme', async () => {
      const el = await form();
      await filledAndSent(el, failure('unknown-event', {}, 404));
      await expect(el).to.be.accessible();
    });

    it('sends again with the same key when moved in the page while sending', async () => {
      const el = await form();
      rig.replies.push(new Promise<Response>(() => undefined));
      await fill(el);
      await submit(el);
      await waitUntil(() => rig.sent.length === 1);
      const elsewhere = document.createElement('div');
      document.body.append(elsewhere);
      elsewhere.append(el);
      await waitUntil(() => outcome(el)?.textContent?.includes('confirmée'), 'not sent again');
      elsewhere.remove();
      expect(rig.sent.map((request) => request.key)).to.deep.equal([rig.sent[0]!.key, rig.sent[0]!.key]);
    });
  });

  describe('draft', () => {
    it('is restored when the element is created again', async () => {
      const first = await form();
      await type(first, 'firstName', 'Claire');
      first.remove();
      const again = await form();
      expect(control(again, 'firstName').value).to.equal('Claire');
    });

    it('never stores the honeypot', async () => {
      const el = await form();
      await fill(el);
      control(el, 'website').value = 'spam';
      await submitted(el);
      expect(JSON.stringify({ ...sessionStorage })).not.to.contain('spam');
    });

    it('is cleared after a successful registration', async () => {
      const el = await form();
      await filledAndSent(el);
      el.remove();
      const again = await form();
      expect(control(again, 'firstName').value).to.equal('');
    });

    it('keeps the idempotency key across a reload after a failure', async () => {
      const first = await form();
      await filledAndSent(first, new TypeError('Failed to fetch'));
      first.remove();
      const again = await form();
      await submitted(again);
      expect(rig.sent[1]!.key).to.equal(rig.sent[0]!.key);
    });

    it('does not stop the form when storage throws', async () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const el = await form();
        await filledAndSent(el);
        expect(rig.sent).to.have.length(1);
      } finally {
        Storage.prototype.setItem = setItem;
      }
    });
  });

  describe('event states', () => {
    it('links to the organiser’s registration page in a new window', async () => {
      const el = await form(
        makeEvent({
          registration: {
            required: true,
            mode: 'external',
            url: 'https://organisateur.example.org/inscription',
            questions: [],
          },
        }),
      );
      const link = root(el).querySelector<HTMLAnchorElement>('a')!;
      expect([link.href, link.target, link.rel]).to.deep.equal([
        'https://organisateur.example.org/inscription',
        '_blank',
        'noopener noreferrer',
      ]);
      expect(link.textContent).to.contain('S’inscrire sur le site de l’organisateur');
    });

    it('shows no form for an external registration', async () => {
      const el = await form(
        makeEvent({
          registration: {
            required: true,
            mode: 'external',
            url: 'https://organisateur.example.org/inscription',
            questions: [],
          },
        }),
      );
      expect(root(el).querySelector('form')).to.be.null;
    });

    it('is accessible with an external registration', async () => {
      const el = await form(
        makeEvent({
          registration: {
            required: true,
            mode: 'external',
            url: 'https://organisateur.example.org/inscription',
            questions: [],
          },
        }),
      );
      await expect(el).to.be.accessible();
    });

    it('says a cancelled event is cancelled', async () => {
      const el = await form(makeEvent({ status: 'cancelled' }));
      expect(root(el).querySelector('[part="message"]')!.textContent).to.contain('annulé');
    });

    it('is accessible for a cancelled event', async () => {
      const el = await form(makeEvent({ status: 'cancelled' }));
      await expect(el).to.be.accessible();
    });

    it('says registration is closed when the feed closes it', async () => {
      const el = await form(makeEvent({ registration: { required: true, mode: 'closed', questions: [] } }));
      expect(root(el).querySelector('[part="message"]')!.textContent).to.contain(
        'Les inscriptions sont closes',
      );
    });

    it('judges the registration window at its now attribute, as the widgets of a demo on a past feed do', async () => {
      const pastEvent = makeEvent();
      const atRealTime = await fixture<RaRegistrationForm>(
        html`<ra-registration-form .event=${pastEvent}></ra-registration-form>`,
      );
      expect(root(atRealTime).querySelector('[part="message"]')!.textContent).to.contain(
        'Les inscriptions sont closes',
      );
      const pinned = await fixture<RaRegistrationForm>(
        html`<ra-registration-form
          .event=${pastEvent}
          now="2020-09-15T10:00:00+02:00"
        ></ra-registration-form>`,
      );
      expect(root(pinned).querySelector('form')).to.exist;
    });

    it('is accessible when closed', async () => {
      const el = await form(makeEvent({ registration: { required: true, mode: 'closed', questions: [] } }));
      await expect(el).to.be.accessible();
    });

    it('closes registration after offers.validThrough', async () => {
      const el = await form(
        makeEvent({ offer: { priceCurrency: 'EUR', validThrough: paris('2020-09-10') } }),
      );
      expect(root(el).querySelector('form')).to.be.null;
    });

    it('says when registration opens before offers.validFrom', async () => {
      const el = await form(
        makeEvent({ offer: { priceCurrency: 'EUR', validFrom: paris('2020-09-20', '08:00') } }),
      );
      expect(root(el).querySelector('[part="message"]')!.textContent).to.contain(
        'dimanche 20 septembre 2020',
      );
    });

    it('says a sold-out event is full', async () => {
      const el = await form(makeEvent({ offer: { priceCurrency: 'EUR', availability: 'SoldOut' } }));
      expect(root(el).querySelector('[part="message"]')!.textContent).to.contain('complet');
    });

    it('is accessible for a full event', async () => {
      const el = await form(makeEvent({ offer: { priceCurrency: 'EUR', availability: 'SoldOut' } }));
      await expect(el).to.be.accessible();
    });
  });

  describe('loading from a feed', () => {
    beforeEach(() => {
      rig.feedBody = {
        version: 1,
        events: [
          {
            id: 'atelier',
            name: 'Atelier mobilités',
            startDate: '2020-10-06T09:00:00+02:00',
            registration: { mode: 'inline', endpoint },
          },
        ],
      };
    });

    it('says it is loading', async () => {
      window.fetch = () => new Promise<Response>(() => undefined);
      const el = await fixture<RaRegistrationForm>(
        html`<ra-registration-form feed=${feedUrl} event-id="atelier" .clock=${now}></ra-registration-form>`,
      );
      expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Chargement');
    });

    it('shows the form of the named event', async () => {
      const el = await fixture<RaRegistrationForm>(
        html`<ra-registration-form feed=${feedUrl} event-id="atelier" .clock=${now}></ra-registration-form>`,
      );
      await waitUntil(() => root(el).querySelector('form'), 'the form never showed');
      expect(control(el, 'firstName')).to.exist;
    });

    it('says when the event is not in the feed', async () => {
      const el = await fixture<RaRegistrationForm>(
        html`<ra-registration-form feed=${feedUrl} event-id="inconnu" .clock=${now}></ra-registration-form>`,
      );
      await waitUntil(() => root(el).querySelector('[part="message"]'));
      expect(root(el).querySelector('[part="message"]')!.textContent).to.contain('introuvable');
    });

    it('offers to retry when the feed cannot be read', async () => {
      window.fetch = async () => {
        throw new TypeError('Failed to fetch');
      };
      const realError = console.error;
      console.error = () => undefined;
      try {
        const el = await fixture<RaRegistrationForm>(
          html`<ra-registration-form
            feed=${feedUrl}
            event-id="atelier"
            .clock=${now}
          ></ra-registration-form>`,
        );
        await waitUntil(() => root(el).querySelector('[role="alert"] button'), 'no error was shown', {
          timeout: 8000,
        });
        await expect(el).to.be.accessible();
      } finally {
        console.error = realError;
      }
    });
  });

  describe('dialog', () => {
    async function openDialog(
      lang?: string,
    ): Promise<{ el: RaRegistrationForm; trigger: HTMLButtonElement }> {
      const trigger = await fixture<HTMLButtonElement>(html`<button>S’inscrire</button>`);
      trigger.focus();
      openRegistrationDialog(makeEvent(), { trigger, privacyPolicyUrl: policy, lang });
      const el = document.querySelector('ra-registration-form')!;
      el.clock = now;
      await el.updateComplete;
      return { el, trigger };
    }

    const dialog = (el: RaRegistrationForm) => root(el).querySelector('dialog')!;

    it('opens a modal dialog', async () => {
      const { el } = await openDialog();
      expect(dialog(el).matches(':modal')).to.be.true;
    });

    it('names the dialog after the event', async () => {
      const { el } = await openDialog();
      const title = root(el).getElementById(dialog(el).getAttribute('aria-labelledby')!);
      expect(title!.textContent).to.equal('Inscription : Rencontre des dirigeants');
    });

    it('is accessible when open', async () => {
      const { el } = await openDialog();
      await expect(el).to.be.accessible();
    });

    it('closes and removes itself with the close button', async () => {
      const { el } = await openDialog();
      root(el).querySelector<HTMLButtonElement>('.close')!.click();
      await waitUntil(() => !el.isConnected);
      expect(document.querySelector('ra-registration-form')).to.be.null;
    });

    it('closes on Escape', async () => {
      const { el } = await openDialog();
      control(el, 'firstName').focus();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !el.isConnected, 'Escape did not close the dialog');
      expect(el.isConnected).to.be.false;
    });

    it('gives focus back to the trigger when closed', async () => {
      const { el, trigger } = await openDialog();
      root(el).querySelector<HTMLButtonElement>('.close')!.click();
      await waitUntil(() => !el.isConnected);
      expect(document.activeElement).to.equal(trigger);
    });

    it('speaks the language it is given', async () => {
      const { el } = await openDialog('en');
      expect(root(el).querySelector('h2')!.textContent).to.equal('Registration: Rencontre des dirigeants');
    });
  });
});
