/**
 * The members' part of the feed contract, and the scalars it shares with the events: kept apart from `schema.ts`
 * so that reading members (the badge) does not load the event schema. `schema.ts` re-exports it.
 */
import * as v from 'valibot';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// No whitespace or control character anywhere: " javascript:", "java\tscript:" and friends cannot start with
// "http", and a URL with raw whitespace is a copy-paste accident anyway. No flags: JSON Schema has none.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const HTTP_URL = /^https?:\/\/[^\s\u0000-\u001F\u007F/?#]+(?:[/?#][^\s\u0000-\u001F\u007F]*)?$/;
const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const HOST_NAME =
  /^(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)$/;

/** `true` when `date` (`YYYY-MM-DD…`) names a day that exists: the regex lets 2021-02-30 through. */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (value.length === 4) return true;
  if (day === undefined) return month! >= 1 && month! <= 12;
  const date = new Date(Date.UTC(year!, month! - 1, day));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

/** An absolute `http:`/`https:` URL; anything else (`javascript:`, `data:`, `//host`) is refused. */
export const UrlSchema = v.pipe(
  v.string(),
  v.regex(HTTP_URL, 'Invalid URL: expected an absolute http(s) URL'),
  v.url('Invalid URL: expected an absolute http(s) URL'),
);

export const NonBlank = v.pipe(v.string(), v.regex(/\S/, 'Invalid value: must not be blank'));

/** A stable identifier: lower-case letters, digits and single dashes. */
export const SlugSchema = v.pipe(
  v.string(),
  v.regex(SLUG, 'Invalid id: expected a slug of lower-case letters, digits and dashes (e.g. "forum-2020")'),
);

export const MemberSchema = v.looseObject({
  id: SlugSchema,
  name: NonBlank,
  status: v.picklist(['active', 'lapsed']),
  memberSince: v.optional(
    v.pipe(
      v.string(),
      v.regex(PARTIAL_DATE, 'Invalid memberSince: expected YYYY, YYYY-MM or YYYY-MM-DD'),
      v.check(isCalendarDate, 'Invalid date: this day does not exist'),
    ),
  ),
  city: v.optional(v.string()),
  sector: v.optional(v.string()),
  description: v.optional(v.string()),
  url: v.optional(UrlSchema),
  website: v.optional(UrlSchema),
  logo: v.optional(UrlSchema),
  domains: v.optional(
    v.array(v.pipe(v.string(), v.regex(HOST_NAME, 'Invalid domain: expected a host name'))),
  ),
});
