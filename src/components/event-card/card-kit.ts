/**
 * The card kit: the state and actions of event cards (details open, description loaded, link copied, calendar
 * menu, register, focus), held by one controller for a standalone `<ra-event-card>` or for every card of an
 * `<ra-agenda>`. Both render `renderEventCard` with the context it builds, so no behaviour exists in one and not the
 * other.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isDated, type AgendaEvent } from '../../feed/model.js';
import {
  calendarLinks,
  copyLink,
  downloadCalendarFile,
  eventLink,
  loadCalendarLinks,
  loadDescription,
  register,
  type RegisterOptions,
} from './card-actions.js';
import { cardEventId, eventAnchor, type CardContext } from './event-card.template.js';

/** How long "Lien copié" stays visible; screen readers have announced it by then. */
const COPIED_FOR_MS = 4000;

/** The controls the kit handles, found from the element a reader pressed. */
const CONTROLS =
  '[part~="register-button"], [part~="details-button"], [part~="copy-button"], .calendar-menu a, .calendar-menu button';

/** What a card's context needs from its host besides the kit's own state. */
export type CardBase = Pick<CardContext, 'locale' | 'now' | 'layout' | 'headingLevel' | 'readerZone'>;

/** What a card shows of the kit's state, as values to compare: with the same event and settings, same card. */
export function cardState(context: CardContext): unknown[] {
  return [context.expanded, context.description, context.copied, context.copyFallback, context.calendarLinks];
}

export class CardKit implements ReactiveController {
  #expanded = new Set<string>();
  /** Sanitized descriptions, by event object: a refreshed event loads its own. */
  #descriptions = new WeakMap<AgendaEvent, unknown>();
  /** The event whose link was just copied, and the link shown when the clipboard refused it. */
  #copied?: { id: string; fallback?: string };
  #copiedTimer?: ReturnType<typeof setTimeout>;

  /**
   * @param registerOptions what the registration form needs (feed, privacy policy, clock; it speaks its opener's language), read when a
   *   reader presses "S'inscrire"
   * @param eventById the event of a card the host shows, by id: the kit listens once at the host's root, for every
   *   card (no listener nor closure per card)
   * @param beforeChange called before the kit changes what a card shows (details, copied link, calendar links), so
   *   that a host rendering its cards once, without updating them, can make that card updatable first
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode & EventTarget },
    private readonly registerOptions: () => Omit<RegisterOptions, 'trigger'>,
    private readonly eventById: (id: string) => AgendaEvent | undefined,
    private readonly beforeChange: (id: string) => Promise<void> | void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('click', this.#onClick);
    // `toggle` does not bubble: the calendar menus' reach the root in the capture phase.
    this.host.renderRoot.addEventListener('toggle', this.#onToggle, true);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('click', this.#onClick);
    this.host.renderRoot.removeEventListener('toggle', this.#onToggle, true);
    clearTimeout(this.#copiedTimer);
  }

  /** Forgets every card's state (another event is shown). */
  reset(): void {
    clearTimeout(this.#copiedTimer);
    this.#expanded = new Set();
    this.#descriptions = new WeakMap();
    this.#copied = undefined;
  }

  /** The context `renderEventCard` needs for `event`: the host's settings and this card's state. */
  context(event: AgendaEvent, base: CardBase): CardContext {
    const copied = this.#copied?.id === event.id ? this.#copied : undefined;
    return {
      ...base,
      expanded: this.#expanded.has(event.id),
      description: this.#descriptions.get(event),
      copied: copied !== undefined && !copied.fallback,
      copyFallback: copied?.fallback,
      calendarLinks: calendarLinks(event),
    };
  }

  #eventOf(element: Element): AgendaEvent | undefined {
    const id = cardEventId(element);
    return id === undefined ? undefined : this.eventById(id);
  }

  #onClick = (e: Event): void => {
    const control = (e.target as Element).closest?.<HTMLElement>(CONTROLS);
    const event = control && this.#eventOf(control);
    if (!control || !event) return;
    const part = control.getAttribute('part') ?? '';
    if (part.includes('register-button')) {
      const mouse = e as MouseEvent;
      // Modified clicks open a tab as the reader asked; a plain click first lets the page handle `ra-register`.
      if (control instanceof HTMLAnchorElement) {
        if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button !== 0) return;
        e.preventDefault();
      }
      void register(this.host, event, { ...this.registerOptions(), trigger: control });
    } else if (part.includes('details-button')) {
      void this.#toggleDetails(event);
    } else if (part.includes('copy-button')) {
      void this.#copy(event);
    } else {
      // The calendar menu: an entry chosen closes it; the .ics one downloads (Google and Outlook are links).
      control.closest('details')?.removeAttribute('open');
      if (control instanceof HTMLButtonElement && isDated(event)) void downloadCalendarFile(event);
    }
  };

  #onToggle = (e: Event): void => {
    const menu = e.target as Element;
    if (!(menu instanceof HTMLDetailsElement) || !menu.open || !menu.matches('[part~="calendar"]')) return;
    const event = this.#eventOf(menu);
    if (!event || !isDated(event)) return;
    void Promise.all([this.beforeChange(event.id), loadCalendarLinks(event)]).then(() =>
      this.host.requestUpdate(),
    );
  };

  async #toggleDetails(event: AgendaEvent): Promise<void> {
    // Only a card that has to be made updatable waits: the others change in this very task.
    const ready = this.beforeChange(event.id);
    if (ready) await ready;
    if (this.#expanded.delete(event.id)) {
      this.host.requestUpdate();
      return;
    }
    this.#expanded.add(event.id);
    this.host.requestUpdate();
    // The sanitizer is only needed once a reader opens a card: it stays out of the first load.
    if (event.descriptionHtml && !this.#descriptions.has(event)) {
      void loadDescription(event).then((description) => {
        this.#descriptions.set(event, description);
        this.host.requestUpdate();
      });
    }
  }

  async #copy(event: AgendaEvent): Promise<void> {
    clearTimeout(this.#copiedTimer);
    // The clipboard is asked at once, while the click still lets the page write to it.
    const [copied] = await Promise.all([copyLink(event), this.beforeChange(event.id)]);
    if (copied) {
      this.#copied = { id: event.id };
      this.#copiedTimer = setTimeout(() => {
        this.#copied = undefined;
        this.host.requestUpdate();
      }, COPIED_FOR_MS);
      this.host.requestUpdate();
      return;
    }
    this.#copied = { id: event.id, fallback: eventLink(event) };
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot
      .querySelector<HTMLInputElement>(`#${CSS.escape(eventAnchor(event))} .copy-fallback input`)
      ?.focus();
  }
}
