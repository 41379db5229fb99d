/**
 * The form's markup, derived from the fixed fields' declarations (`registration/fields.ts`) and the event's
 * questions. Pure templates: the element passes what to show and what to call.
 *
 * Nothing here changes while a person moves through the form: error messages and the summary change only when they
 * submit (the GOV.UK Design System's pattern), so a field, a box or the button never moves between the press and the
 * release of a click.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AgendaEvent, RegistrationQuestion } from '../../feed/model.js';
import type { DraftValues } from '../../registration/draft-store.js';
import {
  FIXED_FIELD_NAMES,
  FIXED_FIELDS,
  isAsked,
  isRequired,
  type CheckboxFieldName,
  type TextFieldName,
} from '../../registration/fields.js';
import type { FieldDescription, RegistrationFormMessages } from './registration-form.messages.js';

/** Choices with more options than this are a `<select>` rather than radio buttons. */
const MAX_RADIOS = 5;

/** What the form shows, and where what people do goes. */
export interface FormView {
  event: AgendaEvent;
  text: RegistrationFormMessages;
  values: DraftValues;
  /** Message key per field, from the last submit. */
  errors: Record<string, string>;
  /** The event is full: a request goes to the waiting list. */
  waitlist: boolean;
  sending: boolean;
  /** Names suggested as member organisation. */
  members: string[];
  /** An http(s) privacy policy for the consent's link. */
  privacyPolicy?: string;
  /** The message about the last send, when the form stays. */
  alert: unknown;
  onSubmit: (e: SubmitEvent) => void;
  /** A fixed field or an answer changed: `field` is `email`, `consent`, `answers.diet`… */
  onChange: (field: string, value: string | boolean) => void;
  /** A summary link was followed. */
  onFocusField: (e: Event, field: string) => void;
}

export function controlId(field: string): string {
  return `f-${field}`;
}

/** How error messages name `field`, and what kind of control it is. */
export function describeField(
  event: AgendaEvent,
  text: RegistrationFormMessages,
  field: string,
): FieldDescription {
  if (field.startsWith('answers.')) {
    const question = event.registration.questions.find((q) => `answers.${q.id}` === field);
    return { label: question?.label ?? field, kind: question?.type ?? 'text' };
  }
  const name = FIXED_FIELD_NAMES.find((candidate) => candidate === field);
  if (!name) return { label: field, kind: 'text' };
  return { label: text[FIXED_FIELDS[name].label], kind: FIXED_FIELDS[name].kind };
}

export function errorText(view: FormView, field: string, key: string): string {
  return view.text.fieldError(key, describeField(view.event, view.text, field));
}

function renderError(view: FormView, field: string) {
  const key = view.errors[field];
  if (!key) return nothing;
  return html`<p id="e-${field}" part="error" class="error-message">
    <span class="visually-hidden">${view.text.errorPrefix}</span> ${errorText(view, field, key)}
  </p>`;
}

