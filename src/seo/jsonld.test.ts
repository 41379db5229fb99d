import { expect, fixture, html } from '@open-wc/testing';
import type { AttendanceMode, EventStatus } from '../feed/model.js';
import {
  defaultPlace,
  defaultVirtualLocation,
  makeEvent,
  makeSession,
  paris,
} from '../../test/helpers/agenda-event.js';
import { eventJsonLd } from './jsonld.js';
import { removeJsonLd } from './jsonld-script.js';
import { jsonLdScriptText, upsertJsonLd } from './jsonld-write.js';

describe('eventJsonLd', () => {
  it('describes a schema.org Event', () => {
    const data = eventJsonLd(makeEvent());
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('Event');
    expect(data.name).to.equal('Rencontre des dirigeants');
    expect(data.url).to.equal('https://www.reseau-alliances.org/agenda/rencontre-dirigeants');
  });

  it('describes the event with its plain-text summary, never its HTML', () => {
    expect(eventJsonLd(makeEvent()).description).to.equal(
      'Un petit-déjeuner pour échanger entre dirigeants du territoire.',
    );
  });

  it('gives times as local time with the zone’s offset', () => {
    const data = eventJsonLd(makeEvent());
    expect([data.startDate, data.endDate]).to.deep.equal([
      '2020-09-29T09:00:00+02:00',
      '2020-09-29T12:00:00+02:00',
    ]);
  });

  it('gives the winter offset in winter', () => {
    const data = eventJsonLd(
      makeEvent({ start: paris('2020-11-17', '09:00'), end: paris('2020-11-17', '12:00') }),
    );
    expect(data.startDate).to.equal('2020-11-17T09:00:00+01:00');
  });

  it('gives an all-day event as dates, ending on its last day', () => {
    const data = eventJsonLd(
      makeEvent({ allDay: true, start: paris('2020-09-29'), end: paris('2020-10-01') }),
    );
    expect([data.startDate, data.endDate]).to.deep.equal(['2020-09-29', '2020-10-01']);
  });

  const statuses: [EventStatus, string][] = [
    ['scheduled', 'https://schema.org/EventScheduled'],
    ['postponed', 'https://schema.org/EventPostponed'],
    ['rescheduled', 'https://schema.org/EventRescheduled'],
    ['cancelled', 'https://schema.org/EventCancelled'],
    ['moved-online', 'https://schema.org/EventMovedOnline'],
  ];
  for (const [status, expected] of statuses) {
    it(`maps the ${status} status to ${expected}`, () => {
      expect(eventJsonLd(makeEvent({ status })).eventStatus).to.equal(expected);
    });
  }

  it('gives a rescheduled event its previous start date', () => {
    const data = eventJsonLd(
      makeEvent({ status: 'rescheduled', previousStartDates: [paris('2020-06-16', '09:00')] }),
    );
    expect(data.previousStartDate).to.equal('2020-06-16T09:00:00+02:00');
  });

  it('leaves the previous start date out of a scheduled event', () => {
    const data = eventJsonLd(makeEvent({ previousStartDates: [paris('2020-06-16', '09:00')] }));
    expect(data).not.to.have.property('previousStartDate');
  });

  const modes: [AttendanceMode, string][] = [
    ['offline', 'https://schema.org/OfflineEventAttendanceMode'],
    ['online', 'https://schema.org/OnlineEventAttendanceMode'],
    ['mixed', 'https://schema.org/MixedEventAttendanceMode'],
  ];
  for (const [attendanceMode, expected] of modes) {
    it(`maps the ${attendanceMode} attendance mode to ${expected}`, () => {
      expect(eventJsonLd(makeEvent({ attendanceMode })).eventAttendanceMode).to.equal(expected);
    });
  }

  it('writes the place with its postal address and coordinates', () => {
    expect(eventJsonLd(makeEvent()).location).to.deep.equal({
      '@type': 'Place',
      name: 'Maison des entreprises',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '10 rue de la Paix',
        postalCode: '44000',
        addressLocality: 'Nantes',
        addressCountry: 'FR',
      },
      geo: { '@type': 'GeoCoordinates', latitude: 47.2184, longitude: -1.5536 },
    });
  });

  it('writes a place and a virtual location for a mixed event', () => {
    const data = eventJsonLd(
      makeEvent({ attendanceMode: 'mixed', locations: [defaultPlace, defaultVirtualLocation] }),
    );
    expect((data.location as { '@type': string }[]).map((location) => location['@type'])).to.deep.equal([
      'Place',
      'VirtualLocation',
    ]);
  });

  it('writes the organizer as an Organization', () => {
    expect(eventJsonLd(makeEvent()).organizer).to.deep.equal({
      '@type': 'Organization',
      name: 'Réseau Alliances',
      url: 'https://www.reseau-alliances.org',
    });
  });

  it('writes the offer with the availability the widgets decided and its registration window', () => {
    expect(eventJsonLd(makeEvent(), paris('2020-09-15', '12:00')).offers).to.deep.equal({
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'EUR',
      availability: 'https://schema.org/InStock',
      validFrom: '2020-09-01T00:00:00+02:00',
      url: 'https://www.reseau-alliances.org/agenda/rencontre-dirigeants#inscription',
    });
  });

  it('writes capacity, price flag, audience, language and image', () => {
    const data = eventJsonLd(makeEvent());
    expect(data).to.include({
      isAccessibleForFree: true,
      maximumAttendeeCapacity: 40,
      remainingAttendeeCapacity: 12,
      inLanguage: 'fr',
      image: 'https://www.reseau-alliances.org/images/rencontre.jpg',
    });
    expect(data.audience).to.deep.equal({ '@type': 'Audience', audienceType: 'Dirigeants' });
  });

  it('writes the sessions of an event in several parts as subEvents', () => {
    const sessions = ['2020-09-29', '2020-10-27'].map((day) =>
      makeSession({ start: paris(day, '09:00'), end: paris(day, '17:00') }),
    );
    const subEvents = eventJsonLd(makeEvent({ sessions })).subEvent as Record<string, unknown>[];
    expect(subEvents.map((sub) => [sub.name, sub.startDate, sub.endDate])).to.deep.equal([
      ['Rencontre des dirigeants (1/2)', '2020-09-29T09:00:00+02:00', '2020-09-29T17:00:00+02:00'],
      ['Rencontre des dirigeants (2/2)', '2020-10-27T09:00:00+01:00', '2020-10-27T17:00:00+01:00'],
    ]);
  });

  it('writes no subEvent for a single-part event', () => {
    expect(eventJsonLd(makeEvent())).not.to.have.property('subEvent');
  });

  it('writes a recurring event’s schedule', () => {
    const data = eventJsonLd(
      makeEvent({
        start: paris('2020-04-06', '13:45'),
        schedule: {
          startDate: '2020-04-06',
          repeatFrequency: 'weekly',
          byDay: [1, 7],
          startTime: '13:45',
          endTime: '14:30',
          exceptDates: ['2020-04-13'],
        },
      }),
    );
    expect(data.eventSchedule).to.deep.equal({
      '@type': 'Schedule',
      startDate: '2020-04-06',
      repeatFrequency: 'P1W',
      byDay: ['https://schema.org/Monday', 'https://schema.org/Sunday'],
      startTime: '13:45',
      endTime: '14:30',
      exceptDate: '2020-04-13',
      scheduleTimezone: 'Europe/Paris',
    });
  });

  it('leaves out what the event does not have', () => {
    const data = eventJsonLd(
      makeEvent({
        summary: undefined,
        offer: undefined,
        image: undefined,
        registration: { required: false, mode: 'none', questions: [] },
      }),
    );
    expect(Object.values(data)).not.to.include(undefined);
    expect(data).not.to.have.any.keys('description', 'offers', 'image');
  });

  it('drops a URL that is not http(s)', () => {
    expect(eventJsonLd(makeEvent({ url: 'javascript:alert(1)' }))).not.to.have.property('url');
  });
});

