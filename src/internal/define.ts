import { VERSION } from './version.js';

type VersionedElement = CustomElementConstructor & { raVersion?: string };

const warned = new Set<string>();

/**
 * Registers `tag` unless it already is. A CMS page may load the CDN bundle twice, or beside the npm build: the
 * second registration must never throw, and a version mismatch is worth one warning, not a broken page.
 */
export function defineElement(
  tag: string,
  element: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing) {
    if (existing !== element && existing.raVersion !== VERSION && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `[ra-widgets] <${tag}> is already defined by version ${existing.raVersion ?? 'unknown'}; ` +
          `version ${VERSION} keeps using it. Load the widgets once per page to avoid surprises.`,
      );
    }
    return;
  }
  (element as VersionedElement).raVersion = VERSION;
  try {
    registry.define(tag, element);
  } catch (error) {
    // The same class cannot be registered under two names; the first one keeps working.
    console.warn(`[ra-widgets] could not define <${tag}>:`, error);
  }
}
