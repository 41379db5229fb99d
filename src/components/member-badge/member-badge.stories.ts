import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { verificationPage } from '../../feed/network.js';
import { badgeSnippet } from './snippet.js';
import './define.js';

interface BadgeArgs {
  member: string;
  feed: string;
  variant: 'full' | 'compact' | 'icon';
  size: 'small' | 'medium' | 'large';
  theme?: 'light' | 'dark';
  lang: 'fr' | 'en';
  pageHost?: string;
}

const membersFeed = '/stories-data/members.json';

const meta: Meta<BadgeArgs> = {
  title: 'Widgets/Member badge',
  component: 'ra-member-badge',
  args: { member: 'etika-spirulina', feed: membersFeed, variant: 'full', size: 'medium', lang: 'fr' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact', 'icon'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
  },
  render: (args) =>
    html`<ra-member-badge
      member=${args.member}
      feed=${args.feed}
      variant=${args.variant}
      size=${args.size}
      theme=${ifDefined(args.theme)}
      lang=${args.lang}
      .pageHost=${args.pageHost ?? location.hostname}
    >
      <a href=${verificationPage(args.member)}>Adhérent Réseau Alliances</a>
    </ra-member-badge>`,
};
export default meta;

type Story = StoryObj<BadgeArgs>;

export const Full: Story = {};
export const Compact: Story = { args: { variant: 'compact' } };
export const Icon: Story = { args: { variant: 'icon' } };
export const Small: Story = { args: { size: 'small' } };
export const Large: Story = { args: { size: 'large' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const English: Story = { args: { lang: 'en' } };
/** A lapsed membership shows nothing (and a warning in the console). */
export const Lapsed: Story = { tags: ['empty'], args: { member: 'adhesion-echue' } };
/** An id the feed does not know shows nothing (and a warning in the console). */
export const Unknown: Story = { tags: ['empty'], args: { member: 'inconnu' } };
/** A badge copied onto a site outside the member's declared domains shows nothing. */
export const WrongDomain: Story = {
  tags: ['empty'],
  args: { member: 'domaine-declare', pageHost: 'copieur.example' },
};
/**
 * A members list the network did not sign (issue 16's fake feed): only the plain link pasted inside the tag shows,
 * and the console says why.
 */
export const Unverified: Story = {
  args: { member: 'pas-adherent', feed: '/stories-data/members-unsigned.json' },
};
/** When the feed cannot be reached, the plain link pasted inside the tag is shown. */
export const FeedDown: Story = { tags: ['feed-error'], args: { feed: '/stories-data/missing.json' } };

/** Pick a member and a variant, then copy the HTML to paste on the member's site. */
export const SnippetBuilder: Story = {
  render: (args) => {
    const code = badgeSnippet({
      member: args.member,
      memberName: args.member,
      feed: 'https://www.reseau-alliances.org/feed.json',
      scriptSrc: 'https://cdn.example.org/ra-widgets/ra-member-badge.js',
      href: verificationPage(args.member),
      variant: args.variant,
      size: args.size,
      theme: args.theme,
      lang: args.lang,
    });
    return html`<p>
        <ra-member-badge
          member=${args.member}
          feed=${args.feed}
          variant=${args.variant}
          size=${args.size}
          theme=${ifDefined(args.theme)}
          lang=${args.lang}
        ></ra-member-badge>
      </p>
      <pre><code>${code}</code></pre>
      <button @click=${() => navigator.clipboard.writeText(code)}>Copier le code</button>`;
  },
  argTypes: { member: { control: 'select', options: ['etika-spirulina', 'plume-sas', 'domaine-declare'] } },
};
