import type { PropertyDeclarations, PropertyValues, ReactiveElement } from '@lit/reactive-element';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { anchorOf } from './focus-anchor.js';

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
const observedRoots = new WeakSet<Node>();

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

    // `lang` is the platform's own attribute: watch it so that a change re-renders at once, in the same update
    // cycle (`updateComplete` then covers it); the observer below sees it only a microtask later.
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
      languageObserver ??= new MutationObserver(() =>
        connected.forEach((element) => element.followLanguage()),
      );
      // The document, and every shadow root the element is in (an app shell's): an observer does not see into them.
      for (let root = this.getRootNode(); ; root = (root as ShadowRoot).host.getRootNode()) {
        if (!observedRoots.has(root)) {
          observedRoots.add(root);
          languageObserver.observe(root, { attributeFilter: ['lang'], subtree: true });
        }
        if (!(root instanceof ShadowRoot)) break;
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

    // In a new language the focused control may be a new element (see `anchorOf`): the focus goes to the one in its
    // place, now, or once a render in slices (the agenda's) has drawn it.
    protected override update(changed: PropertyValues): void {
      const root = this.renderRoot as ShadowRoot;
      const focused = this.hasUpdated && this.locale !== this.#spoken ? root.activeElement : null;
      const back = focused && anchorOf(focused);
      this.#spoken = this.locale;
      super.update(changed);
      if (!back || focused?.isConnected) return;
      const refocus = () => {
        if (root.activeElement === null) back()?.focus({ preventScroll: true });
      };
      refocus();
      if (root.activeElement === null) void this.updateComplete.then(refocus);
    }

    /** The language the element speaks: its closest `[lang]`, then `<html lang>`, then French. */
    protected get locale(): Locale {
      return resolveLocale(this);
    }
  }
  return RaElement as unknown as MixinConstructor<RaElementInterface> & Base;
}
