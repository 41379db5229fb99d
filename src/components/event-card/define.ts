import { defineElement } from '../../internal/define.js';
import { RaEventCard } from './event-card.js';

defineElement('ra-event-card', RaEventCard);

declare global {
  interface HTMLElementTagNameMap {
    'ra-event-card': RaEventCard;
  }
}
