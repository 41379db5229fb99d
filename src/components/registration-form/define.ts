import { defineElement } from '../../internal/define.js';
import { RaRegistrationForm } from './registration-form.js';

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
