/**
 * The CDN entry (`dist/cdn/ra-widgets.js`): a few kilobytes that load each widget's code only when its tag is on
 * the page, now or later, in the document or in an open shadow root. A page with one agenda downloads the agenda,
 * not the registration form.
 *
 * - It works pasted as a module or a classic script, from the page's origin or another, with or without
 *   `crossorigin`: it has no import or export of its own, keeps its names in a function (no global), and imports
 *   its chunks by absolute URLs built from its own (a cross-origin classic script without `crossorigin` would
 *   resolve `import()` against `about:blank`).
 * - It upgrades the markup that a CMS keeps, `<div data-ra-widget="agenda" data-feed="…">fallback link</div>`, into
 *   the element, copying only the element's own attributes.
 * - It starts each feed request as soon as it sees a tag, beside the widget's code: the feed loader takes that
 *   request over (`src/feed/loader-core.ts`, `takePrefetchedFeed`).
 * - A widget whose code cannot load says so in its place, keeping the fallback link, and in the console.
 */
(() => {
  // Only a classic script has a `currentScript`; a module resolves `import()` against its own URL already.
  const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || undefined;
  const absolute = (path: string) => (scriptUrl ? new URL(path, scriptUrl).href : path);

  /**
   * Imports a chunk of this bundle. The CDN build (`scripts/vite-cdn-autoloader.ts`) gives each `load` the chunk's
   * path and starts the chunk's static imports at the same time: the code arrives in two round trips (this file,
   * then every chunk at once), not one per level of imports. Unbuilt (tests, Storybook), `load` is a plain import.
   */
  function importChunk(load: (resolve: (path: string) => string) => Promise<unknown>): Promise<unknown> {
    return load(absolute);
  }

  const loaders: Record<string, () => Promise<unknown>> = {
    'ra-agenda': () => importChunk(() => import('./components/agenda/define.js')),
    'ra-event-card': () => importChunk(() => import('./components/event-card/define.js')),
    'ra-registration-form': () => importChunk(() => import('./components/registration-form/define.js')),
    'ra-member-badge': () => importChunk(() => import('./components/member-badge/define.js')),
  };
  /** `data-ra-widget` values: the KSES-proof markup. */
  const widgets: Record<string, string> = {
    agenda: 'ra-agenda',
    card: 'ra-event-card',
    form: 'ra-registration-form',
    badge: 'ra-member-badge',
  };
  /** Attributes a `data-ra-widget` element passes on as they are, besides the element's own (its observed ones). */
  const globalAttributes = ['id', 'class', 'lang', 'dir'];
  const marker = 'data-ra-widget';
  const selector = `${Object.keys(loaders).join(',')},[${marker}]`;

  const loading = new Map<string, Promise<unknown>>();

  /** The widget's code, once per tag; a failure is forgotten so that a tag inserted later tries again. */
  function load(tag: string): Promise<unknown> {
    let promise = loading.get(tag);
    if (!promise) {
      promise = customElements.get(tag) ? Promise.resolve() : loaders[tag]!();
      promise.catch(() => loading.delete(tag));
      loading.set(tag, promise);
    }
    return promise;
  }

  // The feed loader's contract (`loader-core.ts`): requests by absolute URL, taken over once, shared by bundles.
  const prefetchKey = Symbol.for('ra-widgets.feed-prefetch');
  const sourcesKey = Symbol.for('ra-widgets.feed-sources');
  type Globals = {
    [prefetchKey]?: Map<string, Promise<Response> | undefined>;
    [sourcesKey]?: { entries: Map<string, unknown> };
  };

  /**
   * Starts each source's request now: a `feed` value names one URL or several separated by white space, split as
   * the loader splits it (`feedUrls`, `src/feed/loader.ts`; copied, as a classic script cannot import it).
   */
  function prefetch(feed: string | null): void {
    for (const source of feed?.split(/\s+/) ?? []) if (source) prefetchOne(source);
  }

  /** Starts one feed request, unless the page has it already or a copy from an earlier visit shows first. */
  function prefetchOne(feed: string): void {
    let url: URL;
    try {
      url = new URL(feed, document.baseURI);
    } catch {
      return; // The widget says what is wrong with its URL.
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    const globals = globalThis as Globals;
    const requests = (globals[prefetchKey] ??= new Map());
    if (requests.has(url.href) || globals[sourcesKey]?.entries.has(url.href)) return;
    try {
      if (localStorage.getItem(`ra-feed:v1:${url.href}`)) return;
    } catch {
      // No storage (blocked, private mode): nothing stored to show first.
    }
    // The same request the loader would send (`fetchOnce`, `loader-core.ts`); it reads the answer, errors included.
    const request = fetch(url.href, {
      headers: { Accept: 'application/json, application/ld+json;q=0.9, text/calendar;q=0.8, */*;q=0.1' },
    });
    request.catch(() => undefined);
    requests.set(url.href, request);
  }

  /** Says in the element's place that it could not load, before its fallback content (light DOM, still shown). */
  function showFailure(element: Element, problem: string): void {
    if (element.querySelector(':scope > [data-ra-error]')) return;
    const english = (element.closest('[lang]')?.getAttribute('lang') ?? 'fr').startsWith('en');
    const message = document.createElement('p');
    message.setAttribute('data-ra-error', '');
    message.textContent = english
      ? 'This content could not be loaded.'
      : "Ce contenu n'a pas pu être chargé.";
    element.prepend(message);
    console.error(`[ra-widgets] ${problem}`);
  }

  function loadFailure(tag: string, error: unknown): string {
    const from = scriptUrl ? ` (bundle ${scriptUrl})` : '';
    return `could not load <${tag}>${from}: ${String(error)}`;
  }

  /** A `<ra-…>` tag: its code, and a message in its place if that fails. */
  function loadTag(element: Element): void {
    const tag = element.localName;
    prefetch(element.getAttribute('feed'));
    load(tag).then(
      // A later attempt worked: the message of an earlier one goes.
      () => element.querySelector(':scope > [data-ra-error]')?.remove(),
      (error: unknown) => showFailure(element, loadFailure(tag, error)),
    );
  }

  /** `<div data-ra-widget="agenda" data-feed="…">` becomes `<ra-agenda feed="…">`, its content kept inside. */
  function upgrade(placeholder: HTMLElement): void {
    // Claimed once, even by a second copy of this bundle.
    if (placeholder.hasAttribute('data-ra-state')) return;
    placeholder.setAttribute('data-ra-state', 'loading');
    const name = placeholder.getAttribute(marker) ?? '';
    const tag = widgets[name];
    if (!tag) {
      placeholder.setAttribute('data-ra-state', 'error');
      const known = Object.keys(widgets).join(', ');
      showFailure(placeholder, `${marker}="${name}" is not a widget; use one of: ${known}.`);
      return;
    }
    prefetch(placeholder.getAttribute('data-feed'));
    load(tag).then(
      () => {
        const own = (customElements.get(tag) as { observedAttributes?: string[] }).observedAttributes ?? [];
        const element = placeholder.ownerDocument.createElement(tag);
        for (const { name: attribute, value } of placeholder.attributes) {
          if (globalAttributes.includes(attribute)) element.setAttribute(attribute, value);
          else if (attribute === marker || attribute === 'data-ra-state') continue;
          else if (attribute.startsWith('data-') && own.includes(attribute.slice(5)))
            element.setAttribute(attribute.slice(5), value);
          else
            console.warn(
              `[ra-widgets] <div ${marker}="${name}">: ${attribute} is not an attribute of <${tag}>; ignored.`,
            );
        }
        element.append(...placeholder.childNodes);
        placeholder.replaceWith(element);
      },
      (error: unknown) => {
        placeholder.setAttribute('data-ra-state', 'error');
        showFailure(placeholder, loadFailure(tag, error));
      },
    );
  }

  const watched = new WeakSet<Node>();
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) discover(node);
      }
    }
  });

  /** Looks into `root` now and whenever nodes are added to it. */
  function watch(root: Document | ShadowRoot): void {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
    discover(root);
  }

  /** Every widget under `root` (itself included), and the open shadow roots there, now or once their host is defined. */
  function discover(root: Node): void {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node: Node | null = root; node; node = walker.nextNode()) {
      if (!(node instanceof Element)) continue;
      if (node.matches(selector)) {
        if (node.hasAttribute(marker)) upgrade(node as HTMLElement);
        else loadTag(node);
      }
      const host = node;
      if (host.localName in loaders) continue; // Our widgets hold no tags to load.
      if (host.shadowRoot) watch(host.shadowRoot);
      else if (host.localName.includes('-') && !customElements.get(host.localName)) {
        // An app shell's element attaches its shadow root when its own code defines it.
        customElements.whenDefined(host.localName).then(
          () => host.shadowRoot && watch(host.shadowRoot),
          () => undefined,
        );
      }
    }
  }

  watch(document);
  // For a shadow root the loader cannot see (attached to a plain element after it was inserted): the app says where,
  // with an event rather than a global, `root.dispatchEvent(new Event('ra-widgets-scan', { composed: true }))`.
  document.addEventListener(
    'ra-widgets-scan',
    (event) => {
      const root = event.composedPath()[0];
      if (root instanceof ShadowRoot) watch(root);
    },
    true,
  ); // Capture: the event need not bubble.
})();
