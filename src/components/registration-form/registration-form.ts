import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { registrationAvailability, takesRegistrations } from '../../domain/availability.js';
import type { AgendaEvent, Feed } from '../../feed/model.js';
import { FeedController } from '../../internal/feed-controller.js';
import { resolveLocale, type Locale } from '../../i18n/locale.js';
import { anchorOf } from '../../internal/focus-anchor.js';
import { RaEventElement } from '../../internal/ra-event-element.js';
import { safeUrl } from '../../internal/safe-url.js';
import type { RegistrationRequestInput } from '../../registration/contract.js';
import {
  clearDraft,
  loadDraft,
  saveDraft,
  type DraftValues,
  type PendingSubmission,
} from '../../registration/draft-store.js';
import { emptyFixedFieldValues, isFixedFieldName } from '../../registration/fields.js';
import { buildRequest } from '../../registration/request.js';
import { controlId, renderForm } from './form-template.js';
import { renderClosed, renderFinalOutcome, renderMessage, renderOutcomeAlert } from './outcome-template.js';
import { messages, type RegistrationFormMessages } from './registration-form.messages.js';
import { styles } from './registration-form.styles.js';
import { SubmissionController, type SubmissionHost } from './submission-controller.js';

const emptyValues = (): DraftValues => ({ ...emptyFixedFieldValues(), answers: {} });

/** `http(s)` only: a feed URL becomes a link, never a `javascript:` or `mailto:` one here. */
function httpUrl(url: string | undefined): string | undefined {
  const safe = safeUrl(url);
  return safe && /^https?:/.test(safe) ? safe : undefined;
}

/**
 * A registration form for one event of the Réseau Alliances agenda: native fields with the right `autocomplete`
 * tokens, the event's own questions, validation with the shared contract (an error summary that links to each
 * field), a draft kept in `sessionStorage` until success, and a clear message for every outcome. Sends a JSON POST
 * with an `Idempotency-Key` to the event's registration endpoint; "Réessayer" resends with the same key.
 * Messages appear and go only when the person submits (GOV.UK Design System): nothing moves under their pointer.
 *
 * The element wires its parts together: the fixed fields are declared in `registration/fields.ts`, the markup is in
 * `form-template.ts` and `outcome-template.ts`, the submission's states in `submission.ts`, run by
 * `submission-controller.ts`; whether registration is open comes from `domain/availability.ts`.
 *
 * Events that cannot be registered for here show a message instead: cancelled, closed, full, or a link to the
 * organiser's own registration page.
 *
 * @tag ra-registration-form
 * @summary Registration for one event, with drafts, retries and accessible errors.
 *
 * @fires ra-registration-submit - A registration is being sent (`eventId`, `idempotencyKey`).
 * @fires ra-registration-success - The server accepted it (`status`: `confirmed` or `waitlisted`, `registrationId`).
 * @fires ra-registration-error - It did not go through (`code`: a server code such as `unavailable` or
 *   `unknown-event`, `network` or `timeout`). After a 503 the form keeps the draft and retries by itself.
 * @fires ra-feed-error - The feed could not be loaded (from the feed loader).
 *
 * @csspart dialog - The `<dialog>` in modal mode.
 * @csspart title - The dialog's heading.
 * @csspart close-button - The dialog's close button.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each field's label.
 * @csspart input - Each text input and select.
 * @csspart error - Each field's error message.
 * @csspart submit - The submit button.
 * @csspart message - The panel shown for an outcome or instead of the form.
 * @csspart button - Secondary buttons (retry, add to calendar) and the external registration link.
 * @csspart skeleton - The placeholder while the feed loads, as tall as the form.
 *
 * @cssproperty --ra-form-max-width - The form's largest width (default `40em`).
 * @cssproperty --ra-form-gap - Space between fields (default `--ra-space`).
 * @cssproperty --ra-form-min-height - The height to reserve, while the form loads and once shown, so that nothing
 *   below moves (default: none; while loading, the height of a form of the fields every event asks: `45.5em`, or
 *   `31.5em` in two columns, from 36em wide).
 * @cssproperty --ra-input-border - Input border colour (default `--ra-color-border`, darkened for contrast).
 * @cssproperty --ra-color-primary - Buttons and links.
 * @cssproperty --ra-color-danger - Errors.
 * @cssproperty --ra-color-success - Confirmation.
 * @cssproperty --ra-color-focus - Focus ring.
 * @cssproperty --ra-radius - Corner radius.
 * @cssproperty --ra-font-family - Font.
 */
