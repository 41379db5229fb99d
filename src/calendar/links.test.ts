import { expect } from '@open-wc/testing';
import { makeEvent, makeSession, paris, dailyCafeSchedule } from '../../test/helpers/agenda-event.js';
import { googleCalendarUrl, outlookCalendarUrl } from './links.js';

const params = (url: string) => new URL(url).searchParams;

const training = makeEvent({
  id: 'formation-rse',
  name: 'Formation RSE',
  sessions: ['2020-09-29', '2020-10-06', '2020-10-27'].map((day) =>
    makeSession({ start: paris(day, '09:00'), end: paris(day, '17:00') }),
  ),
});

const allDay = makeEvent({ allDay: true, start: paris('2020-09-29'), end: paris('2020-10-01') });

describe('googleCalendarUrl', () => {
  it('opens Google Calendar’s event template', () => {
    const url = new URL(googleCalendarUrl(makeEvent()));
    expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).to.equal('TEMPLATE');
  });

  it('gives the times in UTC and the zone to show them in', () => {
    const search = params(googleCalendarUrl(makeEvent()));
    expect(search.get('dates')).to.equal('20200929T070000Z/20200929T100000Z');
    expect(search.get('ctz')).to.equal('Europe/Paris');
  });

  it('gives an all-day event as dates with an exclusive end', () => {
    expect(params(googleCalendarUrl(allDay)).get('dates')).to.equal('20200929/20201002');
  });

  it('fills in the title, the details and the place', () => {
    const search = params(googleCalendarUrl(makeEvent()));
    expect(search.get('text')).to.equal('Rencontre des dirigeants');
    expect(search.get('details')).to.equal(
      'Un petit-déjeuner pour échanger entre dirigeants du territoire.\n\n' +
        'https://www.reseau-alliances.org/agenda/rencontre-dirigeants',
    );
    expect(search.get('location')).to.equal('Maison des entreprises, 10 rue de la Paix, 44000 Nantes');
  });

  it('encodes every value', () => {
    const url = googleCalendarUrl(makeEvent({ name: 'Vœux & galette ? #2 = 100% +' }));
    expect(url).to.contain('text=V%C5%93ux%20%26%20galette%20%3F%20%232%20%3D%20100%25%20%2B&');
    expect(params(url).get('text')).to.equal('Vœux & galette ? #2 = 100% +');
  });

  it('adds the first session and lists the others in the details', () => {
    const search = params(googleCalendarUrl(training));
    expect(search.get('dates')).to.equal('20200929T070000Z/20200929T150000Z');
    expect(search.get('details')).to.match(/Autres sessions :\n– .*6 octobre 2020.*\n– .*27 octobre 2020/);
  });

  it('writes the sessions note in the language asked for', () => {
    expect(params(googleCalendarUrl(training, { locale: 'en' })).get('details')).to.match(
      /Other sessions:\n– Tuesday, 6 October 2020, 09:00–17:00/,
    );
  });

  it('repeats a schedule with its RRULE', () => {
    const cafe = makeEvent({
      start: paris('2020-04-06', '13:45'),
      schedule: dailyCafeSchedule,
    });
    const search = params(googleCalendarUrl(cafe));
    expect(search.get('dates')).to.equal('20200406T114500Z/20200406T123000Z');
    expect(search.get('recur')).to.equal('RRULE:FREQ=DAILY');
  });
});

describe('outlookCalendarUrl', () => {
  it('opens Outlook’s compose page', () => {
    const url = new URL(outlookCalendarUrl(makeEvent()));
    expect(url.origin + url.pathname).to.equal('https://outlook.live.com/calendar/0/action/compose');
  });

  it('gives the times as UTC instants', () => {
    const search = params(outlookCalendarUrl(makeEvent()));
    expect(search.get('startdt')).to.equal('2020-09-29T07:00:00Z');
    expect(search.get('enddt')).to.equal('2020-09-29T10:00:00Z');
    expect(search.get('allday')).to.equal('false');
  });

  it('gives an all-day event as dates with an exclusive end', () => {
    const search = params(outlookCalendarUrl(allDay));
    expect([search.get('startdt'), search.get('enddt'), search.get('allday')]).to.deep.equal([
      '2020-09-29',
      '2020-10-02',
      'true',
    ]);
  });

  it('fills in the subject, the body and the place', () => {
    const search = params(outlookCalendarUrl(makeEvent({ name: 'Atelier « sobriété »' })));
    expect(search.get('subject')).to.equal('Atelier « sobriété »');
    expect(search.get('body')).to.contain('https://www.reseau-alliances.org/agenda/rencontre-dirigeants');
    expect(search.get('location')).to.equal('Maison des entreprises, 10 rue de la Paix, 44000 Nantes');
  });

  it('lists the other sessions in the body', () => {
    expect(params(outlookCalendarUrl(training)).get('body')).to.contain('Autres sessions :');
  });

  it('uses the virtual location’s URL for an online event', () => {
    const online = makeEvent({ locations: [{ kind: 'virtual', url: 'https://visio.example.org/atelier' }] });
    expect(params(outlookCalendarUrl(online)).get('location')).to.equal('https://visio.example.org/atelier');
  });
});
