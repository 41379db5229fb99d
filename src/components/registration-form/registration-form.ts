import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AgendaEvent, Feed, RegistrationQuestion } from '../../feed/model.js';
import { FeedController } from '../../internal/feed-controller.js';
import {
  RaRegistrationErrorEvent,
  RaRegistrationSubmitEvent,
  RaRegistrationSuccessEvent,
} from '../../internal/events.js';
import { RaElement } from '../../internal/ra-element.js';
import { safeUrl } from '../../internal/safe-url.js';
import { registrationAvailability } from '../../domain/availability.js';
import { formatDateRange, formatDateTime, formatTimeRange } from '../../i18n/format.js';
import {
  MIN_FILL_MS,
  validateRegistration,
  type RegistrationRequestInput,
} from '../../registration/contract.js';
import {
  isRetryable,
  newIdempotencyKey,
  submitRegistration,
  type SubmissionResult,
} from '../../registration/client.js';
import { clearDraft, loadDraft, saveDraft, type DraftValues } from '../../registration/draft-store.js';
import {
  messages,
  type FieldDescription,
  type RegistrationFormMessages,
} from './registration-form.messages.js';
import { styles } from './registration-form.styles.js';

/** Outcomes that end the form: a panel replaces it. */
const finalStatuses = new Set(['confirmed', 'waitlisted']);
const finalCodes = new Set(['already-registered', 'closed', 'full', 'unknown-event']);

/** Choices with more options than this are a `<select>` rather than radio buttons. */
const MAX_RADIOS = 5;

const emptyValues = (): DraftValues => ({
  firstName: '',
  lastName: '',
  email: '',
  organisation: '',
  jobTitle: '',
  phone: '',
  memberOrganisation: '',
  answers: {},
  consent: false,
  newsletter: false,
});

type TextField =
  'firstName' | 'lastName' | 'email' | 'organisation' | 'jobTitle' | 'phone' | 'memberOrganisation';

/** `http(s)` only: a feed URL becomes a link, never a `javascript:` or `mailto:` one here. */
function httpUrl(url: string | undefined): string | undefined {
  const safe = safeUrl(url);
  return safe && /^https?:/.test(safe) ? safe : undefined;
}

