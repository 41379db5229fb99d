/**
 * The availability table (test/fixtures/availability-table.ts) through the server: each row's feed is served by the
 * Hono app in-process at the table's clock, and a valid registration gets the HTTP status and body the row says,
 * the same decision the card, the form and the JSON-LD show (`availability-table.test.ts`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../src/feed/parse.js';
import { post, testApp, validBody } from '../server/fixtures.js';
import { availabilityTable, tableFeed, TABLE_MEMBER, TABLE_NOW } from './fixtures/availability-table.js';

describe('registration availability table, on the server', () => {
  for (const row of availabilityTable) {
    it(`${row.name}: ${row.server.status} ${JSON.stringify(row.server.body)}`, async () => {
      const document = tableFeed(row);
      const feed = parseFeed(document, 'availability table', { warn: false });
      const { app } = testApp({
        feed: { load: async () => ({ document, feed }) },
        now: () => new Date(TABLE_NOW),
      });
      const [event] = feed.events;
      assert.ok(event, `the row's feed has a valid event`);
      const response = await post(
        app,
        event.id,
        validBody(event.id, { memberOrganisation: TABLE_MEMBER.name }),
      );
      assert.equal(response.status, row.server.status);
      const { registrationId: _id, eventId: _event, ...body } = await response.json();
      assert.deepEqual(body, row.server.body);
    });
  }
});
