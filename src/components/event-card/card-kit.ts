/**
 * The card kit: the state and actions of event cards (details open, description loaded, link copied, calendar
 * menu, register, focus), held by one controller for a standalone `<ra-event-card>` or for every card of an
 * `<ra-agenda>`. Both render `renderEventCard` with the context it builds, so no behaviour exists in one and not the
 * other.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgendaEvent } from '../../feed/model.js';
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
import { eventAnchor, type CardContext } from './event-card.template.js';

/** How long "Lien copié" stays visible; screen readers have announced it by then. */
const COPIED_FOR_MS = 4000;

/** What a card's context needs from its host besides the kit's own state. */
export type CardBase = Pick<CardContext, 'locale' | 'now' | 'layout' | 'headingLevel' | 'readerZone'>;

export class CardKit implements ReactiveController {
  #expanded = new Set<string>();
  /** Sanitized descriptions, by event object: a refreshed event loads its own. */
  #descriptions = new WeakMap<AgendaEvent, unknown>();
  /** The event whose link was just copied, and the link shown when the clipboard refused it. */
  #copied?: { id: string; fallback?: string };
  #copiedTimer?: ReturnType<typeof setTimeout>;

  /**
   * @param registerOptions what the registration form needs (feed, language, privacy policy, clock), read when a
   *   reader presses "S'inscrire"
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly registerOptions: () => Omit<RegisterOptions, 'trigger'>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#copiedTimer);
  }

  /** Forgets every card's state (another event is shown). */
  reset(): void {
    clearTimeout(this.#copiedTimer);
    this.#expanded = new Set();
    this.#descriptions = new WeakMap();
    this.#copied = undefined;
  }

  /** The context `renderEventCard` needs for `event`: the host's settings, this card's state and its actions. */
  context(event: AgendaEvent, base: CardBase): CardContext {
    const copied = this.#copied?.id === event.id ? this.#copied : undefined;
    return {
      ...base,
      expanded: this.#expanded.has(event.id),
      description: this.#descriptions.get(event),
      copied: copied !== undefined && !copied.fallback,
      copyFallback: copied?.fallback,
      calendarLinks: calendarLinks(event),
      onToggleDetails: this.#toggleDetails,
      onRegister: (target, trigger) =>
        void register(this.host, target, { ...this.registerOptions(), trigger }),
      onAddToCalendar: (target) => void downloadCalendarFile(target),
      onOpenCalendar: (target) => void loadCalendarLinks(target).then(() => this.host.requestUpdate()),
      onCopyLink: (target) => void this.#copy(target),
    };
  }

  #toggleDetails = (event: AgendaEvent): void => {
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
  };

  async #copy(event: AgendaEvent): Promise<void> {
    clearTimeout(this.#copiedTimer);
    if (await copyLink(event)) {
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
