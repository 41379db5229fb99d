import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import type { AgendaEvent } from '../../feed/model.js';
import { clearFeedCache } from '../../feed/loader.js';
import { RaFeedErrorEvent, RaRegisterEvent } from '../../internal/events.js';
import {
  defaultVirtualLocation,
  makeEvent,
  makeSession,
  makeUndatedEvent,
  paris,
} from '../../../test/helpers/agenda-event.js';
import './define.js';
import type { RaEventCard } from './event-card.js';

/** The clock every card reads: mid-September 2020, before the default event (29 September, 9:00–12:00). */
const NOW = '2020-09-15T10:00:00+02:00';

async function card(event: AgendaEvent, lang = 'fr'): Promise<RaEventCard> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <ra-event-card .event=${event} now=${NOW} reader-zone="Europe/Paris"></ra-event-card>
    </div>`,
  );
  const el = wrapper.querySelector('ra-event-card')!;
  await el.updateComplete;
  return el;
}

function part(el: RaEventCard, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(el: RaEventCard, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function texts(el: RaEventCard, name: string): string[] {
  return parts(el, name).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
}

/** A published (not normalized) feed document holding `events`. */
function feedDocument(events: object[]): string {
  return JSON.stringify({ version: 1, updated: '2020-09-01T08:00:00+02:00', events });
}

const publishedEvent = {
  id: 'atelier-rse',
  name: 'Atelier RSE',
  startDate: '2020-09-29T09:00:00+02:00',
  endDate: '2020-09-29T12:00:00+02:00',
  location: { '@type': 'Place', name: 'Maison des entreprises' },
};

describe('<ra-event-card>', () => {
  describe('an event still to be dated', () => {
    it('says the date is to come instead of inventing one', async () => {
      const el = await card(makeUndatedEvent());
      expect(texts(el, 'time')).to.deep.equal(['Date à venir']);
      expect(texts(el, 'date')).to.deep.equal(['À venir']);
      await expect(el).to.be.accessible();
    });

    it('offers no calendar export and publishes no JSON-LD', async () => {
      const el = await card(makeUndatedEvent());
      expect(part(el, 'calendar-button')).to.be.null;
      expect(el.querySelector('script[type="application/ld+json"]')).to.be.null;
    });

    it('still takes registrations when the feed opens them', async () => {
      const el = await card(makeUndatedEvent());
      expect(part(el, 'register-button')).to.exist;
    });
  });

  describe('statuses', () => {
    it('shows a scheduled event with its register button and no status badge', async () => {
      const el = await card(makeEvent());
      expect(parts(el, 'status')).to.have.length(0);
      expect(part(el, 'register-button')!.textContent).to.contain('S’inscrire');
      await expect(el).to.be.accessible();
    });

    it('marks a postponed event', async () => {
      const el = await card(makeEvent({ status: 'postponed' }));
      expect(texts(el, 'status')).to.deep.equal(['Reporté']);
      await expect(el).to.be.accessible();
    });

    it('marks a rescheduled event with its previous date', async () => {
      const el = await card(
        makeEvent({ status: 'rescheduled', previousStartDates: [paris('2020-09-22', '09:00')] }),
      );
      expect(texts(el, 'status')).to.deep.equal(['Reprogrammé (initialement le mardi 22 septembre 2020)']);
      await expect(el).to.be.accessible();
    });

    it('marks a cancelled event and offers no registration', async () => {
      const el = await card(makeEvent({ status: 'cancelled' }));
      expect(part(el, 'card')!.classList.contains('card--cancelled')).to.be.true;
      expect(texts(el, 'status')).to.deep.equal(['Annulé']);
      expect(part(el, 'register-button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('marks an event moved online and shows no physical place', async () => {
      const el = await card(makeEvent({ status: 'moved-online' }));
      expect(texts(el, 'status')).to.deep.equal(['En ligne']);
      expect(texts(el, 'place')).to.deep.equal(['En ligne']);
      await expect(el).to.be.accessible();
    });

    it('marks a sold-out event and offers no registration', async () => {
      const base = makeEvent();
      const el = await card(makeEvent({ offer: { ...base.offer!, availability: 'SoldOut' } }));
      expect(texts(el, 'status')).to.deep.equal(['Complet']);
      expect(part(el, 'register-button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('offers the waiting list when every place is taken but the offer is not sold out', async () => {
      const el = await card(makeEvent({ remainingAttendeeCapacity: 0 }));
      expect(texts(el, 'status')).to.deep.equal(['Liste d’attente']);
      expect(part(el, 'register-button')?.textContent?.trim()).to.equal('S’inscrire sur liste d’attente');
      await expect(el).to.be.accessible();
    });

    it('marks closed registration and offers no registration', async () => {
      const base = makeEvent();
      const el = await card(makeEvent({ registration: { ...base.registration, mode: 'closed' } }));
      expect(texts(el, 'status')).to.deep.equal(['Inscriptions closes']);
      expect(part(el, 'register-button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('closes registration once the offer’s window is over', async () => {
      const base = makeEvent();
      const el = await card(makeEvent({ offer: { ...base.offer!, validThrough: paris('2020-09-10') } }));
      expect(texts(el, 'status')).to.deep.equal(['Inscriptions closes']);
    });

    it('warns when ten places or fewer remain', async () => {
      const el = await card(makeEvent({ remainingAttendeeCapacity: 3 }));
      expect(texts(el, 'places')).to.deep.equal(['Plus que 3 places']);
      await expect(el).to.be.accessible();
    });

    it('says nothing about places while more than ten remain', async () => {
      const el = await card(makeEvent({ remainingAttendeeCapacity: 11 }));
      expect(parts(el, 'places')).to.have.length(0);
    });
  });

  describe('dates and times', () => {
    it('shows the day and month in the date block and the time range in words', async () => {
      const el = await card(makeEvent());
      expect(texts(el, 'date')).to.deep.equal(['29 sept.']);
      expect(texts(el, 'time')[0]).to.equal('mardi 29 septembre 2020 9 h 00 – 12 h 00');
    });

    it('shows a multi-day event as a range', async () => {
      const el = await card(
        makeEvent({ start: paris('2020-10-06'), end: paris('2020-10-08'), allDay: true }),
      );
      expect(texts(el, 'date')).to.deep.equal(['6 oct.–8 oct.']);
      expect(texts(el, 'time')[0]).to.equal('du 6 au 8 octobre 2020 Toute la journée');
      await expect(el).to.be.accessible();
    });

    it('lists each session of a multi-session training', async () => {
      const sessions = ['2020-10-01', '2020-10-08', '2020-10-15'].map((day) =>
        makeSession({ start: paris(day, '14:00'), end: paris(day, '17:00') }),
      );
      const el = await card(makeEvent({ sessions }));
      expect(el.shadowRoot!.querySelectorAll('.date .day-month')).to.have.length(3);
      expect(parts(el, 'sessions')[0]!.querySelectorAll('li')).to.have.length(3);
      expect(texts(el, 'sessions')[0]).to.contain('jeudi 8 octobre 2020, 14 h 00 – 17 h 00');
      await expect(el).to.be.accessible();
    });

    it('names the event’s time zone for a reader elsewhere', async () => {
      const el = await card(makeEvent());
      el.readerZone = 'America/New_York';
      await el.updateComplete;
      expect(texts(el, 'zone-note')).to.deep.equal(['heure de Paris (UTC+2)']);
      await expect(el).to.be.accessible();
    });

    it('names no zone for a reader on the same clock', async () => {
      const el = await card(makeEvent());
      expect(parts(el, 'zone-note')).to.have.length(0);
    });
  });

  describe('audience, place, price and picture', () => {
    it('shows the members-only badge', async () => {
      const el = await card(makeEvent({ membersOnly: true }));
      expect(texts(el, 'audience')).to.deep.equal(['Réservé aux adhérents']);
      await expect(el).to.be.accessible();
    });

    it('shows a restriction as its own badge', async () => {
      const restriction = 'Réservé aux référents RSE d’entreprises de plus de 100 collaborateurs';
      const el = await card(makeEvent({ membersOnly: true, restriction }));
      expect(texts(el, 'audience')).to.deep.equal(['Réservé aux adhérents', restriction]);
    });

    it('shows an online event as "En ligne" without a map', async () => {
      const el = await card(makeEvent({ attendanceMode: 'online', locations: [defaultVirtualLocation] }));
      expect(texts(el, 'place')).to.deep.equal(['En ligne']);
      expect(part(el, 'map-link')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('links a geolocated place to OpenStreetMap', async () => {
      const el = await card(makeEvent());
      expect(part(el, 'map-link')!.getAttribute('href')).to.match(
        /^https:\/\/www\.openstreetmap\.org\/\?mlat=47\.2184&mlon=-1\.5536/,
      );
      expect(texts(el, 'place')[0])
        .to.contain('Maison des entreprises')
        .and.contain('10 rue de la Paix, 44000 Nantes');
    });

    it('links a place without coordinates to an address search', async () => {
      const el = await card(
        makeEvent({ locations: [{ kind: 'place', address: { addressLocality: 'Nantes' } }] }),
      );
      expect(part(el, 'map-link')!.getAttribute('href')).to.equal(
        'https://www.openstreetmap.org/search?query=Nantes',
      );
    });

    it('shows "Gratuit" for a free event', async () => {
      const el = await card(makeEvent());
      expect(texts(el, 'price')).to.deep.equal(['Gratuit']);
    });

    it('shows the price of a paying event', async () => {
      const el = await card(
        makeEvent({
          isAccessibleForFree: false,
          offer: { price: 25, priceCurrency: 'EUR', isAccessibleForFree: false },
        }),
      );
      expect(texts(el, 'price')[0]).to.match(/^25\s€$/);
    });

    it('renders no picture box without an image', async () => {
      const el = await card(makeEvent({ image: undefined }));
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('loads the picture lazily with its alt text', async () => {
      const el = await card(makeEvent());
      const img = part(el, 'image') as HTMLImageElement;
      expect([img.alt, img.loading]).to.deep.equal(['Des dirigeants autour d’une table', 'lazy']);
      expect(getComputedStyle(img).aspectRatio).to.equal('16 / 9');
    });

    it('keeps a very long title inside a 320 px card', async () => {
      const name = 'Rencontre-des-dirigeants-engagés-pour-la-transition-écologique-du-territoire '.repeat(4);
      const wrapper = await fixture<HTMLElement>(
        html`<div class="narrow">
          <ra-event-card .event=${makeEvent({ name })} now=${NOW}></ra-event-card>
        </div>`,
      );
      wrapper.style.width = '320px';
      const el = wrapper.querySelector('ra-event-card')!;
      await el.updateComplete;
      const article = part(el, 'card')!;
      expect(article.scrollWidth).to.be.at.most(article.clientWidth);
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });

  describe('languages and options', () => {
    it('speaks English under lang="en"', async () => {
      const el = await card(makeEvent({ remainingAttendeeCapacity: 3 }), 'en');
      expect(part(el, 'register-button')!.textContent!.trim()).to.equal('Register');
      expect(texts(el, 'places')).to.deep.equal(['Only 3 places left']);
      expect(texts(el, 'price')).to.deep.equal(['Free']);
      expect(texts(el, 'time')[0]).to.equal('Tuesday, 29 September 2020 09:00–12:00');
      await expect(el).to.be.accessible();
    });

    it('marks the French title as French on an English page', async () => {
      const el = await card(makeEvent({ inLanguage: 'fr' }), 'en');
      expect(part(el, 'title')!.querySelector('[lang="fr"]')).to.exist;
    });

    it('uses the heading level asked for', async () => {
      const el = await card(makeEvent());
      el.headingLevel = 2;
      await el.updateComplete;
      expect(part(el, 'title')!.tagName).to.equal('H2');
    });

    it('stays readable in dark colours', async () => {
      const el = await card(
        makeEvent({ remainingAttendeeCapacity: 3, status: 'postponed', membersOnly: true }),
      );
      el.theme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'card')!).backgroundColor).to.equal('rgb(22, 32, 31)');
      await expect(el).to.be.accessible();
    });

    it('reflects its layout for styling', async () => {
      const el = await card(makeEvent());
      el.layout = 'compact';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('compact');
      expect(part(el, 'image')).to.equal(null);
    });
  });

  describe('details', () => {
    it('expands on click, with aria-expanded pointing at the panel', async () => {
      const el = await card(makeEvent());
      const button = part(el, 'details-button')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!.hidden).to.be.false;
    });

    it('loads the sanitized description when expanded', async () => {
      const el = await card(
        makeEvent({
          descriptionHtml: '<p onclick="x()">Un <strong>échange</strong></p><script>x()</script>',
        }),
      );
      part(el, 'details-button')!.click();
      await waitUntil(() => part(el, 'description')?.querySelector('strong'), 'description loaded');
      const description = part(el, 'description')!;
      expect(description.querySelector('p')!.getAttributeNames()).to.deep.equal([]);
      expect(description.querySelector('script')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('gives the contact as tel: and mailto: links', async () => {
      const el = await card(makeEvent());
      part(el, 'details-button')!.click();
      await el.updateComplete;
      const hrefs = [...part(el, 'contact')!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal(['tel:+33240000000', 'mailto:claire.martin@reseau-alliances.org']);
    });

    it('links the organizers and partners', async () => {
      const el = await card(makeEvent({ partners: [{ name: 'CCI', url: 'https://www.cci.fr/' }] }));
      part(el, 'details-button')!.click();
      await el.updateComplete;
      expect(part(el, 'partners')!.querySelector('a')!.getAttribute('href')).to.equal('https://www.cci.fr/');
      expect(part(el, 'organizers')!.textContent).to.contain('Réseau Alliances');
    });
  });

  describe('keyboard', () => {
    it('reaches the buttons with Tab in reading order', async () => {
      const el = await card(makeEvent());
      const reached: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        await sendKeys({ press: 'Tab' });
        reached.push(el.shadowRoot!.activeElement?.getAttribute('part') ?? '');
      }
      expect(reached).to.include.members([
        'register-button',
        'details-button',
        'calendar-button',
        'copy-button',
      ]);
    });

    it('toggles the details with Enter', async () => {
      const el = await card(makeEvent());
      part(el, 'details-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(part(el, 'details-button')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('toggles the details with Space', async () => {
      const el = await card(makeEvent());
      part(el, 'details-button')!.focus();
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(part(el, 'details-button')!.getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('register', () => {
    const externalEvent = () =>
      makeEvent({
        registration: {
          required: true,
          mode: 'external',
          url: 'https://billetterie.example.org/e/1',
          questions: [],
        },
      });
    let opened: unknown[][];
    const realOpen = window.open;

    beforeEach(() => {
      opened = [];
      window.open = (...args: unknown[]) => {
        opened.push(args);
        return null;
      };
    });

    afterEach(() => {
      window.open = realOpen;
    });

    it('dispatches a cancelable ra-register carrying the event', async () => {
      const el = await card(makeEvent());
      el.addEventListener('ra-register', (e) => e.preventDefault());
      setTimeout(() => part(el, 'register-button')!.click());
      const event = await oneEvent<RaRegisterEvent>(el, 'ra-register');
      expect(event).to.be.instanceOf(RaRegisterEvent);
      expect([event.cancelable, event.composed, event.event.id]).to.deep.equal([
        true,
        true,
        'rencontre-dirigeants',
      ]);
    });

    it('links an external registration to a new window', async () => {
      const el = await card(externalEvent());
      const link = part(el, 'register-button') as HTMLAnchorElement;
      expect([link.href, link.target, link.rel]).to.deep.equal([
        'https://billetterie.example.org/e/1',
        '_blank',
        'noopener',
      ]);
      expect(link.querySelector('.visually-hidden')!.textContent!.trim()).to.equal('(nouvelle fenêtre)');
    });

    it('opens the external registration page when no one handles ra-register', async () => {
      const el = await card(externalEvent());
      part(el, 'register-button')!.click();
      expect(opened).to.deep.equal([['https://billetterie.example.org/e/1', '_blank', 'noopener']]);
    });

    it('opens nothing when the page cancels ra-register', async () => {
      const el = await card(externalEvent());
      el.addEventListener('ra-register', (e) => e.preventDefault());
      part(el, 'register-button')!.click();
      expect(opened).to.deep.equal([]);
    });
  });

  describe('calendar', () => {
    it('downloads an .ics file that ical.js reads back', async () => {
      const el = await card(makeEvent());
      const realCreate = URL.createObjectURL;
      const realClick = HTMLAnchorElement.prototype.click;
      let blob: Blob | undefined;
      let fileName = '';
      URL.createObjectURL = (object: Blob | MediaSource) => {
        blob = object as Blob;
        return realCreate(object);
      };
      // A real download would open the browser's download panel, which takes the keyboard from later tests.
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        fileName = this.download;
      };
      try {
        part(el, 'calendar-button')!.click();
        el.shadowRoot!.querySelector<HTMLButtonElement>('.calendar-menu button')!.click();
        await waitUntil(() => blob && fileName, '.ics built and downloaded');
      } finally {
        URL.createObjectURL = realCreate;
        HTMLAnchorElement.prototype.click = realClick;
      }
      expect(fileName).to.equal('rencontre-dirigeants.ics');
      const calendar = new ICAL.Component(ICAL.parse(await blob!.text()));
      const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(vevent.summary).to.equal('Rencontre des dirigeants');
      expect(vevent.startDate.toJSDate().getTime()).to.equal(paris('2020-09-29', '09:00').getTime());
    });

    it('offers Google Calendar and Outlook links', async () => {
      const el = await card(makeEvent());
      // The links are built when the menu opens.
      part(el, 'calendar-button')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.calendar-menu a'), 'no calendar link');
      const hrefs = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.calendar-menu a')].map(
        (a) => a.href,
      );
      expect(hrefs).to.have.length(2);
      expect(hrefs[0])
        .to.match(/^https:\/\/calendar\.google\.com\//)
        .and.contain('Rencontre');
      expect(hrefs[1])
        .to.match(/^https:\/\/outlook\.live\.com\//)
        .and.contain('Rencontre');
    });

    it('opens its menu from the keyboard', async () => {
      const el = await card(makeEvent());
      part(el, 'calendar-button')!.focus();
      await sendKeys({ press: 'Enter' });
      // Engines open a <details> from the keyboard on their own schedule: wait for it rather than sleep.
      await waitUntil(() => (part(el, 'calendar') as HTMLDetailsElement).open, 'the menu did not open');
      await expect(el).to.be.accessible();
    });
  });

  describe('copy link', () => {
    const clipboard = navigator.clipboard;
    const realWrite = clipboard.writeText;
    afterEach(() => {
      clipboard.writeText = realWrite;
    });

    it('copies the event’s page and says so politely', async () => {
      const copied: string[] = [];
      clipboard.writeText = async (text: string) => {
        copied.push(text);
      };
      const el = await card(makeEvent());
      part(el, 'copy-button')!.click();
      await waitUntil(() => part(el, 'copy-status')!.textContent!.trim(), 'confirmation');
      expect(copied).to.deep.equal(['https://www.reseau-alliances.org/agenda/rencontre-dirigeants']);
      expect([
        part(el, 'copy-status')!.getAttribute('role'),
        part(el, 'copy-status')!.textContent,
      ]).to.deep.equal(['status', 'Lien copié']);
      await expect(el).to.be.accessible();
    });

    it('copies a link to the card on this page when the event has no page', async () => {
      const copied: string[] = [];
      clipboard.writeText = async (text: string) => {
        copied.push(text);
      };
      const el = await card(makeEvent({ url: undefined }));
      part(el, 'copy-button')!.click();
      await waitUntil(() => copied.length);
      expect(copied[0]).to.match(/#ra-event-rencontre-dirigeants$/);
    });

    it('shows the link, selected, when the clipboard is refused', async () => {
      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      const el = await card(makeEvent());
      part(el, 'copy-button')!.click();
      await waitUntil(() => part(el, 'copy-fallback'), 'fallback shown');
      const input = part(el, 'copy-fallback')!.querySelector('input')!;
      await waitUntil(() => el.shadowRoot!.activeElement === input, 'fallback focused');
      expect(input.value).to.equal('https://www.reseau-alliances.org/agenda/rencontre-dirigeants');
      await expect(el).to.be.accessible();
    });
  });

  describe('JSON-LD', () => {
    it('publishes the event as schema.org JSON-LD in its light DOM', async () => {
      const el = await card(makeEvent({ status: 'postponed' }));
      // Written once the builder has loaded, after the first render.
      await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'no JSON-LD');
      const script = el.querySelector('script[type="application/ld+json"]')!;
      const data = JSON.parse(script.textContent!);
      expect([data['@type'], data.name, data.eventStatus]).to.deep.equal([
        'Event',
        'Rencontre des dirigeants',
        'https://schema.org/EventPostponed',
      ]);
    });

    it('publishes nothing with no-jsonld', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div><ra-event-card .event=${makeEvent()} now=${NOW} no-jsonld></ra-event-card></div>`,
      );
      const el = wrapper.querySelector('ra-event-card')!;
      await el.updateComplete;
      expect(el.querySelector('script')).to.equal(null);
    });

    it('removes its JSON-LD when taken off the page', async () => {
      const el = await card(makeEvent());
      await waitUntil(() => el.querySelector('script'), 'no JSON-LD');
      el.remove();
      expect(el.querySelector('script')).to.equal(null);
    });
  });

  describe('untrusted URLs', () => {
    it('never turns a javascript: URL from the feed into a link or a source', async () => {
      const evil = 'javascript:window.__xss="card"';
      const el = await card(
        makeEvent({
          url: evil,
          image: { url: evil, alt: '' },
          organizers: [{ name: 'Org', url: evil }],
          partners: [{ name: 'Partner', url: evil }],
          registration: { required: true, mode: 'external', url: evil, questions: [] },
          contact: { name: 'X', email: 'x@example.org' },
        }),
      );
      part(el, 'details-button')!.click();
      await el.updateComplete;
      const urls = [...el.shadowRoot!.querySelectorAll('[href], [src]')].map(
        (node) => node.getAttribute('href') ?? node.getAttribute('src'),
      );
      expect(urls.filter((url) => /javascript:/i.test(url ?? ''))).to.deep.equal([]);
      expect(part(el, 'register-button')).to.equal(null);
    });
  });

  describe('loading from a feed', () => {
    const realFetch = window.fetch;
    let feedNumber = 0;
    let url: string;

    beforeEach(() => {
      feedNumber += 1;
      url = `/feeds/card-${feedNumber}.json`;
    });

    afterEach(() => {
      window.fetch = realFetch;
      clearFeedCache();
    });

    async function fromFeed(): Promise<RaEventCard> {
      const el = await fixture<RaEventCard>(
        html`<ra-event-card feed=${url} event-id="atelier-rse" now=${NOW}></ra-event-card>`,
      );
      return el;
    }

    it('shows a busy skeleton while the feed loads', async () => {
      window.fetch = () => new Promise<Response>(() => {});
      const el = await fromFeed();
      expect(part(el, 'skeleton')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('renders the event once the feed arrives', async () => {
      window.fetch = async () => new Response(feedDocument([publishedEvent]), { status: 200 });
      const el = await fromFeed();
      await waitUntil(() => part(el, 'title'), 'card rendered');
      expect(part(el, 'title')!.textContent!.trim()).to.equal('Atelier RSE');
      await expect(el).to.be.accessible();
    });

    it('says the event is missing, and names it in the console', async () => {
      window.fetch = async () => new Response(feedDocument([]), { status: 200 });
      const errors: unknown[][] = [];
      const realError = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await fromFeed();
        await waitUntil(() => part(el, 'message'), 'message shown');
        expect(part(el, 'message')!.textContent!.trim()).to.equal('Événement introuvable.');
        expect(String(errors[0]?.[0])).to.contain('atelier-rse').and.contain(url);
        await expect(el).to.be.accessible();
      } finally {
        console.error = realError;
      }
    });

    it('shows an error with a retry button when the feed fails', async () => {
      window.fetch = async () => new Response('Not found', { status: 404 });
      const el = await fromFeed();
      await waitUntil(() => part(el, 'retry-button'), 'error shown');
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
    });

    it('fires ra-feed-error when the feed fails', async () => {
      window.fetch = async () => new Response('Not found', { status: 404 });
      const el = document.createElement('ra-event-card');
      el.setAttribute('event-id', 'atelier-rse');
      el.setAttribute('feed', url);
      const failed = oneEvent<RaFeedErrorEvent>(el, 'ra-feed-error');
      document.body.append(el);
      try {
        expect((await failed).url).to.contain(url);
      } finally {
        el.remove();
      }
    });

    it('loads again when retry is pressed', async () => {
      window.fetch = async () => new Response('Not found', { status: 404 });
      const el = await fromFeed();
      await waitUntil(() => part(el, 'retry-button'), 'error shown');
      window.fetch = async () => new Response(feedDocument([publishedEvent]), { status: 200 });
      part(el, 'retry-button')!.click();
      await waitUntil(() => part(el, 'title'), 'card rendered after retry');
      expect(part(el, 'title')!.textContent!.trim()).to.equal('Atelier RSE');
    });
  });
});
