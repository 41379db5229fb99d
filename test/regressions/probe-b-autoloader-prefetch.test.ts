/**
 * Probe B regression: an agenda with several sources (`feed="a.json b.ics"`, docs/feed-format.md "Several sources
 * in one agenda") must not make the autoloader prefetch the whole attribute as one URL: that request
 * (`…/a.json%20http://…/b.ics`) is a 404, a console error on every partner page that merges sources.
 */
import { expect } from '@open-wc/testing';

describe('probe B: autoloader prefetch with several sources', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('never requests the space-separated attribute as one URL', async () => {
    const fetched: string[] = [];
    window.fetch = async (input: RequestInfo | URL) => {
      fetched.push(input instanceof Request ? input.url : String(input));
      return new Response('{"version":1,"events":[]}', { headers: { 'Content-Type': 'application/json' } });
    };
    const agenda = document.createElement('ra-agenda');
    agenda.setAttribute('feed', '/probe-b/one.json /probe-b/two.json');
    document.body.append(agenda);
    // @ts-expect-error -- the autoloader is a script with no exports, run for its effect
    await import('../../src/autoloader.js');
    await new Promise((resolve) => setTimeout(resolve, 50));
    agenda.remove();
    expect(fetched.filter((url) => /\s|%20/.test(url))).to.deep.equal([]);
  });
});