export class RaRegistrationForm extends RaEventElement implements SubmissionHost {
  static override styles = styles;

  /** URL of the feed holding the event (relative URLs resolve against the page). */
  @property() feed?: string;

  /** The event's id in the feed. */
  @property({ attribute: 'event-id' }) eventId?: string;

  /** The event itself, instead of `feed` + `event-id` (the feed is then read only for members and policy). */
  @property({ attribute: false }) event?: AgendaEvent;

  /** Where registrations are posted, instead of the event's `registration.endpoint`. */
  @property() action?: string;

  /** The privacy policy the consent links to; default: the feed's `privacyPolicyUrl`. */
  @property({ attribute: 'privacy-policy' }) privacyPolicy?: string;

  /** URL of the feed whose active members are suggested as member organisation; default: `feed`. */
  @property({ attribute: 'members-feed' }) membersFeed?: string;

  /** `modal` renders the form in a native dialog that removes the element when closed (see `openRegistrationDialog`). */
  @property({ reflect: true }) mode: 'inline' | 'modal' = 'inline';

  /** In modal mode, the element that gets focus back when the dialog closes. */
  @property({ attribute: false }) trigger?: HTMLElement;
  private backToTrigger?: () => HTMLElement | undefined;

  // A modal form sits at the end of the page: it speaks its opener's language (a card in a section of its own), and
  // follows it, unless given a `lang` of its own.
  protected override get locale(): Locale {
    const opener = this.mode === 'modal' && !this.hasAttribute('lang') ? this.backToTrigger?.() : undefined;
    return resolveLocale(opener ?? this);
  }

  /**
   * The clock, in milliseconds (fill time, and the registration window without `now`).
   * @internal
   */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  @state() private values: DraftValues = emptyValues();

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('form') private formElement?: HTMLFormElement;

  private readonly feedController = new FeedController(this, () => this.feed || undefined);
  private readonly membersController = new FeedController(this, () =>
    this.currentEvent?.membersOnly ? this.membersFeed || this.feed || undefined : undefined,
  );
  private readonly submission = new SubmissionController(this);

  /** The event whose draft is loaded. */
  private draftFor?: string;
  private elapsedBefore = 0;
  private startedAt = 0;

  private get currentEvent(): AgendaEvent | undefined {
    if (this.event) return this.event;
    return this.eventId
      ? this.feedController.feed?.events.find((event) => event.id === this.eventId)
      : undefined;
  }

  private get text(): RegistrationFormMessages {
    return messages[this.locale];
  }

  /**
   * Milliseconds spent on the form, drafts before a reload included.
   * @internal
   */
  get elapsedMs(): number {
    return this.elapsedBefore + Math.max(0, this.clock() - this.startedAt);
  }

  /** @internal */
  buildRequest(event: AgendaEvent): RegistrationRequestInput {
    const website = this.renderRoot.querySelector<HTMLInputElement>('#f-website')?.value ?? '';
    return buildRequest(event, { values: this.values, website, elapsedMs: this.elapsedMs });
  }

  /** @internal */
  endpointFor(event: AgendaEvent): string | undefined {
    return this.action || event.registration.endpoint;
  }

  /** @internal */
  keepDraft(pending?: PendingSubmission): void {
    if (!this.draftFor) return;
    saveDraft(this.draftFor, {
      values: this.values,
      elapsedMs: this.elapsedMs,
      ...(pending ? { pending } : {}),
    });
  }

