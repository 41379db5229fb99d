import DOMPurify from 'dompurify';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { safeUrl } from '../../internal/safe-url.js';

/*
 * Loaded only when a reader opens an event's details: DOMPurify is the heaviest thing a card needs.
 * The feed's description is untrusted HTML; this keeps the subset the feed format allows and nothing else.
 */

const allowedTags = ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote'];

const purifier = DOMPurify(window);

// Links keep only a safe href and always open apart from the page, without giving it `window.opener`.
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const href = safeUrl(node.getAttribute('href'));
  for (const name of [...node.getAttributeNames()]) node.removeAttribute(name);
  if (href) {
    node.setAttribute('href', href);
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** The description's HTML with only the allowed tags, as a string. */
export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?|mailto|tel):/i,
    KEEP_CONTENT: true,
  });
}

/** The description, sanitized, ready to go in a Lit template. */
export function sanitizeDescription(html: string): unknown {
  return unsafeHTML(sanitizeHtml(html));
}
