/**
 * Registration in a modal dialog, for an event card whose `ra-register` event the page did not handle. Loaded on
 * demand by the card: importing it registers `<ra-registration-form>` (through `./define.js`, whose export is
 * used so that no bundler drops the registration).
 */
import type { AgendaEvent } from '../../feed/model.js';
import { registrationFormTag } from './define.js';

/**
 * Appends a `<ra-registration-form mode="modal">` for `event` to the page. It opens as a native modal dialog
 * (Escape closes it), speaks `lang`, or else the language of `trigger` (the control that opened it, by default the
 * focused element) and follows it, gives focus back to `trigger` when closed, and removes itself.
 */
export function openRegistrationDialog(
  event: AgendaEvent,
  options: {
    feedUrl?: string;
    lang?: string;
    privacyPolicyUrl?: string;
    now?: string;
    trigger?: HTMLElement;
  },
): void {
  const form = document.createElement(registrationFormTag) as HTMLElementTagNameMap['ra-registration-form'];
  form.event = event;
  form.mode = 'modal';
  if (options.feedUrl) form.feed = options.feedUrl;
  if (options.privacyPolicyUrl) form.privacyPolicy = options.privacyPolicyUrl;
  if (options.now) form.now = options.now;
  if (options.lang) form.lang = options.lang;
  const active = document.activeElement;
  form.trigger = options.trigger ?? (active instanceof HTMLElement ? active : undefined);
  document.body.append(form);
}
