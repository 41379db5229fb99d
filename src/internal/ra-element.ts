import { LitElement, type PropertyDeclarations } from 'lit';
import { resolveLocale, type Locale } from '../i18n/locale.js';

/**
 * What every Réseau Alliances element shares: its language (the closest `[lang]`, followed when it changes), its
 * colour scheme (`theme`) and its clock (`now`). The four elements extend it, so these behave the same everywhere.
 *
 * @attr {'fr' | 'en'} lang - Language of the widget: `fr` or `en`. Unset, the closest ancestor with `lang` decides,
 *   then `<html lang>`, then French.
 */
export class RaElement extends LitElement {
  // Declared without decorators, like the member badge's: its one-file bundle then carries no decorator code.
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    now: {},
  };

  /** Forces `light` or `dark` colours; by default they follow the visitor's preference. */
  theme?: 'light' | 'dark';

  /**
   * The present as an ISO 8601 date-time, for demos on past feeds and for tests; default: the real clock. Decides
   * what is upcoming and whether registration is open.
   */
  now?: string;

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

  /** The instant `now` pins, when it is a valid date-time. */
  protected get pinnedNow(): Date | undefined {
    const pinned = this.now ? new Date(this.now) : undefined;
    return pinned && !Number.isNaN(pinned.getTime()) ? pinned : undefined;
  }
}
