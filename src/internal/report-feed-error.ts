import { FeedError } from '../feed/document.js';
import { RaFeedErrorEvent } from './events.js';

/**
 * Says why `host` could not load the feed at `url`: a console error for the site's owner and `ra-feed-error` for
 * the page. A load that a newer one replaced (`AbortError`) failed nothing.
 */
export function reportFeedError(host: HTMLElement, url: string, error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  const tag = `<${host.localName}>`;
  if (error instanceof FeedError) {
    // Its message names the URL and the reason.
    console.error(`[ra-widgets] ${tag} [${error.reason}] ${error.message}`, error);
    host.dispatchEvent(new RaFeedErrorEvent(error.url, error));
    return;
  }
  const failure = error instanceof Error ? error : new Error(String(error));
  console.error(`[ra-widgets] ${tag} could not load the feed ${url}: ${failure.message}`, failure);
  host.dispatchEvent(new RaFeedErrorEvent(url, failure));
}
