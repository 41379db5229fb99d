/**
 * `ra-widgets`: command-line tools for the people who publish the feed.
 *
 *   ra-widgets validate-feed <file-or-url> [--json]
 *
 * Exit codes: 0 the feed is valid, 1 the feed has problems (or cannot be read), 2 the command line is wrong.
 */
import { readFile } from 'node:fs/promises';
import type { FeedIssue } from '../feed/model.js';
import { FeedError, parseFeedText } from '../feed/parse.js';
import { checkMembersSignature } from './members-signature-check.js';

const USAGE = `Usage: ra-widgets validate-feed <file-or-url> [--json]

Checks a Réseau Alliances feed (version 1, or schema.org JSON-LD) against docs/feed-format.md and prints every
problem with its JSON path.

Options:
  --json      print one JSON object instead of text
  -h, --help  show this help

Exit codes: 0 valid, 1 problems found or feed unreadable, 2 usage error.`;

const FETCH_TIMEOUT_MS = 15_000;

/** What one validation found; `--json` prints it as is. */
interface Report {
  source: string;
  ok: boolean;
  events: number;
  members: number;
  problems: FeedIssue[];
  /** What the members signature is worth (docs/member-badges.md), when the feed has members. */
  membersSignature?: string;
  /** Set when the document as a whole could not be read. */
  error?: { reason: string; message: string };
}

async function readSource(source: string): Promise<{ text: string; contentType?: string }> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new FeedError(source, timedOut ? 'timeout' : 'network', (error as Error).message, {
        cause: error,
      });
    }
    if (!response.ok)
      throw new FeedError(source, 'http', `HTTP ${response.status} ${response.statusText}`.trim());
    return { text: await response.text(), contentType: response.headers.get('content-type') ?? undefined };
  }
  return { text: await readFile(source, 'utf8') };
}

async function validate(source: string): Promise<Report> {
  try {
    const { text, contentType } = await readSource(source);
    const feed = parseFeedText(text, source, contentType, { warn: false });
    const signature = await checkMembersSignature(text, source);
    const problems = [...feed.issues, ...(signature?.problems ?? [])];
    return {
      source,
      ok: problems.length === 0,
      events: feed.events.length,
      members: feed.members.length,
      problems,
      ...(signature && { membersSignature: signature.note }),
    };
  } catch (error) {
    const reason = error instanceof FeedError ? error.reason : 'unreadable';
    const message =
      error instanceof FeedError ? error.message : `Cannot read ${source}: ${(error as Error).message}`;
    return {
      source,
      ok: false,
      events: 0,
      members: 0,
      problems: [{ path: '$', message }],
      error: { reason, message },
    };
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function printText(report: Report): void {
  for (const problem of report.problems) {
    const id = problem.id ? ` (${problem.id})` : '';
    console.log(`✗ ${problem.path}${id}: ${problem.message}`);
  }
  if (report.membersSignature) console.log(`· ${report.membersSignature}`);
  const summary = `${plural(report.events, 'event')}, ${plural(report.members, 'member')}, ${plural(report.problems.length, 'problem')}`;
  console.log(`${report.ok ? '✓' : '✗'} ${report.source}: ${summary}`);
}

/** Runs the command line `args` (without `node` and the script) and returns the exit code. */
async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...rest] = args;
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
