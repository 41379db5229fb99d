/**
 * schema.org JSON-LD (what CMS event plugins print in their pages) → a version 1 feed document, which `parseFeed`
 * then validates like any feed. Only shapes are adapted here (strings vs objects vs arrays, missing offsets,
 * `@id` references); values are not judged: a bad URL stays bad and is reported by the schema.
 */
import { isObject } from './document.js';
import { DEFAULT_TIME_ZONE } from './normalize.js';
import { localInstant } from './time.js';

// The detection is tiny and read before deciding to load this module.
export { isJsonLd } from './document.js';

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

/** `schema:Event`, `https://schema.org/Event` → `Event`. */
const bareName = (value: string) => value.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, '');

function typesOf(node: JsonObject): string[] {
  return list(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map(bareName);
}

/** A plain string from a string, a `{ "@value" }`, a `{ "@id" }` (enumerations) or the first of an array. */
function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (typeof first === 'number') return String(first);
  if (isObject(first)) return text(first['@value'] ?? first['@id']);
  return undefined;
}

function number(value: unknown): number | undefined {
  const parsed = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

function boolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Drops absent values so the feed document only says what the JSON-LD said. */
function compact(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** `forum-2020`-style id from free text. */
export function slugify(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
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

/**
 * A date as the feed wants it. CMS output often omits the offset (`2020-09-29T09:00`): that local time is read in
 * the network's zone.
 */
function date(value: unknown): string | undefined {
  const raw = text(value)?.trim().replace(' ', 'T');
  const local = raw && /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(raw);
  if (!local) return raw;
  const instant = localInstant(local[1]!, DEFAULT_TIME_ZONE, local[2]);
  return new Date(instant.getTime() + Number(local[3] ?? 0) * 1000).toISOString();
}

function imageUrl(value: unknown): string | undefined {
  const first = list(value)[0];
  return isObject(first) ? text(first.url ?? first.contentUrl) : text(first);
}

class Adapter {
  /** Nodes by `@id`, to follow references such as `"organizer": { "@id": "#org" }`. */
  private readonly nodes = new Map<string, JsonObject>();

  constructor(nodes: JsonObject[]) {
    for (const node of nodes) if (typeof node['@id'] === 'string') this.nodes.set(node['@id'], node);
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
      return /^https?:/.test(node)
        ? { '@type': 'VirtualLocation', url: node }
        : { '@type': 'Place', name: node };
    }
    if (!isObject(node)) return undefined;
    if (typesOf(node).includes('VirtualLocation')) {
      return compact({ '@type': 'VirtualLocation', name: text(node.name), url: text(node.url) });
    }
    const address = this.resolve(node.address);
    const geo = this.resolve(node.geo);
    return compact({
      '@type': 'Place',
      name: text(node.name),
      address: isObject(address)
        ? compact({
            streetAddress: text(address.streetAddress),
            postalCode: text(address.postalCode),
            addressLocality: text(address.addressLocality),
            addressCountry: isObject(address.addressCountry)
              ? text(address.addressCountry.name)
              : text(address.addressCountry),
          })
        : typeof address === 'string'
          ? { streetAddress: address }
          : undefined,
      geo: isObject(geo) ? { latitude: number(geo.latitude), longitude: number(geo.longitude) } : undefined,
    });
  }

  private organization(value: unknown): JsonObject | undefined {
    const node = this.resolve(value);
    if (typeof node === 'string') return { name: node };
    if (!isObject(node)) return undefined;
    return compact({ name: text(node.name), url: text(node.url), logo: imageUrl(this.resolve(node.logo)) });
  }

  private offer(value: unknown): JsonObject | undefined {
    // A page may list several offers (tariffs); the first one is the headline price.
    const node = this.resolve(list(value)[0]);
    if (!isObject(node)) return undefined;
    return compact({
      price: number(node.price),
      priceCurrency: text(node.priceCurrency),
      availability: text(node.availability),
      validFrom: date(node.validFrom),
      validThrough: date(node.validThrough),
      url: text(node.url),
    });
  }

  private schedule(value: unknown): JsonObject | undefined {
    const node = this.resolve(list(value)[0]);
    if (!isObject(node)) return undefined;
    const time = (field: unknown) => text(field)?.slice(0, 5);
    return compact({
      startDate: text(node.startDate)?.slice(0, 10),
      endDate: text(node.endDate)?.slice(0, 10),
      repeatFrequency: text(node.repeatFrequency),
      byDay: node.byDay === undefined ? undefined : list(node.byDay).map(text),
      startTime: time(node.startTime),
      endTime: time(node.endTime),
      exceptDate:
        node.exceptDate === undefined
          ? undefined
          : list(node.exceptDate).map((day) => text(day)?.slice(0, 10)),
      scheduleTimezone: text(node.scheduleTimezone),
    });
  }

  /** One schema.org Event node → one feed event. */
  event(node: JsonObject): JsonObject {
    const name = text(node.name);
    const schedule = this.schedule(node.eventSchedule);
    const startDate = date(node.startDate) ?? (schedule?.startDate as string | undefined);
    const iri = text(node['@id']) ?? text(node.url);
    const offers = this.offer(node.offers);
    const image = list(node.image)[0];
    const locations = list(node.location)
      .map((place) => this.location(place))
      .filter(Boolean);
    const organizers = list(node.organizer)
      .map((org) => this.organization(org))
      .filter(Boolean);
    const audiences = list(node.audience)
      .map((audience) => this.resolve(audience))
      .map((audience) => (isObject(audience) ? text(audience.audienceType) : text(audience)))
      .filter(Boolean)
      .map((audienceType) => ({ audienceType }));
    const language = this.resolve(node.inLanguage);

    return compact({
      id: iri ? idFromIri(iri) : slugify(`${name ?? 'event'} ${startDate?.slice(0, 10) ?? ''}`),
      name,
      summary: text(node.disambiguatingDescription),
      description: text(node.description),
      url: text(node.url),
      startDate,
      endDate: date(node.endDate),
      subEvent:
        node.subEvent === undefined ? undefined : list(node.subEvent).map((part) => this.session(part)),
      eventSchedule: schedule,
      eventStatus: text(node.eventStatus),
      previousStartDate:
        node.previousStartDate === undefined ? undefined : list(node.previousStartDate).map(date),
      eventAttendanceMode: text(node.eventAttendanceMode),
      location: locations.length ? locations : undefined,
      organizer: organizers.length ? organizers : undefined,
      offers,
      isAccessibleForFree: boolean(node.isAccessibleForFree) ?? (offers?.price === 0 ? true : undefined),
      maximumAttendeeCapacity: number(node.maximumAttendeeCapacity),
      remainingAttendeeCapacity: number(node.remainingAttendeeCapacity),
      audience: audiences.length ? audiences : undefined,
      inLanguage: isObject(language) ? text(language.alternateName ?? language.name) : text(language),
      image:
        image === undefined
          ? undefined
          : compact({ url: imageUrl(image), alt: isObject(image) ? text(image.caption) : undefined }),
      // The event's page or ticket office is where people register.
      registration: offers?.url ? { mode: 'external', url: offers.url } : undefined,
    });
  }

  private session(value: unknown): JsonObject | undefined {
    const node = this.resolve(value);
    if (!isObject(node)) return undefined;
    return compact({
      name: text(node.name),
      startDate: date(node.startDate),
      endDate: date(node.endDate),
      location: this.location(list(node.location)[0]),
    });
  }
}

/**
 * A version 1 feed document (not yet validated) from schema.org JSON-LD: an Event, an array of nodes, or
 * `{ "@graph": [...] }`. Nodes that are not events are ignored; `undefined` when there is no event at all.
 */
export function jsonLdToFeed(json: unknown): { version: 1; events: JsonObject[] } | undefined {
  const nodes = (isObject(json) && Array.isArray(json['@graph']) ? json['@graph'] : list(json))
    .flatMap((node) => (isObject(node) && Array.isArray(node['@graph']) ? node['@graph'] : [node]))
    .filter(isObject);
  const adapter = new Adapter(nodes);
  const events = nodes.filter((node) => typesOf(node).some((type) => EVENT_TYPES.has(type)));
  return events.length ? { version: 1, events: events.map((node) => adapter.event(node)) } : undefined;
}
