/**
 * A change of language at runtime (an ancestor's `lang`, `<html lang>`) keeps what the reader was doing: the card's
 * flat templates hold their text, so a new language draws new elements, and the focus must follow (`anchorOf`).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { makeEvent } from '../../../test/helpers/agenda-event.js';
import './define.js';
import type { RaEventCard } from './event-card.js';

const NOW = '2020-09-15T10:00:00+02:00';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** A card in an English section, its « Register » focused and pressed: the card, its section and the dialog. */
async function openFromEnglishCard(): Promise<{ wrapper: HTMLElement; el: RaEventCard; dialog: Updating }> {
  const wrapper = await fixture<HTMLElement>(
    html`<section lang="en"><ra-event-card .event=${makeEvent()} now=${NOW}></ra-event-card></section>`,
  );
  const el = wrapper.querySelector<RaEventCard>('ra-event-card')!;
  await el.updateComplete;
  const register = el.shadowRoot!.querySelector<HTMLElement>('[part~="register-button"]')!;
  register.focus();
  register.click();
  await waitUntil(() => document.querySelector('ra-registration-form[mode="modal"]'), 'a dialog opens', {
    timeout: 5000,
  });
  const dialog = document.querySelector<Updating>('ra-registration-form[mode="modal"]')!;
  await dialog.updateComplete;
  return { wrapper, el, dialog };
}

describe('<ra-event-card> when the language changes at runtime', () => {
  it('keeps the focus on the button the reader was on', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="fr"><ra-event-card .event=${makeEvent()} now=${NOW}></ra-event-card></div>`,
    );
    const el = wrapper.querySelector<RaEventCard>('ra-event-card')!;
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part~="details-button"]')!;
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);

    wrapper.lang = 'en';
    await nextFrame();
    await el.updateComplete;

    expect(el.shadowRoot!.textContent).to.contain('More details');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('details-button');
  });

  it('gives the focus back to "Register" when the dialog closes after a language change', async () => {
    const { wrapper, el, dialog } = await openFromEnglishCard();
    wrapper.lang = 'fr';
    await nextFrame();
    await el.updateComplete;
    dialog.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await waitUntil(() => !dialog.isConnected, 'the dialog removes itself', { timeout: 5000 });
    await nextFrame();

    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('register-button');
  });

  it('opens the registration dialog in its section’s language, which the dialog follows', async () => {
    const { wrapper, dialog } = await openFromEnglishCard();
    const close = () => dialog.shadowRoot!.querySelector('[part~="close-button"]')!.textContent ?? '';
    expect(close()).to.contain('Close');

    wrapper.lang = 'fr';
    await waitUntil(() => close().includes('Fermer'), 'the dialog stayed English');
    dialog.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await waitUntil(() => !dialog.isConnected, 'the dialog removes itself', { timeout: 5000 });
  });

  it('follows a lang change on a wrapper inside an open shadow root (an app shell)', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="fr"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    const el = document.createElement('ra-event-card') as RaEventCard;
    el.event = makeEvent();
    el.setAttribute('now', NOW);
    wrapper.append(el);
    root.append(wrapper);
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="time"]'));
    const english = el.shadowRoot!.querySelector('[part~="time"]')!.textContent!;

    wrapper.lang = 'fr';
    await nextFrame();
    await el.updateComplete;

    expect(el.shadowRoot!.querySelector('[part~="time"]')!.textContent).to.not.equal(english);
  });
});
