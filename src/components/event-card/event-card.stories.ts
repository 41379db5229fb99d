import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AgendaEvent } from '../../feed/model.js';
import { defaultVirtualLocation, makeEvent, makeSession, paris } from '../../../test/helpers/agenda-event.js';
import type { RaRegisterEvent } from '../../internal/events.js';
import type { CardLayout } from './event-card.template.js';
import { themedStyle } from '../../../stories/theming.js';
import { pasteableSnippet } from '../../../stories/pasteable.js';
import './define.js';

interface CardArgs {
  /** The event shown (`.event`); stories that load a feed leave it out. */
  event?: AgendaEvent;
  feed?: string;
  eventId?: string;
  now: string;
  layout: CardLayout;
  lang: 'fr' | 'en';
  headingLevel: 2 | 3 | 4;
  theme?: 'light' | 'dark';
}

/** Every story reads the same clock: mid-September 2020, a fortnight before the sample event. */
const now = '2020-09-15T10:00:00+02:00';
/** Stories draw a local picture: Storybook must render offline, with no request leaving the page. */
const storyEvent: typeof makeEvent = (overrides = {}) =>
  makeEvent({
    image: { url: '/stories-data/rencontre.svg', alt: 'Des dirigeants autour d’une table' },
    ...overrides,
  });
const base = storyEvent();

/** What a page pastes for a card like the story's: an event of the sample feed, the story's attributes. */
const pasteableCard = (args: CardArgs) =>
  pasteableSnippet(
    'ra-event-card',
    [
      'event-id="formation-management-mobilite-2020-09-29"',
      args.layout !== 'list' && `layout="${args.layout}"`,
      args.lang !== 'fr' && `lang="${args.lang}"`,
      args.theme && `theme="${args.theme}"`,
    ],
    'Voir l’événement',
  );

const meta: Meta<CardArgs> = {
  title: 'Widgets/Event card',
  component: 'ra-event-card',
  args: { event: base, now, layout: 'list', lang: 'fr', headingLevel: 3 },
  argTypes: {
    event: { control: 'object' },
    layout: { control: 'inline-radio', options: ['list', 'compact', 'grid'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    actions: { handles: ['ra-register', 'ra-feed-error'] },
    docs: {
      source: {
        transform: (code: string, context: { args: CardArgs }) =>
          context.args.event ? pasteableCard(context.args) : code,
      },
    },
  },
  render: (args) =>
    html`<ra-event-card
      .event=${args.event}
      feed=${ifDefined(args.feed)}
      event-id=${ifDefined(args.eventId)}
      now=${args.now}
      layout=${args.layout}
      lang=${args.lang}
      heading-level=${args.headingLevel}
      theme=${ifDefined(args.theme)}
    ></ra-event-card>`,
};
export default meta;

type Story = StoryObj<CardArgs>;

/** What a page pastes: the card reads its event from the feed by id (a skeleton shows while it loads). */
export const FromFeed: Story = {
  args: { event: undefined, feed: '/feed.json', eventId: 'formation-management-mobilite-2020-09-29' },
};
export const Scheduled: Story = {};
export const Postponed: Story = { args: { event: storyEvent({ status: 'postponed' }) } };
export const Rescheduled: Story = {
  args: { event: storyEvent({ status: 'rescheduled', previousStartDates: [paris('2020-09-22', '09:00')] }) },
};
export const Cancelled: Story = { args: { event: storyEvent({ status: 'cancelled' }) } };
export const MovedOnline: Story = { args: { event: storyEvent({ status: 'moved-online' }) } };
export const Full: Story = { args: { event: storyEvent({ remainingAttendeeCapacity: 0 }) } };
export const RegistrationClosed: Story = {
  args: { event: storyEvent({ registration: { ...base.registration, mode: 'closed' } }) },
};
export const FewPlacesLeft: Story = { args: { event: storyEvent({ remainingAttendeeCapacity: 3 }) } };
export const ExternalRegistration: Story = {
  args: {
    event: storyEvent({
      registration: {
        required: true,
        mode: 'external',
        url: 'https://billetterie.example.org/e/1',
        questions: [],
      },
    }),
  },
};
export const MultiDay: Story = {
  args: { event: storyEvent({ start: paris('2020-10-06'), end: paris('2020-10-08'), allDay: true }) },
};
export const Sessions: Story = {
  args: {
    event: storyEvent({
      name: 'Formation management de la mobilité',
      categories: ['formation'],
      sessions: ['2020-10-01', '2020-10-08', '2020-10-15'].map((day, index) =>
        makeSession({ name: `Module ${index + 1}`, start: paris(day, '14:00'), end: paris(day, '17:00') }),
      ),
    }),
  },
};
export const MembersOnly: Story = {
  args: {
    event: storyEvent({
      membersOnly: true,
      restriction: 'Réservé aux référents RSE d’entreprises de plus de 100 collaborateurs',
    }),
  },
};
export const Online: Story = {
  args: {
    event: storyEvent({
      attendanceMode: 'online',
      locations: [defaultVirtualLocation],
      categories: ['webinaire'],
    }),
  },
};
export const NoImage: Story = { args: { event: storyEvent({ image: undefined }) } };
export const Paying: Story = {
  args: {
    event: storyEvent({
      isAccessibleForFree: false,
      offer: { price: 25, priceCurrency: 'EUR', isAccessibleForFree: false },
    }),
  },
};
export const LongTitle: Story = {
  args: {
    event: storyEvent({
      name: 'Rencontre des dirigeants engagés pour la transition écologique et solidaire du territoire nantais et de ses environs',
    }),
  },
};
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { layout: 'compact' } };
export const Grid: Story = { args: { layout: 'grid' } };
export const NotFound: Story = {
  tags: ['feed-error'],
  args: { event: undefined, feed: '/feed.json', eventId: 'inconnu' },
};
export const FeedError: Story = {
  tags: ['feed-error'],
  args: { event: undefined, feed: '/stories-data/missing.json', eventId: 'inconnu' },
};

/**
 * The page takes over registration: it cancels `ra-register` (`event.preventDefault()`) and opens its own process
 * with `event.event` (the event); the card then opens nothing.
 */
export const TakingOverRegistration: Story = {
  render: (args) => {
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    const onRegister = (event: RaRegisterEvent) => {
      event.preventDefault();
      status.textContent = `La page gère l’inscription à « ${event.event.name} ».`;
    };
    return html`<ra-event-card
        .event=${args.event}
        now=${args.now}
        lang=${args.lang}
        @ra-register=${onRegister}
      ></ra-event-card>
      ${status}`;
  },
};

/**
 * Theming: the `--ra-*` custom properties (set once on the element or an ancestor; they inherit) and `::part` for the
 * rest. The page's own CSS reaches nothing else.
 */
export const Theming: Story = {
  render: (args) =>
    html`${themedStyle(`.themed::part(title) { text-transform: uppercase; letter-spacing: 0.04em; } .themed::part(date) { background: #1d2b2a; }`)}
      <ra-event-card class="themed" .event=${args.event} now=${args.now} lang=${args.lang}></ra-event-card>`,
};
