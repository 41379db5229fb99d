import { defineElement } from '../../internal/define.js';
import { RaRegistrationForm } from './registration-form.js';

defineElement('ra-registration-form', RaRegistrationForm);

declare global {
  interface HTMLElementTagNameMap {
    'ra-registration-form': RaRegistrationForm;
  }
}
