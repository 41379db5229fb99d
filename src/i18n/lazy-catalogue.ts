/*
 * Catalogues that ship French only: their other languages load when first needed. Apart from `locale.ts`, so that
 * widgets with every language built in (`defineCatalogue`) do not carry the loading.
 */

import type { Catalogue, Locale } from './locale.js';

type OtherLocale = Exclude<Locale, 'fr'>;

/** What each lazy catalogue the page imported still has to load, per language. */
const pendingLanguages: { [L in OtherLocale]: Set<() => Promise<void>> } = { en: new Set() };

/**
 * A catalogue whose French messages are in the widget's code and whose other languages load when a widget first
 * speaks them (`loadLanguage`, which `RaLocalizedElement` awaits before rendering): a French page never downloads them.
 * `load` must give every key the French messages have, with the same parameters. Until a language has loaded, or
 * if it cannot load, it shows the French messages.
 */
export function lazyCatalogue<T>(
  fr: T,
  load: { [L in OtherLocale]: () => Promise<NoInfer<T>> },
): Catalogue<T> {
  const catalogue: Catalogue<T> = { fr, en: fr };
  for (const locale of Object.keys(load) as OtherLocale[]) {
    let loading: Promise<void> | undefined;
    const loader = () =>
      (loading ??= load[locale]().then(
        (messages) => {
          catalogue[locale] = messages;
        },
        (error: unknown) => console.warn(`[ra-widgets] could not load the "${locale}" messages:`, error),
      )).finally(() => pendingLanguages[locale].delete(loader));
    pendingLanguages[locale].add(loader);
  }
  return catalogue;
}

/** Loads `locale`'s lazy catalogues not loaded yet; `undefined` when there is none (French, or all loaded). */
export function loadLanguage(locale: Locale): Promise<void> | undefined {
  if (locale === 'fr' || pendingLanguages[locale].size === 0) return undefined;
  return Promise.all([...pendingLanguages[locale]].map((load) => load())).then(() => undefined);
}
