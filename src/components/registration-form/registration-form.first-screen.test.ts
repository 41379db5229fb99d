/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { holdSampleFeed, restoreFetch, sampleFeedUrl, sampleNow } from '../../../test/helpers/sample-feed.js';
import type { RaRegistrationForm } from './registration-form.js';
import './define.js';

/** The phone and laptop widths of issue 10: the form's own width decides its columns, not the window's. */
const widths = [375, 1280];

/** The README's event: registration open, the fields every event asks and none of its own. */
const eventId = 'formation-management-mobilite-2020-09-29';

afterEach(() => restoreFetch());

/** The form as a partner pastes it, while its feed is on its way. */
async function loadingForm(width: number): Promise<{ el: RaRegistrationForm; release: () => void }> {
  const { release } = await holdSampleFeed();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width}px">
      <ra-registration-form feed=${sampleFeedUrl} event-id=${eventId} now=${sampleNow}></ra-registration-form>
    </div>`,
  );
  const el = wrapper.querySelector('ra-registration-form')!;
  await el.updateComplete;
  return { el, release };
}

describe('<ra-registration-form> first screen', () => {
  for (const width of widths) {
    it(`keeps the skeleton's box when the form arrives, ${width} px wide`, async () => {
      const { el, release } = await loadingForm(width);
      expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
      const loading = el.getBoundingClientRect();
      release();
      await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form never showed');
      const loaded = el.getBoundingClientRect();
      expect(Math.abs(loading.height - loaded.height)).to.be.at.most(
        3,
        `${loading.height} → ${loaded.height}`,
      );
      expect(loading.width).to.equal(loaded.width);
    });
  }

  it('lets a partner reserve the height with --ra-form-min-height', async () => {
    const { el } = await loadingForm(375);
    el.style.setProperty('--ra-form-min-height', '1000px');
    expect(el.getBoundingClientRect().height).to.equal(1000);
  });

  it('says it is loading, to assistive technology too', async () => {
    const { el } = await loadingForm(375);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Chargement…');
    await expect(el).to.be.accessible();
  });
});