describe('jsonLdScriptText', () => {
  it('cannot close its script element', () => {
    const text = jsonLdScriptText({ name: '</script><script>alert(1)</script><!--' });
    expect(text).not.to.match(/[<>]/);
  });

  it('escapes ampersands and the JavaScript line separators', () => {
    expect(jsonLdScriptText({ name: 'A & B\u2028\u2029' })).to.equal('{"name":"A \\u0026 B\\u2028\\u2029"}');
  });

  it('stays JSON that reads back exactly', () => {
    const data = { name: '</script> & <b>“bold”</b>\u2028', n: 1 };
    expect(JSON.parse(jsonLdScriptText(data))).to.deep.equal(data);
  });
});

describe('upsertJsonLd', () => {
  it('puts a JSON-LD script in the host’s light DOM', async () => {
    const host = await fixture(html`<div></div>`);
    upsertJsonLd(host, eventJsonLd(makeEvent()));
    const script = host.querySelector(':scope > script[type="application/ld+json"][data-ra-jsonld]');
    expect(JSON.parse(script!.textContent!).name).to.equal('Rencontre des dirigeants');
  });

  it('keeps one script when called again, with the new data', async () => {
    const host = await fixture(html`<div></div>`);
    upsertJsonLd(host, eventJsonLd(makeEvent()));
    upsertJsonLd(host, eventJsonLd(makeEvent({ name: 'Forum des mobilités' })));
    const scripts = host.querySelectorAll('script');
    expect(scripts).to.have.length(1);
    expect(JSON.parse(scripts[0].textContent!).name).to.equal('Forum des mobilités');
  });

  it('neutralises a </script> in feed text', async () => {
    const host = await fixture(html`<div></div>`);
    const name = '</script><img src="x" id="injected"><script>alert(1)</script>';
    upsertJsonLd(host, eventJsonLd(makeEvent({ name })));
    expect(host.children).to.have.length(1);
    expect(document.getElementById('injected')).to.be.null;
    expect(JSON.parse(host.querySelector('script')!.textContent!).name).to.equal(name);
  });

  it('survives serialization: the page’s HTML still holds one script with the same data', async () => {
    const host = await fixture(html`<div></div>`);
    const name = '</script><img src="x" id="injected">';
    upsertJsonLd(host, eventJsonLd(makeEvent({ name })));
    const reparsed = new DOMParser().parseFromString(host.outerHTML, 'text/html').body.firstElementChild!;
    expect(reparsed.children).to.have.length(1);
    expect(JSON.parse(reparsed.querySelector('script')!.textContent!).name).to.equal(name);
  });

  it('leaves the page’s own JSON-LD alone', async () => {
    const host = await fixture(
      html`<div>
        <script type="application/ld+json">
          { "@type": "Organization" }
        </script>
      </div>`,
    );
    upsertJsonLd(host, eventJsonLd(makeEvent()));
    removeJsonLd(host);
    expect(host.querySelectorAll('script')).to.have.length(1);
    expect(JSON.parse(host.querySelector('script')!.textContent!)).to.deep.equal({ '@type': 'Organization' });
  });
});

describe('removeJsonLd', () => {
  it('removes the host’s JSON-LD script', async () => {
    const host = await fixture(html`<div></div>`);
    upsertJsonLd(host, eventJsonLd(makeEvent()));
    removeJsonLd(host);
    expect(host.querySelector('script')).to.be.null;
  });
});
