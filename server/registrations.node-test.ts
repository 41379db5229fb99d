import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { MIN_FILL_MS } from '../src/registration/contract.js';
import { NOW, post, testApp, testDatabase, testEvent, validBody } from './fixtures.js';
import { eraseByEmail, purge } from './registrations.js';
import { openStore } from './storage.js';

describe('POST /api/events/:id/registrations', () => {
  it('stores a valid registration and answers 201 confirmed', async () => {
    const { app, store } = await testApp();
    const res = await post(app, 'petit-dej', validBody('petit-dej', { email: 'Camille@Example.org' }));
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.equal(body.status, 'confirmed');
    const rows = await store.list('petit-dej');
    assert.deepEqual(
      rows.map((r) => [r.id, r.email, r.email_key, r.status, r.created_at]),
      [[body.registrationId, 'Camille@Example.org', 'camille@example.org', 'confirmed', NOW.toISOString()]],
    );
  });

  it('answers 422 with a message key per invalid field', async () => {
    const { app, store } = await testApp();
    const res = await post(
      app,
      'petit-dej',
      validBody('petit-dej', { email: 'pas-un-email', firstName: '  ' }),
    );
    assert.equal(res.status, 422);
    assert.deepEqual(await res.json(), {
      status: 'error',
      code: 'invalid',
      fieldErrors: { firstName: 'required', email: 'email' },
    });
    assert.equal((await store.list('petit-dej')).length, 0);
  });

  it('refuses a body whose eventId is not the one in the URL', async () => {
    const { app } = await testApp();
    const res = await post(app, 'petit-dej', validBody('small'));
    assert.deepEqual((await res.json()).fieldErrors, { eventId: 'invalid' });
  });

  it('replays the first answer for a repeated idempotency key, with one row', async () => {
    const { app, store } = await testApp();
    const key = randomUUID();
    const body = validBody('petit-dej');
    const first = await post(app, 'petit-dej', body, { 'Idempotency-Key': key });
    const second = await post(app, 'petit-dej', { ...body, elapsedMs: 99_000 }, { 'Idempotency-Key': key });
    assert.equal(second.status, first.status);
    assert.deepEqual(await second.json(), await first.json());
    assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await store.list('petit-dej')).length, 1);
  });

  it('refuses a repeated idempotency key with a different body: 400 bad-request', async () => {
    const { app } = await testApp();
    const key = randomUUID();
    await post(app, 'petit-dej', validBody('petit-dej'), { 'Idempotency-Key': key });
    const res = await post(app, 'petit-dej', validBody('petit-dej'), { 'Idempotency-Key': key });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).code, 'bad-request');
  });

  it('refuses a request without a UUID idempotency key', async () => {
    const { app } = await testApp();
    const res = await post(app, 'petit-dej', validBody('petit-dej'), { 'Idempotency-Key': 'abc' });
    assert.equal(res.status, 400);
  });

  it('refuses a body that is not JSON', async () => {
    const { app } = await testApp();
    const res = await post(app, 'petit-dej', '{"firstName":');
    assert.deepEqual([res.status, (await res.json()).code], [400, 'bad-request']);
  });

  it('refuses a second registration with the same e-mail, whatever its case: 409', async () => {
    const { app, store } = await testApp();
    await post(app, 'petit-dej', validBody('petit-dej', { email: 'dup@example.org' }));
    const res = await post(app, 'petit-dej', validBody('petit-dej', { email: 'DUP@example.org' }));
    assert.deepEqual([res.status, (await res.json()).code], [409, 'already-registered']);
    assert.equal((await store.list('petit-dej')).length, 1);
  });

  it('answers 404 for an event the feed does not list', async () => {
    const { app } = await testApp();
    const res = await post(app, 'inconnu', validBody('inconnu'));
    assert.deepEqual([res.status, (await res.json()).code], [404, 'unknown-event']);
  });

  it('answers 409 closed outside the offer window', async () => {
    const { app } = await testApp();
    const res = await post(app, 'fenetre', validBody('fenetre'));
    assert.deepEqual([res.status, (await res.json()).code], [409, 'closed']);
  });

  it('answers 409 closed for a cancelled event', async () => {
    const { app } = await testApp();
    const res = await post(app, 'annule', validBody('annule'));
    assert.deepEqual([res.status, (await res.json()).code], [409, 'closed']);
  });

  it('answers 409 closed for an event registered elsewhere', async () => {
    const { app } = await testApp();
    const res = await post(app, 'externe', validBody('externe'));
    assert.equal((await res.json()).code, 'closed');
  });

  it('answers 409 closed for an event that is over', async () => {
    const { app } = await testApp();
    const res = await post(app, 'ancien', validBody('ancien'));
    assert.equal((await res.json()).code, 'closed');
  });

  it('accepts a members-only registration naming an active member, accents and case aside', async () => {
    const { app } = await testApp();
    const res = await post(
      app,
      'adherents',
      validBody('adherents', { memberOrganisation: 'atelier cretois' }),
    );
    assert.equal(res.status, 201);
  });

  it('accepts a members-only registration giving the member id', async () => {
    const { app } = await testApp();
    const res = await post(
      app,
      'adherents',
      validBody('adherents', { memberOrganisation: 'atelier-cretois' }),
    );
    assert.equal(res.status, 201);
  });

  it('refuses a members-only registration from a lapsed member: 403', async () => {
    const { app } = await testApp();
    const res = await post(
      app,
      'adherents',
      validBody('adherents', { memberOrganisation: 'Vieille Maison' }),
    );
    assert.deepEqual(await res.json(), {
      status: 'error',
      code: 'members-only',
      fieldErrors: { memberOrganisation: 'not-member' },
    });
    assert.equal(res.status, 403);
  });

  it('asks for the member organisation on a members-only event', async () => {
    const { app } = await testApp();
    const res = await post(app, 'adherents', validBody('adherents'));
    assert.deepEqual([res.status, (await res.json()).fieldErrors], [422, { memberOrganisation: 'required' }]);
  });

  it('requires the answers to required questions', async () => {
    const { app } = await testApp();
    const res = await post(app, 'questions', validBody('questions'));
    assert.deepEqual((await res.json()).fieldErrors, { 'answers.repas': 'required' });
  });

  it('refuses a choice that is not among the options', async () => {
    const { app } = await testApp();
    const res = await post(app, 'questions', validBody('questions', { answers: { repas: 'poisson' } }));
    assert.deepEqual((await res.json()).fieldErrors, { 'answers.repas': 'invalid' });
  });

  it('stores the answers to known questions only', async () => {
    const { app, store } = await testApp();
    await post(
      app,
      'questions',
      validBody('questions', { answers: { repas: 'végétarien', parking: true, x: 'y' } }),
    );
    assert.deepEqual(JSON.parse((await store.list('questions'))[0]!.answers), {
      repas: 'végétarien',
      parking: true,
    });
  });

  it('puts registrations beyond the capacity on the waiting list, in order', async () => {
    const { app, store } = await testApp();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await (await post(app, 'small', validBody('small'))).json());
    assert.deepEqual(
      answers.map((a) => [a.status, a.position]),
      [
        ['confirmed', undefined],
        ['confirmed', undefined],
        ['confirmed', undefined],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ],
    );
    assert.equal((await store.list('small')).length, 5);
  });

  it('answers 202 for a waitlisted registration', async () => {
    const { app } = await testApp();
    for (let i = 0; i < 3; i += 1) await post(app, 'small', validBody('small'));
    assert.equal((await post(app, 'small', validBody('small'))).status, 202);
  });

  it('answers 413 to a body over 32 KB', async () => {
    const { app } = await testApp();
    const res = await post(app, 'petit-dej', validBody('petit-dej', { jobTitle: 'x'.repeat(40_000) }));
    assert.deepEqual([res.status, (await res.json()).code], [413, 'too-large']);
  });

  it('fakes a confirmation for a filled honeypot and stores nothing', async () => {
    const { app, store } = await testApp();
    const res = await post(app, 'petit-dej', validBody('petit-dej', { website: 'https://spam.example' }));
    assert.deepEqual([res.status, (await res.json()).status], [201, 'confirmed']);
    assert.equal((await store.list('petit-dej')).length, 0);
  });

  it('fakes a confirmation for a form sent faster than a person can fill it', async () => {
    const { app, store } = await testApp();
    const res = await post(app, 'petit-dej', validBody('petit-dej', { elapsedMs: MIN_FILL_MS - 1 }));
    assert.equal(res.status, 201);
    assert.equal((await store.list('petit-dej')).length, 0);
  });

  it('limits attempts per client: 429 with Retry-After', async () => {
    const { app } = await testApp({ rateLimit: { windowMs: 60_000, max: 2 } });
    await post(app, 'petit-dej', validBody('petit-dej'));
    await post(app, 'petit-dej', validBody('petit-dej'));
    const res = await post(app, 'petit-dej', validBody('petit-dej'));
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('Retry-After'), '60');
    assert.deepEqual(await res.json(), { status: 'error', code: 'rate-limited', retryAfter: 60 });
  });
});

