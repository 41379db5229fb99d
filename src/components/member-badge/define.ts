/**
 * `ra-widgets/member-badge`: registers `<ra-member-badge>` and exports what a developer types against it: the
 * class, the event it fires and the member type.
 */
import { defineElement } from '../../internal/define.js';
import type { RaFeedErrorEvent } from '../../internal/events.js';
import { RaMemberBadge } from './member-badge.js';

export { RaMemberBadge } from './member-badge.js';
export { RaFeedErrorEvent } from '../../internal/events.js';
export type { Member } from '../../feed/model.js';

/** The events `<ra-member-badge>` fires, by name (they bubble and cross shadow roots). */
export interface RaMemberBadgeEventMap {
  'ra-feed-error': RaFeedErrorEvent;
}

defineElement('ra-member-badge', RaMemberBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ra-member-badge': RaMemberBadge;
  }
}
