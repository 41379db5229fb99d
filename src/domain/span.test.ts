import { expect, fixture, html } from '@open-wc/testing';
import '../components/event-card/define.js';
import '../components/agenda/define.js';
import { formatDateRange, formatTimeRange } from '../i18n/format.js';
import { groupByMonth } from '../feed/query.js';
import { makeEvent, paris, PARIS } from '../../test/helpers/agenda-event.js';
import { daySpan, eventDaySpan } from './span.js';

/** An evening from 19:00 to 01:00 the next morning. */
const evening = makeEvent({ start: paris('2020-09-29', '19:00'), end: paris('2020-09-30', '01:00') });
/** A conference from Monday 9:00 to Tuesday 17:00. */
const twoDays = makeEvent({ start: paris('2020-09-28', '09:00'), end: paris('2020-09-29', '17:00') });

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('time span', () => {
  it('keeps an evening that ends in the small hours on its start day', () => {
    expect(eventDaySpan(evening)).to.deep.equal({ first: '2020-09-29', last: '2020-09-29' });
  });

  it('covers both days of an event that goes on past the small hours', () => {
    expect(eventDaySpan(twoDays)).to.deep.equal({ first: '2020-09-28', last: '2020-09-29' });
  });

  it('covers each day of an all-day event, its end being the last day', () => {
    expect(daySpan(paris('2020-10-06'), paris('2020-10-08'), PARIS, true)).to.deep.equal({
      first: '2020-10-06',
      last: '2020-10-08',
    });
  });

  it('writes the evening as one day and its hours', () => {
    const days = formatDateRange(evening.start, evening.end, PARIS, 'fr', false);
    const hours = formatTimeRange(evening.start, evening.end, PARIS, 'fr');
    expect(`${days}, ${hours}`.replace(/\s+/g, ' ')).to.equal('mardi 29 septembre 2020, 19 h 00 – 1 h 00');
  });

  it('shows the evening on one day on the card', async () => {
    const card = await fixture(
      html`<ra-event-card .event=${evening} now="2020-09-15T10:00:00+02:00" no-jsonld></ra-event-card>`,
    );
    const root = card.shadowRoot!;
    expect(root.querySelectorAll('[part="date"] .day-month')).to.have.length(1);
    expect(text(root.querySelector('[part="time"]'))).to.equal('mardi 29 septembre 2020 19 h 00 – 1 h 00');
    await expect(card).to.be.accessible();
  });

  it('groups an evening ending on the first of the month in the month it starts', () => {
    const lastEvening = makeEvent({ start: paris('2020-09-30', '20:00'), end: paris('2020-10-01', '00:30') });
    expect(groupByMonth([lastEvening]).map((group) => group.key)).to.deep.equal(['2020-09']);
  });
});
