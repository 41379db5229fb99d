/**
 * The feed contract (docs/feed-format.md) as valibot schemas: the single source of truth for validation, for the
 * feed-shaped TypeScript types below and for `dist/feed.schema.json`.
 *
 * Objects are loose (unknown keys pass) so a feed may carry `$schema`, `@type` or future properties without
 * being refused. Checks that JSON Schema cannot express (`v.check`) also have a `regex` twin where possible, so
 * the generated JSON Schema stays useful.
 */
import * as v from 'valibot';
import { isCalendarDate, MemberSchema, NonBlank, SlugSchema, UrlSchema } from './member-schema.js';
import { scheduleProblem, scheduleRuleOf } from '../domain/occurrences.js';
import {
  SCHEMA_ORG_PREFIX,
  schemaOrgName,
  WEEKDAY_TERMS,
  type SchemaOrgValue,
} from '../domain/vocabulary.js';

export { MemberSchema, SlugSchema, UrlSchema, SCHEMA_ORG_PREFIX, schemaOrgName };

// ---------------------------------------------------------------------------------------------------------------
// Scalars

const DATE = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';
const PLAIN_DATE = new RegExp(`^${DATE}$`);
const DATE_TIME = new RegExp(`^${DATE}T${TIME}(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`);
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** `true` for an IANA time zone this runtime knows (`Europe/Paris`), as `Intl` is what will display it. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** `2020-09-29T09:00:00+02:00` (an offset or `Z` is required). */
export const DateTimeSchema = v.pipe(
  v.string(),
  v.regex(DATE_TIME, 'Invalid date-time: expected ISO 8601 with an offset, e.g. 2020-09-29T09:00:00+02:00'),
  v.check(isCalendarDate, 'Invalid date: this day does not exist'),
);

/** `2020-09-29`: a whole day, read in the event's time zone. */
export const PlainDateSchema = v.pipe(
  v.string(),
  v.regex(PLAIN_DATE, 'Invalid date: expected YYYY-MM-DD'),
  v.check(isCalendarDate, 'Invalid date: this day does not exist'),
);

/** A date-time with offset, or a plain date. */
export const DateOrDateTimeSchema = v.pipe(
  v.string(),
  v.regex(
    new RegExp(`^${DATE}(?:T${TIME}(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d))?$`),
    'Invalid date: expected YYYY-MM-DD or an ISO 8601 date-time with an offset, e.g. 2020-09-29T09:00:00+02:00',
  ),
  v.check(isCalendarDate, 'Invalid date: this day does not exist'),
);

/** An IANA time zone such as `Europe/Paris`. */
export const TimeZoneSchema = v.pipe(
  v.string(),
  v.check(isTimeZone, 'Invalid time zone: expected an IANA name such as Europe/Paris'),
  v.description('IANA time zone, e.g. Europe/Paris'),
);

/** `true` for a plain date (`YYYY-MM-DD`), `false` for a date-time. */
export function isPlainDate(value: string): boolean {
  return value.length === 10;
}

/** A schema.org enumeration member, with or without its `https://schema.org/` prefix. */
function schemaOrgEnum<const T extends string>(values: readonly T[]) {
  const options = values.flatMap((value) => [
    value,
    `https://schema.org/${value}`,
    `http://schema.org/${value}`,
  ]);
  return v.picklist(options as SchemaOrgValue<T>[]);
}

/** `startDate`/`endDate` pairs: same kind (both dates or both date-times), and the end not before the start. */
function endAfterStart(input: { startDate?: string | undefined; endDate?: string | undefined }): boolean {
  const { startDate, endDate } = input;
  if (startDate === undefined) return endDate === undefined;
  // A malformed date is reported on its own field; comparing it would only add noise.
  const wellFormed = (date: string) =>
    (PLAIN_DATE.test(date) || DATE_TIME.test(date)) && isCalendarDate(date);
  if (endDate === undefined || !wellFormed(startDate) || !wellFormed(endDate)) return true;
  if (isPlainDate(startDate) !== isPlainDate(endDate)) return false;
  return isPlainDate(startDate) ? endDate >= startDate : Date.parse(endDate) >= Date.parse(startDate);
}
const END_AFTER_START =
  'Invalid endDate: needs a startDate of the same kind (date or date-time) and must not be before it';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

export const OrganizationSchema = v.looseObject({
  name: NonBlank,
  url: v.optional(UrlSchema),
  logo: v.optional(UrlSchema),
});

