/** The feed module: contract, reading, normalizing and querying the network's agenda. */
export type * from './model.js';
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
