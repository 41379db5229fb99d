import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { TaskStatus } from '@lit/task';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { clearFeedCache, onFeedUpdate } from '../feed/loader.js';
import type { Feed } from '../feed/model.js';
import type { RaFeedErrorEvent } from './events.js';
import { FeedController, type FeedSource } from './feed-controller.js';

/** The smallest widget: says which state its feed is in. */
class RaTestFeed extends LitElement {
  @property({ attribute: false }) feed: FeedSource;
  readonly controller = new FeedController(this, () => this.feed);
  renders = 0;

  override render() {
    this.renders++;
    return this.controller.render({
      initial: () => 'initial',
      pending: () => 'loading',
      complete: (feed) => `feed: ${feed.publisher?.name}`,
      error: () => 'error',
    });
  }
}
customElements.define('ra-test-feed', RaTestFeed);

const firstUrl = new URL('/feeds/first.json', document.baseURI).href;
const secondUrl = new URL('/feeds/second.json', document.baseURI).href;

function feedText(publisher: string): string {
  return JSON.stringify({ version: 1, publisher: { name: publisher }, events: [] });
}

function store(url: string, publisher: string): void {
  localStorage.setItem(`ra-feed:v1:${url}`, JSON.stringify({ text: feedText(publisher), fetchedAt: 0 }));
}

const realFetch = window.fetch;
const realError = console.error;
let requested: string[] = [];
let errors: unknown[][] = [];

/** Answers each URL with `answers[url]`; a URL without an answer never answers. */
function stubFetch(answers: Record<string, () => Response | Promise<Response>>): void {
  window.fetch = (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    return Promise.resolve(answers[url]?.() ?? new Promise<Response>(() => undefined));
  };
}

function json(publisher: string): Response {
  return new Response(feedText(publisher), { headers: { 'Content-Type': 'application/json' } });
}

function shown(element: RaTestFeed): string {
  return element.shadowRoot?.textContent?.trim() ?? '';
}

async function widget(feed: FeedSource): Promise<RaTestFeed> {
  return fixture<RaTestFeed>(html`<ra-test-feed .feed=${feed}></ra-test-feed>`);
}

beforeEach(() => {
  clearFeedCache();
  requested = [];
  errors = [];
  console.error = (...args: unknown[]) => errors.push(args);
});

afterEach(() => {
  window.fetch = realFetch;
  console.error = realError;
  clearFeedCache();
});

