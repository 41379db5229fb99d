/** Reading a feed's text from a file or an http(s) URL, for the commands. */
import { readFile } from 'node:fs/promises';
import { FeedError } from '../feed/parse.js';

const FETCH_TIMEOUT_MS = 15_000;

/**
 * The text of `source` and, for a URL, its `Content-Type`.
 *
 * @throws FeedError for a URL that cannot be fetched (network, timeout, HTTP status); the file system's error for a file
 */
export async function readSource(source: string): Promise<{ text: string; contentType?: string }> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new FeedError(source, timedOut ? 'timeout' : 'network', (error as Error).message, {
        cause: error,
      });
    }
    if (!response.ok)
      throw new FeedError(source, 'http', `HTTP ${response.status} ${response.statusText}`.trim());
    return { text: await response.text(), contentType: response.headers.get('content-type') ?? undefined };
  }
  return { text: await readFile(source, 'utf8') };
}
