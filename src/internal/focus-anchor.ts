/**
 * A way back to `element` after a render replaces it: the element itself while it is in the page, otherwise the one
 * now at its place in the same root (the same child indexes down from the root, text ignored), if it has the same
 * tag. A change of language re-renders the templates whose text is part of their shape (the cards' flat templates)
 * with new elements: a reader's focus, and a dialog's way back to its opener, must follow.
 */
export function anchorOf(element: Element): () => HTMLElement | undefined {
  const root = element.getRootNode();
  const path: number[] = [];
  for (let node = element; node.parentNode; node = node.parentNode as Element) {
    path.unshift(Array.prototype.indexOf.call(node.parentNode.children, node));
    if (node.parentNode === root) break;
  }
  return () => {
    if (element.isConnected) return element as HTMLElement;
    let found: Element | undefined;
    let parent = root as ParentNode;
    for (const index of path) {
      found = parent.children[index];
      if (!found) return undefined;
      parent = found;
    }
    return found?.tagName === element.tagName ? (found as HTMLElement) : undefined;
  };
}
