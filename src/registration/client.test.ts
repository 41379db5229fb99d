import { expect } from '@open-wc/testing';
import { isRetryable, submitRegistration, type SubmitOptions } from './client.js';

const realFetch = window.fetch;
const options: SubmitOptions = {
  endpoint: 'https://api.example.org/api/events/atelier/registrations',
  idempotencyKey: '0b6f2a8e-2d1c-4f7e-9a51-3c0e8f1d2a4b',
  body: {
    eventId: 'atelier',
    firstName: 'Claire',
    lastName: 'Martin',
    email: 'claire@example.org',
    organisation: 'Etika',
    jobTitle: 'Dirigeante',
    answers: {},
    consent: true,
    newsletter: false,
    website: '',
    elapsedMs: 4000,
  },
};

let seen: Request | undefined;
function reply(response: () => Response | Promise<Response>): void {
  window.fetch = async (input, init) => {
    seen = new Request(input, init);
    return response();
  };
}

describe('submitRegistration', () => {
  afterEach(() => {
    window.fetch = realFetch;
    seen = undefined;
  });

  it('posts JSON with the idempotency key', async () => {
    reply(() =>
      Response.json({ status: 'confirmed', registrationId: 'r1', eventId: 'atelier' }, { status: 201 }),
    );
    await submitRegistration(options);
    expect([
      seen?.method,
      seen?.headers.get('content-type'),
      seen?.headers.get('Idempotency-Key'),
    ]).to.deep.equal(['POST', 'application/json', options.idempotencyKey]);
  });

  it('returns the server’s answer', async () => {
    reply(() =>
      Response.json(
        { status: 'waitlisted', registrationId: 'r1', eventId: 'atelier', position: 2 },
        { status: 202 },
      ),
    );
    expect(await submitRegistration(options)).to.deep.equal({
      status: 'waitlisted',
      registrationId: 'r1',
      eventId: 'atelier',
      position: 2,
    });
  });

  it('reports a network failure', async () => {
    window.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await submitRegistration(options)).to.deep.equal({ status: 'failed', reason: 'network' });
  });

  it('gives up after the timeout', async () => {
    window.fetch = (_input, init) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    expect(await submitRegistration({ ...options, timeoutMs: 10 })).to.deep.equal({
      status: 'failed',
      reason: 'timeout',
    });
  });

  it('reads Retry-After when a proxy rate-limits', async () => {
    reply(() => new Response('Too many requests', { status: 429, headers: { 'Retry-After': '30' } }));
    expect(await submitRegistration(options)).to.deep.equal({
      status: 'error',
      code: 'rate-limited',
      retryAfter: 30,
    });
  });

  it('treats a gateway’s error page as a retryable server error', async () => {
    reply(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect(isRetryable(await submitRegistration(options))).to.be.true;
  });

  it('treats an unreadable success as a failure to retry with the same key', async () => {
    reply(() => new Response('ok', { status: 200 }));
    expect(await submitRegistration(options)).to.deep.equal({ status: 'failed', reason: 'network' });
  });

  it('reads the server’s 503 with its Retry-After in the body or the header', async () => {
    reply(() =>
      Response.json(
        { status: 'error', code: 'unavailable' },
        { status: 503, headers: { 'Retry-After': '7' } },
      ),
    );
    expect(await submitRegistration(options)).to.deep.equal({
      status: 'error',
      code: 'unavailable',
      retryAfter: 7,
    });
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    reply(() => new Response('', { status: 503, headers: { 'Retry-After': inTwoMinutes } }));
    const result = await submitRegistration(options);
    // An HTTP date has a one-second resolution: 119 or 120 seconds from now.
    expect(result.status === 'error' && result.retryAfter).to.be.within(119, 120);
  });

  it('retries a 503 with the same key', async () => {
    reply(() => new Response('', { status: 503 }));
    expect(isRetryable(await submitRegistration(options))).to.be.true;
  });
});
