/**
 * schema.org JSON-LD (what CMS event plugins print in their pages) → a version 1 feed document, which `parseFeed`
 * then validates like any feed. Shapes are adapted here: strings vs objects vs arrays, `@id` references, containers,
 * ISO 8601's other spellings, HTML character references, enumeration prefixes and case. An empty string is an unset
 * field (unknown, never zero or free). A value present but wrong is not judged: a bad URL stays bad and the schema
 * reports it, so the event is skipped with a warning naming it.
 */
import { isObject } from './document.js';
import { decodeCharacterReferences as decodeHTML } from './html-text.js';
import { DEFAULT_TIME_ZONE } from './normalize.js';
import { ATTENDANCE_MODES, AVAILABILITIES, DAYS, EVENT_STATUSES } from './schema.js';
import { slugify } from './slug.js';
import { localInstant } from './time.js';

// The detection is tiny and read before deciding to load this module.
export { isJsonLd } from './document.js';
export { slugify } from './slug.js';

type JsonObject = Record<string, unknown>;

/** The schema.org types whose nodes become events: `Event` and its subtypes. */
const EVENT_TYPES = new Set([
  'Event',
  'BusinessEvent',
  'ChildrensEvent',
  'ComedyEvent',
  'CourseInstance',
  'DanceEvent',
  'DeliveryEvent',
  'EducationEvent',
  'EventSeries',
  'ExhibitionEvent',
  'Festival',
  'FoodEvent',
  'Hackathon',
  'LiteraryEvent',
  'MusicEvent',
  'OnDemandEvent',
  'PublicationEvent',
  'SaleEvent',
  'ScreeningEvent',
  'SocialEvent',
  'SportsEvent',
  'TheaterEvent',
  'VisualArtsEvent',
]);

const list = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** How deep the adapter follows nested values: real pages nest a few levels; a hostile document may nest thousands. */
const MAX_DEPTH = 32;

/** `schema:Event`, `https://schema.org/Event`, `http://schema.org/Event` → `Event`. */
const bareName = (value: string) => value.trim().replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '');

function typesOf(node: JsonObject): string[] {
  return list(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map(bareName);
}

const isEvent = (node: JsonObject) => typesOf(node).some((type) => EVENT_TYPES.has(type));

/**
 * The first value that says something: arrays give their first non-empty member, objects their `@value` (a language
 * string) or `@id` (an enumeration member). Empty and blank strings are unknown, as themes print unset fields as `""`.
 */
function text(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = text(item, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isObject(value)) return text(value['@value'] ?? value['@id'], depth + 1);
  return undefined;
}

/** Plain text: HTML character references decoded (`&amp;`, `&#8211;`, `&eacute;`), as CMS output often carries them. */
function plain(value: unknown): string | undefined {
  const raw = text(value);
  return raw === undefined ? undefined : decodeHTML(raw).trim() || undefined;
}

/**
 * The description is HTML (sanitized when shown). A plugin that escaped its HTML once more (`&lt;p&gt;`) gets it
 * unescaped once; markup that is already HTML is left as is.
 */
function html(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  return !raw.includes('<') && /&lt;\/?[a-z]/i.test(raw) ? decodeHTML(raw) : raw;
}

/** A number from a number or a numeric string (`"12,50"`); an empty string is unknown, never zero. */
function number(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined || !/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(raw)) return undefined;
  return Number(raw.replace(',', '.'));
}

function boolean(value: unknown): boolean | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw === 'boolean') return raw;
  const word = text(raw)?.toLowerCase();
  if (word === 'true' || word === 'false') return word === 'true';
  return undefined;
}

/**
 * An enumeration member as the schema knows it (`EventCancelled`), whatever its prefix (`schema:`, http or https)
 * and case (`inStock` from The Events Calendar); `aliases` map names the schema lacks. An unknown member is kept
 * for the schema to report.
 */
