/** A child of `h`: a node, a string (always a text node, never markup), or nothing. */
export type Child = Node | string | false | undefined;

/**
 * Builds an element with DOM calls: attributes set one by one, strings appended as text. For an element that
 * renders a few nodes without Lit's templates (the member badge, whose one-file bundle is weighed byte by byte,
 * issue 16); it needs no Trusted Types policy, since no string is ever parsed as HTML. `svg` and its children are
 * made in the SVG namespace. An `undefined` attribute is left out.
 */
export function h(
  tag: string,
  attributes: Record<string, string | undefined>,
  ...children: Child[]
): Element {
  const element = /^(svg|circle)$/.test(tag)
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  element.append(
    ...children.filter((child): child is Node | string => child !== false && child !== undefined),
  );
  return element;
}