export const PostalAddressSchema = v.looseObject({
  streetAddress: v.optional(v.string()),
  postalCode: v.optional(v.string()),
  addressLocality: v.optional(v.string()),
  addressCountry: v.optional(v.string()),
});

export const PlaceSchema = v.looseObject({
  '@type': v.literal('Place'),
  name: v.optional(v.string()),
  address: v.optional(PostalAddressSchema),
  geo: v.optional(
    v.looseObject({
      latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
      longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
    }),
  ),
});

export const VirtualLocationSchema = v.looseObject({
  '@type': v.literal('VirtualLocation'),
  name: v.optional(v.string()),
  url: v.optional(UrlSchema),
});

export const LocationSchema = v.variant('@type', [PlaceSchema, VirtualLocationSchema]);

export const SessionSchema = v.pipe(
  v.looseObject({
    name: v.optional(v.string()),
    startDate: DateOrDateTimeSchema,
    endDate: v.optional(DateOrDateTimeSchema),
    location: v.optional(LocationSchema),
  }),
  v.forward(v.partialCheck([['startDate'], ['endDate']], endAfterStart, END_AFTER_START), ['endDate']),
);

export const DAYS = WEEKDAY_TERMS;

export const ScheduleSchema = v.pipe(
  v.looseObject({
    startDate: PlainDateSchema,
    endDate: v.optional(PlainDateSchema),
    repeatFrequency: v.picklist(['P1D', 'P1W', 'P1M']),
    byDay: v.optional(v.array(schemaOrgEnum(DAYS))),
    startTime: v.pipe(v.string(), v.regex(LOCAL_TIME, 'Invalid time: expected HH:mm')),
    endTime: v.optional(v.pipe(v.string(), v.regex(LOCAL_TIME, 'Invalid time: expected HH:mm'))),
    /** With `byDay` on a monthly schedule: the weeks of the month (1 = the first such weekday … 5). */
    byMonthWeek: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)))),
    /** On a monthly schedule: the days of the month. */
    byMonthDay: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31)))),
    exceptDate: v.optional(v.array(PlainDateSchema)),
    scheduleTimezone: v.optional(TimeZoneSchema),
  }),
  v.forward(v.partialCheck([['startDate'], ['endDate']], endAfterStart, END_AFTER_START), ['endDate']),
  // A rule the widgets cannot represent is refused (the event skipped, with this message), never shown wrongly.
  v.check(
    (schedule) => scheduleProblem(scheduleRuleOf(schedule)) === undefined,
    (issue) => scheduleProblem(scheduleRuleOf(issue.input)) ?? 'Unsupported schedule',
  ),
);

export const EVENT_STATUSES = [
  'EventScheduled',
  'EventPostponed',
  'EventRescheduled',
  'EventCancelled',
  'EventMovedOnline',
] as const;

export const ATTENDANCE_MODES = [
  'OfflineEventAttendanceMode',
  'OnlineEventAttendanceMode',
  'MixedEventAttendanceMode',
] as const;

export const AVAILABILITIES = [
  'InStock',
  'SoldOut',
  'LimitedAvailability',
  'PreOrder',
  'Discontinued',
] as const;

export const OfferSchema = v.looseObject({
  price: v.optional(v.pipe(v.number(), v.minValue(0))),
  priceCurrency: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'Invalid currency: expected ISO 4217 (EUR)')),
  ),
  isAccessibleForFree: v.optional(v.boolean()),
  availability: v.optional(schemaOrgEnum(AVAILABILITIES)),
  validFrom: v.optional(DateOrDateTimeSchema),
  validThrough: v.optional(DateOrDateTimeSchema),
  url: v.optional(UrlSchema),
});

export const AudienceSchema = v.looseObject({ audienceType: NonBlank });

export const QuestionSchema = v.pipe(
  v.looseObject({
    id: NonBlank,
    label: NonBlank,
    type: v.picklist(['text', 'choice', 'checkbox']),
    options: v.optional(v.array(NonBlank)),
    required: v.optional(v.boolean()),
  }),
  v.forward(
    v.partialCheck(
      [['type'], ['options']],
      (question) => question.type !== 'choice' || (question.options?.length ?? 0) > 0,
      'Invalid options: a choice question needs at least one option',
    ),
    ['options'],
  ),
);

export const REGISTRATION_MODES = ['inline', 'external', 'closed', 'none'] as const;

