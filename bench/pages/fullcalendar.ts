/**
 * Peer: FullCalendar 6's list view on the same events, one list covering them all (no paging: that is how its
 * list view renders a range), one row per session, with its French locale and its natural height.
 */
import { Calendar } from '@fullcalendar/core';
import frLocale from '@fullcalendar/core/locales/fr';
import listPlugin from '@fullcalendar/list';
import { countMarkup, laidOut, loadFeed, nextFrame } from './shared.js';

const feed = await loadFeed();
const host = document.createElement('div');
document.body.append(host);
await nextFrame();

window.bench = {
  async render() {
    const start = performance.now();
    const calendar = new Calendar(host, {
      plugins: [listPlugin],
      locale: frLocale,
      timeZone: 'local',
      height: 'auto',
      initialView: 'listAll',
      views: { listAll: { type: 'list', visibleRange: { start: '2017-12-01', end: '2025-01-01' } } },
      // One entry per session, as FullCalendar users publish trainings: one event from the first session to the
      // last would be listed on every day in between.
      events: feed.events.flatMap((event) =>
        event.sessions.map((session) => ({
          groupId: event.id,
          title: event.name,
          start: session.start,
          end: session.end,
        })),
      ),
    });
    calendar.render();
    await laidOut(host);
    return performance.now() - start;
  },
  markup: () => countMarkup(host),
  cards: () => host.querySelectorAll('.fc-list-event').length,
};
