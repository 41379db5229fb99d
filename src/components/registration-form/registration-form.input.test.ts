/**
 * The form under real input, as people use it: the browser's own pointer and keyboard (WebDriver / CDP / BiDi
 * through the test runner), with a press held as long as a person holds it.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  control,
  form,
  outcome,
  resetRig,
  restoreFetch,
  rig,
  root,
  submitButton,
  summary,
  type,
} from '../../../test/helpers/registration-form.js';
import type { RaRegistrationForm } from './registration-form.js';

/** How long a person's click holds the button down, typically (70–120 ms). */
const HUMAN_PRESS_MS = 80;

/**
 * Presses the left button on the middle of `target`, holds it, then releases it at the same point of the screen:
 * whatever moved in between, the release happens where the press was.
 */
async function humanClick(target: Element): Promise<void> {
  // Under WebDriver BiDi, Firefox scrolls the page on the first pointer action: have that done before measuring.
  await sendMouse({ type: 'move', position: [0, 0] });
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  const position: [number, number] = [
    Math.round(box.left + box.width / 2),
    Math.round(box.top + box.height / 2),
  ];
  await sendMouse({ type: 'move', position });
  await sendMouse({ type: 'down' });
  await new Promise((resolve) => setTimeout(resolve, HUMAN_PRESS_MS));
  await sendMouse({ type: 'up' });
}

const corrections = [
  ['firstName', 'Claire'],
  ['lastName', 'Martin'],
  ['email', 'claire.martin@example.org'],
  ['organisation', 'Etika Spirulina'],
  ['jobTitle', 'Dirigeante'],
] as const;

/** Submits empty (the summary and the errors show), then corrects every field by typing. */
async function correctedAfterEmptySubmit(): Promise<RaRegistrationForm> {
  const el = await form();
  // Real pages go on below the form: the page can scroll, nothing clamps it.
  el.style.marginBlockEnd = '100vh';
  rig.clock += 5000;
  submitButton(el).click();
  await waitUntil(() => summary(el), 'no error summary after an empty submit');
  for (const [name, value] of corrections) {
    // Going from field to field, as a person does: each one is left (blurred) for the next.
    control(el, name).focus();
    await type(el, name, value);
  }
  // The person is still in the last field they typed in when they reach for the mouse.
  return el;
}

describe('<ra-registration-form> under real input', () => {
  beforeEach(() => resetRig());

  afterEach(async () => {
    await resetMouse();
    restoreFetch();
    fixtureCleanup();
  });

  it('ticks the consent box with one human click after the errors were corrected', async () => {
    const el = await correctedAfterEmptySubmit();
    await humanClick(control(el, 'consent'));
    expect(control(el, 'consent').checked).to.be.true;
  });

  it('sends with one human click on « S’inscrire » after the errors were corrected', async () => {
    const el = await correctedAfterEmptySubmit();
    control(el, 'consent').click();
    control(el, 'jobTitle').focus();
    await el.updateComplete;
    await humanClick(submitButton(el));
    await waitUntil(() => outcome(el), 'the click sent nothing');
    expect(rig.sent).to.have.length(1);
  });

  it('is accessible once corrected, the summary kept until the next submit', async () => {
    const el = await correctedAfterEmptySubmit();
    await humanClick(control(el, 'consent'));
    await expect(el).to.be.accessible();
  });

  it('can be filled and sent with the keyboard only', async () => {
    const el = await form();
    control(el, 'firstName').focus();
    for (const value of ['Claire', 'Martin', 'claire.martin@example.org', 'Etika Spirulina', 'Dirigeante']) {
      await sendKeys({ type: value });
      await sendKeys({ press: 'Tab' });
    }
    await sendKeys({ press: 'Tab' }); // past the phone (optional)
    expect(root(el).activeElement).to.equal(control(el, 'consent'));
    await sendKeys({ press: ' ' });
    rig.clock += 5000;
    await sendKeys({ press: 'Tab' }); // the privacy policy link
    await sendKeys({ press: 'Tab' }); // the newsletter, left unticked
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(submitButton(el));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => outcome(el), 'the keyboard sent nothing');
    expect(rig.sent.map((request) => request.body.lastName)).to.deep.equal(['Martin']);
  });
});