function enumeration(value: unknown, known: readonly string[], aliases: Record<string, string> = {}) {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const name = bareName(raw);
  const lower = name.toLowerCase();
  return known.find((member) => member.toLowerCase() === lower) ?? aliases[lower] ?? raw;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', $: 'USD', CHF: 'CHF' };

function currency(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  return CURRENCY_SYMBOLS[raw] ?? (/^[a-z]{3}$/i.test(raw) ? raw.toUpperCase() : raw);
}

/** Drops absent values so the feed document only says what the JSON-LD said. */
function compact(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** `compact`, or `undefined` when nothing is left. */
function compactOrNothing(object: JsonObject): JsonObject | undefined {
  const kept = compact(object);
  return Object.keys(kept).length ? kept : undefined;
}

/** An id from an `@id` or a URL: its path, query and fragment (the host is the same for a whole site). */
function idFromIri(iri: string): string {
  try {
    const url = new URL(iri);
    return slugify(`${url.pathname}${url.search}${url.hash}`) || slugify(url.hostname);
  } catch {
    return slugify(iri);
  }
}

// ISO 8601 in its extended (`2020-09-29T09:00:00+02:00`) and basic (`20200929T090000+0200`) formats, with a space
// for the `T` and a zone abbreviation after the offset as Go (Hugo) and Ruby (Jekyll) print dates by default.
const ISO_DATE_TIME =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[Tt ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?(?: ?([Zz]|[+-]\d{2}(?::?\d{2})?)(?: [A-Z]{2,5})?)?$/;

/**
 * A date as the feed wants it: `YYYY-MM-DD`, or a date-time with an offset. A date-time without an offset is a local
 * time in the network's zone. What is not ISO 8601 is returned as written, for the schema to report.
 */
export function isoDate(value: unknown): string | undefined {
  const raw = text(value);
  const match = raw === undefined ? null : ISO_DATE_TIME.exec(raw);
  if (!match) return raw;
  const [, year, month, day, hour, minute, second = '00', fraction, offset] = match;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined) return offset === undefined ? date : raw;
  const time = `${hour}:${minute}:${second}${fraction ? `.${fraction}` : ''}`;
  if (offset === undefined) {
    const instant = localInstant(date, DEFAULT_TIME_ZONE, `${hour}:${minute}`);
    return new Date(instant.getTime() + Number(second) * 1000).toISOString().replace('.000Z', 'Z');
  }
  if (/^z$/i.test(offset)) return `${date}T${time}Z`;
  const digits = offset.replace(':', '');
  return `${date}T${time}${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;
const START = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The `endDate` a schema.org `duration` (ISO 8601: `PT1H30M`, `P1D`) gives an event with an `isoDate` start and no
 * end: a date-time ends that much later, in the start's offset; an all-day event lasts its whole days (`P3D`: the
 * last day is two after the first; `P1D`: one day, no end). `undefined` when either cannot be read.
 */
function endFromDuration(start: string | undefined, duration: string | undefined): string | undefined {
  const length = duration === undefined ? null : DURATION.exec(duration);
  const from = start === undefined ? null : START.exec(start);
  // `P` or `PT` alone says nothing.
  if (!length?.slice(1).some(Boolean) || !from) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = length.slice(1).map((n) => Number(n ?? 0));
  const [year, month, day, hour, minute, second] = from.slice(1, 7).map((n) => Number(n ?? 0));
  const offset = from[7];
  const wall = Date.UTC(
    year! + years!,
    month! - 1 + months!,
    day! + weeks! * 7 + days!,
    hour! + hours!,
    minute! + minutes!,
    second! + seconds!,
  );
  if (offset === undefined) {
    // A time of day is no part of an all-day event.
    if (hours || minutes || seconds) return undefined;
    const last = new Date(wall - 86_400_000).toISOString().slice(0, 10);
    return last > start! ? last : undefined;
  }
  return `${new Date(wall).toISOString().slice(0, 19)}${offset}`;
}

function imageUrl(value: unknown): string | undefined {
  for (const item of list(value)) {
    const url = isObject(item) ? text(item.url ?? item.contentUrl) : text(item);
    if (url !== undefined) return url;
  }
  return undefined;
}

/** `schema:name`, `http://schema.org/name` → `name`, through the whole tree (bounded), so one spelling is read. */
function withBareKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => withBareKeys(item, depth + 1));
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key.startsWith('@') ? key : bareName(key),
      key === '@context' ? item : withBareKeys(item, depth + 1),
    ]),
  );
}

/**
 * Every node of the document, and its events: events may sit at the top, in an array, in (nested) `@graph`s, or in
 * a container (`ItemList` → `ListItem.item`, `WebPage.mainEntity`, an organisation's `event`). An event's own
 * properties are not searched for more events: its `subEvent`s are its sessions.
 */