/** The answers that identify a registration: a retry with the same ones reuses the idempotency key. */
function fingerprint(body: RegistrationRequestInput): string {
  const { answers, ...rest } = body;
  // Key order and absent keys differ between a body just built and one read back from a draft (JSON drops
  // `undefined`); the fill time grows between tries.
  const sorted = (record: object) =>
    Object.entries(record)
      .filter(([key, value]) => key !== 'elapsedMs' && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([sorted(rest), sorted(answers)]);
}

/**
 * A registration form for one event of the Réseau Alliances agenda: native fields with the right `autocomplete`
 * tokens, the event's own questions, validation with the shared contract (an error summary that links to each
 * field), a draft kept in `sessionStorage` until success, and a clear message for every outcome. Sends a JSON POST
 * with an `Idempotency-Key` to the event's registration endpoint; "Réessayer" resends with the same key.
 *
 * Events that cannot be registered for here show a message instead: cancelled, closed, full, or a link to the
 * organiser's own registration page.
 *
 * @tag ra-registration-form
 * @summary Registration for one event, with drafts, retries and accessible errors.
 *
 * @fires ra-registration-submit - A registration is being sent (`eventId`, `idempotencyKey`).
 * @fires ra-registration-success - The server accepted it (`status`: `confirmed` or `waitlisted`, `registrationId`).
 * @fires ra-registration-error - It did not go through (`code`: a server code, `network` or `timeout`).
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
 *
 * @cssproperty --ra-form-max-width - The form's largest width (default `40rem`).
 * @cssproperty --ra-form-gap - Space between fields (default `--ra-space`).
 * @cssproperty --ra-input-border - Input border colour (default `--ra-color-border`, darkened for contrast).
 * @cssproperty --ra-color-primary - Buttons and links.
 * @cssproperty --ra-color-danger - Errors.
 * @cssproperty --ra-color-success - Confirmation.
 * @cssproperty --ra-color-focus - Focus ring.
 * @cssproperty --ra-radius - Corner radius.
 * @cssproperty --ra-font-family - Font.
 */
export class RaRegistrationForm extends RaElement {
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

  /**
   * The clock, in milliseconds (fill time, and the registration window without `now`).
   * @internal
   */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  @state() private values: DraftValues = emptyValues();
  /** Message key per field path (`email`, `answers.diet`). */
  @state() private errors: Record<string, string> = {};
  @state() private summaryShown = false;
  @state() private sending = false;
  @state() private outcome?: SubmissionResult;

  @query('form') private formElement?: HTMLFormElement;
  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly feedController = new FeedController(this, () => this.feed || undefined);
  private readonly membersController = new FeedController(this, () =>
    this.currentEvent?.membersOnly ? this.membersFeed || this.feed || undefined : undefined,
  );

  /** Fields the person has typed in: they are checked when left. */
  private readonly touched = new Set<string>();
  private submitted = false;
  /** The event whose draft is loaded. */
  private draftFor?: string;
  private elapsedBefore = 0;
  private startedAt = 0;
  private pending?: { idempotencyKey: string; fingerprint: string };
  private focusOutcome = false;

  private get currentEvent(): AgendaEvent | undefined {
    if (this.event) return this.event;
    return this.eventId
      ? this.feedController.feed?.events.find((event) => event.id === this.eventId)
      : undefined;
  }

  private get text(): RegistrationFormMessages {
    return messages[this.locale];
  }

  /** Milliseconds spent on the form, drafts before a reload included. */
  private get elapsedMs(): number {
    return this.elapsedBefore + Math.max(0, this.clock() - this.startedAt);
  }

  override willUpdate(): void {
    const event = this.currentEvent;
    if (event && event.id !== this.draftFor) this.restoreDraft(event.id);
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.mode === 'modal' && this.dialog && !this.dialog.open) this.dialog.showModal();
    if (this.focusOutcome) {
      this.focusOutcome = false;
      this.renderRoot.querySelector<HTMLElement>('.outcome')?.focus();
    }
  }

  private restoreDraft(eventId: string): void {
    const draft = loadDraft(eventId);
    this.draftFor = eventId;
    this.values = draft?.values ?? emptyValues();
    this.elapsedBefore = draft?.elapsedMs ?? 0;
    this.startedAt = this.clock();
    this.pending = draft?.pending && {
      idempotencyKey: draft.pending.idempotencyKey,
      fingerprint: fingerprint({ ...draft.pending.body, website: '' }),
    };
    this.errors = {};
    this.summaryShown = false;
    this.outcome = undefined;
    this.touched.clear();
    this.submitted = false;
  }

  private keepDraft(body?: RegistrationRequestInput): void {
    if (!this.draftFor) return;
    const pending = this.pending && body && { idempotencyKey: this.pending.idempotencyKey, body };
    saveDraft(this.draftFor, {
      values: this.values,
      elapsedMs: this.elapsedMs,
      ...(pending ? { pending } : {}),
    });
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
    return feed ? this.renderFromFeed(feed) : html`<p class="loading" role="status">${this.text.loading}</p>`;
  }

  private renderFromFeed(feed: Feed) {
    const event = feed.events.find((candidate) => candidate.id === this.eventId);
    return event ? this.renderEvent(event) : this.renderMessage('alert', this.text.unknownEvent);
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
    this.trigger?.focus();
    this.remove();
  };

  /** A titled message: `role` says whether it interrupts (alert) or waits its turn (status). */
  private renderMessage(
    role: 'alert' | 'status',
    title: string,
    body?: unknown,
    extra?: unknown,
    variant = 'info',
  ) {
    return html`<div part="message" class="message outcome ${variant}" role=${role} tabindex="-1">
      <h2 class="message-title">${title}</h2>
      ${body ? html`<p>${body}</p>` : nothing} ${extra ?? nothing}
    </div>`;
  }

  private renderEvent(event: AgendaEvent) {
    const text = this.text;
    const pinned = this.now ? new Date(this.now) : undefined;
    const availability = registrationAvailability(
      event,
      pinned && !Number.isNaN(pinned.getTime()) ? pinned : new Date(this.clock()),
      { endpoint: this.action },
    );
    switch (availability.reason) {
      case 'cancelled':
        return this.renderMessage('status', text.cancelledTitle, text.cancelledBody);
      case 'external':
        return html`<div part="message" class="message external">
          <p>${text.externalIntro}</p>
          <a part="button" class="button" href=${availability.url} target="_blank" rel="noopener noreferrer">
            ${text.externalLink}<span class="visually-hidden"> ${text.newWindow}</span>
          </a>
        </div>`;
      case 'no-registration':
      case 'no-endpoint':
        return this.renderMessage('status', text.noRegistrationTitle, text.noRegistration);
      case 'postponed':
      case 'window-ended':
      case 'event-over':
      case 'closed':
        return this.renderMessage('status', text.closedTitle, text.closedBody);
      case 'not-open-yet':
        return this.renderMessage(
          'status',
          text.closedTitle,
          availability.opens
            ? text.opensOn(formatDateTime(availability.opens, event.timeZone, this.locale))
            : undefined,
        );
      case 'full':
        return this.renderMessage('status', text.fullTitle, text.fullBody);
      case 'open':
      case 'waiting-list':
        return this.outcomeIsFinal()
          ? this.renderFinalOutcome(event)
          : this.renderForm(event, availability.reason === 'waiting-list');
    }
  }

  private outcomeIsFinal(): boolean {
    const outcome = this.outcome;
    if (!outcome) return false;
    return finalStatuses.has(outcome.status) || (outcome.status === 'error' && finalCodes.has(outcome.code));
  }

  private renderFinalOutcome(event: AgendaEvent) {
    const text = this.text;
    const outcome = this.outcome;
    if (outcome?.status === 'confirmed') {
      const { start, end } = event;
      const dated = start && end ? { ...event, start, end } : undefined;
      const when = dated
        ? formatDateRange(dated.start, dated.end, event.timeZone, this.locale, event.allDay) +
          (event.allDay ? '' : `, ${formatTimeRange(dated.start, dated.end, event.timeZone, this.locale)}`)
        : undefined;
      return this.renderMessage(
        'status',
        text.confirmedTitle,
        text.confirmedBody(when),
        html`<p class="reference">${text.reference(outcome.registrationId)}</p>
          ${
            dated
              ? html`<button
                  part="button"
                  class="secondary"
                  type="button"
                  @click=${() => this.addToCalendar(dated)}
                >
                  ${text.addToCalendar}
                </button>`
              : nothing
          }`,
        'success',
      );
    }
    if (outcome?.status === 'waitlisted') {
      return this.renderMessage(
        'status',
        text.waitlistedTitle,
        text.waitlistedBody(outcome.position),
        undefined,
        'warning',
      );
    }
    const code = outcome?.status === 'error' ? outcome.code : undefined;
    if (code === 'already-registered') {
      return this.renderMessage('status', text.alreadyRegisteredTitle, text.alreadyRegisteredBody);
    }
    if (code === 'full')
      return this.renderMessage('alert', text.fullTitle, text.fullBody, undefined, 'error');
    return this.renderMessage('alert', text.closedTitle, text.closedBody, undefined, 'error');
  }

  private async addToCalendar(event: AgendaEvent & { start: Date; end: Date }): Promise<void> {
    // The .ics builder is only needed after a registration: loaded on demand.
    const { downloadIcs } = await import('../../calendar/ics.js');
    downloadIcs(event);
  }

  /** The message for an outcome that leaves the form in place (the person can act on it). */
  private renderOutcomeAlert() {
    const text = this.text;
    const outcome = this.outcome;
    if (!outcome || outcome.status === 'confirmed' || outcome.status === 'waitlisted') return nothing;
    const retry = html`<button part="button" class="secondary" type="button" @click=${this.retry}>
      ${text.retry}
    </button>`;
    if (isRetryable(outcome) || outcome.status === 'failed') {
      return this.renderMessage('alert', text.failedTitle, text.failedBody, retry, 'error');
    }
    switch (outcome.code) {
      case 'members-only':
        return this.renderMessage('alert', text.membersOnlyTitle, text.membersOnlyBody, undefined, 'error');
      case 'rate-limited':
        return this.renderMessage(
          'alert',
          text.rateLimitedTitle,
          text.rateLimitedBody(outcome.retryAfter),
          undefined,
          'error',
        );
      case 'invalid':
        // Errors on the fields are listed by the summary; this says only that the server refused them.
        return this.summaryShown
          ? nothing
          : this.renderMessage('alert', text.invalidTitle, undefined, undefined, 'error');
      default:
        return this.renderMessage('alert', text.failedTitle, undefined, undefined, 'error');
    }
  }

  private renderForm(event: AgendaEvent, waitlist: boolean) {
    const text = this.text;
    const questions = event.registration.questions;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.renderSummary(event)} ${this.renderOutcomeAlert()}
      ${waitlist ? html`<p class="notice">${text.waitlistNotice}</p>` : nothing}
      <div class="grid">
        ${this.textField('firstName', text.firstName, 'given-name')}
        ${this.textField('lastName', text.lastName, 'family-name')}
        ${this.textField('email', text.email, 'email', { type: 'email', hint: text.emailHint, wide: true })}
        ${this.textField('organisation', text.organisation, 'organization')}
        ${this.textField('jobTitle', text.jobTitle, 'organization-title')}
        ${this.textField('phone', text.phone, 'tel', { type: 'tel', optional: true })}
        ${event.membersOnly ? this.renderMemberField() : nothing}
      </div>
      ${
        questions.length
          ? html`<fieldset class="questions">
              <legend>${text.questionsLegend}</legend>
              ${questions.map((question) => this.renderQuestion(question))}
            </fieldset>`
          : nothing
      }
      ${this.renderConsent()} ${this.renderCheckbox('newsletter', text.newsletter)} ${this.renderHoneypot()}
      <div class="actions">
        <button part="submit" class="primary" type="submit" ?disabled=${this.sending}>
          ${this.sending ? text.sending : text.submit}
        </button>
      </div>
    </form>`;
  }

  private renderSummary(event: AgendaEvent) {
    const entries = Object.entries(this.errors);
    if (!this.summaryShown || entries.length === 0) return nothing;
    return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1">
      <h2 class="message-title">${this.text.summaryTitle}</h2>
      <ul>
        ${entries.map(
          ([field, key]) =>
            html`<li>
              <a href="#${this.controlId(field)}" @click=${(e: Event) => this.focusField(e, field)}>
                ${this.errorText(event, field, key)}
              </a>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private focusField(e: Event, field: string): void {
    // The ids live in our shadow root: the browser's own fragment navigation would not find them.
    e.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.controlId(field))}`);
    control?.scrollIntoView({ block: 'center' });
    control?.focus();
  }

  private controlId(field: string): string {
    return `f-${field}`;
  }

  private describe(event: AgendaEvent, field: string): FieldDescription {
    const text = this.text;
    if (field.startsWith('answers.')) {
      const question = event.registration.questions.find((q) => `answers.${q.id}` === field);
      return { label: question?.label ?? field, kind: question?.type ?? 'text' };
    }
    const label = field in text ? text[field as TextField] : field;
    return { label, kind: field === 'consent' || field === 'newsletter' ? 'checkbox' : 'text' };
  }

  private errorText(event: AgendaEvent, field: string, key: string): string {
    return this.text.fieldError(key, this.describe(event, field));
  }

  private renderError(field: string) {
    const key = this.errors[field];
    const event = this.currentEvent;
    if (!key || !event) return nothing;
    return html`<p id="e-${field}" part="error" class="error-message">
      <span class="visually-hidden">${this.text.errorPrefix}</span> ${this.errorText(event, field, key)}
    </p>`;
  }

  private describedBy(field: string, hint: boolean): string | undefined {
    const ids = [hint ? `h-${field}` : '', this.errors[field] ? `e-${field}` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : undefined;
  }

  private textField(
    field: TextField,
    label: string,
    autocomplete: string,
    options: { type?: string; optional?: boolean; hint?: string; list?: string; wide?: boolean } = {},
  ) {
    const invalid = Boolean(this.errors[field]);
    return html`<div part="field" class="field ${options.wide ? 'wide' : ''} ${invalid ? 'invalid' : ''}">
      <label part="label" for=${this.controlId(field)}>
        ${label}${options.optional ? html` <span class="optional">${this.text.optional}</span>` : nothing}
      </label>
      ${options.hint ? html`<p id="h-${field}" class="hint">${options.hint}</p>` : nothing}
      ${this.renderError(field)}
      <input
        part="input"
        id=${this.controlId(field)}
        name=${field}
        type=${options.type ?? 'text'}
        autocomplete=${autocomplete}
        list=${ifDefined(options.list)}
        ?required=${!options.optional}
        aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        aria-describedby=${ifDefined(this.describedBy(field, Boolean(options.hint)))}
        .value=${live(this.values[field])}
        @input=${(e: Event) => this.setValue(field, (e.target as HTMLInputElement).value)}
        @blur=${() => this.onBlur(field)}
      />
    </div>`;
  }

  private renderMemberField() {
    const members = (this.membersController.feed?.members ?? []).filter(
      (member) => member.status === 'active',
    );
    return html`${this.textField('memberOrganisation', this.text.memberOrganisation, 'organization', {
        hint: this.text.memberOrganisationHint,
        list: 'members',
        wide: true,
      })}
      <datalist id="members">
        ${members.map((member) => html`<option value=${member.name}></option>`)}
      </datalist>`;
  }

  private renderQuestion(question: RegistrationQuestion) {
    const field = `answers.${question.id}`;
    const invalid = Boolean(this.errors[field]);
    const answer = this.values.answers[question.id];
    const common = {
      required: question.required,
      describedBy: this.describedBy(field, false),
      invalid: invalid ? 'true' : undefined,
    };
    if (question.type === 'checkbox') {
      return this.renderCheckbox(field, question.label, question.required);
    }
    if (question.type === 'choice' && question.options.length <= MAX_RADIOS) {
      return html`<fieldset
        part="field"
        class="field choice ${invalid ? 'invalid' : ''}"
        aria-describedby=${ifDefined(common.describedBy)}
      >
        <legend part="label">
          ${question.label}${question.required ? nothing : html` <span class="optional">${this.text.optional}</span>`}
        </legend>
        ${this.renderError(field)}
        ${question.options.map(
          (option, index) =>
            html`<div class="option">
              <input
                type="radio"
                id=${index === 0 ? this.controlId(field) : `${this.controlId(field)}-${index}`}
                name=${field}
                value=${option}
                ?required=${question.required}
                aria-invalid=${ifDefined(common.invalid)}
                .checked=${live(answer === option)}
                @change=${() => this.setAnswer(question.id, option, field)}
                @blur=${() => this.onBlur(field)}
              />
              <label for=${index === 0 ? this.controlId(field) : `${this.controlId(field)}-${index}`}
                >${option}</label
              >
            </div>`,
        )}
      </fieldset>`;
    }
    if (question.type === 'choice') {
      return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
        <label part="label" for=${this.controlId(field)}
          >${question.label}${question.required ? nothing : html` <span class="optional">${this.text.optional}</span>`}</label
        >
        ${this.renderError(field)}
        <select
          part="input"
          id=${this.controlId(field)}
          name=${field}
          ?required=${question.required}
          aria-invalid=${ifDefined(common.invalid)}
          aria-describedby=${ifDefined(common.describedBy)}
          @change=${(e: Event) => this.setAnswer(question.id, (e.target as HTMLSelectElement).value, field)}
          @blur=${() => this.onBlur(field)}
        >
          <option value="" ?selected=${!answer}>${this.text.choose}</option>
          ${question.options.map((option) => html`<option value=${option} ?selected=${answer === option}>${option}</option>`)}
        </select>
      </div>`;
    }
    return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
      <label part="label" for=${this.controlId(field)}
        >${question.label}${question.required ? nothing : html` <span class="optional">${this.text.optional}</span>`}</label
      >
      ${this.renderError(field)}
      <input
        part="input"
        id=${this.controlId(field)}
        name=${field}
        type="text"
        ?required=${question.required}
        aria-invalid=${ifDefined(common.invalid)}
        aria-describedby=${ifDefined(common.describedBy)}
        .value=${live(typeof answer === 'string' ? answer : '')}
        @input=${(e: Event) => this.setAnswer(question.id, (e.target as HTMLInputElement).value, field)}
        @blur=${() => this.onBlur(field)}
      />
    </div>`;
  }

  /** A single checkbox: `consent`, `newsletter` or a checkbox question (`answers.…`). */
  private renderCheckbox(field: string, label: unknown, required = false) {
    const invalid = Boolean(this.errors[field]);
    const checked = field.startsWith('answers.')
      ? this.values.answers[field.slice('answers.'.length)] === true
      : this.values[field as 'consent' | 'newsletter'];
    return html`<div part="field" class="field checkbox ${invalid ? 'invalid' : ''}">
      ${this.renderError(field)}
      <div class="option">
        <input
          type="checkbox"
          id=${this.controlId(field)}
          name=${field}
          ?required=${required}
          aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
          aria-describedby=${ifDefined(this.describedBy(field, false))}
          .checked=${live(checked)}
          @change=${(e: Event) => this.setChecked(field, (e.target as HTMLInputElement).checked)}
          @blur=${() => this.onBlur(field)}
        />
        <label for=${this.controlId(field)}>${label}</label>
      </div>
    </div>`;
  }

  private renderConsent() {
    const text = this.text;
    const policy = httpUrl(this.privacyPolicy || this.feedController.feed?.privacyPolicyUrl);
    const label = policy
      ? html`${text.consentBefore}<a href=${policy} target="_blank" rel="noopener noreferrer"
            >${text.consentLink}<span class="visually-hidden"> ${text.newWindow}</span></a
          >.`
      : text.consentNoLink;
    return this.renderCheckbox('consent', label, true);
  }

  /** Bots fill every field; people never see this one. */
  private renderHoneypot() {
    return html`<div class="honeypot" aria-hidden="true">
      <label for="f-website">${this.text.honeypot}</label>
      <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
    </div>`;
  }

  // ── Input ──────────────────────────────────────────────────────────────────────────────────────────────────────

  private setValue(field: TextField, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.touched.add(field);
    this.keepDraft();
  }

  private setAnswer(id: string, value: string | boolean, field: string): void {
    this.values = { ...this.values, answers: { ...this.values.answers, [id]: value } };
    this.touched.add(field);
    this.keepDraft();
  }

  private setChecked(field: string, checked: boolean): void {
    if (field.startsWith('answers.')) {
      this.setAnswer(field.slice('answers.'.length), checked, field);
      return;
    }
    this.values = { ...this.values, [field]: checked };
    this.touched.add(field);
    this.keepDraft();
  }

  private onBlur(field: string): void {
    const event = this.currentEvent;
    if (!event || (!this.touched.has(field) && !this.submitted)) return;
    const problem = this.validate(event, this.buildBody(event))[field];
    const errors = { ...this.errors };
    if (problem) errors[field] = problem;
    else delete errors[field];
    this.errors = errors;
  }

  // ── Submission ─────────────────────────────────────────────────────────────────────────────────────────────────

  private buildBody(event: AgendaEvent): RegistrationRequestInput {
    const values = this.values;
    const answers: Record<string, string | boolean> = {};
    for (const question of event.registration.questions) {
      const answer = values.answers[question.id];
      if (question.type === 'checkbox') answers[question.id] = answer === true;
      else if (typeof answer === 'string' && answer.trim() !== '') answers[question.id] = answer.trim();
    }
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('#f-website')?.value ?? '';
    const optional = (value: string) => (value.trim() === '' ? undefined : value);
    return {
      eventId: event.id,
      firstName: values.firstName,
      lastName: values.lastName,
      email: values.email,
      organisation: values.organisation,
      jobTitle: values.jobTitle,
      phone: optional(values.phone),
      memberOrganisation: event.membersOnly ? optional(values.memberOrganisation) : undefined,
      answers,
      consent: values.consent as true,
      newsletter: values.newsletter,
      website: honeypot,
      elapsedMs: Math.round(this.elapsedMs),
    };
  }

  /** The contract's checks, plus what only the event knows: its required questions and member organisation. */
  private validate(event: AgendaEvent, body: RegistrationRequestInput): Record<string, string> {
    const result = validateRegistration(body);
    const errors: Record<string, string> = result.success ? {} : { ...result.fieldErrors };
    // A filled honeypot is the server's to answer (it pretends to accept): a bot learns nothing here.
    delete errors.website;
    if (event.membersOnly && !body.memberOrganisation) errors.memberOrganisation ??= 'required';
    for (const question of event.registration.questions) {
      const answer = body.answers[question.id];
      if (question.required && (answer === undefined || answer === false))
        errors[`answers.${question.id}`] ??= 'required';
    }
    // Show problems in the order of the fields, whatever order the schema found them in.
    const order = [...this.renderRoot.querySelectorAll('[name]')].map((control) =>
      control.getAttribute('name'),
    );
    return Object.fromEntries(
      Object.entries(errors)
        .filter(([field]) => order.includes(field))
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)),
    );
  }

  private onSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const event = this.currentEvent;
    // Checked before anything awaits: a double click sends one request.
    if (this.sending || !event) return;
    this.submitted = true;
    const errors = this.validate(event, this.buildBody(event));
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.summaryShown = true;
      this.outcome = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.summaryShown = false;
    await this.send(event);
  };

  /** "Réessayer": the same answers, so the same idempotency key. */
  private retry = () => this.formElement?.requestSubmit();

  private async send(event: AgendaEvent): Promise<void> {
    const endpoint = this.action || event.registration.endpoint;
    if (!endpoint) return;
    this.sending = true;
    this.outcome = undefined;
    // The server ignores faster submissions as bots: wait out the rest of the minimum fill time.
    const wait = MIN_FILL_MS - this.elapsedMs;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = this.buildBody(event);
    const print = fingerprint(body);
    if (this.pending?.fingerprint !== print)
      this.pending = { idempotencyKey: newIdempotencyKey(), fingerprint: print };
    const { idempotencyKey } = this.pending;
    this.keepDraft(body);
    this.dispatchEvent(new RaRegistrationSubmitEvent(event.id, idempotencyKey));
    const result = await submitRegistration({ endpoint, body, idempotencyKey });
    this.sending = false;
    this.outcome = result;
    this.focusOutcome = true;
    if (result.status === 'confirmed' || result.status === 'waitlisted') {
      clearDraft(event.id);
      this.pending = undefined;
      this.dispatchEvent(new RaRegistrationSuccessEvent(event.id, result.status, result.registrationId));
      return;
    }
    const code = result.status === 'failed' ? result.reason : result.code;
    if (result.status === 'error' && result.fieldErrors) this.showServerErrors(result.fieldErrors);
    this.dispatchEvent(new RaRegistrationErrorEvent(event.id, code));
  }

  private showServerErrors(fieldErrors: Record<string, string>): void {
    const shown = Object.entries(fieldErrors).filter(([field]) =>
      this.renderRoot.querySelector(`[name="${CSS.escape(field)}"]`),
    );
    if (shown.length === 0) return;
    this.errors = Object.fromEntries(shown);
    this.summaryShown = true;
    if (this.outcome?.status === 'error' && this.outcome.code === 'invalid') {
      // The summary says it all; it takes the focus.
      this.focusOutcome = false;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus(),
      );
    }
  }
}
