// The partners' snippet builder, shared by the demo (/builder.html) and Storybook: choose a widget and its
// options, see it live, copy the code to paste. Plain DOM, no innerHTML: the demo runs under a strict CSP with
// Trusted Types, and nothing a partner copies carries a demo-only attribute (the demo's pinned `now`).
import { copyCode } from './copy.js';

/** @typedef {'agenda' | 'event-card' | 'registration-form' | 'member-badge'} Widget */

/**
 * @typedef {object} SnippetOptions
 * @property {Widget} widget
 * @property {string} scriptSrc absolute URL of the CDN loader (`ra-widgets.js`)
 * @property {string} feed absolute URL of the feed
 * @property {Record<string, string | undefined>} attributes the widget's other attributes, kebab-case; empty ones are left out
 * @property {{ href: string, text: string }} fallback the link shown before the widget loads, or without JavaScript
 * @property {Record<string, string | undefined>} [properties] theming custom properties (`--ra-color-primary`…)
 */

/** The loader's `data-ra-widget` names for the KSES-proof markup (src/autoloader.ts). */
const markupNames = {
  agenda: 'agenda',
  'event-card': 'card',
  'registration-form': 'form',
  'member-badge': 'badge',
};

/** The WordPress plugin's shortcode names (integrations/wordpress). */
const shortcodes = {
  agenda: 'ra_agenda',
  'event-card': 'ra_event_card',
  'registration-form': 'ra_registration_form',
  'member-badge': 'ra_member_badge',
};

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** @param {string} value */
const escapeHtml = (value) => value.replace(/[&<>"']/g, (character) => escapes[character]);

/** @param {SnippetOptions} options @returns {[string, string][]} */
function attributeList(options) {
  return Object.entries({ feed: options.feed, ...options.attributes }).filter(
    /** @returns {pair is [string, string]} */ (pair) => typeof pair[1] === 'string' && pair[1].trim() !== '',
  );
}

/** @param {SnippetOptions} options */
function styleBlock(options) {
  const declarations = Object.entries(options.properties ?? {}).filter(([, value]) => value);
  if (declarations.length === 0) return [];
  return [
    '<style>',
    `  ra-${options.widget} {`,
    ...declarations.map(([name, value]) => `    ${name}: ${value};`),
    '  }',
    '</style>',
  ];
}

/**
 * The three ways to paste a widget: the module snippet (`<script type="module">` + the tag, for anyone allowed to
 * paste HTML), the KSES-proof markup (`<div data-ra-widget>`, which WordPress keeps for Authors) and the WordPress
 * plugin's shortcode. Each carries the fallback link.
 * @param {SnippetOptions} options
 */
export function widgetSnippets(options) {
  const attributes = attributeList(options);
  const link = `<a href="${escapeHtml(options.fallback.href)}">${escapeHtml(options.fallback.text)}</a>`;
  const tag = `ra-${options.widget}`;
  const module = [
    `<script type="module" src="${escapeHtml(options.scriptSrc)}"></script>`,
    ...styleBlock(options),
    `<${tag}${attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('')}>`,
    `  ${link}`,
    `</${tag}>`,
  ].join('\n');
  const markup = [
    `<script type="module" src="${escapeHtml(options.scriptSrc)}"></script>`,
    `<div data-ra-widget="${markupNames[options.widget]}"${attributes
      .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
      .join('')}>`,
    `  ${link}`,
    `</div>`,
  ].join('\n');
  const shortcode = `[${shortcodes[options.widget]}${attributes
    .map(([name, value]) => ` ${name.replace(/-/g, '_')}="${value.replace(/["\]]/g, '')}"`)
    .join('')}]`;
  return { module, markup, shortcode };
}

/** @param {string} tagName @param {Record<string, string>} [attributes] @param {(Node | string)[]} [children] */
function element(tagName, attributes = {}, children = []) {
  const node = document.createElement(tagName);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** @param {string} label @param {HTMLElement} control */
function field(label, control) {
  const id = `sb-${control.getAttribute('name')}`;
  control.id = id;
  return element('div', { class: 'field' }, [element('label', { for: id }, [label]), control]);
}

/** @param {string} name @param {[string, string][]} options */
function select(name, options) {
  return element(
    'select',
    { name },
    options.map(([value, label]) => element('option', { value }, [label])),
  );
}

/**
 * Puts the builder in `container`.
 * @param {HTMLElement} container
 * @param {{ scriptSrc: string, feed: string, previewNow?: string }} settings `previewNow` pins the preview's clock
 *   (the sample feed is from 2020); it never appears in the copied code.
 */
export async function mountSnippetBuilder(container, settings) {
  const feed = await (await fetch(settings.feed)).json();
  const events = feed.events ?? [];
  const members = (feed.members ?? []).filter((member) => member.status === 'active');
  const categories = [...new Set(events.flatMap((event) => event.category ?? event.categories ?? []))].sort();

  const form = element('form', { class: 'builder', 'aria-label': 'Options du widget' });
  const controls = {
    widget: select('widget', [
      ['agenda', 'Agenda'],
      ['event-card', 'Un événement'],
      ['registration-form', "Formulaire d'inscription"],
      ['member-badge', 'Badge adhérent'],
    ]),
    feed: element('input', { name: 'feed', type: 'url', value: new URL(settings.feed, location.href).href }),
    event: select(
      'event',
      events.map((event) => [event.id, event.name]),
    ),
    member: select(
      'member',
      members.map((member) => [member.id, member.name]),
    ),
    category: select('category', [['', 'Toutes'], ...categories.map((category) => [category, category])]),
    limit: element('input', { name: 'limit', type: 'number', min: '1', max: '50', value: '5' }),
    layout: select('layout', [
      ['', 'Liste'],
      ['compact', 'Compacte'],
      ['grid', 'Grille'],
    ]),
    lang: select('lang', [
      ['', 'Français'],
      ['en', 'English'],
    ]),
    theme: select('theme', [
      ['', 'Selon le visiteur'],
      ['light', 'Clair'],
      ['dark', 'Sombre'],
    ]),
    primary: element('input', { name: 'primary', type: 'color', value: '#00715a' }),
  };
  const labels = {
    widget: 'Widget',
    feed: 'Adresse du flux',
    event: 'Événement',
    member: 'Adhérent',
    category: 'Catégorie',
    limit: "Nombre d'événements",
    layout: 'Présentation',
    lang: 'Langue',
    theme: 'Thème',
    primary: 'Couleur principale',
  };
  /** Which options each widget takes. */
  const uses = {
    agenda: ['feed', 'category', 'limit', 'layout', 'lang', 'theme', 'primary'],
    'event-card': ['feed', 'event', 'layout', 'lang', 'theme', 'primary'],
    'registration-form': ['feed', 'event', 'lang', 'theme', 'primary'],
    'member-badge': ['feed', 'member', 'lang', 'theme'],
  };
  const fields = Object.fromEntries(
    Object.entries(controls).map(([name, control]) => [name, field(labels[name], control)]),
  );
  form.append(...Object.values(fields));

  const formats = [
    ['module', 'Code HTML (balise de script autorisée)'],
    ['markup', 'Sans balise personnalisée (WordPress : Auteurs, Contributeurs)'],
    ['shortcode', 'Code court (extension WordPress)'],
  ];
  const outputs = formats.map(([format, title]) => {
    const code = element('textarea', { readonly: '', rows: '7', 'aria-label': title, spellcheck: 'false' });
    const status = element('p', { role: 'status', class: 'copy-status' });
    const copy = element('button', { type: 'button' }, ['Copier le code']);
    copy.addEventListener('click', () => copyCode(code, status));
    return {
      format,
      code,
      status,
      node: element('section', { class: 'snippet' }, [element('h3', {}, [title]), code, copy, status]),
    };
  });
  const preview = element('div', { class: 'preview', 'aria-live': 'off' });
  container.replaceChildren(
    form,
    element('h2', {}, ['Le code à coller']),
    element(
      'div',
      { class: 'snippets' },
      outputs.map((output) => output.node),
    ),
    element('h2', {}, ['Aperçu']),
    preview,
  );

  const update = () => {
    const widget = /** @type {Widget} */ (controls.widget.value);
    for (const [name, node] of Object.entries(fields))
      node.hidden = name !== 'widget' && !uses[widget].includes(name);
    const event = events.find((candidate) => candidate.id === controls.event.value);
    const member = members.find((candidate) => candidate.id === controls.member.value);
    const on = (name, value) => (uses[widget].includes(name) ? value || undefined : undefined);
    const attributes = {
      'event-id': on('event', controls.event.value),
      member: on('member', controls.member.value),
      category: on('category', controls.category.value),
      limit: on('limit', controls.limit.value),
      layout: on('layout', controls.layout.value),
      lang: on('lang', controls.lang.value),
      theme: on('theme', controls.theme.value),
    };
    const fallback = {
      agenda: { href: 'https://www.reseau-alliances.org/agenda', text: "L'agenda de Réseau Alliances" },
      'event-card': {
        href: event?.url ?? 'https://www.reseau-alliances.org/agenda',
        text: event?.name ?? 'Événement',
      },
      'registration-form': {
        href: event?.url ?? 'https://www.reseau-alliances.org/agenda',
        text: `S'inscrire : ${event?.name ?? 'événement'}`,
      },
      'member-badge': {
        href: `https://www.reseau-alliances.org/membres/${member?.id ?? ''}`,
        text: `Adhérent Réseau Alliances : ${member?.name ?? ''}`,
      },
    }[widget];
    const primary = on('primary', controls.primary.value);
    const snippets = widgetSnippets({
      widget,
      scriptSrc: settings.scriptSrc,
      feed: controls.feed.value,
      attributes,
      fallback,
      properties: { '--ra-color-primary': primary === '#00715a' ? undefined : primary },
    });
    for (const output of outputs) {
      output.code.value = snippets[output.format];
      output.status.textContent = '';
    }
    // The live preview is the module snippet's tag, built with DOM calls; only the preview pins the clock.
    const tag = element(`ra-${widget}`, { feed: controls.feed.value });
    for (const [name, value] of Object.entries(attributes)) if (value) tag.setAttribute(name, value);
    if (settings.previewNow) tag.setAttribute('now', settings.previewNow);
    if (primary) tag.style.setProperty('--ra-color-primary', primary);
    tag.append(element('a', { href: fallback.href }, [fallback.text]));
    preview.replaceChildren(tag);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
}