  /** @internal */
  forgetDraft(eventId: string): void {
    clearDraft(eventId);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const event = this.currentEvent;
    if (event && event.id !== this.draftFor) this.restoreDraft(event.id);
    // The way back, taken while the opener is in the page: a change of language may replace it (`anchorOf`).
    if (changed.has('trigger')) this.backToTrigger = this.trigger && anchorOf(this.trigger);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.mode === 'modal' && this.dialog && !this.dialog.open) this.dialog.showModal();
    const focus = this.submission.focus;
    if (focus) {
      this.submission.focus = undefined;
      this.renderRoot
        .querySelector<HTMLElement>(focus === 'summary' ? '.error-summary' : '.outcome')
        ?.focus();
    }
  }

  private restoreDraft(eventId: string): void {
    const draft = loadDraft(eventId);
    this.draftFor = eventId;
    this.values = draft?.values ?? emptyValues();
    this.elapsedBefore = draft?.elapsedMs ?? 0;
    this.startedAt = this.clock();
    this.submission.reset(draft?.pending);
  }

  // ── Rendering ──────────────────────────────────────────────────────────────────────────────────────────────────

  override render() {
    if (!this.event && !this.feed) return nothing;
    const content = this.event
      ? this.renderEvent(this.event)
      : this.feedController.render({
          pending: () => this.renderLoading(),
          complete: (feed) => this.renderFromFeed(feed),
          error: () => this.renderFeedError(),
        });
    return this.mode === 'modal' ? this.renderDialog(content) : content;
  }

  private renderLoading() {
    const feed = this.feedController.feed;
    return feed
      ? this.renderFromFeed(feed)
      : html`<div class="skeleton" part="skeleton">
          <p class="loading" role="status">${this.text.loading}</p>
        </div>`;
  }

  private renderFromFeed(feed: Feed) {
    const event = feed.events.find((candidate) => candidate.id === this.eventId);
    return event ? this.renderEvent(event) : renderMessage('alert', this.text.unknownEvent);
  }

  private renderFeedError() {
    return html`<div part="message" class="message error" role="alert">
      <p>${this.text.feedError}</p>
      <button part="button" class="secondary" type="button" @click=${() => this.feedController.retry()}>
        ${this.text.retry}
      </button>
    </div>`;
  }

  private renderDialog(content: unknown) {
    const name = this.currentEvent?.name;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
      <div class="dialog-header">
        <h2 id="dialog-title" part="title">${name ? this.text.dialogTitle(name) : this.text.loading}</h2>
        <button part="close-button" class="close" type="button" @click=${() => this.dialog?.close()}>
          <span aria-hidden="true">×</span><span class="visually-hidden">${this.text.close}</span>
        </button>
      </div>
      ${content}
    </dialog>`;
  }

  private onDialogClose = () => {
    this.backToTrigger?.()?.focus();
    this.remove();
  };

  private renderEvent(event: AgendaEvent) {
    const text = this.text;
    // The one place the form asks whether registration is open.
    const availability = registrationAvailability(event, this.pinnedNow ?? new Date(this.clock()), {
      endpoint: this.action,
    });
    if (!takesRegistrations(availability)) return renderClosed(availability, event, text, this.locale);
    const { state, errors } = this.submission;
    if (state.status === 'done') {
      return renderFinalOutcome(state.result, event, text, this.locale, (dated) => this.addToCalendar(dated));
    }
    const summaryShown = Object.keys(errors).length > 0;
    return renderForm({
      event,
      text,
      values: this.values,
      errors,
      waitlist: availability.reason === 'waiting-list',
      sending: state.status === 'sending',
      members: (this.membersController.feed?.members ?? [])
        .filter((member) => member.status === 'active')
        .map((member) => member.name),
      privacyPolicy: httpUrl(this.privacyPolicy || this.feedController.feed?.privacyPolicyUrl),
      alert: renderOutcomeAlert(state, text, summaryShown, this.retry),
      onSubmit: this.onSubmit,
      onChange: this.onChange,
      onFocusField: this.focusField,
    });
  }

  private async addToCalendar(event: AgendaEvent & { start: Date; end: Date }): Promise<void> {
    // The .ics builder is only needed after a registration: loaded on demand.
    const { downloadIcs } = await import('../../calendar/ics.js');
    downloadIcs(event);
  }

  private focusField = (e: Event, field: string): void => {
    // The ids live in our shadow root: the browser's own fragment navigation would not find them.
    e.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(controlId(field))}`);
    control?.scrollIntoView({ block: 'center' });
    control?.focus();
  };

  // ── Input ──────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Keeps what the person typed, and nothing else: no message changes until they submit. */
  private onChange = (field: string, value: string | boolean): void => {
    if (field.startsWith('answers.')) {
      const id = field.slice('answers.'.length);
      this.values = { ...this.values, answers: { ...this.values.answers, [id]: value } };
    } else if (isFixedFieldName(field)) {
      this.values = { ...this.values, [field]: value };
    }
    this.keepDraft();
  };

  private onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const event = this.currentEvent;
    if (event) this.submission.submit(event);
  };

  /** "Réessayer": the same answers, so the same idempotency key. */
  private retry = () => this.formElement?.requestSubmit();
}
