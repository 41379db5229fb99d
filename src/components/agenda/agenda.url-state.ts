/**
 * The agenda's filter state in the page URL, so a filtered agenda can be linked and the back button works.
 * Only our own parameters are read or written: every other query parameter or hash segment is kept verbatim
 * (a CMS, an analytics tag or an in-page anchor may own them).
 */

export type UrlStateMode = 'query' | 'hash';
export type ViewName = 'upcoming' | 'past';
export type ModeFilter = '' | 'online' | 'offline';

export interface AgendaUrlState {
  categories: string[];
  programmes: string[];
  text: string;
  mode: ModeFilter;
  membersOnly: boolean;
  view: ViewName;
  /** How many pages are shown ("Voir plus" pressed `pages - 1` times). */
  pages: number;
}

const names = {
  categories: 'cat',
  programmes: 'prog',
  text: 'q',
  mode: 'mode',
  membersOnly: 'members',
  view: 'view',
  pages: 'page',
} as const satisfies Record<keyof AgendaUrlState, string>;

/** `ra-` on its own; `<id>-` when the element has an id, so two agendas on one page keep separate states. */
export function urlPrefix(id: string): string {
  return id ? `${id}-` : 'ra-';
}

function segmentName(segment: string): string {
  const raw = segment.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

/** Splits `a=1&b=2` into the segments that are ours and the others (kept as written). */
function split(part: string, prefix: string): { ours: URLSearchParams; others: string[] } {
  const own = new Set(Object.values(names).map((name) => prefix + name));
  const ours: string[] = [];
  const others: string[] = [];
  for (const segment of part.split('&')) {
    if (!segment) continue;
    (own.has(segmentName(segment)) ? ours : others).push(segment);
  }
  return { ours: new URLSearchParams(ours.join('&')), others };
}

function partOf(url: URL, where: UrlStateMode): string {
  return (where === 'query' ? url.search : url.hash).slice(1);
}

/** The state a URL describes: absent filters are cleared; the view is left out unless named. */
export function readUrlState(href: string, where: UrlStateMode, prefix: string): Partial<AgendaUrlState> {
  const { ours } = split(partOf(new URL(href), where), prefix);
  const get = (key: keyof AgendaUrlState) => ours.get(prefix + names[key]);
  const state: Partial<AgendaUrlState> = {
    categories: ours.getAll(prefix + names.categories).filter(Boolean),
    programmes: ours.getAll(prefix + names.programmes).filter(Boolean),
    text: get('text') ?? '',
    membersOnly: get('membersOnly') === '1',
  };
  const mode = get('mode');
  state.mode = mode === 'online' || mode === 'offline' ? mode : '';
  const view = get('view');
  if (view === 'past' || view === 'upcoming') state.view = view;
  const pages = Number(get('pages'));
  state.pages = Number.isInteger(pages) && pages > 1 ? pages : 1;
  return state;
}

/** `href` with our parameters set to `state` (defaults are left out to keep links short). */
export function writeUrlState(
  href: string,
  where: UrlStateMode,
  prefix: string,
  state: AgendaUrlState,
  defaultView: ViewName = 'upcoming',
): string {
  const url = new URL(href);
  const { others } = split(partOf(url, where), prefix);
  const ours = new URLSearchParams();
  for (const category of state.categories) ours.append(prefix + names.categories, category);
  for (const programme of state.programmes) ours.append(prefix + names.programmes, programme);
  if (state.text) ours.set(prefix + names.text, state.text);
  if (state.mode) ours.set(prefix + names.mode, state.mode);
  if (state.membersOnly) ours.set(prefix + names.membersOnly, '1');
  if (state.view !== defaultView) ours.set(prefix + names.view, state.view);
  if (state.pages > 1) ours.set(prefix + names.pages, String(state.pages));
  const part = [...others, ours.toString()].filter(Boolean).join('&');
  if (where === 'query') url.search = part ? `?${part}` : '';
  else url.hash = part ? `#${part}` : '';
  return url.href;
}
