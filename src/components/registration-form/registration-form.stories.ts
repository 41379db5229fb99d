import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AgendaEvent } from '../../feed/model.js';
import { makeEvent, paris, sampleQuestions } from '../../../test/helpers/agenda-event.js';
import type { RaRegistrationForm } from './registration-form.js';
import { openRegistrationDialog } from './open-dialog.js';
import { registrationFormTag } from './define.js';
import { pasteableSnippet } from '../../../stories/pasteable.js';

interface FormArgs {
  /** The event (`.event`); stories that load a feed leave it out. */
  event?: AgendaEvent;
  feed?: string;
  eventId?: string;
  privacyPolicy?: string;
  /** Endpoint override (the sample feed leaves endpoints to the server that serves it). */
  action?: string;
  lang: 'fr' | 'en';
  theme?: 'light' | 'dark';
  /** What the stubbed registration server answers (status and body), for the outcome stories. */
  reply?: { status: number; body: unknown; headers?: Record<string, string> } | 'network' | 'hang';
}

// Every story lives mid-September 2020, a fortnight before the sample event; the clock still moves, so the
// minimum fill time passes as it would for a person.
const storyStart = Date.now();
const now = () => paris('2020-09-15', '10:00').getTime() + (Date.now() - storyStart);
const endpoint = 'https://api.reseau-alliances.org/api/events/rencontre-dirigeants/registrations';
const base = makeEvent({ registration: { required: true, mode: 'inline', endpoint, questions: [] } });

/** Stands in for the registration server while a story is shown; other requests (the feed) go through. */
function stubServer(reply: FormArgs['reply']): () => void {
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    if (String(input) !== endpoint) return realFetch(input, init);
    if (reply === 'network') throw new TypeError('Failed to fetch');
    if (reply === 'hang' || !reply) return new Promise<Response>(() => undefined);
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return () => {
    window.fetch = realFetch;
  };
}

async function formIn(canvas: HTMLElement): Promise<RaRegistrationForm> {
  await customElements.whenDefined('ra-registration-form');
  const form = canvas.querySelector('ra-registration-form')!;
  await form.updateComplete;
  return form;
}