/** `mode` defaults to `inline` with an endpoint, `external` with a URL, `none` otherwise. */
export const RegistrationSchema = v.looseObject({
  required: v.optional(v.boolean()),
  mode: v.optional(v.picklist(REGISTRATION_MODES)),
  // Optional even for `inline`: the registration server may fill it in when it serves the feed.
  endpoint: v.optional(UrlSchema),
  url: v.optional(UrlSchema),
  questions: v.optional(v.array(QuestionSchema)),
});

export const ContactSchema = v.looseObject({
  name: v.optional(v.string()),
  telephone: v.optional(v.string()),
  email: v.optional(v.pipe(v.string(), v.email())),
});

export const CATEGORIES = [
  'club',
  'atelier',
  'formation',
  'webinaire',
  'forum',
  'conference',
  'soiree',
  'portes-ouvertes',
  'visite',
  'petit-dejeuner',
  'rencontre',
  'autre',
] as const;

const oneOrMany = <T extends v.GenericSchema>(schema: T) => v.union([schema, v.array(schema)]);
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

// ---------------------------------------------------------------------------------------------------------------
// Items and document

export const EventSchema = v.pipe(
  v.looseObject({
    id: SlugSchema,
    name: NonBlank,
    summary: v.optional(v.string()),
    description: v.optional(v.string()),
    url: v.optional(UrlSchema),
    // Left out while the date is not announced ("date à venir"): the widgets show the event as such.
    startDate: v.optional(DateOrDateTimeSchema),
    endDate: v.optional(DateOrDateTimeSchema),
    timeZone: v.optional(TimeZoneSchema),
    subEvent: v.optional(v.array(SessionSchema)),
    eventSchedule: v.optional(ScheduleSchema),
    eventStatus: v.optional(schemaOrgEnum(EVENT_STATUSES)),
    previousStartDate: v.optional(oneOrMany(DateOrDateTimeSchema)),
    eventAttendanceMode: v.optional(schemaOrgEnum(ATTENDANCE_MODES)),
    location: v.optional(oneOrMany(LocationSchema)),
    organizer: v.optional(oneOrMany(OrganizationSchema)),
    partners: v.optional(v.array(OrganizationSchema)),
    offers: v.optional(OfferSchema),
    isAccessibleForFree: v.optional(v.boolean()),
    maximumAttendeeCapacity: v.optional(Count),
    remainingAttendeeCapacity: v.optional(Count),
    audience: v.optional(oneOrMany(AudienceSchema)),
    membersOnly: v.optional(v.boolean()),
    restriction: v.optional(v.string()),
    inLanguage: v.optional(
      v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'Invalid language: expected a BCP 47 tag')),
    ),
    image: v.optional(v.looseObject({ url: UrlSchema, alt: v.optional(v.string()) })),
    category: v.optional(v.array(v.picklist(CATEGORIES))),
    programme: v.optional(NonBlank),
    registration: v.optional(RegistrationSchema),
    contact: v.optional(ContactSchema),
  }),
  v.forward(v.partialCheck([['startDate'], ['endDate']], endAfterStart, END_AFTER_START), ['endDate']),
);

/** The document's own properties, checked before its items. */
export const FeedHeadEntries = {
  version: v.literal(1),
  publisher: v.optional(OrganizationSchema),
  updated: v.optional(DateTimeSchema),
  privacyPolicyUrl: v.optional(UrlSchema),
};

/** The whole document, strict on every item: what `validate-feed` and `dist/feed.schema.json` describe. */
export const FeedSchema = v.looseObject({
  ...FeedHeadEntries,
  events: v.array(EventSchema),
  members: v.optional(v.array(MemberSchema)),
});

// ---------------------------------------------------------------------------------------------------------------
// Feed-shaped types (as published, after validation)

export type FeedDocument = v.InferOutput<typeof FeedSchema>;
export type FeedEvent = v.InferOutput<typeof EventSchema>;
export type FeedMember = v.InferOutput<typeof MemberSchema>;
export type FeedSession = v.InferOutput<typeof SessionSchema>;
export type FeedSchedule = v.InferOutput<typeof ScheduleSchema>;
export type FeedLocation = v.InferOutput<typeof LocationSchema>;
export type FeedPlace = v.InferOutput<typeof PlaceSchema>;
export type FeedVirtualLocation = v.InferOutput<typeof VirtualLocationSchema>;
export type FeedOrganization = v.InferOutput<typeof OrganizationSchema>;
export type FeedOffer = v.InferOutput<typeof OfferSchema>;
export type FeedRegistration = v.InferOutput<typeof RegistrationSchema>;
export type FeedQuestion = v.InferOutput<typeof QuestionSchema>;
export type EventCategory = (typeof CATEGORIES)[number];
