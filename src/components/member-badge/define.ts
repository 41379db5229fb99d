import { defineElement } from '../../internal/define.js';
import { RaMemberBadge } from './member-badge.js';

defineElement('ra-member-badge', RaMemberBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ra-member-badge': RaMemberBadge;
  }
}
