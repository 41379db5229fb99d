/**
 * `ra-widgets/agenda`: registers `<ra-agenda>` and exports what a developer types against it: the class, the
 * events it fires with their payloads, and the feed types of those payloads.
 */
import { defineElement } from '../../internal/define.js';
import type { RaFeedErrorEvent, RaRegisterEvent } from '../../internal/events.js';
import { RaAgenda } from './agenda.js';

export { RaAgenda, type AgendaLayout } from './agenda.js';
export type { UrlStateMode, ViewName } from './agenda.url-state.js';
export { RaFeedErrorEvent, RaRegisterEvent } from '../../internal/events.js';
export type { AgendaEvent, AttendanceMode, Feed } from '../../feed/model.js';

/** The events `<ra-agenda>` fires, by name (they bubble and cross shadow roots). */
export interface RaAgendaEventMap {
  'ra-feed-error': RaFeedErrorEvent;
  'ra-register': RaRegisterEvent;
}

defineElement('ra-agenda', RaAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'ra-agenda': RaAgenda;
  }
}
