/**
 * `GET /agenda.ics?category=club&audience=…&members=0`: the agenda as an iCalendar file people subscribe to, from the
 * same feed the widgets read, with the agenda's filters as query parameters (docs/feed-format.md).
 */
import type { Env, Hono } from 'hono';
import { agendaIcs } from '../src/calendar/agenda-ics.js';
import { readSubscriptionQuery } from '../src/calendar/subscription.js';
import type { AppOptions } from './app.js';
import { etagOf, matchesEtag } from './etag.js';

export function registerAgendaIcs<E extends Env>(
  app: Hono<E>,
  options: Pick<AppOptions, 'feed' | 'now'>,
): void {
  const now = options.now ?? (() => new Date());
  app.get('/agenda.ics', async (c) => {
    const query = readSubscriptionQuery(new URL(c.req.url).searchParams);
    if (query.error !== undefined)
      return c.json({ status: 'error', code: 'bad-request', message: query.error }, 400);
    const { feed } = await options.feed.load();
    const body = agendaIcs(feed, query.filter, { now: now() });
    // DTSTAMP changes on every request: the ETag covers the rest, so an unchanged agenda is a 304.
    const etag = etagOf(body.replace(/^DTSTAMP:.*$/gm, ''));
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Content-Disposition', 'inline; filename="agenda.ics"');
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
