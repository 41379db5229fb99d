import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AgendaLayout } from './agenda.js';
import { themedStyle } from '../../../stories/theming.js';
import './define.js';

interface AgendaArgs {
  feed: string;
  now?: string;
  view: 'upcoming' | 'past';
  layout: AgendaLayout;
  limit: number;
  category?: string;
  programme?: string;
  audience?: string;
  mode?: 'offline' | 'online' | 'mixed';
  from?: string;
  to?: string;
  filters: boolean;
  urlState?: 'query' | 'hash';
  lang: 'fr' | 'en';
  theme?: 'light' | 'dark';
}

/** The sample feed served by Storybook (demo/data/feed.json); its events run from February to November 2020. */
const sampleFeed = '/feed.json';
const hangingFeed = '/stories/agenda-never-answers.json';

/*
 * The loading story needs a request that never ends. Only this URL is held; every other request goes through.
 */
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  String(input).endsWith(hangingFeed) ? new Promise<Response>(() => undefined) : realFetch(input, init);

const meta: Meta<AgendaArgs> = {
  title: 'Widgets/Agenda',
  component: 'ra-agenda',
  args: {
    feed: sampleFeed,
    now: '2020-03-01T09:00:00+01:00',
    view: 'upcoming',
    layout: 'list',
    limit: 10,
    filters: true,
    lang: 'fr',
  },
  argTypes: {
    feed: { control: 'text', description: 'URL of the feed' },
    now: { control: 'text', description: 'The present (ISO 8601); the sample feed is from 2020' },
    view: { control: 'inline-radio', options: ['upcoming', 'past'] },
    layout: { control: 'inline-radio', options: ['list', 'compact', 'grid'] },
    limit: { control: { type: 'number', min: 1, max: 50 } },
    category: {
      control: 'select',
      options: [undefined, 'atelier', 'conference', 'formation', 'rencontre', 'webinaire', 'autre'],
    },
    programme: { control: 'text' },
    audience: { control: 'text' },
    mode: { control: 'inline-radio', options: [undefined, 'offline', 'online', 'mixed'] },
    from: { control: 'text', description: 'YYYY-MM-DD' },
    to: { control: 'text', description: 'YYYY-MM-DD' },
    filters: { control: 'boolean' },
    urlState: { control: 'inline-radio', options: [undefined, 'query', 'hash'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) =>
    html`<ra-agenda
      feed=${args.feed}
      now=${ifDefined(args.now)}
      view=${args.view}
      layout=${args.layout}
      limit=${args.limit}
      category=${ifDefined(args.category)}
      programme=${ifDefined(args.programme)}
      audience=${ifDefined(args.audience)}
      mode=${ifDefined(args.mode)}
      from=${ifDefined(args.from)}
      to=${ifDefined(args.to)}
      filters=${args.filters ? 'true' : 'false'}
      url-state=${ifDefined(args.urlState)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      @ra-register=${(event: Event) => console.info('ra-register', event)}
      @ra-feed-error=${(event: Event) => console.info('ra-feed-error', event)}
    ></ra-agenda>`,
};
export default meta;

type Story = StoryObj<AgendaArgs>;

/** The events to come, grouped by month, with the filter bar. */
export const Upcoming: Story = {};
/** Past events, most recent first. */
export const Past: Story = { args: { view: 'past', now: '2020-12-01T09:00:00+01:00' } };
/** Skeleton cards while the feed is on its way (`aria-busy` on the list). */
export const Loading: Story = { tags: ['busy'], args: { feed: hangingFeed } };
/** The feed cannot be read: a human message and "Réessayer"; the details are in the console. */
export const LoadError: Story = {
  name: 'Error',
  tags: ['feed-error'],
  args: { feed: '/stories/no-such-feed.json' },
};
/** Nothing to come: a way to the past events. */
export const Empty: Story = { args: { now: '2030-01-01T09:00:00+01:00' } };
/** Narrowed by attributes: workshops only. */
export const Filtered: Story = { args: { category: 'atelier' } };
/** Online events only, without the filter bar. */
export const OnlineWithoutFilters: Story = { args: { mode: 'online', filters: false } };
export const ListLayout: Story = { args: { layout: 'list' } };
export const CompactLayout: Story = { args: { layout: 'compact' } };
export const GridLayout: Story = { args: { layout: 'grid' } };
/** Three events per page: "Voir plus" adds three more. */
export const Paginated: Story = { args: { limit: 3 } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
/** Filters kept in the page URL's query string: reload the story frame and they are still there. */
export const UrlState: Story = { args: { urlState: 'query' } };

/**
 * « S'abonner »: with `subscribe` naming the server's `/agenda.ics`, the agenda offers webcal, Google and Outlook
 * subscription links for the filters the reader has chosen.
 */
export const Subscribe: Story = {
  render: (args) =>
    html`<ra-agenda
      feed=${args.feed}
      now=${ifDefined(args.now)}
      lang=${args.lang}
      subscribe="https://www.reseau-alliances.org/agenda.ics"
    ></ra-agenda>`,
};

/**
 * Theming: the `--ra-*` custom properties (they inherit: set them once on the element or an ancestor) and `::part`
 * for the rest; the page's own CSS reaches nothing else.
 */
export const Theming: Story = {
  render: (args) =>
    html`${themedStyle(`.themed::part(month-heading) { text-transform: uppercase; letter-spacing: 0.08em; }`)}
      <ra-agenda class="themed" feed=${args.feed} now=${ifDefined(args.now)} lang=${args.lang}></ra-agenda>`,
};
