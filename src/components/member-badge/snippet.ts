/** What a member pastes on its site: the script, and the badge holding a plain link that works without JavaScript. */
export interface BadgeSnippetOptions {
  member: string;
  memberName: string;
  feed: string;
  scriptSrc: string;
  /** The fallback link's target: the member's verification page on the network's site (`verificationPage`). */
  href: string;
  variant?: 'full' | 'compact' | 'icon';
  size?: 'small' | 'medium' | 'large';
  theme?: 'light' | 'dark';
  lang?: 'fr' | 'en';
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => escapes[character]);
}

export function badgeSnippet(options: BadgeSnippetOptions): string {
  const attributes = [
    ['member', options.member],
    ['feed', options.feed],
    ['variant', options.variant === 'full' ? undefined : options.variant],
    ['size', options.size === 'medium' ? undefined : options.size],
    ['theme', options.theme],
    ['lang', options.lang === 'fr' ? undefined : options.lang],
  ]
    .filter((pair): pair is [string, string] => Boolean(pair[1]))
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const text = options.lang === 'en' ? 'Réseau Alliances member' : 'Adhérent Réseau Alliances';
  return [
    `<script type="module" src="${escapeHtml(options.scriptSrc)}"></script>`,
    `<ra-member-badge${attributes}>`,
    `  <a href="${escapeHtml(options.href)}">${text} : ${escapeHtml(options.memberName)}</a>`,
    `</ra-member-badge>`,
  ].join('\n');
}
