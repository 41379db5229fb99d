/** Registrations as CSV for staff (RFC 4180, UTF-8 with a BOM so spreadsheets read the accents). */
import { STORED_FIELDS } from '../src/registration/fields.js';
import type { FieldColumns, RegistrationRow } from './storage.js';

/**
 * Quotes a cell when needed, and defuses spreadsheet formulas: a cell that starts with = + - @ (or a tab or
 * carriage return) would be evaluated by Excel or LibreOffice, so it gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The server's columns, then one per stored fixed field (`fields.ts`), headed by its column name. */
const COLUMNS: readonly (readonly [string, keyof RegistrationRow])[] = [
  ['registration_id', 'id'],
  ['status', 'status'],
  ['waitlist_position', 'position'],
  ['created_at', 'created_at'],
  ...STORED_FIELDS.map((field) => [field.column, field.column as keyof FieldColumns] as const),
];

/** One row per registration; the answers to the event's questions as `answer:<question id>` columns. */
export function registrationsCsv(rows: RegistrationRow[]): string {
  const answers = rows.map((row) => JSON.parse(row.answers) as Record<string, string | boolean>);
  const questionIds = [...new Set(answers.flatMap((a) => Object.keys(a)))].sort();
  const header = [...COLUMNS.map(([name]) => name), ...questionIds.map((id) => `answer:${id}`)];
  const lines = rows.map((row, i) => [
    ...COLUMNS.map(([, key]) => row[key]),
    ...questionIds.map((id) => {
      const answer = answers[i]![id];
      return answer === undefined ? null : typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;
    }),
  ]);
  return '\uFEFF' + [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
