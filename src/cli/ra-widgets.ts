/**
 * `ra-widgets`: command-line tools for the people who publish the feed.
 *
 *   ra-widgets validate-feed <file-or-url> [--json]
 *   ra-widgets ics <file-or-url> [filters] > agenda.ics
 *
 * Exit codes: 0 the feed is valid, 1 the feed has problems (or cannot be read), 2 the command line is wrong.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Feed, FeedIssue } from '../feed/model.js';
import { FeedError, parseFeedText } from '../feed/parse.js';
import { ICS_USAGE, icsCommand } from './ics-command.js';
import { checkMembersSignature } from './members-signature-check.js';
import { readSource } from './read-source.js';

const USAGE = `Usage: ra-widgets validate-feed <file-or-url> [--json]

Checks a Réseau Alliances feed (version 1, schema.org JSON-LD or iCalendar) against docs/feed-format.md and prints
every problem with where it is: what would be left out of the agenda, and why.

Options:
  --json      print one JSON object instead of text
  -h, --help  show this help

Exit codes: 0 valid, 1 problems found or feed unreadable, 2 usage error.

${ICS_USAGE}`;

/** What one validation found; `--json` prints it as is. */
interface Report {
  source: string;
  ok: boolean;
  /** Valid events, shown by the widgets. */
  events: number;
  /** Events left out for a problem. */
  skippedEvents: number;
  members: number;
  skippedMembers: number;
  problems: FeedIssue[];
  /** What the members signature is worth (docs/member-badges.md), when the feed has members. */
  membersSignature?: string;
  /** Set when the document as a whole could not be read. */
  error?: { reason: string; message: string };
}

/**
 * Where broken JSON breaks, as editors show it: `line 3, column 12: colon expected`. Node's own message gives no
 * position for many errors.
 */
function jsonErrorAt(text: string): string | undefined {
  const errors: ParseError[] = [];
  parseJsonc(text.replace(/^\uFEFF/, ''), errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return undefined;
  const lines = text.slice(0, first.offset).split(/\r\n|\r|\n/);
  const what = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `line ${lines.length}, column ${lines.at(-1)!.length + 1}: ${what}`;
}

async function validate(source: string): Promise<Report> {
  let text = '';
  try {
    let contentType: string | undefined;
    ({ text, contentType } = await readSource(source));
    const feed = parseFeedText(text, source, contentType, { warn: false });
    const signature = await checkMembersSignature(text, source);
    const problems = [...feed.issues, ...(signature?.problems ?? [])];
    return {
      source,
      ok: problems.length === 0,
      events: feed.events.length,
      skippedEvents: skipped(feed, 'events'),
      members: feed.members.length,
      skippedMembers: skipped(feed, 'members'),
      problems,
      ...(signature && { membersSignature: signature.note }),
    };
  } catch (error) {
    const reason = error instanceof FeedError ? error.reason : 'unreadable';
    const at = reason === 'not-json' ? jsonErrorAt(text) : undefined;
    const message =
      error instanceof FeedError
        ? at
          ? `Cannot read the feed ${source}: the response is not valid JSON (${at}).`
          : error.message
        : `Cannot read ${source}: ${(error as Error).message}`;
    return {
      source,
      ok: false,
      events: 0,
      skippedEvents: 0,
      members: 0,
      skippedMembers: 0,
      problems: [{ path: '$', message }],
      error: { reason, message },
    };
  }
}

/** How many items of `kind` were left out: the distinct items the problems point at. */
function skipped(feed: Feed, kind: 'events' | 'members'): number {
  const items = new Set<string>();
  for (const issue of feed.issues) {
    const item = new RegExp(`^\\$\\.${kind}\\[(\\d+)\\]`).exec(issue.path)?.[1];
    if (item !== undefined) items.add(item);
  }
  return items.size;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `30 events` when none was left out, `30 of 31 events valid (1 skipped)` otherwise. */
function counted(valid: number, left: number, word: string): string {
  return left === 0
    ? plural(valid, word)
    : `${valid} of ${plural(valid + left, word)} valid (${left} skipped)`;
}

function printText(report: Report): void {
  for (const problem of report.problems) {
    const id = problem.id ? ` (${problem.id})` : '';
    console.log(`✗ ${problem.path}${id}: ${problem.message}`);
  }
  if (report.membersSignature) console.log(`· ${report.membersSignature}`);
  const summary = [
    counted(report.events, report.skippedEvents, 'event'),
    counted(report.members, report.skippedMembers, 'member'),
    plural(report.problems.length, 'problem'),
  ].join(', ');
  console.log(`${report.ok ? '✓' : '✗'} ${report.source}: ${summary}`);
}

/** Runs the command line `args` (without `node` and the script) and returns the exit code. */
async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...rest] = args;
  if (command === 'ics') return icsCommand(rest);
  const json = rest.includes('--json');
  const operands = rest.filter((arg) => arg !== '--json');
  const unknown = operands.find((arg) => arg.startsWith('-'));
  let problem: string | undefined;
  if (command !== 'validate-feed') problem = command ? `unknown command "${command}"` : 'missing command';
  else if (unknown) problem = `unknown option "${unknown}"`;
  else if (operands.length !== 1)
    problem = operands.length ? 'one file or URL at a time' : 'missing <file-or-url>';
  if (problem) {
    console.error(`ra-widgets: ${problem}\n\n${USAGE}`);
    return 2;
  }

  const report = await validate(operands[0]!);
  if (json) console.log(JSON.stringify(report, null, 2));
  else printText(report);
  return report.ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
