import { ReactiveElement, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { loadMembersProof, onMembersProofUpdate } from '../../feed/members-loader.js';
import type { MembersProof } from '../../feed/members-signature.js';
import { badgeVerdict, type BadgeMember, type BadgeVerdict } from '../../feed/members-trust.js';
import { developmentBuild, verificationPage } from '../../feed/network.js';
import { reportFeedError } from '../../internal/report-feed-error.js';
import { h } from '../../internal/dom.js';
import { RaElement } from '../../internal/ra-element.js';
import { messages } from './member-badge.messages.js';
import { styles } from './member-badge.styles.js';

/**
 * A member company's badge: "Adhérent Réseau Alliances depuis 2020", shown only for a members list signed by the
 * network (Ed25519, with an expiry) and only on one of the member's declared domains. It links to the member's
 * verification page on the network's site, where visitors check it (docs/member-badges.md says what it proves).
 * A lapsed or unknown member, or a page outside the member's declared domains, shows nothing to visitors and a
 * warning in the console. Put a plain link inside the tag: visitors without JavaScript, and crawlers, see it; it
 * is also shown when the feed cannot be reached or its members list is not verifiably the network's (unsigned,
 * altered, expired), with a warning in the console.
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
 * @cssproperty --ra-badge-height - The badge's height (default `3em`; `2.25em` small, `4em` large, in the host's font size).
 * @cssproperty --ra-badge-min-height - The least height of the badge's place, in every state (default: none; the
 *   place is the badge's own box while the members list loads and when no badge shows, so nothing below moves).
 * @cssproperty --ra-badge-background - Background (default `--ra-color-surface`).
 * @cssproperty --ra-badge-text - Text colour (default `--ra-color-text`).
 * @cssproperty --ra-badge-mark - The mark's colour (default `--ra-color-primary`).
 * @cssproperty --ra-color-border - Border colour.
 * @cssproperty --ra-radius - Corner radius.
 * @cssproperty --ra-font-family - Font.
 */
export class RaMemberBadge extends RaElement(ReactiveElement) {
  static override styles = styles;

  // `static properties` rather than decorators: `ra-member-badge.js` is one file for a page with only a badge,
  // and the decorators' code would weigh on it (issue 16).
  static override properties: PropertyDeclarations = {
    member: { reflect: true },
    feed: {},
    variant: { reflect: true },
    size: { reflect: true },
    /** @internal */
    pageHost: { attribute: false },
    /** @internal */
    clock: { attribute: false },
  };

  /** The member's id in the feed, e.g. `etika-spirulina`. */
  member = '';

  /**
   * URL of the feed holding the members and their `membersSignature` (relative URLs resolve against the page). Any
   * feed may be named: only one signed with the network's key shows a verified badge.
   */
  feed = '';

  /** `full` (mark, title and year), `compact` (mark and a short title) or `icon` (the mark alone, labelled). */
  variant: 'full' | 'compact' | 'icon' = 'full';

  /** `small`, `medium` or `large`. */
  size: 'small' | 'medium' | 'large' = 'medium';

  /**
   * The host name the badge checks against the member's domains (default: the page's).
   * @internal
   */
  pageHost = location.hostname;

  /**
   * The visitor's clock, for the signature's expiry (milliseconds since the epoch). Deliberately not an attribute: a
   * snippet cannot turn the clock back on an expired members list.
   * @internal
   */
  clock: () => number = Date.now;

  // Internal state, set only by the load, which asks for the update itself.
  /** The feed whose load failed: its fallback shows until `feed` changes. */
  private failedFeed?: string;
  /** What the current feed's members signature proved, once checked. */
  private proof?: { feed: string; proof: MembersProof };
  private followedFeed?: string;
  private unsubscribe?: () => void;
  private warned = '';
  /** The view in the shadow root. */
  private shown?: Element;

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

  /**
   * Renders the badge's few nodes with DOM calls instead of Lit's templates, which would weigh on its one-file
   * bundle (issue 16). A view equal to the one shown is dropped, so a fresh copy of the same feed moves nothing; a
   * changed one replaces it, and its link takes the focus if the old one had it (a new `feed` shows no link until
   * its members list is checked: the focus is then lost, as with any element removed).
   */
  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const next = this.view();
    if (this.shown?.isEqualNode(next)) return;
    const focused = (this.renderRoot as ShadowRoot).activeElement !== null;
    if (this.shown) this.shown.replaceWith(next);
    else this.renderRoot.append(next);
    this.shown = next;
    if (focused) next.querySelector('a')?.focus();
  }

  private view(): Element {
    if (!this.feed || !this.member) return h('slot', {});
    const outcome = this.outcome();
    // The badge's invisible twin always holds its place: while the members list loads, when no badge will show,
    // and under a badge that ends up smaller (a member without a year), so the page below never moves (Cumulative
    // Layout Shift).
    return h(
      'div',
      { class: 'box' },
      this.renderReserve(),
      typeof outcome === 'object'
        ? this.renderBadge(outcome)
        : outcome === 'fallback' && h('span', { class: 'fallback' }, h('slot', {})),
    );
  }

  /** What the badge shows: the verified member, the link pasted inside the tag, or nothing (yet). */
  private outcome(): BadgeMember | 'fallback' | 'nothing' {
    if (this.failedFeed === this.feed) return 'fallback';
    if (this.proof?.feed !== this.feed) return 'nothing';
    const verdict = badgeVerdict(this.proof.proof, this.member, {
      host: this.pageHost,
      now: this.clock(),
      development: developmentBuild,
    });
    if (!verdict.refusal) return verdict.member;
    this.warn(verdict);
    // Data that is not verifiably the network's proves nothing either way: show what the member pasted, a link to
    // the network's page. A verified refusal (lapsed, unknown, another site) shows nothing.
    return verdict.refusal === 'unverified' || verdict.refusal === 'expired' ? 'fallback' : 'nothing';
  }

  /** Reads the feed and checks its members signature: the badge never loads the feed schema. */
  private load(): void {
    const feed = this.feed;
    this.failedFeed = undefined;
    this.proof = undefined;
    if (!feed) return;
    loadMembersProof(feed).then(
      (proof) => this.show(feed, proof),
      (error: unknown) => {
        // A newer feed replaced this one: nothing failed.
        if (this.feed !== feed) return;
        this.failedFeed = feed;
        this.requestUpdate();
        reportFeedError(this, feed, error);
      },
    );
  }

  private show(feed: string, proof: MembersProof): void {
    if (this.feed !== feed) return;
    this.proof = { feed, proof };
    this.requestUpdate();
  }

  /** Re-renders when a newer copy of the current feed arrives. */
  private follow(): void {
    const feed = this.isConnected ? this.feed || undefined : undefined;
    if (feed === this.followedFeed) return;
    this.unsubscribe?.();
    this.followedFeed = feed;
    this.unsubscribe =
      feed === undefined
        ? undefined
        : onMembersProofUpdate(feed, (proof) => void proof.then((value) => this.show(feed, value)));
  }

  private renderBadge(member: BadgeMember): Element {
    const year = member.memberSince?.slice(0, 4);
    // Visible text stays the start of the link's name (WCAG 2.5.3); the member's name completes it for screen
    // readers. The icon alone has no visible text, so it carries the whole sentence as its label.
    const label = this.variant === 'icon' ? messages[this.locale].linkLabel(member.name, year) : undefined;
    return this.renderFace(
      'a',
      { href: verificationPage(member.id), 'aria-label': label },
      year,
      member.name,
    );
  }

  /** The badge's box with this year's date, hidden: the place a badge takes, whatever the page's styles. */
  private renderReserve(): Element {
    const year = String(new Date(this.clock()).getFullYear());
    return this.renderFace('span', { class: 'badge reserve', 'aria-hidden': 'true' }, year);
  }

  /** The badge's box, the real one or its twin: the mark, then (but for the icon) the text. */
  private renderFace(
    tag: 'a' | 'span',
    attributes: Record<string, string | undefined>,
    year: string | undefined,
    name?: string,
  ): Element {
    const text = this.variant !== 'icon' && this.renderText(year, name);
    return h(tag, { part: 'badge', class: 'badge', ...attributes }, this.renderMark(), text && ' ', text);
  }

  /** The title, the year in the full variant, and for a real badge the member's name for screen readers. */
  private renderText(year: string | undefined, name?: string): Element {
    const text = messages[this.locale];
    const since = !!year && this.variant === 'full';
    return h(
      'span',
      { part: 'text', class: 'text' },
      h(
        'span',
        { part: 'title', class: 'title' },
        this.variant === 'compact' ? text.memberShort : text.member,
      ),
      since && ' ',
      since && h('span', { part: 'since', class: 'since' }, text.since(year)),
      name !== undefined && h('span', { class: 'visually-hidden' }, text.linkSuffix(name)),
    );
  }

  /** The network's mark: two linked rings, drawn inline so the badge makes no extra request. */
  private renderMark(): Element {
    const ring = (cx: string, opacity?: string) =>
      h('circle', {
        cx,
        cy: '24',
        r: '12',
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': '5',
        opacity,
      });
    return h(
      'svg',
      { part: 'mark', class: 'mark', viewBox: '0 0 48 48', 'aria-hidden': 'true', focusable: 'false' },
      ring('18'),
      ring('30', '0.6'),
    );
  }

  /** Says once, in the console, why the badge is not shown: for the site's owner, never to visitors. */
  private warn(verdict: Extract<BadgeVerdict, { detail: string }>): void {
    const key = `${verdict.refusal}|${this.member}|${this.feed}|${this.pageHost}`;
    if (this.warned === key) return;
    this.warned = key;
    const shown =
      verdict.refusal === 'unverified' || verdict.refusal === 'expired' ? 'its plain link' : 'nothing';
    console.warn(
      `[ra-widgets] <ra-member-badge> shows ${shown} for "${this.member}" (${verdict.refusal}): ${verdict.detail}` +
        ` (feed ${this.feed}). Check the membership at ${verificationPage(this.member)}.`,
    );
  }
}
