import { loadLanguage } from '../i18n/lazy-catalogue.js';
import { resolveLocale } from '../i18n/locale.js';
import { RaElement } from './ra-element.js';

/**
 * A widget whose messages in languages other than French load when first needed (`lazyCatalogue`): it renders once
 * they are there. A separate class so that widgets with all their languages built in do not carry the loading.
 */
export class RaLocalizedElement extends RaElement {
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadLanguage(resolveLocale(this));
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
