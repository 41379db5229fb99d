// What every demo app shares: the feed, the pinned clock of the 2020 demo feed, and the featured event.
import { isDated, loadFeed, upcoming, type AgendaEvent } from 'ra-widgets/feed';

export const FEED = './feed.json';
/** The demo feed's events are upcoming on 16 March 2020. */
export const NOW = '2020-03-16T09:00:00+01:00';

/** The first upcoming event open for registration: the apps hand it to `<ra-event-card>` as its `.event`. */
export async function featuredEvent(): Promise<AgendaEvent | undefined> {
  // The same request as the agenda's: loadFeed shares one per URL per page.
  const feed = await loadFeed(FEED);
  return upcoming(feed.events, new Date(NOW)).find(
    (event) => isDated(event) && event.registration.mode === 'inline',
  );
}
