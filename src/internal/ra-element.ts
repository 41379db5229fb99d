import { LitElement, type PropertyDeclarations } from 'lit';
import { resolveLocale, type Locale } from '../i18n/locale.js';

/**
 * What every Réseau Alliances element shares: its language (the closest `[lang]`, followed when it changes) and its
 * colour scheme (`theme`). The four elements extend it, so these behave the same everywhere; the three that show
 * events extend `RaEventElement`, which adds their clock (`now`).
 *
 * @attr {'fr' | 'en'} lang - Language of the widget: `fr` or `en`. Unset, the closest ancestor with `lang` decides,
 *   then `<html lang>`, then French.
 */
export class RaElement extends LitElement {
  // Declared without decorators, like the member badge's: its one-file bundle then carries no decorator code.
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  /** Forces `light` or `dark` colours; by default they follow the visitor's preference. */
  theme?: 'light' | 'dark';

  // `lang` is the platform's own attribute: watch it so a change re-renders in the new language.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The language the element speaks: its closest `[lang]`, then `<html lang>`, then French. */
  protected get locale(): Locale {
    return resolveLocale(this);
  }
}
