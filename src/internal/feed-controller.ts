import { initialState, Task, TaskStatus, type StatusRenderer } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { forgetFailedFeed, loadFeed, onFeedUpdate, readCachedFeed } from '../feed/loader.js';
import type { Feed } from '../feed/model.js';
import { localInstant, zonedDay } from '../feed/time.js';
import { reportFeedError } from './report-feed-error.js';

let warm = false;

/**
 * The page's first time-zone computations load the engine's locale and time-zone data (`Intl`): 20 to 100 ms in
 * one go. Started with the feed's request, that happens in tasks of their own while the feed is on its way, not
 * inside the reading of the feed or the first render. Once per page.
 */
function warmUpDates(): void {
  if (warm) return;
  warm = true;
  setTimeout(() => localInstant('2020-01-01', 'Europe/Paris'));
  setTimeout(() => zonedDay(new Date(0), 'Europe/Paris'));
}

/** A feed URL (relative to the page), a feed object already read, or nothing yet. */
export type FeedSource = string | Feed | undefined;

type FeedHost = ReactiveControllerHost & HTMLElement;

/**
 * Gives a component the feed it names: loads it through `feed/loader` (one request per URL for the whole page),
 * re-renders the host when a newer copy arrives, and reports failures with `ra-feed-error` and a console error.
 *
 * ```ts
 * #feed = new FeedController(this, () => this.feed);
 * render() { return this.#feed.render({ pending: …, complete: (feed) => …, error: (error) => … }); }
 * ```
 */
export class FeedController implements ReactiveController {
  readonly #host: FeedHost;
  readonly #source: () => FeedSource;
  readonly #task: Task<readonly [FeedSource], Feed>;
  #subscribedUrl: string | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: FeedHost, source: () => FeedSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
    this.#task = new Task(host, {
      task: ([source], { signal }) => {
        if (source === undefined) return initialState;
        if (typeof source !== 'string') return source;
        warmUpDates();
        return loadFeed(source, { signal });
      },
      args: () => [this.#source()] as const,
      onError: (error) => this.#report(error),
    });
  }

  /**
   * The newest feed for the current source, as soon as there is one: a feed object given directly, a copy from
   * this page or an earlier visit (shown while it is revalidated), or the loaded feed.
   */
  get feed(): Feed | undefined {
    const source = this.#source();
    return typeof source === 'string' ? readCachedFeed(source) : source;
  }

  /** Why the last load failed, when it did. */
  get error(): unknown {
    return this.#task.error;
  }

  /** The load's state (`TaskStatus`); a known `feed` may already show while it is `PENDING`. */
  get status(): TaskStatus {
    return this.#task.status;
  }

  /** Settles when the current load does: for tests and for code that must wait for the feed. */
  get taskComplete(): Promise<Feed> {
    return this.#task.taskComplete;
  }

  /** Renders the state: `complete` as soon as a feed is known (a stored copy needs no spinner), else the task's. */
  render(renderers: StatusRenderer<Feed>): unknown {
    const feed = this.feed;
    if (feed && renderers.complete) return renderers.complete(feed);
    return this.#task.render(renderers);
  }

  /** Loads again after a failure: the failed request is forgotten, so a new one goes out. */
  retry(): Promise<void> {
    const source = this.#source();
    if (typeof source === 'string') forgetFailedFeed(source);
    return this.#task.run();
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedUrl = undefined;
  }

  /** Listens for newer copies of the current URL only. */
  #follow(): void {
    const source = this.#source();
    const url = typeof source === 'string' ? source : undefined;
    if (url === this.#subscribedUrl && (this.#unsubscribe || url === undefined)) return;
    this.#unsubscribe?.();
    this.#subscribedUrl = url;
    this.#unsubscribe = url === undefined ? undefined : onFeedUpdate(url, () => this.#host.requestUpdate());
  }

  #report(error: unknown): void {
    const source = this.#source();
    reportFeedError(this.#host, typeof source === 'string' ? source : '', error);
  }
}
