// A developer's typed use of every element, event and feed function, through the installed package only.
// Each `@ts-expect-error` proves a type is really checked: if the line compiled, tsc would fail on the directive.
import { RaAgenda, RaRegisterEvent, type AgendaEvent, type RaAgendaEventMap } from 'ra-widgets/agenda';
import { RaEventCard, type CardLayout, type RaEventCardEventMap } from 'ra-widgets/event-card';
import { RaMemberBadge, RaFeedErrorEvent, type Member } from 'ra-widgets/member-badge';
import {
  RaRegistrationForm,
  RaRegistrationErrorEvent,
  RaRegistrationSubmitEvent,
  RaRegistrationSuccessEvent,
  type RaRegistrationFormEventMap,
  type RegistrationErrorCode,
} from 'ra-widgets/registration-form';
import {
  FeedError,
  filterEvents,
  groupByMonth,
  isDated,
  loadFeed,
  parseFeed,
  sortEvents,
  upcoming,
  type Feed,
} from 'ra-widgets/feed';
import { VERSION, RaAgenda as RaAgendaFromMain } from 'ra-widgets';
import { registrationResponseSchema } from 'ra-widgets/registration/contract';

/** The demo feed's clock: its events are upcoming on 16 March 2020. */
export const NOW = '2020-03-16T09:00:00+01:00';
/** An event of the demo feed open for registration on the form. */
export const EVENT_ID = 'cycle-habiter-julien-dossier-2020-05-28';

/** What the page saw, for the browser check. */
export const seen: string[] = [];

export async function renderTypedUses(host: HTMLElement, feedUrl: string): Promise<void> {
  // HTMLElementTagNameMap: createElement and querySelector know each tag's class.
  const agenda: RaAgenda = document.createElement('ra-agenda');
  agenda.feed = feedUrl;
  agenda.limit = 3;
  agenda.now = NOW;
  agenda.layout = 'compact';

  // Events typed on the element and on document (GlobalEventHandlersEventMap).
  agenda.addEventListener('ra-register', (event) => {
    const typed: RaRegisterEvent = event;
    typed.preventDefault();
    const picked: AgendaEvent = typed.event;
    seen.push(`ra-register ${picked.id}`);
  });
  document.addEventListener('ra-feed-error', (event) => {
    const typed: RaFeedErrorEvent = event;
    seen.push(`ra-feed-error ${typed.url} ${typed.error.message}`);
  });
  const agendaEvents: (keyof RaAgendaEventMap)[] = ['ra-register', 'ra-feed-error'];

  // The feed functions, and the same feed object handed to a card as a property.
  const feed: Feed = await loadFeed(feedUrl);
  const next = sortEvents(upcoming(feed.events, new Date(NOW))).filter(isDated);
  const workshops = filterEvents(next, { categories: ['atelier'] });
  const months = groupByMonth(next);
  const card: RaEventCard = document.createElement('ra-event-card');
  card.event = next.find((event) => event.registration.mode === 'inline');
  card.addEventListener('ra-register', (event) => {
    event.preventDefault();
    seen.push(`card ra-register ${event.event.id}`);
  });
  card.now = NOW;
  const layout: CardLayout = 'grid';
  card.layout = layout;
  const cardEvents: (keyof RaEventCardEventMap)[] = ['ra-register'];
  try {
    parseFeed({ version: 99, events: [] }, 'inline');
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    seen.push(`FeedError ${error.reason}`);
  }

  const form = document.createElement('ra-registration-form');
  const typedForm: RaRegistrationForm = form;
  typedForm.feed = feedUrl;
  typedForm.eventId = EVENT_ID;
  typedForm.now = NOW;
  typedForm.action = '/api';
  form.addEventListener('ra-registration-submit', (event: RaRegistrationSubmitEvent) => event.idempotencyKey);
  form.addEventListener('ra-registration-success', (event: RaRegistrationSuccessEvent) => {
    const status: 'confirmed' | 'waitlisted' = event.status;
    return status;
  });
  document.addEventListener('ra-registration-error', (event: RaRegistrationErrorEvent) => {
    const code: RegistrationErrorCode | 'network' | 'timeout' | string = event.code;
    return code;
  });
  const formEvents: (keyof RaRegistrationFormEventMap)[] = ['ra-registration-success'];

  const badge: RaMemberBadge = document.createElement('ra-member-badge');
  badge.member = 'etika-spirulina';
  badge.feed = feedUrl;
  badge.variant = 'compact';
  const member: Member | undefined = feed.members.find((m) => m.id === badge.member);

  host.append(agenda, card, form, badge);
  seen.push(
    `version ${VERSION}`,
    `same class ${RaAgendaFromMain === RaAgenda && customElements.get('ra-agenda') === RaAgenda}`,
    `workshops ${workshops.length} months ${months.length} member ${member?.name}`,
    `maps ${[...agendaEvents, ...cardEvents, ...formEvents].length}`,
    `contract ${typeof registrationResponseSchema}`,
  );
}

/** Uses that must not compile (never called: the directives are the assertions). */
export function wrongUses(agenda: RaAgenda, card: RaEventCard): void {
  // @ts-expect-error limit is a number
  agenda.limit = 'three';
  // @ts-expect-error not a layout
  agenda.layout = 'carousel';
  // @ts-expect-error the payload has no `nope`
  agenda.addEventListener('ra-register', (event) => event.nope);
  // @ts-expect-error an event is a feed event, not a string
  card.event = 'cycle-habiter';
  // @ts-expect-error the form never fires ra-register
  const notAFormEvent: keyof RaRegistrationFormEventMap = 'ra-register';
  // @ts-expect-error the agenda never fires ra-registration-success
  const notAnAgendaEvent: keyof RaAgendaEventMap = 'ra-registration-success';
  // @ts-expect-error the tag map knows each element's class
  const wrongClass: RaMemberBadge = document.createElement('ra-agenda');
  console.log(notAFormEvent, notAnAgendaEvent, wrongClass);
}