function walk(json: unknown): { nodes: JsonObject[]; events: JsonObject[] } {
  const nodes: JsonObject[] = [];
  const events = new Set<JsonObject>();
  const visit = (value: unknown, depth: number, insideEvent: boolean) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1, insideEvent);
      return;
    }
    if (!isObject(value)) return;
    nodes.push(value);
    const event = !insideEvent && isEvent(value);
    if (event) events.add(value);
    for (const [key, item] of Object.entries(value))
      if (key !== '@context') visit(item, depth + 1, insideEvent || event);
  };
  visit(json, 0, false);
  return { nodes, events: [...events] };
}

const UNAVAILABLE = { outofstock: 'SoldOut', soldout: 'SoldOut' };

class Adapter {
  /** Nodes by `@id`, to follow references such as `"organizer": { "@id": "#org" }`. */
  private readonly nodes = new Map<string, JsonObject>();

  constructor(nodes: JsonObject[]) {
    // The fullest description of a node wins over a bare reference to it.
    for (const node of nodes) {
      const id = node['@id'];
      if (typeof id !== 'string') continue;
      const known = this.nodes.get(id);
      if (!known || Object.keys(node).length > Object.keys(known).length) this.nodes.set(id, node);
    }
  }

  private resolve(value: unknown): unknown {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return this.nodes.get(value['@id']) ?? value;
    }
    return value;
  }

  private location(value: unknown): JsonObject | undefined {
    const node = this.resolve(value);
    if (typeof node === 'string') {
      const name = plain(node);
      if (name === undefined) return undefined;
      return /^https?:/.test(name) ? { '@type': 'VirtualLocation', url: name } : { '@type': 'Place', name };
    }
    if (!isObject(node)) return undefined;
    if (typesOf(node).includes('VirtualLocation')) {
      return compact({ '@type': 'VirtualLocation', name: plain(node.name), url: text(node.url) });
    }
    const place = compactOrNothing({
      name: plain(node.name),
      address: this.address(node.address),
      geo: this.geo(node.geo),
    });
    return place && { '@type': 'Place', ...place };
  }

  private address(value: unknown): JsonObject | undefined {
    const address = this.resolve(Array.isArray(value) ? value[0] : value);
    if (!isObject(address)) {
      const street = plain(address);
      return street === undefined ? undefined : { streetAddress: street };
    }
    const country = this.resolve(address.addressCountry);
    return compactOrNothing({
      streetAddress: plain(address.streetAddress),
      postalCode: plain(address.postalCode),
      addressLocality: plain(address.addressLocality),
      addressCountry: isObject(country) ? plain(country.name ?? country['@id']) : plain(country),
    });
  }

  private geo(value: unknown): JsonObject | undefined {
    const geo = this.resolve(Array.isArray(value) ? value[0] : value);
    if (!isObject(geo)) return undefined;
    const latitude = number(geo.latitude);
    const longitude = number(geo.longitude);
    // One coordinate alone places nothing.
    return latitude === undefined || longitude === undefined ? undefined : { latitude, longitude };
  }

  private organization(value: unknown): JsonObject | undefined {
    const node = this.resolve(value);
    if (!isObject(node)) {
      const name = plain(node);
      return name === undefined ? undefined : { name };
    }
    const name = plain(node.name);
    // A nameless organizer (an unset field printed as `{"name": ""}`) says nothing.
    if (name === undefined) return undefined;
    return compact({ name, url: text(node.url), logo: imageUrl(this.resolve(node.logo)) });
  }

  private offer(value: unknown): JsonObject | undefined {
    // A page may list several offers (tariffs); the first one that says something is the headline price.
    for (const item of list(value)) {
      const node = this.resolve(item);
      if (!isObject(node)) continue;
      const offer = compactOrNothing({
        price: number(node.price),
        priceCurrency: currency(node.priceCurrency),
        availability: enumeration(node.availability, AVAILABILITIES, UNAVAILABLE),
        validFrom: isoDate(node.validFrom),
        validThrough: isoDate(node.validThrough),
        url: text(node.url),
      });
      if (offer) return offer;
    }
    return undefined;
  }

  private schedule(value: unknown): JsonObject | undefined {
    const node = this.resolve(list(value)[0]);
    if (!isObject(node)) return undefined;
    const time = (field: unknown) => text(field)?.slice(0, 5);
    const day = (field: unknown) => isoDate(field)?.slice(0, 10);
    return compactOrNothing({
      startDate: day(node.startDate),
      endDate: day(node.endDate),
      repeatFrequency: text(node.repeatFrequency),
      byDay: node.byDay === undefined ? undefined : list(node.byDay).map((d) => enumeration(d, DAYS)),
      startTime: time(node.startTime),
      endTime: time(node.endTime),
      exceptDate: node.exceptDate === undefined ? undefined : list(node.exceptDate).map(day),
      scheduleTimezone: text(node.scheduleTimezone),
    });
  }

  private image(value: unknown): JsonObject | undefined {
    const images = list(value).map((item) => this.resolve(item));
    const url = imageUrl(images);
    if (url === undefined) return undefined;
    const object = images.find((item) => isObject(item) && imageUrl(item) === url);
    return compact({ url, alt: isObject(object) ? plain(object.caption ?? object.name) : undefined });
  }

  /** One schema.org Event node → one feed event. */
  event(node: JsonObject): JsonObject {
    const name = plain(node.name);
    const schedule = this.schedule(node.eventSchedule);
    const startDate = isoDate(node.startDate) ?? (schedule?.startDate as string | undefined);
    const iri = text(node['@id']) ?? text(node.url);
    const offers = this.offer(node.offers);
    const locations = list(node.location)
      .map((place) => this.location(place))
      .filter(Boolean);
    const organizers = list(node.organizer)
      .map((org) => this.organization(org))
      .filter(Boolean);
    const audiences = list(node.audience)
      .map((audience) => this.resolve(audience))
      .map((audience) => (isObject(audience) ? plain(audience.audienceType) : plain(audience)))
      .filter(Boolean)
      .map((audienceType) => ({ audienceType }));
    const language = this.resolve(Array.isArray(node.inLanguage) ? node.inLanguage[0] : node.inLanguage);
    const sessions = list(node.subEvent)
      .map((part) => this.session(part))
      .filter(Boolean);
    const previous = list(node.previousStartDate).map(isoDate).filter(Boolean);

    return compact({
      id: iri ? idFromIri(iri) : slugify(`${name ?? 'event'} ${startDate?.slice(0, 10) ?? ''}`),
      name,
      summary: plain(node.disambiguatingDescription),
      description: html(node.description),
      url: text(node.url),
      startDate,
      endDate: isoDate(node.endDate) ?? endFromDuration(startDate, text(node.duration)),
      subEvent: sessions.length ? sessions : undefined,
      eventSchedule: schedule,
      eventStatus: enumeration(node.eventStatus, EVENT_STATUSES),
      previousStartDate: previous.length ? previous : undefined,
      eventAttendanceMode: enumeration(node.eventAttendanceMode, ATTENDANCE_MODES),
      location: locations.length ? locations : undefined,
      organizer: organizers.length ? organizers : undefined,
      offers,
      isAccessibleForFree: boolean(node.isAccessibleForFree) ?? (offers?.price === 0 ? true : undefined),
      maximumAttendeeCapacity: number(node.maximumAttendeeCapacity),
      remainingAttendeeCapacity: number(node.remainingAttendeeCapacity),
      audience: audiences.length ? audiences : undefined,
      inLanguage: isObject(language) ? text(language.alternateName ?? language.name) : text(language),
      image: this.image(node.image),
      // The event's page or ticket office is where people register.
      registration: offers?.url ? { mode: 'external', url: offers.url } : undefined,
    });
  }

  private session(value: unknown): JsonObject | undefined {
    const node = this.resolve(value);
    if (!isObject(node)) return undefined;
    const startDate = isoDate(node.startDate);
    return compact({
      name: plain(node.name),
      startDate,
      endDate: isoDate(node.endDate) ?? endFromDuration(startDate, text(node.duration)),
      location: this.location(list(node.location)[0]),
    });
  }
}

/**
 * A version 1 feed document (not yet validated) from schema.org JSON-LD: an Event, an array of nodes, `@graph`s
 * (nested too), or containers holding events (`ItemList`, `WebPage`…). Nodes that are not events are ignored;
 * `undefined` when there is no event at all. Never throws: what it cannot adapt is left for the schema to report.
 */
export function jsonLdToFeed(json: unknown): { version: 1; events: JsonObject[] } | undefined {
  const { nodes, events } = walk(withBareKeys(json));
  if (events.length === 0) return undefined;
  const adapter = new Adapter(nodes);
  // The same event printed twice (a page's `@graph` and its `ItemList`) is one event.
  const seen = new Set<string>();
  const unique = events.filter((node) => {
    const id = text(node['@id']);
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { version: 1, events: unique.map((node) => adapter.event(node)) };
}
