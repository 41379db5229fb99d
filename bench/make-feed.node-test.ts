import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../src/feed/parse.js';
import { makeFeed } from './make-feed.js';

describe('bench/make-feed', () => {
  it('generates a feed of the requested size that validates without a single issue', () => {
    const feed = parseFeed(makeFeed(2000), 'generated');
    assert.equal(feed.events.length, 2000);
    assert.deepEqual(feed.issues, []);
  });

  it('generates the same feed for the same count', () => {
    assert.deepEqual(makeFeed(50), makeFeed(50));
  });

  it('varies statuses, sessions and attendance modes like the real agenda', () => {
    const feed = parseFeed(makeFeed(500), 'generated');
    const statuses = new Set(feed.events.map((event) => event.status));
    assert.deepEqual([...statuses].sort(), [
      'cancelled',
      'moved-online',
      'postponed',
      'rescheduled',
      'scheduled',
    ]);
    assert.ok(feed.events.some((event) => event.sessions.length === 3));
    assert.ok(feed.events.some((event) => event.attendanceMode === 'online'));
  });
});
