/**
 * The package's main entry for npm users: registers every element and exports their classes, their typed events
 * and event maps, and the feed's types. Import a single widget with `ra-widgets/agenda` (etc.) to ship less, and
 * the feed functions (`loadFeed`, `parseFeed`, the queries) from `ra-widgets/feed`.
 */
export {
  RaAgenda,
  type AgendaLayout,
  type RaAgendaEventMap,
  type UrlStateMode,
  type ViewName,
} from './components/agenda/define.js';
export { RaEventCard, type CardLayout, type RaEventCardEventMap } from './components/event-card/define.js';
export {
  RaRegistrationForm,
  type RaRegistrationFormEventMap,
  type RegistrationErrorCode,
} from './components/registration-form/define.js';
export { RaMemberBadge, type RaMemberBadgeEventMap } from './components/member-badge/define.js';
export * from './internal/events.js';
export type * from './feed/model.js';
export { VERSION } from './internal/version.js';
