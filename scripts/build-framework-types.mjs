// Writes the framework typings of the npm package from custom-elements.json (run after `npm run analyze`):
// `ra-widgets/react` (React 19 JSX IntrinsicElements), `ra-widgets/vue` (Vue's GlobalComponents) and
// `ra-widgets/svelte` (Svelte 5's SvelteHTMLElements). Property types are read from the element classes themselves
// (`RaAgenda['limit']`), so the manifest only says which names exist and the classes keep the truth about types.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/npm/frameworks');

/**
 * Every element in the manifest: its tag, class, the module that defines it (relative to `dist/npm/frameworks`),
 * its public writable properties, the attributes whose names differ from a property, and its events.
 */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => {
        const properties = (declaration.members ?? [])
          .filter(
            (m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public',
          )
          .filter((m) => !m.name.startsWith('#') && !/@internal\b/.test(m.description ?? ''))
          .map((m) => m.name);
        const attributes = (declaration.attributes ?? [])
          .filter((a) => a.fieldName && a.name !== a.fieldName && properties.includes(a.fieldName))
          .map((a) => ({ name: a.name, field: a.fieldName }));
        const events = [...new Set((declaration.events ?? []).map((e) => e.name).filter(Boolean))];
        const source = posix.join('..', posix.dirname(module.path.replace(/^src\//, '')), 'define.js');
        return {
          tag: declaration.tagName,
          className: declaration.name,
          source,
          properties,
          attributes,
          events,
        };
      }),
  );
}

const header = (what) =>
  `// ${what}\n// Generated from custom-elements.json by scripts/build-framework-types.mjs: do not edit.\n`;

const imports = (elements) =>
  elements.map((e) => `import type { ${e.className} } from '${e.source}';`).join('\n');

const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** Properties by their own names (a framework sets them as properties), typed from the class. */
const propertyLines = (e, indent) =>
  e.properties.map((p) => `${indent}${key(p)}?: ${e.className}['${p}'];`).join('\n');

/** Attributes spelled differently from their property (`event-id`), for frameworks that write attributes. */
const attributeLines = (e, indent) =>
  e.attributes.map((a) => `${indent}${key(a.name)}?: ${e.className}['${a.field}'];`).join('\n');

const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** `on` + the event name as React 19 and Svelte 5 spell listeners on custom elements (`onra-register`). */
const eventLines = (e, indent, name = (event) => `on${event}`) =>
  e.events
    .map(
      (event) => `${indent}${key(name(event))}?: (event: GlobalEventHandlersEventMap['${event}']) => void;`,
    )
    .join('\n');

/**
 * One props interface per element (`RaAgendaJSXProps`, …): its properties, the attributes spelled differently
 * when the framework may write attributes, and its events under the framework's listener names.
 */
const propsInterfaces = (elements, suffix, what, { attributes = true, eventName } = {}) =>
  elements
    .map((e) =>
      [
        `/** Props of \`<${e.tag}>\` ${what}. */`,
        `export interface ${e.className}${suffix} {`,
        propertyLines(e, '  '),
        ...(attributes ? [attributeLines(e, '  ')] : []),
        eventLines(e, '  ', eventName),
        '}',
      ].join('\n'),
    )
    .join('\n\n');

export function reactTypes(elements) {
  const props = propsInterfaces(
    elements,
    'JSXProps',
    'in JSX: properties, attributes and `on<event>` listeners',
  );
  const intrinsic = elements
    .map(
      (e) =>
        `      '${e.tag}': ${e.className}JSXProps &\n        Omit<React.DetailedHTMLProps<React.HTMLAttributes<${e.className}>, ${e.className}>, keyof ${e.className}JSXProps>;`,
    )
    .join('\n');
  return `${header("React 19 JSX typings for the widgets: `import type {} from 'ra-widgets/react';` once in the project.")}
// React 19 sets a prop as a property when the element has one (\`limit={5}\`, \`event={event}\`), as an attribute
// otherwise, and adds a listener for \`on\` + the event's name (\`onra-register={(e) => …}\`).
import type * as React from 'react';
${imports(elements)}

${props}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic}
    }
  }
}
`;
}

export function vueTypes(elements) {
  const props = propsInterfaces(
    elements,
    'VueProps',
    'in Vue templates (bound with `:name`, set as properties) and its `@ra-…` events',
    {
      attributes: false,
      eventName: (event) => camel(`on-${event}`),
    },
  );
  const components = elements
    .map((e) => `    '${e.tag}': DefineComponent<${e.className}VueProps>;`)
    .join('\n');
  return `${header("Vue 3 typings for the widgets: `import type {} from 'ra-widgets/vue';` once in the project.")}
// Vue compiles the tags as custom elements when \`compilerOptions.isCustomElement\` says so (see the README); these
// declarations let vue-tsc check their props and events. Vue sets a bound prop as a property when the element has one.
import type { DefineComponent } from 'vue';
${imports(elements)}

${props}

declare module 'vue' {
  interface GlobalComponents {
${components}
  }
}
`;
}

export function svelteTypes(elements) {
  const props = propsInterfaces(
    elements,
    'SvelteProps',
    'in Svelte 5 markup: properties, attributes and `on<event>` listeners',
  );
  const tags = elements
    .map(
      (e) =>
        `    '${e.tag}': ${e.className}SvelteProps & Omit<HTMLAttributes<${e.className}>, keyof ${e.className}SvelteProps>;`,
    )
    .join('\n');
  return `${header("Svelte 5 typings for the widgets: `import type {} from 'ra-widgets/svelte';` once in the project.")}
// Svelte 5 sets a prop as a property when the element has one and adds a listener for \`on\` + the event's name.
import type { HTMLAttributes } from 'svelte/elements';
${imports(elements)}

${props}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${tags}
  }
}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const elements = elementsOf(manifest);
  if (elements.length === 0)
    throw new Error('custom-elements.json lists no element: run `npm run analyze` first');
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries({
    react: reactTypes(elements),
    vue: vueTypes(elements),
    svelte: svelteTypes(elements),
  })) {
    writeFileSync(join(outDir, `${name}.d.ts`), text);
    // A module to resolve at run time too, so a plain `import 'ra-widgets/react'` also works in any bundler.
    writeFileSync(join(outDir, `${name}.js`), `// Types only: see ${name}.d.ts.\nexport {};\n`);
  }
  console.log(
    `framework typings for ${elements.map((e) => `<${e.tag}>`).join(', ')} in dist/npm/frameworks/`,
  );
}
