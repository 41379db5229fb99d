import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasControlCharacter, isWellFormed, validateRegistration } from '../src/registration/contract.js';
import { FIXED_FIELDS } from '../src/registration/fields.js';
import { post, testApp, validBody } from './fixtures.js';
import type { RegistrationRow } from './storage.js';

const nested = (depth: number, open: string, close: string, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth);

describe('bodies nested deeper than any request', () => {
  it('answers 422 naming the field for 6 000 nested arrays (12 KB), and stores nothing', async () => {
    const { app, store } = await testApp();
    const body = JSON.stringify(validBody('petit-dej')).replace(/^\{/, `{"a":${nested(6000, '[', ']')},`);
    const res = await post(app, 'petit-dej', body);
    assert.deepEqual(
      [res.status, await res.json()],
      [422, { status: 'error', code: 'invalid', fieldErrors: { a: 'invalid' } }],
    );
    assert.equal((await store.list('petit-dej')).length, 0);
  });

  it('answers 422 naming answers for 5 000 nested objects inside them (30 KB)', async () => {
    const { app } = await testApp();
    const deep = nested(5000, '{"x":', '}');
    const body = JSON.stringify(validBody('petit-dej')).replace('"answers":{}', `"answers":{"q":${deep}}`);
    const res = await post(app, 'petit-dej', body);
    assert.deepEqual([res.status, (await res.json()).fieldErrors], [422, { answers: 'invalid' }]);
  });
});

/** Text columns of a stored row, with whether people read them as names (no control characters allowed). */
function storedTexts(row: RegistrationRow): { text: string; display: boolean }[] {
  const display = new Set(['first_name', 'last_name', 'organisation', 'job_title', 'member_organisation']);
  return Object.entries(row).flatMap(([column, value]) =>
    typeof value === 'string' ? [{ text: value, display: display.has(column) }] : [],
  );
}

/** Any string, lone UTF-16 surrogates, controls and bidirectional overrides included. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom('\u0000', '\u0007', 'Dur\u202Eand', '\uD800', 'camille@société-exemple.fr', 'e\u0301'),
);

describe('arbitrary bodies (property-based)', () => {
  it('never answers 5xx and never stores an invalid body, for any JSON value', async () => {
    const { app, store } = await testApp();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 12 }), async (body) => {
        const before = (await store.list('petit-dej')).length;
        const res = await post(app, 'petit-dej', JSON.stringify(body));
        assert.ok(res.status < 500, `status ${res.status}`);
        if (!validateRegistration(body).success) assert.equal((await store.list('petit-dej')).length, before);
      }),
      { numRuns: 200 },
    );
    assert.equal((await post(app, 'petit-dej', validBody('petit-dej'))).status, 201);
  });

  it('never answers 5xx for any string or JSON value in any field, and stores only well-formed NFC text', async () => {
    const { app, store } = await testApp();
    const fields = [...Object.keys(FIXED_FIELDS), 'eventId', 'answers', 'website', 'elapsedMs'];
    const overrides = fc.dictionary(
      fc.constantFrom(...fields),
      fc.oneof(anyString, fc.jsonValue({ maxDepth: 3 })),
      { maxKeys: fields.length },
    );
    await fc.assert(
      fc.asyncProperty(overrides, async (changes) => {
        const body = { ...validBody('petit-dej'), ...changes };
        const before = (await store.list('petit-dej')).length;
        const res = await post(app, 'petit-dej', body);
        assert.ok(res.status < 500, `status ${res.status}`);
        const rows = await store.list('petit-dej');
        if (!validateRegistration(body).success) assert.equal(rows.length, before);
        for (const { text, display } of rows.flatMap(storedTexts)) {
          assert.ok(isWellFormed(text) && text === text.normalize('NFC'), JSON.stringify(text));
          if (display) assert.ok(!hasControlCharacter(text), JSON.stringify(text));
        }
      }),
      { numRuns: 300 },
    );
    assert.equal((await post(app, 'petit-dej', validBody('petit-dej'))).status, 201);
  });

  it('accepts an internationalized e-mail domain and refuses it again in another case', async () => {
    const { app } = await testApp();
    const first = await post(
      app,
      'petit-dej',
      validBody('petit-dej', { email: 'camille@société-exemple.fr' }),
    );
    const again = await post(
      app,
      'petit-dej',
      validBody('petit-dej', { email: 'Camille@SOCIÉTÉ-exemple.fr' }),
    );
    assert.deepEqual([first.status, again.status], [201, 409]);
  });
});
