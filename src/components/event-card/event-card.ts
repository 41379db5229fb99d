import { html, nothing, type PropertyValues } from 'lit';
import { css } from '../../internal/css.js';
import { property } from 'lit/decorators.js';
import { isDated, type AgendaEvent, type Feed } from '../../feed/model.js';
import { FeedController } from '../../internal/feed-controller.js';
import { RaEventElement } from '../../internal/ra-event-element.js';
import { JsonLdController } from '../../seo/jsonld-script.js';
import { CardKit } from './card-kit.js';
import { eventCardMessages } from './event-card.messages.js';
import { eventCardStyles } from './event-card.styles.js';
import { renderEventCard, type CardLayout } from './event-card.template.js';

/**
 * One event of the network's agenda: dates, place, status, audience, price, and the actions a reader needs
 * (register, add to a calendar, share). Give it an event with `.event`, or a feed URL and an `event-id`.
 * Publishes the event as schema.org JSON-LD in its light DOM for search engines.
 *
 * @tag ra-event-card
 * @summary A single event card, standalone or fed by a feed URL.
 *
 * @fires ra-register - "S'inscrire" was pressed. Cancelable: `preventDefault()` to handle registration yourself;
 *   otherwise the external registration page opens, or the registration form.
 * @fires ra-feed-error - The feed could not be loaded.
 *
 * @csspart card - The card (an `<article>`).
 * @csspart date - The date block (day and month, a range, or each session's day).
 * @csspart title - The event's title (a heading of `heading-level`).
 * @csspart time - The dates and times in words.
 * @csspart zone-note - The event's time zone, named when the reader's differs.
 * @csspart sessions - The list of sessions of a multi-session event.
 * @csspart place - The places (name, address, map link) or "En ligne".
 * @csspart map-link - The OpenStreetMap link of a place.
 * @csspart badge - Every badge (status, places left, audience).
 * @csspart status - The status badges (Reporté, Reprogrammé, Annulé, En ligne, Complet, Inscriptions closes).
 * @csspart places - The "Plus que 3 places" badge.
 * @csspart audience - The "Réservé aux adhérents" or restriction badges.
 * @csspart programme - The programme.
 * @csspart price - The price or "Gratuit".
 * @csspart audiences - Who the event is for.
 * @csspart restriction - Who may attend, as the feed says it in a sentence (schema.org `audience` restriction).
 * @csspart categories - The list of categories.
 * @csspart image - The picture.
 * @csspart summary - The summary.
 * @csspart actions - The row of buttons.
 * @csspart register-button - "S'inscrire".
 * @csspart details-button - "Plus de détails".
 * @csspart calendar - The "Ajouter à mon agenda" menu (a `<details>`).
 * @csspart calendar-button - The menu's button.
 * @csspart calendar-menu - The menu's list (.ics, Google, Outlook).
 * @csspart copy-button - "Copier le lien".
 * @csspart copy-status - The "Lien copié" confirmation.
 * @csspart copy-fallback - The link shown for manual copying when the clipboard is refused.
 * @csspart details - The expandable detail.
 * @csspart description - The sanitized description.
 * @csspart contact - The contact.
 * @csspart organizers - The organizers.
 * @csspart partners - The partners.
 * @csspart skeleton - The placeholder while the feed loads.
 * @csspart message - The error or not-found message.
 * @csspart retry-button - "Réessayer".
 *
 * @cssproperty --ra-color-primary - Date block, buttons and links (default `#00715a`).
 * @cssproperty --ra-color-primary-contrast - Text on the primary colour (default `#ffffff`).
 * @cssproperty --ra-color-text - Text (default `#1d2b2a`).
 * @cssproperty --ra-color-muted - Secondary text (default `#4f5d5c`).
 * @cssproperty --ra-color-surface - Card background (default `#ffffff`).
 * @cssproperty --ra-color-surface-alt - Category chips, image placeholder (default `#f2f6f5`).
 * @cssproperty --ra-color-border - Borders (default `#c9d3d1`).
 * @cssproperty --ra-color-danger - The cancelled badge (default `#b3261e`).
 * @cssproperty --ra-color-warning - Postponed, rescheduled and places-left badges (default `#8a5300`).
 * @cssproperty --ra-color-success - The "Lien copié" confirmation (default `#1b6e2e`).
 * @cssproperty --ra-color-focus - Focus ring (default `#0b57d0`).
 * @cssproperty --ra-font-family - Font (default the system's).
 * @cssproperty --ra-font-size - Base font size, which every size follows (default `medium`, the visitor's size, whatever the page's root font size).
 * @cssproperty --ra-radius - Corner radius (default `0.5em`).
 * @cssproperty --ra-space - Base spacing (default `1em`).
 * @cssproperty --ra-density - Spacing multiplier (default `1`).
 * @cssproperty --ra-shadow - Card shadow.
 * @cssproperty --ra-transition - Hover transitions (none with reduced motion).
 * @cssproperty --ra-card-min-height - The height to reserve, for the loading skeleton and the card alike, so that
 *   nothing below moves when the event arrives (default: none; the skeleton takes a typical card's height, e.g.
 *   `18.375em`, or `33.5em` when the card is 34em wide or less).
 */
