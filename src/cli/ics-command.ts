/**
 * `ra-widgets ics <feed> [filters]`: the agenda as an iCalendar file for staff who publish statically, the same
 * file the reference server publishes at `/agenda.ics` with the same filters.
 */
import { parseArgs } from 'node:util';
import { agendaIcs } from '../calendar/agenda-ics.js';
import { readSubscriptionQuery } from '../calendar/subscription.js';
import { FeedError, parseFeedText } from '../feed/parse.js';
import { readSource } from './read-source.js';

export const ICS_USAGE = `Usage: ra-widgets ics <file-or-url> [filters] > agenda.ics

Writes the feed (version 1, schema.org JSON-LD or iCalendar) as an iCalendar file to subscribe to.

Filters (as on /agenda.ics; lists are comma-separated):
  --category club,atelier    --programme "Cycle Habiter"    --audience Dirigeants
  --mode online|offline|mixed    --members 1 (members only) | 0 (open to all)    --q words
  --name "Agenda du réseau"  the calendar's name (default: the feed's publisher)
  --now 2020-09-01T00:00:00Z  the DTSTAMP (default: now)`;

const FILTERS = ['category', 'programme', 'audience', 'mode', 'members', 'q'] as const;

/** Runs `ics` with its arguments (after the command name); returns the exit code. */
export async function icsCommand(args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        ...Object.fromEntries(FILTERS.map((name) => [name, { type: 'string' as const }])),
        name: { type: 'string' },
        now: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`ra-widgets: ${(error as Error).message}\n\n${ICS_USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed as {
    positionals: string[];
    values: Record<string, string | undefined>;
  };
  if (positionals.length !== 1) {
    console.error(
      `ra-widgets: ${positionals.length ? 'one feed at a time' : 'missing <file-or-url>'}\n\n${ICS_USAGE}`,
    );
    return 2;
  }
  const params = new URLSearchParams();
  for (const name of FILTERS) if (values[name] !== undefined) params.set(name, values[name]!);
  const query = readSubscriptionQuery(params);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (query.error !== undefined || Number.isNaN(now.getTime())) {
    console.error(`ra-widgets: ${query.error ?? `--now is not a date: "${values.now}"`}\n\n${ICS_USAGE}`);
    return 2;
  }

  const source = positionals[0]!;
  try {
    const { text, contentType } = await readSource(source);
    const feed = parseFeedText(text, source, contentType, { warn: false });
    for (const issue of feed.issues)
      console.error(
        `ra-widgets: left out ${issue.path}${issue.id ? ` (${issue.id})` : ''}: ${issue.message}`,
      );
    process.stdout.write(agendaIcs(feed, query.filter, { now, ...(values.name && { name: values.name }) }));
    return 0;
  } catch (error) {
    console.error(
      error instanceof FeedError ? error.message : `Cannot read ${source}: ${(error as Error).message}`,
    );
    return 1;
  }
}
