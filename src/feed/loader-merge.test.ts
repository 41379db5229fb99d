import { expect } from '@open-wc/testing';
import { makeEvent } from '../../test/helpers/agenda-event.js';
import { feedUrls } from './loader.js';
import { mergeFeeds } from './loader-merge.js';
import type { AgendaEvent, Feed } from './model.js';

const feed = (events: AgendaEvent[], name?: string): Feed => ({
  version: 1,
  ...(name && { publisher: { name } }),
  events,
  members: [],
  issues: [],
});

describe('feedUrls', () => {
  it('splits a feed attribute on white space', () => {
    expect(feedUrls(' a.json\n b.ics ')).to.deep.equal(['a.json', 'b.ics']);
  });
});

describe('mergeFeeds', () => {
  it('keeps one event published by two sources under the same URL', () => {
    const merged = mergeFeeds([
      { url: 'a.json', feed: feed([makeEvent({ id: 'forum', url: 'https://x.example/forum/' })]) },
      { url: 'b.ics', feed: feed([makeEvent({ id: 'uid-123', url: 'https://x.example/forum#top' })]) },
    ]);
    expect(merged.events.map((event) => event.id)).to.deep.equal(['forum']);
  });

  it('keeps one event published by two sources under the same id (an iCalendar UID of ours)', () => {
    const merged = mergeFeeds([
      { url: 'a.json', feed: feed([makeEvent({ id: 'forum', url: undefined })]) },
      { url: 'b.ics', feed: feed([makeEvent({ id: 'forum', url: undefined })]) },
    ]);
    expect(merged.events).to.have.length(1);
  });

  it('keeps two different events that happen to share an id, under two ids', () => {
    const merged = mergeFeeds([
      { url: 'a.json', feed: feed([makeEvent({ id: 'forum', url: 'https://a.example/forum' })]) },
      { url: 'b.json', feed: feed([makeEvent({ id: 'forum', url: 'https://b.example/forum' })]) },
    ]);
    expect(merged.events.map((event) => event.id)).to.deep.equal(['forum', 'forum-2']);
  });

  it('says where each event comes from', () => {
    const merged = mergeFeeds([{ url: 'b.ics', feed: feed([makeEvent()], 'Club Exemple') }]);
    expect(merged.events[0]?.source).to.deep.equal({ url: 'b.ics', name: 'Club Exemple' });
  });

  it('names a failed source with its error', () => {
    const error = new Error('HTTP 404');
    const merged = mergeFeeds([
      { url: 'a.json', feed: feed([makeEvent()]) },
      { url: 'b.ics', error },
    ]);
    expect(merged.sources).to.deep.equal([{ url: 'a.json' }, { url: 'b.ics', error }]);
  });
});
