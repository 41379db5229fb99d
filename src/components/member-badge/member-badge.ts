import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadMembers, onMembersUpdate, readCachedMembers } from '../../feed/members-loader.js';
import type { Member } from '../../feed/model.js';
import { resolveLocale } from '../../i18n/locale.js';
import { reportFeedError } from '../../internal/report-feed-error.js';
import { RaElement } from '../../internal/ra-element.js';
import { safeUrl } from '../../internal/safe-url.js';
import { messages } from './member-badge.messages.js';
import { styles } from './member-badge.styles.js';

const networkUrl = 'https://www.reseau-alliances.org/';
const developmentHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Why a badge shows nothing: said once in the console for the site's owner, never to visitors. */
type Refusal = 'unknown' | 'lapsed' | 'domain';

/** `host` is one of the member's declared domains, a subdomain of one, or a local development host. */
export function isAllowedHost(host: string, domains: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (domains.length === 0 || developmentHosts.has(name) || name.endsWith('.localhost')) return true;
  return domains.some((domain) => {
    const allowed = domain.toLowerCase().replace(/^\*?\./, '');
    return name === allowed || name.endsWith(`.${allowed}`);
  });
}

/**
 * A member company's badge: "Adhérent Réseau Alliances depuis 2020", verified against the network's members feed.
 * An active member gets the badge; a lapsed or unknown member, or a page outside the member's declared domains,
 * shows nothing to visitors and a warning in the console. Put a plain link inside the tag: visitors without
 * JavaScript, and crawlers, see it; it is also shown when the feed cannot be reached.
 *
 * @tag ra-member-badge
 * @summary A verified membership badge for a member's own website.
 *
 * @slot - The fallback shown without JavaScript or when the feed is unreachable: a link to the network's page
 *   about the member.
 * @fires ra-feed-error - The members feed could not be loaded.
 *
 * @csspart badge - The link holding the whole badge.
 * @csspart mark - The network's mark (inline SVG).
 * @csspart text - The text block.
 * @csspart title - "Adhérent Réseau Alliances".
 * @csspart since - "depuis 2020".
 *
 * @cssproperty --ra-badge-height - The badge's height (default `3rem`; `2.25rem` small, `4rem` large).
 * @cssproperty --ra-badge-background - Background (default `--ra-color-surface`).
 * @cssproperty --ra-badge-text - Text colour (default `--ra-color-text`).
 * @cssproperty --ra-badge-mark - The mark's colour (default `--ra-color-primary`).
 * @cssproperty --ra-color-border - Border colour.
 * @cssproperty --ra-radius - Corner radius.
 * @cssproperty --ra-font-family - Font.
 */
export class RaMemberBadge extends RaElement {
  static override styles = styles;

  /** The member's id in the feed, e.g. `etika-spirulina`. */
  @property({ reflect: true }) member = '';

  /** URL of the feed holding the members (relative URLs resolve against the page). */
  @property() feed = '';

  /** `full` (mark, title and year), `compact` (mark and a short title) or `icon` (the mark alone, labelled). */
  @property({ reflect: true }) variant: 'full' | 'compact' | 'icon' = 'full';

  /** `small`, `medium` or `large`. */
  @property({ reflect: true }) size: 'small' | 'medium' | 'large' = 'medium';

  /**
   * The host name the badge checks against the member's domains (default: the page's).
   * @internal
   */
  @property({ attribute: false }) pageHost = location.hostname;

  /** The feed whose load failed: its fallback shows until `feed` changes. */
  @state() private failedFeed?: string;
  private followedFeed?: string;
  private unsubscribe?: () => void;
  private warned = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.followedFeed = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feed')) this.load();
    this.follow();
  }

  override render() {
    if (!this.feed || !this.member) return html`<slot></slot>`;
    // A copy from this page or an earlier visit shows at once, while it is revalidated.
    const members = readCachedMembers(this.feed);
    if (members) return this.renderVerified(members);
    // Unverifiable is not the same as refused: show what the member pasted, a link to the network's page.
    return this.failedFeed === this.feed ? html`<slot></slot>` : nothing;
  }

  /** Reads only the feed's members: the badge never loads the event schema. */
  private load(): void {
    const feed = this.feed;
    this.failedFeed = undefined;
    if (!feed) return;
    loadMembers(feed).then(
      () => this.feed === feed && this.requestUpdate(),
      (error: unknown) => {
        // A newer feed replaced this one: nothing failed.
        if (this.feed !== feed) return;
        this.failedFeed = feed;
        reportFeedError(this, feed, error);
      },
    );
  }

  /** Re-renders when a newer copy of the current feed arrives. */
  private follow(): void {
    const feed = this.isConnected ? this.feed || undefined : undefined;
    if (feed === this.followedFeed) return;
    this.unsubscribe?.();
    this.followedFeed = feed;
    this.unsubscribe = feed === undefined ? undefined : onMembersUpdate(feed, () => this.requestUpdate());
  }

  private renderVerified(members: readonly Member[]) {
    const member = members.find((candidate) => candidate.id === this.member);
    const refusal: Refusal | undefined = !member
      ? 'unknown'
      : member.status !== 'active'
        ? 'lapsed'
        : !isAllowedHost(this.pageHost, member.domains)
          ? 'domain'
          : undefined;
    if (refusal || !member) {
      this.warn(refusal ?? 'unknown', member);
      return nothing;
    }
    return this.renderBadge(member);
  }

  private renderBadge(member: Member) {
    const text = messages[resolveLocale(this)];
    const year = member.memberSince?.slice(0, 4);
    const href = safeUrl(member.url) ?? networkUrl;
    // Visible text stays the start of the link's name (WCAG 2.5.3); the member's name completes it for screen
    // readers. The icon alone has no visible text, so it carries the whole sentence as its label.
    if (this.variant === 'icon') {
      return html`<a part="badge" class="badge" href=${href} aria-label=${text.linkLabel(member.name, year)}>
        ${this.renderMark()}
      </a>`;
    }
    return html`<a part="badge" class="badge" href=${href}>
      ${this.renderMark()}
      <span part="text" class="text">
        <span part="title" class="title">${this.variant === 'compact' ? text.memberShort : text.member}</span>
        ${year && this.variant === 'full' ? html`<span part="since" class="since">${text.since(year)}</span>` : nothing}
        <span class="visually-hidden">${text.linkSuffix(member.name)}</span>
      </span>
    </a>`;
  }

  /** The network's mark: two linked rings, drawn inline so the badge makes no extra request. */
  private renderMark() {
    return html`<svg part="mark" class="mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      ${svg`<circle cx="18" cy="24" r="12" fill="none" stroke="currentColor" stroke-width="5"></circle>
        <circle cx="30" cy="24" r="12" fill="none" stroke="currentColor" stroke-width="5" opacity="0.6"></circle>`}
    </svg>`;
  }

  private warn(refusal: Refusal, member: Member | undefined): void {
    const key = `${refusal}|${this.member}|${this.feed}`;
    if (this.warned === key) return;
    this.warned = key;
    const reason = {
      unknown: `no member "${this.member}" in ${this.feed}`,
      lapsed: `the membership of "${this.member}" is not active`,
      domain: `this page's host "${this.pageHost}" is not one of the member's domains (${member?.domains.join(', ')})`,
    }[refusal];
    console.warn(`[ra-widgets] <ra-member-badge> shows nothing: ${reason}.`);
  }
}
