/** The longest slug: ids end up in URLs, file names and registration keys. */
const MAX_LENGTH = 80;

/** FNV-1a (32 bits) of `value` in base 36, 7 characters: a short tag that is the same on every load. */
function shortHash(value: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++)
    hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36).padStart(7, '0');
}

/**
 * `forum-2020`-style ids from free text, for sources that give none (JSON-LD, iCalendar UIDs). A slug longer than 80
 * characters is cut and ends with a hash of the whole text: Outlook's UIDs share their first 80 characters, and two
 * meetings must keep two ids.
 */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_LENGTH) return slug;
  const hash = shortHash(value);
  return `${slug.slice(0, MAX_LENGTH - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
