/**
 * The snippet a partner pastes for a widget like a story's: stories built from an event object set `.event` from
 * script, which no pasted HTML can, so their "Show code" gives this instead: the loader, then the tag reading the
 * network's feed by id, with its fallback link.
 */
export function pasteableSnippet(
  tag: string,
  attributes: (string | false | undefined)[],
  fallback: string,
): string {
  const list = ['feed="https://www.reseau-alliances.org/feed.json"', ...attributes.filter(Boolean)];
  return [
    '<script type="module" src="https://cdn.example.org/ra-widgets/ra-widgets.js"></script>',
    `<${tag} ${list.join(' ')}>`,
    `  <a href="https://www.reseau-alliances.org/agenda">${fallback}</a>`,
    `</${tag}>`,
  ].join('\n');
}