function describedBy(view: FormView, field: string, hint: boolean): string | undefined {
  const ids = [hint ? `h-${field}` : '', view.errors[field] ? `e-${field}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const optionalMark = (view: FormView, required: boolean) =>
  required ? nothing : html` <span class="optional">${view.text.optional}</span>`;

function renderTextField(view: FormView, name: TextFieldName) {
  const field = FIXED_FIELDS[name];
  const invalid = Boolean(view.errors[name]);
  const hint = 'hint' in field ? view.text[field.hint] : undefined;
  const list = 'suggestions' in field ? field.suggestions : undefined;
  // The event's answer, not the contract's: a members-only event requires the member organisation.
  const required = isRequired(field, view.event);
  return html`<div part="field" class="field ${'wide' in field ? 'wide' : ''} ${invalid ? 'invalid' : ''}">
      <label part="label" for=${controlId(name)}>
        ${view.text[field.label]}${optionalMark(view, required)}
      </label>
      ${hint ? html`<p id="h-${name}" class="hint">${hint}</p>` : nothing} ${renderError(view, name)}
      <input
        part="input"
        id=${controlId(name)}
        name=${name}
        type=${field.inputType}
        autocomplete=${field.autocomplete}
        list=${ifDefined(list)}
        ?required=${required}
        aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        aria-describedby=${ifDefined(describedBy(view, name, Boolean(hint)))}
        .value=${live(view.values[name])}
        @input=${(e: Event) => view.onChange(name, (e.target as HTMLInputElement).value)}
      />
    </div>
    ${
      list === 'members'
        ? html`<datalist id="members">
            ${view.members.map((member) => html`<option value=${member}></option>`)}
          </datalist>`
        : nothing
    }`;
}

/** A single checkbox: a fixed one (`consent`, `newsletter`) or a checkbox question (`answers.…`). */
function renderCheckbox(view: FormView, field: string, label: unknown, checked: boolean, required: boolean) {
  const invalid = Boolean(view.errors[field]);
  return html`<div part="field" class="field checkbox ${invalid ? 'invalid' : ''}">
    ${renderError(view, field)}
    <div class="option">
      <input
        type="checkbox"
        id=${controlId(field)}
        name=${field}
        ?required=${required}
        aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        aria-describedby=${ifDefined(describedBy(view, field, false))}
        .checked=${live(checked)}
        @change=${(e: Event) => view.onChange(field, (e.target as HTMLInputElement).checked)}
      />
      <label for=${controlId(field)}>${label}</label>
    </div>
  </div>`;
}

function renderFixedCheckbox(view: FormView, name: CheckboxFieldName) {
  const field = FIXED_FIELDS[name];
  const text = view.text;
  const policy = 'link' in field ? view.privacyPolicy : undefined;
  const label = policy
    ? html`${text[field.label]}${text.consentPolicy}<a
          href=${policy}
          target="_blank"
          rel="noopener noreferrer"
          >${text.consentLink}<span class="visually-hidden"> ${text.newWindow}</span></a
        >.`
    : `${text[field.label]}${'link' in field ? '.' : ''}`;
  return renderCheckbox(view, name, label, view.values[name], field.rule === 'consent');
}

function renderQuestion(view: FormView, question: RegistrationQuestion) {
  const field = `answers.${question.id}`;
  const invalid = view.errors[field] ? 'true' : undefined;
  const answer = view.values.answers[question.id];
  const label = html`${question.label}${optionalMark(view, question.required)}`;
  if (question.type === 'checkbox') {
    return renderCheckbox(view, field, question.label, answer === true, question.required);
  }
  if (question.type === 'choice' && question.options.length <= MAX_RADIOS) {
    return html`<fieldset
      part="field"
      class="field choice ${invalid ? 'invalid' : ''}"
      aria-describedby=${ifDefined(describedBy(view, field, false))}
    >
      <legend part="label">${label}</legend>
      ${renderError(view, field)}
      ${question.options.map((option, index) => {
        const id = index === 0 ? controlId(field) : `${controlId(field)}-${index}`;
        return html`<div class="option">
          <input
            type="radio"
            id=${id}
            name=${field}
            value=${option}
            ?required=${question.required}
            aria-invalid=${ifDefined(invalid)}
            .checked=${live(answer === option)}
            @change=${() => view.onChange(field, option)}
          />
          <label for=${id}>${option}</label>
        </div>`;
      })}
    </fieldset>`;
  }
  const control =
    question.type === 'choice'
      ? html`<select
          part="input"
          id=${controlId(field)}
          name=${field}
          ?required=${question.required}
          aria-invalid=${ifDefined(invalid)}
          aria-describedby=${ifDefined(describedBy(view, field, false))}
          @change=${(e: Event) => view.onChange(field, (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!answer}>${view.text.choose}</option>
          ${question.options.map(
            (option) => html`<option value=${option} ?selected=${answer === option}>${option}</option>`,
          )}
        </select>`
      : html`<input
          part="input"
          id=${controlId(field)}
          name=${field}
          type="text"
          ?required=${question.required}
          aria-invalid=${ifDefined(invalid)}
          aria-describedby=${ifDefined(describedBy(view, field, false))}
          .value=${live(typeof answer === 'string' ? answer : '')}
          @input=${(e: Event) => view.onChange(field, (e.target as HTMLInputElement).value)}
        />`;
  return html`<div part="field" class="field ${invalid ? 'invalid' : ''}">
    <label part="label" for=${controlId(field)}>${label}</label>
    ${renderError(view, field)} ${control}
  </div>`;
}

function renderSummary(view: FormView) {
  const entries = Object.entries(view.errors);
  if (entries.length === 0) return nothing;
  return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1">
    <h2 class="message-title">${view.text.summaryTitle}</h2>
    <ul>
      ${entries.map(
        ([field, key]) =>
          html`<li>
            <a href="#${controlId(field)}" @click=${(e: Event) => view.onFocusField(e, field)}>
              ${errorText(view, field, key)}
            </a>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Bots fill every field; people never see this one. */
function renderHoneypot(text: RegistrationFormMessages) {
  return html`<div class="honeypot" aria-hidden="true">
    <label for="f-website">${text.honeypot}</label>
    <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
  </div>`;
}

export function renderForm(view: FormView): TemplateResult {
  const { event, text } = view;
  const asked = FIXED_FIELD_NAMES.filter((name) => isAsked(FIXED_FIELDS[name], event));
  const textFields = asked.filter((name): name is TextFieldName => FIXED_FIELDS[name].kind === 'text');
  const checkboxes = asked.filter(
    (name): name is CheckboxFieldName => FIXED_FIELDS[name].kind === 'checkbox',
  );
  const questions = event.registration.questions;
  return html`<form part="form" novalidate @submit=${view.onSubmit}>
    ${renderSummary(view)} ${view.alert}
    ${view.waitlist ? html`<p class="notice">${text.waitlistNotice}</p>` : nothing}
    <div class="grid">${textFields.map((name) => renderTextField(view, name))}</div>
    ${
      questions.length
        ? html`<fieldset class="questions">
            <legend>${text.questionsLegend}</legend>
            ${questions.map((question) => renderQuestion(view, question))}
          </fieldset>`
        : nothing
    }
    ${checkboxes.map((name) => renderFixedCheckbox(view, name))} ${renderHoneypot(text)}
    <div class="actions">
      <button part="submit" class="primary" type="submit" ?disabled=${view.sending}>
        ${view.sending ? text.sending : view.waitlist ? text.submitWaitingList : text.submit}
      </button>
    </div>
  </form>`;
}
