import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The widgets' `<script type="application/ld+json">` in their light DOM, where crawlers read it. Small and eager:
 * the schema.org builder (`jsonld.ts`) and the writer (`jsonld-write.ts`) are imported when there is something to
 * publish.
 */

import { whenIdle } from '../internal/main-thread.js';

/** The widget's own JSON-LD: its host's light-DOM children with this selector. */
const SELECTOR = 'script[type="application/ld+json"][data-ra-jsonld]';

export function ownScripts(host: Element): HTMLScriptElement[] {
  return [...host.children].filter((child): child is HTMLScriptElement => child.matches(SELECTOR));
}

/** Removes the host's JSON-LD written by `upsertJsonLd` (other scripts stay). */
export function removeJsonLd(host: Element): void {
  for (const script of ownScripts(host)) script.remove();
}

/**
 * Writes what `build` makes with the schema.org builder into `host`'s JSON-LD once the builder has loaded: it is
 * not needed for the first render, so it stays out of the first load and is built in idle time (`build` may
 * return a promise, to build a large graph in slices). Nothing is written if `stillWanted()` is false by then (a
 * later render or a disconnection replaced this data).
 */
export function upsertJsonLdLater(
  host: Element,
  build: (builder: typeof import('./jsonld.js')) => unknown,
  stillWanted: () => boolean,
): void {
  Promise.all([import('./jsonld.js'), import('./jsonld-write.js')]).then(
    // Crawlers wait; readers should not: the graph is built in idle time, after the first screen.
    ([builder, { upsertJsonLd }]) =>
      whenIdle(() => {
        if (!stillWanted()) return;
        void Promise.resolve(build(builder)).then((data) => {
          if (stillWanted()) upsertJsonLd(host, data);
        });
      }),
    (error: unknown) => console.error('[ra-widgets] could not load the JSON-LD builder:', error),
  );
}

/** What a widget publishes: the values it is built from (compared item by item), and how to build it. */
export interface JsonLdSource {
  /** The inputs of the data (events, clock…): the script is rebuilt only when one of them changes. */
  key: readonly unknown[];
  build: (builder: typeof import('./jsonld.js')) => unknown;
}

const sameKey = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  a?.length === b.length && a.every((item, i) => Object.is(item, b[i]));

/**
 * Keeps a widget's JSON-LD in its light DOM for as long as it is in the page: written after each update whose
 * source changed, removed when the widget leaves the page, written again when it comes back (an `append` into
 * another container, `replaceChildren`, a removal then re-insertion all disconnect and reconnect it).
 */
export class JsonLdController implements ReactiveController {
  #written?: readonly unknown[];

  /** `source()` gives what to publish, or `undefined` for nothing (no event, `no-jsonld`). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: () => JsonLdSource | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A move reconnects the element without any property change: ask for the update that writes the data again.
    if (this.#written === undefined) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    removeJsonLd(this.host);
    this.#written = undefined;
  }

  hostUpdated(): void {
    const source = this.host.isConnected ? this.source() : undefined;
    if (!source) {
      if (this.#written) removeJsonLd(this.host);
      this.#written = undefined;
      return;
    }
    if (sameKey(this.#written, source.key)) return;
    const key = (this.#written = source.key);
    upsertJsonLdLater(this.host, source.build, () => this.#written === key);
  }
}
