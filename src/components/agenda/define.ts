import { defineElement } from '../../internal/define.js';
import { RaAgenda } from './agenda.js';

defineElement('ra-agenda', RaAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'ra-agenda': RaAgenda;
  }
}
