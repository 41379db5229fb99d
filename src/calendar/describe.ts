/** Plain-text pieces of an event shared by every calendar export (ICS, Google, Outlook): never feed HTML. */
import type { AgendaEvent, Place, Session, VirtualLocation } from '../feed/model.js';

/** Only `http:`/`https:` URLs leave our hands: feed content is untrusted even after validation. */
export function isHttpUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);
}

/** Where a session happens: its own location, else the event's first one. */
export function sessionLocation(event: AgendaEvent, session: Session): Place | VirtualLocation | undefined {
  return session.location ?? event.locations[0];
}

/** One line for a location: place name, street, postal code and city; or the virtual location's URL. */
export function locationText(location: Place | VirtualLocation | undefined): string | undefined {
  if (!location) return undefined;
  if (location.kind === 'virtual') return isHttpUrl(location.url) ? location.url : location.name;
  const { streetAddress, postalCode, addressLocality } = location.address ?? {};
  const city = [postalCode, addressLocality].filter(Boolean).join(' ');
  const text = [location.name, streetAddress, city].filter(Boolean).join(', ');
  return text || undefined;
}

/** A session's title: its own name after the event's, or its rank when the event has several parts. */
export function sessionTitle(event: AgendaEvent, index: number): string {
  const session = event.sessions[index];
  if (session?.name) return `${event.name} – ${session.name}`;
  return event.sessions.length > 1 ? `${event.name} (${index + 1}/${event.sessions.length})` : event.name;
}

/** The summary, then the event's page. */
export function plainDetails(event: AgendaEvent): string {
  return [event.summary?.trim(), isHttpUrl(event.url) ? event.url : undefined].filter(Boolean).join('\n\n');
}
