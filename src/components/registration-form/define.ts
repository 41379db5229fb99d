/**
 * `ra-widgets/registration-form`: registers `<ra-registration-form>` and exports what a developer types against
 * it: the class, the events it fires with their payloads, and the types of those payloads.
 */
import { defineElement } from '../../internal/define.js';
import type {
  RaFeedErrorEvent,
  RaRegistrationErrorEvent,
  RaRegistrationSubmitEvent,
  RaRegistrationSuccessEvent,
} from '../../internal/events.js';
import { RaRegistrationForm } from './registration-form.js';

export { RaRegistrationForm } from './registration-form.js';
export {
  RaFeedErrorEvent,
  RaRegistrationErrorEvent,
  RaRegistrationSubmitEvent,
  RaRegistrationSuccessEvent,
} from '../../internal/events.js';
export type { AgendaEvent, Feed } from '../../feed/model.js';
export type { RegistrationErrorCode } from '../../registration/contract.js';

/** The events `<ra-registration-form>` fires, by name (they bubble and cross shadow roots). */
export interface RaRegistrationFormEventMap {
  'ra-feed-error': RaFeedErrorEvent;
  'ra-registration-submit': RaRegistrationSubmitEvent;
  'ra-registration-success': RaRegistrationSuccessEvent;
  'ra-registration-error': RaRegistrationErrorEvent;
}

/**
 * The tag this module registers. Importers that use it keep this module in their bundle even where a bundler
 * treats source files as free of side effects.
 */
export const registrationFormTag = 'ra-registration-form';

defineElement(registrationFormTag, RaRegistrationForm);

declare global {
  interface HTMLElementTagNameMap {
    'ra-registration-form': RaRegistrationForm;
  }
}
