import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgendaEvent } from '../../feed/model.js';
import {
  RaRegistrationErrorEvent,
  RaRegistrationSubmitEvent,
  RaRegistrationSuccessEvent,
} from '../../internal/events.js';
import { newIdempotencyKey, submitRegistration, type SubmissionResult } from '../../registration/client.js';
import { MIN_FILL_MS, type RegistrationRequestInput } from '../../registration/contract.js';
import type { PendingSubmission } from '../../registration/draft-store.js';
import { fieldOrder, fingerprint, requestFieldErrors } from '../../registration/request.js';
import { afterResult, shownResult, type SubmissionState } from './submission.js';

/** What the controller needs from the form. */
export interface SubmissionHost extends ReactiveControllerHost, HTMLElement {
  /** The request as the person's answers make it now. */
  buildRequest(event: AgendaEvent): RegistrationRequestInput;
  /** Milliseconds spent on the form so far. */
  readonly elapsedMs: number;
  /** Where `event`'s registrations go, if anywhere. */
  endpointFor(event: AgendaEvent): string | undefined;
  /** Keeps the draft, with the request being sent when there is one. */
  keepDraft(pending?: PendingSubmission): void;
  /** Forgets the draft of `eventId` (registered). */
  forgetDraft(eventId: string): void;
}

interface Send {
  endpoint: string;
  body: RegistrationRequestInput;
  idempotencyKey: string;
}

/**
 * Runs the submission of a registration form (see `submission.ts` for its states): validates on submit only (the
 * GOV.UK Design System's advice: messages appear and go when the person submits, never while they move through the
 * form), waits out the minimum fill time, sends with an idempotency key kept across retries and reloads, retries a
 * 503 on its own, and tells the page with `ra-registration-*` events. The request is a `@lit/task` run, aborted
 * when the form leaves the page and sent again (same key) if it comes back.
 */
export class SubmissionController implements ReactiveController {
  /** Where the submission stands. */
  state: SubmissionState = { status: 'idle' };
  /** Message key per field (`email`, `answers.diet`) from the last submit or the server's answer. */
  errors: Record<string, string> = {};
  /** What should get focus after the next render: set by a submit the person made. */
  focus?: 'summary' | 'outcome';

  readonly #host: SubmissionHost;
  readonly #task: Task<readonly [Send], SubmissionResult>;
  #pending?: { idempotencyKey: string; fingerprint: string };
  #timer?: ReturnType<typeof setTimeout>;
  #event?: AgendaEvent;
  #connected = false;
  /** Counts sends: an answer to an older one (aborted, or superseded by a retry) is not this send's. */
  #sends = 0;

  constructor(host: SubmissionHost) {
    this.#host = host;
    host.addController(this);
    this.#task = new Task(host, {
      autoRun: false,
      task: ([send], { signal }) => submitRegistration({ ...send, signal }),
    });
  }

  hostConnected(): void {
    this.#connected = true;
    // Moved in the page, or put back: whatever was under way goes on, with the same key.
    const { state } = this;
    if (this.#event && (state.status === 'sending' || state.status === 'retrying')) {
      this.#send(this.#event, state.status === 'sending' ? state.attempt : state.attempt + 1, false);
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#task.abort();
  }

  /** Starts afresh for another event (or a draft read back): `pending` is a request sent without a final answer. */
  reset(pending?: PendingSubmission): void {
    clearTimeout(this.#timer);
    this.#task.abort();
    this.state = { status: 'idle' };
    this.errors = {};
    this.#pending = pending && {
      idempotencyKey: pending.idempotencyKey,
      fingerprint: fingerprint({ ...pending.body, website: '' }),
    };
  }

  /** The person submits (button, Enter, "Réessayer"): validate, then send if all is well. */
  submit(event: AgendaEvent): void {
    // Checked before anything waits: a double click sends one request.
    if (this.state.status === 'sending') return;
    clearTimeout(this.#timer);
    const errors = requestFieldErrors(event, this.#host.buildRequest(event));
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.state = { status: 'invalid' };
      this.focus = 'summary';
      this.#host.requestUpdate();
      return;
    }
    const { state } = this;
    this.#send(event, state.status === 'retrying' ? state.attempt + 1 : 1, true);
  }

  async #send(event: AgendaEvent, attempt: number, byPerson: boolean): Promise<void> {
    const endpoint = this.#host.endpointFor(event);
    if (!endpoint) return;
    this.#event = event;
    const send = ++this.#sends;
    // An unavailability being retried stays on screen until the new answer: nothing moves meanwhile.
    this.state = { status: 'sending', attempt, previous: shownResult(this.state) };
    this.#host.requestUpdate();
    // The server ignores faster submissions as bots: wait out the rest of the minimum fill time.
    const wait = MIN_FILL_MS - this.#host.elapsedMs;
    if (wait > 0) await new Promise((resolve) => (this.#timer = setTimeout(resolve, wait)));
    if (!this.#connected || send !== this.#sends) return;
    const body = this.#host.buildRequest(event);
    const print = fingerprint(body);
    if (this.#pending?.fingerprint !== print)
      this.#pending = { idempotencyKey: newIdempotencyKey(), fingerprint: print };
    const { idempotencyKey } = this.#pending;
    this.#host.keepDraft({ idempotencyKey, body });
    this.#host.dispatchEvent(new RaRegistrationSubmitEvent(event.id, idempotencyKey));
    await this.#task.run([{ endpoint, body, idempotencyKey }]);
    // Aborted because the form left the page: `hostConnected` sends it again if it comes back.
    if (!this.#connected || send !== this.#sends || this.#task.value === undefined) return;
    this.#settle(event, this.#task.value, attempt, byPerson);
  }

  #settle(event: AgendaEvent, result: SubmissionResult, attempt: number, byPerson: boolean): void {
    this.state = afterResult(result, attempt);
    // A form that gives way to a panel hands the focus to it; otherwise only a person's own submit moves the focus
    // (an automatic retry must not pull it out of the field they are typing in).
    if (this.state.status === 'done' || byPerson) this.focus = 'outcome';
    if (result.status === 'confirmed' || result.status === 'waitlisted') {
      this.#host.forgetDraft(event.id);
      this.#pending = undefined;
      this.#host.dispatchEvent(
        new RaRegistrationSuccessEvent(event.id, result.status, result.registrationId),
      );
    } else {
      if (result.status === 'error' && result.fieldErrors) this.#showServerErrors(event, result.fieldErrors);
      this.#host.dispatchEvent(
        new RaRegistrationErrorEvent(event.id, result.status === 'failed' ? result.reason : result.code),
      );
    }
    const { state } = this;
    if (state.status === 'retrying') {
      this.#timer = setTimeout(() => this.#send(event, attempt + 1, false), state.retryInSeconds * 1000);
    }
    this.#host.requestUpdate();
  }

  /** The server's field errors on the fields the form shows; after a 422 the summary takes the focus. */
  #showServerErrors(event: AgendaEvent, fieldErrors: Record<string, string>): void {
    const fields = fieldOrder(event);
    const known = Object.entries(fieldErrors).filter(([field]) => fields.includes(field));
    if (known.length === 0) return;
    this.errors = Object.fromEntries(known);
    const { state } = this;
    if (
      this.focus &&
      state.status === 'failed' &&
      state.result.status === 'error' &&
      state.result.code === 'invalid'
    )
      this.focus = 'summary';
  }
}