describe('FeedController', () => {
  it('renders the initial state without a feed', async () => {
    const element = await widget(undefined);
    expect(shown(element)).to.equal('initial');
  });

  it('renders the pending state while the feed loads', async () => {
    stubFetch({});
    const element = await widget(firstUrl);
    expect(shown(element)).to.equal('loading');
  });

  it('renders the loaded feed', async () => {
    stubFetch({ [firstUrl]: () => json('loaded') });
    const element = await widget(firstUrl);
    await element.controller.taskComplete;
    await element.updateComplete;
    expect(shown(element)).to.equal('feed: loaded');
    expect(element.controller.status).to.equal(TaskStatus.COMPLETE);
  });

  it('renders a stored copy in its first render', async () => {
    store(firstUrl, 'stored');
    stubFetch({});
    const element = await widget(firstUrl);
    expect(shown(element)).to.equal('feed: stored');
  });

  it('renders a feed object without a request', async () => {
    stubFetch({});
    const feed: Feed = { version: 1, publisher: { name: 'given' }, events: [], members: [], issues: [] };
    const element = await widget(feed);
    expect(shown(element)).to.equal('feed: given');
    expect(requested).to.have.length(0);
  });

  it('shares one request between two widgets', async () => {
    stubFetch({ [firstUrl]: () => json('shared') });
    const both = await fixture<HTMLElement>(html`
      <div>
        <ra-test-feed .feed=${firstUrl}></ra-test-feed><ra-test-feed .feed=${firstUrl}></ra-test-feed>
      </div>
    `);
    const widgets = [...both.querySelectorAll<RaTestFeed>('ra-test-feed')];
    await Promise.all(widgets.map((element) => element.controller.taskComplete));
    expect(requested).to.have.length(1);
  });

  it('renders the error state when the feed cannot be loaded', async () => {
    stubFetch({ [firstUrl]: () => new Response('', { status: 404, statusText: 'Not Found' }) });
    const element = await widget(firstUrl);
    await waitUntil(() => element.controller.status === TaskStatus.ERROR);
    await element.updateComplete;
    expect(shown(element)).to.equal('error');
  });

  it('dispatches ra-feed-error with the URL and the error', async () => {
    stubFetch({ [firstUrl]: () => new Response('', { status: 404, statusText: 'Not Found' }) });
    const failed = new Promise<RaFeedErrorEvent>((resolve) =>
      document.addEventListener('ra-feed-error', resolve, { once: true }),
    );
    await widget(firstUrl);
    const event = await failed;
    expect(event.url).to.equal(firstUrl);
    expect(event.error.message).to.contain('HTTP 404');
  });

  it('logs an error naming the element, the URL and the reason', async () => {
    stubFetch({
      [firstUrl]: () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }),
    });
    const element = await widget(firstUrl);
    await waitUntil(() => element.controller.status === TaskStatus.ERROR);
    const message = String(errors[0]?.[0]);
    expect(message).to.contain('<ra-test-feed>').and.contain(firstUrl).and.contain('[html]');
  });

  it('sends a new request on retry', async () => {
    let answer = () => new Response('', { status: 404 });
    stubFetch({ [firstUrl]: () => answer() });
    const element = await widget(firstUrl);
    await waitUntil(() => element.controller.status === TaskStatus.ERROR);
    answer = () => json('second try');
    await element.controller.retry();
    await element.updateComplete;
    expect(requested).to.have.length(2);
    expect(shown(element)).to.equal('feed: second try');
  });

  it('renders a newer copy when the stored one is refreshed', async () => {
    store(firstUrl, 'stored');
    stubFetch({ [firstUrl]: () => json('newer') });
    const element = await widget(firstUrl);
    await waitUntil(() => shown(element) === 'feed: newer');
  });

  it('loads the feed of a new URL', async () => {
    stubFetch({ [firstUrl]: () => json('first'), [secondUrl]: () => json('second') });
    const element = await widget(firstUrl);
    await element.controller.taskComplete;
    element.feed = secondUrl;
    await element.updateComplete;
    await element.controller.taskComplete;
    await element.updateComplete;
    expect(shown(element)).to.equal('feed: second');
  });

  it('stops following the old URL when the URL changes', async () => {
    store(firstUrl, 'stored');
    let refresh: (response: Response) => void = () => undefined;
    stubFetch({
      [firstUrl]: () => new Promise<Response>((resolve) => (refresh = resolve)),
      [secondUrl]: () => json('second'),
    });
    const element = await widget(firstUrl);
    element.feed = secondUrl;
    await element.updateComplete;
    await element.controller.taskComplete;
    await element.updateComplete;
    const renders = element.renders;
    const refreshed = new Promise((resolve) => onFeedUpdate(firstUrl, resolve));
    refresh(json('newer first'));
    await refreshed;
    await element.updateComplete;
    expect(element.renders).to.equal(renders);
  });

  it('stops following updates once disconnected', async () => {
    store(firstUrl, 'stored');
    let refresh: (response: Response) => void = () => undefined;
    stubFetch({ [firstUrl]: () => new Promise<Response>((resolve) => (refresh = resolve)) });
    const element = await widget(firstUrl);
    await element.controller.taskComplete;
    element.remove();
    const renders = element.renders;
    const refreshed = new Promise((resolve) => onFeedUpdate(firstUrl, resolve));
    refresh(json('newer'));
    await refreshed;
    await element.updateComplete;
    expect(element.renders).to.equal(renders);
  });
});
