// The snippet builder: the same `badgeSnippet` the library ships, from the CDN folder.
import { badgeSnippet } from '/cdn/badge-snippet.js';
import { copyCode } from './copy.js';

const form = document.querySelector('#builder');
const preview = document.querySelector('#preview');
const code = document.querySelector('#code');
const feedUrl = new URL('/feed.json', location.href).href;
const feed = await (await fetch(feedUrl)).json();
const members = feed.members.filter((member) => member.status === 'active');

for (const member of members) form.member.append(new Option(member.name, member.id));

function update() {
  const member = members.find((candidate) => candidate.id === form.member.value);
  if (!member) return;
  const options = {
    member: member.id,
    memberName: member.name,
    feed: feedUrl,
    scriptSrc: new URL('/cdn/ra-member-badge.js', location.href).href,
    href: member.url ?? 'https://www.reseau-alliances.org/',
    variant: form.variant.value,
    size: form.size.value,
    theme: form.theme.value || undefined,
    lang: form.lang.value,
  };
  const snippet = badgeSnippet(options);
  code.textContent = snippet;
  // The preview is the snippet itself, minus the script this page already loaded.
  preview.innerHTML = snippet.replace(/<script[^>]*><\/script>\n/, '');
}

form.addEventListener('change', update);
document
  .querySelector('#copy')
  .addEventListener('click', () => copyCode(code, document.querySelector('#copied')));
update();
