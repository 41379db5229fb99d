import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AgendaEvent } from '../../feed/model.js';
import { defaultVirtualLocation, makeEvent, makeSession, paris } from '../../../test/helpers/agenda-event.js';
import type { CardLayout } from './event-card.template.js';
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
  parameters: { actions: { handles: ['ra-register', 'ra-feed-error'] } },
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
/** Loaded from the sample feed by id: a skeleton shows while it loads. */
export const FromFeed: Story = {
  args: { event: undefined, feed: '/feed.json', eventId: 'formation-management-mobilite-2020-09-29' },
};
export const NotFound: Story = {
  tags: ['feed-error'],
  args: { event: undefined, feed: '/feed.json', eventId: 'inconnu' },
};
export const FeedError: Story = {
  tags: ['feed-error'],
  args: { event: undefined, feed: '/stories-data/missing.json', eventId: 'inconnu' },
};