export class RaEventCard extends RaEventElement {
  static override styles = [
    ...eventCardStyles,
    css`
      :host {
        display: block;
        min-width: 0;
        /* A partner who knows the card's height reserves it, for the skeleton and the card alike. */
        min-block-size: var(--ra-card-min-height, 0);
        /* The sample feed's typical card (the median), wide and narrow (see \`@container ra-card\`). */
        --_ra-typical-wide: 18.375em;
        --_ra-typical-narrow: 33.5em;
      }

      :host([layout='compact']) {
        --_ra-typical-wide: 13.6875em;
        --_ra-typical-narrow: 20.75em;
      }

      :host([layout='grid']) {
        --_ra-typical-wide: 24.1875em;
        --_ra-typical-narrow: 51.8125em;
      }

      /* A card's frame (the card's own padding, border and container), as tall as a typical loaded card. */
      .skeleton {
        flex-direction: column;
      }

      .skeleton-lines {
        --_ra-skeleton-height: var(--ra-card-min-height, var(--_ra-typical-wide));
        display: grid;
        align-content: start;
        gap: 0.75em;
        /* The frame's padding and border are outside this box. */
        block-size: calc(var(--_ra-skeleton-height) - 2 * var(--_ra-card-gap) - 2px);
        inline-size: 100%;
      }

      .skeleton-lines span {
        display: block;
        block-size: 1em;
        border-radius: 0.25em;
        background: var(--_ra-color-surface-alt);
      }

      .skeleton-lines span:first-of-type {
        block-size: 1.5em;
        inline-size: 70%;
      }

      .skeleton-lines span:last-of-type {
        inline-size: 40%;
      }

      @container ra-card (max-width: 34em) {
        .skeleton-lines {
          --_ra-skeleton-height: var(--ra-card-min-height, var(--_ra-typical-narrow));
        }
      }

      .message {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75em;
        padding: 1em;
        border: 1px solid var(--_ra-color-border);
        border-radius: var(--_ra-radius);
        background: var(--_ra-color-surface);
      }

      .message p {
        margin: 0;
      }
    `,
  ];

  /** URL of the feed holding the event (relative URLs resolve against the page). Used with `event-id`. */
  @property() feed = '';

  /** The event's id in the feed. */
  @property({ attribute: 'event-id' }) eventId = '';

  /** The event itself, when the page already has it: no feed request then. */
  @property({ attribute: false }) event?: AgendaEvent;

  /** `list` (default), `compact` (no image nor summary) or `grid` (image on top). */
  @property({ reflect: true }) layout: CardLayout = 'list';

  /** The title's heading level (2, 3 or 4) to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 2 | 3 | 4 = 3;

  /** The reader's IANA time zone, for demos and tests (default: the browser's). */
  @property({ attribute: 'reader-zone' }) readerZone?: string;

  /** Leaves out the schema.org JSON-LD this element otherwise writes into its light DOM. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;

  private readonly feedController = new FeedController(this, () =>
    !this.event && this.feed && this.eventId ? this.feed : undefined,
  );
  private readonly cards = new CardKit(
    this,
    () => ({
      feedUrl: this.feed || undefined,
      privacyPolicyUrl: this.feedController.feed?.privacyPolicyUrl,
      now: this.now,
    }),
    (id) => (this.currentEvent?.id === id ? this.currentEvent : undefined),
  );
  private reportedMissing = '';
  /** @internal */
  protected readonly jsonLd = new JsonLdController(this, () => {
    const event = this.currentEvent;
    // Search engines want a start date: an event still to be dated publishes none.
    if (this.noJsonld || !event || !isDated(event)) return undefined;
    return {
      key: [event, this.now],
      build: ({ eventJsonLd }) => eventJsonLd(event, this.pinnedNow ?? new Date()),
    };
  });

  /** The event shown: the `.event` property, else the feed's event with `event-id`. */
  get currentEvent(): AgendaEvent | undefined {
    return this.event ?? this.findEvent(this.feedController.feed);
  }

  private findEvent(feed: Feed | undefined): AgendaEvent | undefined {
    return feed?.events.find((candidate) => candidate.id === this.eventId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('event') || changed.has('eventId') || changed.has('feed')) this.cards.reset();
  }

  protected override updated(): void {
    const event = this.currentEvent;
    const feed = this.feedController.feed;
    const missing = `${this.feed}#${this.eventId}`;
    if (!this.event && feed && !event && this.reportedMissing !== missing) {
      this.reportedMissing = missing;
      console.error(`[ra-widgets] <ra-event-card>: no event "${this.eventId}" in the feed ${this.feed}.`);
    }
  }

  override render() {
    if (this.event) return this.renderCard(this.event);
    if (!this.feed || !this.eventId) return nothing;
    const t = eventCardMessages[this.locale];
    const fromFeed = (feed: Feed) => {
      const event = this.findEvent(feed);
      return event
        ? this.renderCard(event)
        : html`<div class="message" part="message" role="alert"><p>${t.notFound}</p></div>`;
    };
    return this.feedController.render({
      pending: () =>
        html`<div class="card skeleton" part="skeleton" aria-busy="true" role="status">
          <span class="visually-hidden">${t.loading}</span>
          <div class="skeleton-lines"><span></span><span></span><span></span></div>
        </div>`,
      complete: fromFeed,
      error: () =>
        html`<div class="message" part="message" role="alert">
          <p>${t.loadError}</p>
          <button
            type="button"
            class="button"
            part="retry-button"
            @click=${() => this.feedController.retry()}
          >
            ${t.retry}
          </button>
        </div>`,
    });
  }

  private renderCard(event: AgendaEvent) {
    return renderEventCard(
      event,
      this.cards.context(event, {
        locale: this.locale,
        now: this.pinnedNow ?? new Date(),
        layout: this.layout,
        headingLevel: [2, 3, 4].includes(this.headingLevel) ? this.headingLevel : 3,
        readerZone: this.readerZone,
      }),
    );
  }
}
