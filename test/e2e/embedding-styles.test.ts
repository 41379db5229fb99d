/**
 * What a partner's theme must not do to the widgets: every widget rendered on a plain page, then under a hostile
 * stylesheet (a 62.5 % root font size, justified upper-case text, letter-spacing, `!important` rules on the host),
 * must keep every computed size and text property inside its shadow root. Runs in Chromium, Firefox and WebKit.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/agenda/define.js';
import '../../src/components/event-card/define.js';
import '../../src/components/member-badge/define.js';
import '../../src/components/registration-form/define.js';
import { NOW as SIGNED_NOW, signedFeed } from '../helpers/signed-members.js';

const feed = new URL('/test/fixtures/feed-small.json', location.href).href;
const now = '2020-03-16T09:00:00+01:00';
/** The badge's feed: the sample's members signed with the development key (issue 16), served by the stub below. */
const membersFeed = new URL('/embedding-styles/members.json', location.href).href;
const realFetch = window.fetch;

before(async () => {
  const sample = (await (await realFetch(feed)).json()) as { members: Record<string, unknown>[] };
  const body = JSON.stringify(await signedFeed(sample.members));
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    String(input) === membersFeed
      ? Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } }))
      : realFetch(input, init);
});

after(() => {
  window.fetch = realFetch;
});

/** The badge as the member's own site shows it, on the signature's clock. */
const badge = html`<ra-member-badge
  feed=${membersFeed}
  member="mandarine-gestion"
  .pageHost=${'mandarine.example.com'}
  .clock=${() => SIGNED_NOW}
></ra-member-badge>`;

/** Waits until the element's box stops changing (late chunks, idle-time work), a few frames at most. */
async function settled(element: HTMLElement): Promise<void> {
  let last = -1;
  for (let frame = 0; frame < 60; frame++) {
    await new Promise(requestAnimationFrame);
    const height = element.getBoundingClientRect().height;
    if (height === last) return;
    last = height;
  }
}

const hostileTheme = `
  html { font-size: 62.5% !important; }
  body {
    font: italic 1.4rem/2.2 Georgia, serif; letter-spacing: 0.12em; word-spacing: 0.4em; text-align: justify;
    text-transform: uppercase; text-indent: 3em; color: #c00; font-weight: 700;
  }
  ra-agenda, ra-event-card, ra-registration-form, ra-member-badge {
    font-family: "Comic Sans MS", cursive !important; font-size: 10px !important; line-height: 3 !important;
    letter-spacing: 2px !important; word-spacing: 8px !important; text-align: center !important;
    text-transform: lowercase !important; font-style: oblique !important; color: red !important;
  }
`;

const inherited = [
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-align',
  'text-transform',
  'text-indent',
  'color',
  'padding-top',
  'padding-left',
  'margin-bottom',
  'min-height',
  'border-top-left-radius',
];

/** The computed values that matter, for the host and every element of its shadow root. */
function measure(host: HTMLElement): string[] {
  const elements = [host, ...host.shadowRoot!.querySelectorAll('*')];
  return elements.map((element) => {
    const style = getComputedStyle(element);
    return `${element.localName}.${element.getAttribute('class') ?? ''} ${inherited.map((name) => style.getPropertyValue(name)).join(' | ')}`;
  });
}

async function underHostileTheme<T>(run: () => T): Promise<T> {
  const style = document.createElement('style');
  style.textContent = hostileTheme;
  document.head.append(style);
  try {
    await new Promise(requestAnimationFrame);
    return run();
  } finally {
    style.remove();
  }
}

const widgets = [
  {
    tag: 'ra-agenda',
    template: html`<ra-agenda feed=${feed} now=${now} limit="2"></ra-agenda>`,
    ready: 'article',
  },
  {
    tag: 'ra-event-card',
    template: html`<ra-event-card
      feed=${feed}
      event-id="cycle-habiter-julien-dossier-2020-05-28"
      now=${now}
    ></ra-event-card>`,
    ready: 'article',
  },
  {
    tag: 'ra-registration-form',
    template: html`<ra-registration-form
      feed=${feed}
      event-id="formation-management-mobilite-2020"
      now=${now}
    ></ra-registration-form>`,
    ready: 'form',
  },
  {
    tag: 'ra-member-badge',
    template: badge,
    ready: 'a[part="badge"]',
  },
];

describe('widgets under a hostile theme', () => {
  for (const { tag, template, ready } of widgets) {
    it(`<${tag}> keeps every size and text property of a plain page`, async () => {
      const column = await fixture<HTMLElement>(html`<div style="inline-size: 600px">${template}</div>`);
      const element = column.firstElementChild as HTMLElement;
      await waitUntil(() => element.shadowRoot?.querySelector(ready), `<${tag}> did not render`, {
        timeout: 10000,
      });
      await settled(element);
      const plain = measure(element);
      const box = element.getBoundingClientRect().height;
      const [hostile, hostileBox] = await underHostileTheme(() => [
        measure(element),
        element.getBoundingClientRect().height,
      ]);
      expect(hostile).to.deep.equal(plain);
      expect(hostileBox).to.equal(box);
      await expect(element).to.be.accessible();
    });
  }

  it('lets the theming properties win over the theme’s !important rules on the host', async () => {
    const column = await fixture<HTMLElement>(
      html`<div style="--ra-font-family: monospace; --ra-font-size: 20px; --ra-color-text: rgb(0, 0, 128)">
        <ra-agenda feed=${feed} now=${now} limit="1"></ra-agenda>
      </div>`,
    );
    const agenda = column.querySelector('ra-agenda')!;
    await waitUntil(() => agenda.shadowRoot?.querySelector('article'), 'the agenda did not render', {
      timeout: 10000,
    });
    const styles = await underHostileTheme(() => {
      const host = getComputedStyle(agenda);
      const title = getComputedStyle(agenda.shadowRoot!.querySelector('.title')!);
      return [host.fontFamily, host.fontSize, host.color, title.fontSize];
    });
    expect(styles).to.deep.equal(['monospace', '20px', 'rgb(0, 0, 128)', '25px']);
  });

  it('sizes the text from --ra-font-size, not from the page’s root font size', async () => {
    const style = document.createElement('style');
    style.textContent = 'html { font-size: 10px }';
    document.head.append(style);
    try {
      const card = await fixture<HTMLElement>(widgets[1]!.template);
      await waitUntil(() => card.shadowRoot?.querySelector('.title'), 'the card did not render', {
        timeout: 10000,
      });
      const medium = document.createElement('span');
      medium.style.fontSize = 'medium';
      document.body.append(medium);
      const visitorsSize = parseFloat(getComputedStyle(medium).fontSize);
      medium.remove();
      const title = parseFloat(getComputedStyle(card.shadowRoot!.querySelector('.title')!).fontSize);
      expect(title).to.equal(visitorsSize * 1.25);
    } finally {
      style.remove();
    }
  });

  it('lines the member badge up with the text of a centred, narrow column', async () => {
    const column = await fixture<HTMLElement>(
      html`<main style="max-inline-size: 320px; margin: 0 auto">
        <p>Membre du réseau :</p>
        ${badge}
      </main>`,
    );
    const element = column.querySelector('ra-member-badge')!;
    await waitUntil(() => element.shadowRoot?.querySelector('a[part="badge"]'), 'the badge did not render', {
      timeout: 10000,
    });
    const text = column.querySelector('p')!.getBoundingClientRect();
    const host = element.getBoundingClientRect();
    expect(getComputedStyle(element).display).to.equal('block');
    expect(host.left).to.equal(text.left);
    expect(host.right).to.be.at.most(text.right);
  });
});
