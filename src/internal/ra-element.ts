import type { PropertyDeclarations, PropertyValues, ReactiveElement } from '@lit/reactive-element';
import { resolveLocale, type Locale } from '../i18n/locale.js';

/**
 * A class whose instances are `T`, as TypeScript takes a mixin's base and types its result (TS2545): only a
 * constructor of `any[]` has its instances merged with the base's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type MixinConstructor<T> = abstract new (...args: any[]) => T;

/** A class that extends Lit's `ReactiveElement` (`LitElement` does). */
type ReactiveElementClass = MixinConstructor<ReactiveElement> &
  Pick<typeof ReactiveElement, 'observedAttributes'>;

/** What `RaElement` adds to an element's type (Lit's pattern for a mixin's types, with protected members). */
export declare class RaElementInterface {
  theme?: 'light' | 'dark';
  protected get locale(): Locale;
}

/** The connected elements, told when a `lang` attribute changes anywhere in the document. */
const connected = new Set<{ followLanguage(): void }>();
let languageObserver: MutationObserver | undefined;

/** `RaElement` over `base`: see the class. */
export function RaElement<Base extends ReactiveElementClass>(base: Base) {
  /**
   * What every Réseau Alliances element shares: its language (the closest `[lang]`, followed when it changes) and its
   * colour scheme (`theme`). A mixin over Lit's `ReactiveElement`, so that the member badge, which renders its few
   * nodes itself, can have it without Lit's templates (its one-file bundle is weighed byte by byte, issue 16); the
   * three elements that show events have it through `RaEventElement`, a `LitElement` that adds their clock (`now`).
   *
   * @attr {'fr' | 'en'} lang - Language of the widget: `fr` or `en`. Unset, the closest ancestor with `lang` decides,
   *   then `<html lang>`, then French.
   */
  abstract class RaElement extends base {
    // Declared without decorators: the badge's one-file bundle then carries no decorator code.
    static properties: PropertyDeclarations = {
      theme: { reflect: true },
    };

    /** Forces `light` or `dark` colours; by default they follow the visitor's preference. */
    theme?: 'light' | 'dark';

    /** The language of the last render. */
    #spoken?: Locale;

    // `lang` is the platform's own attribute: watch it so a change re-renders in the new language (an element in a
    // shadow root is out of the document observer's reach).
    static override get observedAttributes(): string[] {
      return [...super.observedAttributes, 'lang'];
    }

    override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      super.attributeChangedCallback(name, old, value);
      if (name === 'lang') this.requestUpdate();
    }

    // An ancestor's `lang` decides too: one observer for the whole document follows them all, and an element moved
    // elsewhere checks its language again.
    override connectedCallback(): void {
      super.connectedCallback();
      connected.add(this);
      if (!languageObserver) {
        languageObserver = new MutationObserver(() =>
          connected.forEach((element) => element.followLanguage()),
        );
        languageObserver.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
      }
      this.followLanguage();
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      connected.delete(this);
    }

    /**
     * Renders again if the element's language is no longer the one it last rendered in.
     * @internal
     */
    followLanguage(): void {
      if (this.hasUpdated && this.locale !== this.#spoken) this.requestUpdate();
    }

    protected override update(changed: PropertyValues): void {
      this.#spoken = this.locale;
      super.update(changed);
    }

    /** The language the element speaks: its closest `[lang]`, then `<html lang>`, then French. */
    protected get locale(): Locale {
      return resolveLocale(this);
    }
  }
  return RaElement as unknown as MixinConstructor<RaElementInterface> & Base;
}
