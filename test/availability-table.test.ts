/**
 * The availability table (test/fixtures/availability-table.ts) through the browser's deciders: the card's badges
 * and register button, the registration form's panel and the JSON-LD's `offers.availability`. The server's answers
 * for the same rows are checked by `availability-table.node-test.ts`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/event-card/define.js';
import '../src/components/registration-form/define.js';
import { registrationAvailability } from '../src/domain/availability.js';
import { isDated, type AgendaEvent } from '../src/feed/model.js';
import { parseFeed } from '../src/feed/parse.js';
import { eventJsonLd } from '../src/seo/jsonld.js';
import { messages } from '../src/components/registration-form/registration-form.messages.js';
import {
  availabilityTable,
  tableFeed,
  TABLE_NOW,
  type AvailabilityRow,
  type FormPanel,
} from './fixtures/availability-table.js';

const now = new Date(TABLE_NOW);
const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

function tableEvent(row: AvailabilityRow): AgendaEvent {
  const [event] = parseFeed(tableFeed(row), 'availability table', { warn: false }).events;
  if (!event) throw new Error(`The table's feed for "${row.name}" has no valid event.`);
  return event;
}

function formPanel(form: Element): FormPanel | string | null {
  const root = form.shadowRoot!;
  if (root.querySelector('[part="form"]'))
    return root.querySelector('.notice') ? 'form-waiting-list' : 'form';
  if (root.querySelector('.message.external a[part="button"]')) return 'external-link';
  const title = text(root.querySelector('.message-title'));
  const key = Object.entries(messages.fr).find(([, message]) => message === title)?.[0];
  return key ?? title;
}

describe('registration availability table', () => {
  for (const row of availabilityTable) {
    describe(row.name, () => {
      const event = tableEvent(row);

      it(`is decided "${row.reason}"`, () => {
        expect(registrationAvailability(event, now).reason).to.equal(row.reason);
      });

      it('shows the same badges and register button on the card', async () => {
        const card = await fixture(
          html`<ra-event-card .event=${event} now=${TABLE_NOW} no-jsonld></ra-event-card>`,
        );
        const root = card.shadowRoot!;
        expect([...root.querySelectorAll('[part~="badge"]')].map(text)).to.deep.equal(row.card.badges);
        expect(text(root.querySelector('[part="register-button"]'))).to.equal(row.card.button);
        await expect(card).to.be.accessible();
      });

      it('shows the matching panel in the registration form', async () => {
        const form = await fixture(
          html`<ra-registration-form .event=${event} now=${TABLE_NOW}></ra-registration-form>`,
        );
        expect(formPanel(form)).to.equal(row.form);
        await expect(form).to.be.accessible();
      });

      it('publishes the same availability in the JSON-LD', () => {
        const offers = isDated(event)
          ? (eventJsonLd(event, now).offers as { availability?: string } | undefined)
          : undefined;
        const availability = offers?.availability?.replace('https://schema.org/', '') ?? null;
        expect(availability).to.equal(row.jsonLd);
      });
    });
  }
});
