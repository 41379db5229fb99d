/**
 * Calendars people subscribe to: the agenda's filters as the query of `/agenda.ics` (written by the agenda's
 * « S'abonner », read by the reference server and by `ra-widgets ics`), the webcal/Google/Outlook subscription
 * links, and the SEQUENCE that lets an update replace an event in subscribers' calendars (RFC 5545 §3.8.7.4).
 */
import type { AgendaEvent, AttendanceMode } from '../feed/model.js';
import type { EventFilter } from '../feed/query.js';

/** The filters a subscription keeps, as the agenda names them. */
export interface SubscriptionFilter {
  /** Any of these categories (slugs). */
  categories: string[];
  /** Any of these programmes. */
  programmes: string[];
  /** Any of these audiences. */
  audiences: string[];
  mode?: AttendanceMode;
  /** `true`: members-only events; `false`: events open to all; absent: both. */
  membersOnly?: boolean;
  /** Words that must all appear (accents and case ignored). */
  text?: string;
}

/** The query parameters, each documented in docs/feed-format.md. */
const PARAMS = {
  categories: 'category',
  programmes: 'programme',
  audiences: 'audience',
  mode: 'mode',
  membersOnly: 'members',
  text: 'q',
} as const;

const MODES: readonly AttendanceMode[] = ['online', 'offline', 'mixed'];

/** Lists are comma-separated (`category=club,atelier`) or repeated (`category=club&category=atelier`). */
function values(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** `?category=club&audience=Dirigeants&members=0` for `filter`, parameters in a stable order. */
export function subscriptionQuery(filter: Partial<SubscriptionFilter>): string {
  const params = new URLSearchParams();
  if (filter.categories?.length) params.set(PARAMS.categories, filter.categories.join(','));
  if (filter.programmes?.length) params.set(PARAMS.programmes, filter.programmes.join(','));
  if (filter.audiences?.length) params.set(PARAMS.audiences, filter.audiences.join(','));
  if (filter.mode) params.set(PARAMS.mode, filter.mode);
  if (filter.membersOnly !== undefined) params.set(PARAMS.membersOnly, filter.membersOnly ? '1' : '0');
  if (filter.text?.trim()) params.set(PARAMS.text, filter.text.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The filter a query asks for, or a message saying which parameter is wrong (for a 400, or the command line).
 *
 * @param query `?category=club…`, `category=club…` or parsed parameters
 */
export function readSubscriptionQuery(
  query: string | URLSearchParams,
): { filter: SubscriptionFilter; error?: undefined } | { error: string; filter?: undefined } {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const known = new Set<string>(Object.values(PARAMS));
  const unknown = [...params.keys()].find((name) => !known.has(name));
  if (unknown !== undefined)
    return { error: `unknown parameter "${unknown}" (known: ${[...known].join(', ')})` };
  const mode = params.get(PARAMS.mode) ?? undefined;
  if (mode !== undefined && !MODES.includes(mode as AttendanceMode))
    return { error: `mode must be one of ${MODES.join(', ')}, not "${mode}"` };
  const members = params.get(PARAMS.membersOnly) ?? undefined;
  if (members !== undefined && members !== '0' && members !== '1')
    return { error: `members must be 1 (members only) or 0 (open to all), not "${members}"` };
  const text = params.get(PARAMS.text)?.trim();
  return {
    filter: {
      categories: values(params, PARAMS.categories),
      programmes: values(params, PARAMS.programmes),
      audiences: values(params, PARAMS.audiences),
      ...(mode && { mode: mode as AttendanceMode }),
      ...(members !== undefined && { membersOnly: members === '1' }),
      ...(text && { text }),
    },
  };
}

/** The same filter for `filterEvents`. */
export function eventFilter(filter: SubscriptionFilter): EventFilter {
  return {
    categories: filter.categories,
    programmes: filter.programmes,
    ...(filter.audiences.length && { audience: filter.audiences }),
    ...(filter.mode && { mode: filter.mode }),
    ...(filter.membersOnly !== undefined && { membersOnly: filter.membersOnly }),
    ...(filter.text && { text: filter.text }),
  };
}

/**
 * SEQUENCE of an event's VEVENTs, from the feed alone so that every server and the command give the same number:
 * two per earlier date (`previousStartDate`), one more while it is postponed or cancelled. Rescheduling, postponing
 * and cancelling each raise it, so subscribers' calendars replace their copy.
 */
export function icsSequence(event: Pick<AgendaEvent, 'previousStartDates' | 'status'>): number {
  const pending = event.status === 'cancelled' || event.status === 'postponed' ? 1 : 0;
  return 2 * event.previousStartDates.length + pending;
}

/** Links that subscribe a calendar application to an `.ics` URL (http or https). */
export interface SubscriptionLinks {
  /** `webcal://…`: the system's calendar application (Apple Calendar, Thunderbird, Outlook desktop). */
  webcal: string;
  /** Google Calendar's "add by URL". */
  google: string;
  /** Outlook.com's "subscribe from web". */
  outlook: string;
}

export function subscriptionLinks(icsUrl: string, name: string): SubscriptionLinks {
  const webcal = icsUrl.replace(/^https?:/i, 'webcal:');
  return {
    webcal,
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(icsUrl)}&name=${encodeURIComponent(name)}`,
  };
}
