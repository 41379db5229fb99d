/**
 * `ra-widgets/event-card`: registers `<ra-event-card>` and exports what a developer types against it: the class,
 * the events it fires with their payloads, and the feed types of those payloads.
 */
import { defineElement } from '../../internal/define.js';
import type { RaFeedErrorEvent, RaRegisterEvent } from '../../internal/events.js';
import { RaEventCard } from './event-card.js';

export { RaEventCard } from './event-card.js';
export type { CardLayout } from './event-card.template.js';
export { RaFeedErrorEvent, RaRegisterEvent } from '../../internal/events.js';
export type { AgendaEvent, Feed } from '../../feed/model.js';

/** The events `<ra-event-card>` fires, by name (they bubble and cross shadow roots). */
export interface RaEventCardEventMap {
  'ra-feed-error': RaFeedErrorEvent;
  'ra-register': RaRegisterEvent;
}

defineElement('ra-event-card', RaEventCard);

declare global {
  interface HTMLElementTagNameMap {
    'ra-event-card': RaEventCard;
  }
}
