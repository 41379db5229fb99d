/**
 * The package's main entry for npm users: registers every element and exports their classes, the feed API and
 * the typed events. Import a single widget with `ra-widgets/agenda` (etc.) to ship less.
 */
import './components/agenda/define.js';
import './components/event-card/define.js';
import './components/registration-form/define.js';
import './components/member-badge/define.js';

export { RaAgenda } from './components/agenda/agenda.js';
export { RaEventCard } from './components/event-card/event-card.js';
export { RaRegistrationForm } from './components/registration-form/registration-form.js';
export { RaMemberBadge } from './components/member-badge/member-badge.js';
export * from './internal/events.js';
export type * from './feed/model.js';
export { VERSION } from './internal/version.js';
