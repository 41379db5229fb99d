/**
 * `ra-widgets/feed`: the feed module without any element. Load a feed (one request per URL per page, shared
 * with the widgets, cached with stale-while-revalidate), parse one you already have, and query its events with
 * pure functions.
 *
 * @example
 * import { loadFeed, upcoming } from 'ra-widgets/feed';
 * const feed = await loadFeed('https://www.reseau-alliances.org/feed.json');
 * for (const event of upcoming(feed.events, new Date())) console.log(event.name);
 */
export type * from './model.js';
export { isDated } from './model.js';
export {
  clearFeedCache,
  forgetFailedFeed,
  loadFeed,
  onFeedUpdate,
  readCachedFeed,
  type LoadOptions,
} from './loader.js';
export { loadMembersProof, onMembersProofUpdate, readCachedMembersProof } from './members-loader.js';
export type { MembersProof } from './members-signature.js';
export * from './schema.js';
export { FeedError, parseFeed, parseFeedText, type FeedErrorReason, type ParseOptions } from './parse.js';
export {
  DEFAULT_TIME_ZONE,
  foldText,
  normalizeEvent,
  normalizeMember,
  normalizeOrganization,
} from './normalize.js';
export { isJsonLd, jsonLdToFeed, slugify } from './jsonld.js';
export { endOf } from '../domain/span.js';
export {
  facets,
  filterEvents,
  groupByMonth,
  nextOccurrence,
  paginate,
  past,
  sortEvents,
  upcoming,
  type EventFilter,
  type FacetCount,
  type Facets,
  type MonthGroup,
  type Page,
} from './query.js';