describe('rate limit across instances', () => {
  it('counts a client’s attempts on every instance sharing the database', async () => {
    const location = await testDatabase();
    const rateLimit = { windowMs: 60_000, max: 2 };
    const [a, b] = await Promise.all([
      testApp({ store: await openStore(location), rateLimit }),
      testApp({ store: await openStore(location), rateLimit }),
    ]);
    await post(a.app, 'petit-dej', validBody('petit-dej'));
    await post(b.app, 'petit-dej', validBody('petit-dej'));
    const res = await post(a.app, 'petit-dej', validBody('petit-dej'));
    assert.deepEqual([res.status, res.headers.get('Retry-After')], [429, '60']);
  });

  it('counts each client address apart behind a trusted proxy', async () => {
    const { app } = await testApp({ rateLimit: { windowMs: 60_000, max: 1 }, trustProxy: true });
    const from = (ip: string) =>
      post(app, 'petit-dej', validBody('petit-dej'), { 'X-Forwarded-For': `${ip}, 10.0.0.1` });
    const answers = [await from('192.0.2.1'), await from('192.0.2.2'), await from('192.0.2.1')];
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201, 429],
    );
  });
});

describe('CORS on the registration API', () => {
  const preflight = (app: Awaited<ReturnType<typeof testApp>>['app'], origin: string) =>
    app.request('http://localhost:8787/api/events/petit-dej/registrations', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });

  it('answers a preflight from an allowed origin', async () => {
    const { app } = await testApp();
    const res = await preflight(app, 'https://partenaire.example');
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://partenaire.example');
    assert.equal(res.headers.get('Access-Control-Allow-Headers'), 'Idempotency-Key,Content-Type');
  });

  it('withholds CORS headers from a preflight by another origin', async () => {
    const { app } = await testApp();
    const res = await preflight(app, 'https://intrus.example');
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('allows any port of a wildcard origin', async () => {
    const { app } = await testApp({ allowedOrigins: ['http://localhost:*'] });
    const res = await preflight(app, 'http://localhost:6006');
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'http://localhost:6006');
  });

  it('allows the server’s own origin', async () => {
    const { app } = await testApp({ allowedOrigins: [] });
    const res = await post(app, 'petit-dej', validBody('petit-dej'), { Origin: 'http://localhost:8787' });
    assert.equal(res.status, 201);
  });

  it('returns the allowed origin on the POST answer', async () => {
    const { app } = await testApp();
    const res = await post(app, 'petit-dej', validBody('petit-dej'), {
      Origin: 'https://partenaire.example',
    });
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), 'https://partenaire.example');
  });

  it('refuses a POST from another origin without storing it', async () => {
    const { app, store } = await testApp();
    const res = await post(app, 'petit-dej', validBody('petit-dej'), { Origin: 'https://intrus.example' });
    assert.equal(res.status, 403);
    assert.equal((await store.list('petit-dej')).length, 0);
  });
});

describe('personal data', () => {
  it('erasing a person also forgets the idempotency keys of their registrations', async () => {
    const { app, store } = await testApp();
    const key = randomUUID();
    const body = validBody('petit-dej', { email: 'gone@example.org' });
    await post(app, 'petit-dej', body, { 'Idempotency-Key': key });
    assert.equal(await eraseByEmail(store, 'GONE@example.org'), 1);
    assert.equal(await store.findResponse(key), undefined);
  });

  it('purge keeps the registrations of an open-ended recurring event', async () => {
    const { app, store, feed } = await testApp();
    feed.events.push(
      testEvent('chaque-lundi', {
        start: new Date('2020-01-06T08:00:00Z'),
        end: new Date('2020-01-06T08:00:00Z'),
        schedule: {
          startDate: '2020-01-06',
          repeatFrequency: 'weekly',
          byDay: [1],
          startTime: '09:00',
          exceptDates: [],
        },
      }),
    );
    await post(app, 'chaque-lundi', validBody('chaque-lundi'));
    assert.equal(await purge(store, feed, 30, new Date('2030-01-01T00:00:00Z')), 0);
    assert.equal((await store.list('chaque-lundi')).length, 1);
  });
});
