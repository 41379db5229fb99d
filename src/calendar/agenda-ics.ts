/**
 * The agenda as a calendar to subscribe to: what the reference server publishes at `/agenda.ics` and what
 * `ra-widgets ics` writes, from the same feed and filters, so both give the same file.
 */
import { isDated, type Feed } from '../feed/model.js';
import { filterEvents } from '../feed/query.js';
import { buildIcs } from './ics.js';
import { eventFilter, icsSequence, type SubscriptionFilter } from './subscription.js';

export interface AgendaIcsOptions {
  /** DTSTAMP: when the file is written. */
  now: Date;
  /** The calendar's name in subscribers' applications; default: the feed's publisher. */
  name?: string;
}

/**
 * Every dated event of `feed` matching `filter` (past ones too: a subscribed calendar keeps its history), cancelled
 * ones as STATUS:CANCELLED, with stable UIDs and a SEQUENCE that rises when an event is moved or cancelled.
 */
export function agendaIcs(feed: Feed, filter: SubscriptionFilter, options: AgendaIcsOptions): string {
  const events = filterEvents(feed.events.filter(isDated), eventFilter(filter)).filter(isDated);
  const name = options.name ?? feed.publisher?.name;
  return buildIcs(events, { now: options.now, sequence: icsSequence, ...(name && { name }) });
}
