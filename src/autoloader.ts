/**
 * The CDN entry (`dist/cdn/ra-widgets.js`): a few hundred bytes that load each widget's code only when its tag is
 * on the page, now or later (a CMS or `innerHTML` may insert it after load). A page with one agenda downloads the
 * agenda, not the registration form.
 *
 * It has no import or export of its own, and keeps its names in a function: pasted as a classic script (without
 * `type="module"`, or enqueued the WordPress way) it works the same and leaves no global behind.
 */
(() => {
  const loaders: Record<string, () => Promise<unknown>> = {
    'ra-agenda': () => import('./components/agenda/define.js'),
    'ra-event-card': () => import('./components/event-card/define.js'),
    'ra-registration-form': () => import('./components/registration-form/define.js'),
    'ra-member-badge': () => import('./components/member-badge/define.js'),
  };
  const selector = Object.keys(loaders).join(',');
  const requested = new Set<string>();

  function load(tag: string): void {
    if (requested.has(tag) || customElements.get(tag)) return;
    requested.add(tag);
    loaders[tag]().catch((error: unknown) => {
      requested.delete(tag);
      console.error(`[ra-widgets] could not load <${tag}>:`, error);
    });
  }

  function discover(root: ParentNode): void {
    if (root instanceof Element && root.localName in loaders) load(root.localName);
    for (const element of root.querySelectorAll(selector)) load(element.localName);
  }

  discover(document);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) discover(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
