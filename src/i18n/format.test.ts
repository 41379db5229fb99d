import { expect } from '@open-wc/testing';
import {
  formatDateRange,
  formatDateTime,
  formatDayMonth,
  formatMonthHeading,
  formatPrice,
  formatTimeRange,
  formatYear,
  toDateKey,
  zoneNote,
} from './format.js';

const paris = 'Europe/Paris';

/** `Intl` mixes no-break and narrow no-break spaces, and their choice moves between ICU versions. */
function spaces(text: string | undefined): string | undefined {
  return text?.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

describe('toDateKey', () => {
  it('gives the day in the event zone, not in UTC', () => {
    expect(toDateKey(new Date('2020-09-28T22:30:00Z'), paris)).to.equal('2020-09-29');
  });

  it('gives the day in a zone west of UTC', () => {
    expect(toDateKey(new Date('2020-09-29T02:00:00Z'), 'America/New_York')).to.equal('2020-09-28');
  });

  it('counts the 23-hour day of the spring DST change as one day', () => {
    expect(toDateKey(new Date('2021-03-27T23:30:00Z'), paris)).to.equal('2021-03-28');
    expect(toDateKey(new Date('2021-03-28T21:59:00Z'), paris)).to.equal('2021-03-28');
  });
});

describe('formatDayMonth', () => {
  it('gives the pieces of a French date block', () => {
    expect(formatDayMonth(new Date('2020-09-29T07:00:00Z'), paris, 'fr')).to.deep.equal({
      day: '29',
      month: 'sept.',
      weekday: 'mar.',
    });
  });

  it('gives the pieces of an English date block', () => {
    const block = formatDayMonth(new Date('2020-09-29T07:00:00Z'), paris, 'en');
    expect(block.day).to.equal('29');
    expect(block.weekday).to.equal('Tue');
    expect(block.month).to.match(/^Sept?$/);
  });

  it('uses the event zone near midnight', () => {
    expect(formatDayMonth(new Date('2020-09-28T22:30:00Z'), paris, 'fr').day).to.equal('29');
  });
});

describe('formatDateRange', () => {
  it('writes one day in full in French', () => {
    const start = new Date('2020-09-29T07:00:00Z');
    const end = new Date('2020-09-29T15:00:00Z');
    expect(formatDateRange(start, end, paris, 'fr', false)).to.equal('mardi 29 septembre 2020');
  });

  it('writes one day in full in English', () => {
    const start = new Date('2020-09-29T07:00:00Z');
    expect(formatDateRange(start, start, paris, 'en', false)).to.match(/^Tuesday,? 29 September 2020$/);
  });

  it('writes an all-day single day in full', () => {
    const day = new Date('2020-09-28T22:00:00Z');
    expect(formatDateRange(day, day, paris, 'fr', true)).to.equal('mardi 29 septembre 2020');
  });

  it('writes all-day days within a month as "du … au …" in French', () => {
    const start = new Date('2020-10-05T22:00:00Z');
    const last = new Date('2020-10-07T22:00:00Z');
    expect(formatDateRange(start, last, paris, 'fr', true)).to.equal('du 6 au 8 octobre 2020');
  });

  it('writes all-day days within a month as a range in English', () => {
    const start = new Date('2020-10-05T22:00:00Z');
    const last = new Date('2020-10-07T22:00:00Z');
    expect(spaces(formatDateRange(start, last, paris, 'en', true))).to.match(/^6 ?– ?8 October 2020$/);
  });

  it('shortens the months of a range across months', () => {
    const start = new Date('2020-09-28T22:00:00Z');
    const last = new Date('2020-10-01T22:00:00Z');
    expect(spaces(formatDateRange(start, last, paris, 'fr', true))).to.equal('29 sept. – 2 oct. 2020');
  });

  it('gives both years of a range across years', () => {
    const start = new Date('2020-12-29T08:00:00Z');
    const end = new Date('2021-01-02T17:00:00Z');
    expect(spaces(formatDateRange(start, end, paris, 'fr', false))).to.equal('29 déc. 2020 – 2 janv. 2021');
  });

  it('keeps an evening ending at midnight on one day', () => {
    const start = new Date('2020-09-29T17:00:00Z');
    const end = new Date('2020-09-29T22:00:00Z');
    expect(formatDateRange(start, end, paris, 'fr', false)).to.equal('mardi 29 septembre 2020');
  });

  it('spans the autumn DST change on the right days', () => {
    const start = new Date('2020-10-24T22:00:00Z');
    const last = new Date('2020-10-25T23:00:00Z');
    expect(formatDateRange(start, last, paris, 'fr', true)).to.equal('du 25 au 26 octobre 2020');
  });
});

describe('formatTimeRange', () => {
  it('writes French times as "9 h 00 – 17 h 00"', () => {
    const start = new Date('2020-09-29T07:00:00Z');
    const end = new Date('2020-09-29T15:00:00Z');
    expect(spaces(formatTimeRange(start, end, paris, 'fr'))).to.equal('9 h 00 – 17 h 00');
  });

  it('writes English times as "09:00–17:00"', () => {
    const start = new Date('2020-09-29T07:00:00Z');
    const end = new Date('2020-09-29T15:00:00Z');
    expect(formatTimeRange(start, end, paris, 'en')).to.equal('09:00–17:00');
  });

  it('writes one time when the event has no length', () => {
    const start = new Date('2020-09-29T11:45:00Z');
    expect(spaces(formatTimeRange(start, start, paris, 'fr'))).to.equal('13 h 45');
  });

  it('reads the clock in winter time after the autumn DST change', () => {
    const start = new Date('2020-10-25T08:00:00Z');
    const end = new Date('2020-10-25T10:30:00Z');
    expect(spaces(formatTimeRange(start, end, paris, 'fr'))).to.equal('9 h 00 – 11 h 30');
  });

  it('reads the clock in summer time on the spring DST day', () => {
    const start = new Date('2021-03-28T07:00:00Z');
    const end = new Date('2021-03-28T08:00:00Z');
    expect(formatTimeRange(start, end, paris, 'en')).to.equal('09:00–10:00');
  });
});

describe('formatDateTime', () => {
  it('joins a French date and time with "à"', () => {
    expect(spaces(formatDateTime(new Date('2020-09-29T07:00:00Z'), paris, 'fr'))).to.equal(
      'mardi 29 septembre 2020 à 9 h 00',
    );
  });

  it('joins an English date and time with "at"', () => {
    expect(formatDateTime(new Date('2020-09-29T07:00:00Z'), paris, 'en')).to.match(
      /^Tuesday,? 29 September 2020 at 09:00$/,
    );
  });
});

describe('zoneNote', () => {
  const summer = new Date('2020-09-29T07:00:00Z');

  it('says nothing to a reader in the same zone', () => {
    expect(zoneNote(paris, 'fr', paris, summer)).to.equal(undefined);
  });

  it('says nothing to a reader in a zone with the same offsets all year', () => {
    expect(zoneNote(paris, 'fr', 'Europe/Brussels', summer)).to.equal(undefined);
  });

  it('names the zone and its summer offset for a reader in New York, in French', () => {
    expect(zoneNote(paris, 'fr', 'America/New_York', summer)).to.equal('heure de Paris (UTC+2)');
  });

  it('names the zone and its winter offset for a reader in New York, in English', () => {
    expect(zoneNote(paris, 'en', 'America/New_York', new Date('2020-12-01T09:00:00Z'))).to.equal(
      'Paris time (UTC+1)',
    );
  });

  it('names a zone west of UTC for a reader in Paris', () => {
    expect(zoneNote('America/New_York', 'en', paris, summer)).to.equal('New York time (UTC\u22124)');
  });

  it('notes a zone whose offset matches today but whose DST rules differ', () => {
    expect(zoneNote(paris, 'fr', 'Africa/Lagos', new Date('2020-12-01T09:00:00Z'))).to.equal(
      'heure de Paris (UTC+1)',
    );
  });

  it('elides "de" before a vowel', () => {
    expect(zoneNote('Europe/Amsterdam', 'fr', 'America/New_York', summer)).to.equal(
      'heure d’Amsterdam (UTC+2)',
    );
  });
});

describe('formatMonthHeading', () => {
  it('names a month in French', () => {
    expect(formatMonthHeading('2020-09', 'fr')).to.equal('septembre 2020');
  });

  it('names a month in English', () => {
    expect(formatMonthHeading('2020-09', 'en')).to.equal('September 2020');
  });
});

describe('formatYear', () => {
  it('gives the year in the event zone on New Year’s Eve', () => {
    expect(formatYear(new Date('2020-12-31T23:30:00Z'), paris, 'fr')).to.equal('2021');
  });
});

describe('formatPrice', () => {
  it('writes a whole French price without decimals', () => {
    expect(spaces(formatPrice(25, 'EUR', 'fr'))).to.equal('25 €');
  });

  it('writes French cents with a comma', () => {
    expect(spaces(formatPrice(12.5, 'EUR', 'fr'))).to.equal('12,50 €');
  });

  it('writes an English price with the symbol first', () => {
    expect(formatPrice(12.5, 'EUR', 'en')).to.equal('€12.50');
  });
});
