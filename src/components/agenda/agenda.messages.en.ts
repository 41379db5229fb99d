import { formatCount } from '../../i18n/format.js';
import type { AgendaMessages } from './agenda.messages.js';

/** `<ra-agenda>` in English: loaded only by an agenda that speaks it. */
export const en: AgendaMessages = {
  regionLabel: 'Network agenda',
  filtersLabel: 'Filter events',
  search: 'Search',
  searchPlaceholder: 'Search: keyword, place, programme…',
  filters: 'Filters',
  categories: 'Categories',
  programmes: 'Programmes',
  view: 'Period',
  upcoming: 'Upcoming',
  past: 'Past',
  membersOnly: 'Members only',
  mode: 'Format',
  anyMode: 'All formats',
  online: 'Online',
  offline: 'In person',
  clearFilters: 'Clear filters',
  loading: 'Loading the agenda…',
  error: 'The agenda cannot be loaded right now.',
  retry: 'Try again',
  noUpcoming: 'No upcoming events',
  undatedHeading: 'Dates to be announced',
  noPast: 'No past events',
  showPast: 'See past events',
  showUpcoming: 'See upcoming events',
  noMatch: 'No events match your search',
  more: 'Show more',
  results: (n: number) => `${formatCount(n, 'en')} ${n === 1 ? 'event' : 'events'}`,
  moreShown: (n: number) => `${formatCount(n, 'en')} more ${n === 1 ? 'event' : 'events'}`,
};