/** Types a valid registration and sends it, as a person would. */
async function fillAndSubmit({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const form = await formIn(canvasElement);
  const shadow = form.shadowRoot!;
  const values: Record<string, string> = {
    firstName: 'Claire',
    lastName: 'Martin',
    email: 'claire.martin@example.org',
    organisation: 'Etika Spirulina',
    jobTitle: 'Dirigeante',
  };
  for (const [name, value] of Object.entries(values)) {
    const input = shadow.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  shadow.querySelector<HTMLInputElement>('[name="consent"]')!.click();
  await form.updateComplete;
  shadow.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

async function submitEmpty({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const form = await formIn(canvasElement);
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

/** What a page pastes for a form like the story's: an event of the sample feed, the story's attributes. */
const pasteableForm = (args: FormArgs) =>
  pasteableSnippet(
    'ra-registration-form',
    [
      'event-id="club-referents-rse-2020-06-12"',
      args.privacyPolicy && `privacy-policy="${args.privacyPolicy}"`,
      args.lang !== 'fr' && `lang="${args.lang}"`,
      args.theme && `theme="${args.theme}"`,
    ],
    'S’inscrire sur le site du réseau',
  );

const meta: Meta<FormArgs> = {
  title: 'Widgets/Registration form',
  component: registrationFormTag,
  args: { event: base, lang: 'fr', privacyPolicy: 'https://www.reseau-alliances.org/confidentialite' },
  argTypes: {
    event: { control: 'object' },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    reply: { control: 'object' },
  },
  parameters: {
    actions: {
      handles: [
        'ra-registration-submit',
        'ra-registration-success',
        'ra-registration-error',
        'ra-feed-error',
      ],
    },
    docs: {
      source: {
        transform: (code: string, context: { args: FormArgs }) =>
          context.args.event ? pasteableForm(context.args) : code,
      },
    },
  },
  beforeEach: ({ args }) => stubServer(args.reply),
  render: (args) =>
    html`<ra-registration-form
      .event=${args.event}
      .clock=${now}
      feed=${ifDefined(args.feed)}
      event-id=${ifDefined(args.eventId)}
      privacy-policy=${ifDefined(args.privacyPolicy)}
      action=${ifDefined(args.action)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
    ></ra-registration-form>`,
};
export default meta;

type Story = StoryObj<FormArgs>;

const answer = (status: number, body: unknown, headers?: Record<string, string>): FormArgs['reply'] => ({
  status,
  body,
  headers,
});
const error = (code: string, status: number, extra: Record<string, unknown> = {}) =>
  answer(status, { status: 'error', code, ...extra });

export const Empty: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const WithQuestions: Story = {
  args: {
    event: makeEvent({
      registration: {
        required: true,
        mode: 'inline',
        endpoint,
        questions: sampleQuestions,
      },
    }),
  },
};
/** A members-only event from the sample feed: the member organisation suggests the active members. */
export const MembersOnly: Story = {
  args: {
    event: undefined,
    feed: '/feed.json',
    eventId: 'intrapreneuriat-social-sobizhub-2020-11-05',
    action: endpoint,
  },
};
export const Waitlist: Story = { args: { event: makeEvent({ ...base, remainingAttendeeCapacity: 0 }) } };
export const ErrorSummary: Story = { play: submitEmpty };
export const Sending: Story = { args: { reply: 'hang' }, play: fillAndSubmit };
export const Confirmed: Story = {
  args: { reply: answer(201, { status: 'confirmed', registrationId: 'r-42', eventId: base.id }) },
  play: fillAndSubmit,
};
export const Waitlisted: Story = {
  args: {
    reply: answer(202, { status: 'waitlisted', registrationId: 'r-43', eventId: base.id, position: 3 }),
  },
  play: fillAndSubmit,
};
export const AlreadyRegistered: Story = {
  args: { reply: error('already-registered', 409) },
  play: fillAndSubmit,
};
export const ClosedMeanwhile: Story = { args: { reply: error('closed', 409) }, play: fillAndSubmit };
export const FullMeanwhile: Story = { args: { reply: error('full', 409) }, play: fillAndSubmit };
export const NotAMember: Story = { args: { reply: error('members-only', 403) }, play: fillAndSubmit };
export const ServerFieldErrors: Story = {
  args: { reply: error('invalid', 422, { fieldErrors: { email: 'email', jobTitle: 'too-long' } }) },
  play: fillAndSubmit,
};
export const RateLimited: Story = {
  args: { reply: error('rate-limited', 429, { retryAfter: 30 }) },
  play: fillAndSubmit,
};
export const ServerError: Story = { args: { reply: error('server-error', 500) }, play: fillAndSubmit };
/** 503: the draft is kept and the same request goes again after Retry-After (here every time: it gives up after three). */
export const Unavailable: Story = {
  args: { reply: error('unavailable', 503, { retryAfter: 30 }) },
  play: fillAndSubmit,
};
export const EventRemoved: Story = { args: { reply: error('unknown-event', 404) }, play: fillAndSubmit };
export const NetworkFailure: Story = { args: { reply: 'network' }, play: fillAndSubmit };
export const ExternalRegistration: Story = {
  args: {
    event: makeEvent({
      registration: {
        required: true,
        mode: 'external',
        url: 'https://billetterie.example.org/e/1',
        questions: [],
      },
    }),
  },
};
export const Cancelled: Story = { args: { event: makeEvent({ ...base, status: 'cancelled' }) } };
export const Closed: Story = {
  args: { event: makeEvent({ registration: { ...base.registration, mode: 'closed' } }) },
};
export const NotYetOpen: Story = {
  args: {
    event: makeEvent({ ...base, offer: { priceCurrency: 'EUR', validFrom: paris('2020-09-20', '08:00') } }),
  },
};
export const Full: Story = {
  args: { event: makeEvent({ ...base, offer: { priceCurrency: 'EUR', availability: 'SoldOut' } }) },
};
export const Loading: Story = {
  args: { event: undefined, feed: '/stories-data/slow.json', eventId: base.id },
  beforeEach: () => {
    const realFetch = window.fetch;
    window.fetch = () => new Promise<Response>(() => undefined);
    return () => {
      window.fetch = realFetch;
    };
  },
};
export const FeedError: Story = {
  tags: ['feed-error'],
  args: { event: undefined, feed: '/stories-data/missing.json', eventId: base.id },
};
/** What an event card opens when the page does not handle `ra-register`. */
export const Dialog: Story = {
  render: (args) =>
    html`<button
      type="button"
      @click=${(e: Event) => {
        openRegistrationDialog(args.event ?? base, {
          lang: args.lang,
          privacyPolicyUrl: args.privacyPolicy,
          trigger: e.currentTarget as HTMLElement,
        });
        // Before its first render: the dialog lives in the stories' September 2020 too.
        const dialog = document.body.querySelector<RaRegistrationForm>(':scope > ra-registration-form');
        if (dialog) dialog.clock = now;
      }}
    >
      S’inscrire
    </button>`,
};
