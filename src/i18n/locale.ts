/** The languages the widgets speak. French first: it is the network's language. */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

/** BCP 47 tags used with `Intl`: British English writes dates day first, as French readers expect. */
export const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

function toLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return locales.find((locale) => locale === language);
}

/**
 * The element's language: its closest `[lang]` ancestor (crossing shadow roots), then `<html lang>`, then French.
 * A language we do not speak falls back to French rather than mixing languages.
 */
export function resolveLocale(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      return toLocale(node.getAttribute('lang')) ?? 'fr';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLocale(document.documentElement.lang) ?? 'fr';
}

/**
 * A typed catalogue: every language must give every key the French catalogue has, with the same parameters (a
 * missing or extra key is a type error). Messages are plain strings or functions of their parameters.
 */
export type Catalogue<T> = { [L in Locale]: T };

/** French is the reference: its keys and message shapes are what every other language must give. */
export function defineCatalogue<T>(
  catalogue: { fr: T } & { [L in Exclude<Locale, 'fr'>]: NoInfer<T> },
): Catalogue<T> {
  return catalogue;
}
