/** The only schemes a feed URL may carry into an `href` or `src`: everything else (`javascript:`, `data:`…) is dropped. */
const allowedProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * `url` when it is an absolute `http(s):`, `mailto:` or `tel:` URL, normalized by the URL parser; `undefined`
 * otherwise. Feed content is untrusted: every feed URL goes through here before it reaches the DOM.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return allowedProtocols.has(parsed.protocol) ? parsed.href : undefined;
}
