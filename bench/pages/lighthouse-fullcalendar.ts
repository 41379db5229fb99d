/**
 * Peer for the Lighthouse page: FullCalendar 6's list view, French, natural height, over the same ten upcoming
 * events the agenda and the floor show first (the range ends with the tenth), from the same feed, fetched at load.
 */
import { Calendar } from '@fullcalendar/core';
import frLocale from '@fullcalendar/core/locales/fr';
import listPlugin from '@fullcalendar/list';

declare const LIGHTHOUSE_FEED: string;
declare const LIGHTHOUSE_NOW: string;

interface FeedEvent {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

const now = new Date(LIGHTHOUSE_NOW);
const feed = (await (await fetch(LIGHTHOUSE_FEED)).json()) as { events: FeedEvent[] };
const first = feed.events
  .filter((event) => new Date(event.endDate) >= now)
  .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate))
  .slice(0, 10);
const last = first.at(-1);
new Calendar(document.getElementById('fullcalendar')!, {
  plugins: [listPlugin],
  locale: frLocale,
  timeZone: 'local',
  height: 'auto',
  initialView: 'listRange',
  views: {
    listRange: {
      type: 'list',
      visibleRange: { start: now, end: last ? new Date(Date.parse(last.endDate) + 1) : now },
    },
  },
  events: first.map((event) => ({
    id: event.id,
    title: event.name,
    start: event.startDate,
    end: event.endDate,
  })),
}).render();
