/**
 * The registration form's test rig: a stubbed `fetch` (the feed, and queued replies to registrations), a clock
 * tests move by hand, the fixture and the ways people act on the form.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { makeEvent, paris, sampleQuestions } from './agenda-event.js';
import type { AgendaEvent } from '../../src/feed/model.js';
import { IDEMPOTENCY_HEADER } from '../../src/registration/contract.js';
import type { RaRegistrationForm } from '../../src/components/registration-form/registration-form.js';
import '../../src/components/registration-form/define.js';

export const endpoint = 'https://api.reseau-alliances.org/inscriptions';
export const policy = 'https://www.reseau-alliances.org/confidentialite';
export const feedUrl = 'https://feeds.example.org/agenda.json';
export const NOW = paris('2020-09-15', '10:00').getTime();

export interface Sent {
  url: string;
  body: Record<string, unknown>;
  key: string | null;
}

const realFetch = window.fetch;

export type Reply = Response | Error | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export const confirmed = () =>
  json(201, { status: 'confirmed', registrationId: 'r-42', eventId: 'rencontre-dirigeants' });
export const failure = (code: string, extra: Record<string, unknown> = {}, status = 409) =>
  json(status, { status: 'error', code, ...extra });

/** Feed requests get `rig.feedBody`; registrations get the next queued reply (a `confirmed` by default). */
function stubFetch(): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith(feedUrl)) return json(200, rig.feedBody);
    const headers = new Headers(init?.headers);
    rig.sent.push({ url, body: JSON.parse(String(init?.body)), key: headers.get(IDEMPOTENCY_HEADER) });
    const reply = rig.replies.shift() ?? confirmed();
    if (reply instanceof Error) throw reply;
    return reply;
  };
}

export const questions = sampleQuestions;

export async function form(event: AgendaEvent = makeEvent(), lang?: string): Promise<RaRegistrationForm> {
  return fixture<RaRegistrationForm>(
    html`<ra-registration-form
      .event=${event}
      .clock=${now}
      lang=${lang ?? 'fr'}
      privacy-policy=${policy}
    ></ra-registration-form>`,
  );
}

export const root = (el: RaRegistrationForm) => el.shadowRoot!;
export const control = <T extends Element = HTMLInputElement>(el: RaRegistrationForm, name: string) =>
  root(el).querySelector<T & Element>(`[name="${name}"]`)!;
export const submitButton = (el: RaRegistrationForm) =>
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
export const summary = (el: RaRegistrationForm) => root(el).querySelector<HTMLElement>('.error-summary');
export const outcome = (el: RaRegistrationForm) => root(el).querySelector<HTMLElement>('.outcome');

/** The next `name` event, typed from the global event map. */
export function next<K extends keyof GlobalEventHandlersEventMap>(
  el: HTMLElement,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(name, resolve, { once: true }));
}

export async function type(el: RaRegistrationForm, name: string, value: string): Promise<void> {
  const input = control(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function blur(el: RaRegistrationForm, name: string): Promise<void> {
  control(el, name).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

export async function fill(el: RaRegistrationForm): Promise<void> {
  await type(el, 'firstName', 'Claire ');
  await type(el, 'lastName', 'Martin');
  await type(el, 'email', 'claire.martin@example.org');
  await type(el, 'organisation', 'Etika Spirulina');
  await type(el, 'jobTitle', 'Dirigeante');
  control(el, 'consent').click();
  await el.updateComplete;
}

/** Submits after the minimum fill time (the rig.clock moves, nothing sleeps). */
export async function submit(el: RaRegistrationForm): Promise<void> {
  rig.clock += 5000;
  submitButton(el).click();
  await el.updateComplete;
}

export async function submitted(el: RaRegistrationForm): Promise<HTMLElement> {
  await submit(el);
  await waitUntil(() => outcome(el), 'no outcome was shown');
  return outcome(el)!;
}

export async function filledAndSent(el: RaRegistrationForm, ...queued: Reply[]): Promise<HTMLElement> {
  rig.replies.push(...queued);
  await fill(el);
  return submitted(el);
}

/** What the stubbed network saw and will answer; reset by `resetRig()` before each test. */
export const rig: { clock: number; sent: Sent[]; replies: Reply[]; feedBody: unknown } = {
  clock: NOW,
  sent: [],
  replies: [],
  feedBody: undefined,
};
export const now = () => rig.clock;

/** Fresh clock, network and storage for a test. */
export function resetRig(): void {
  rig.clock = NOW;
  rig.sent = [];
  rig.replies = [];
  sessionStorage.clear();
  stubFetch();
}

/** Puts the real `fetch` back. */
export function restoreFetch(): void {
  window.fetch = realFetch;
}
