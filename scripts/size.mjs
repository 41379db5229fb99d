#!/usr/bin/env node
/**
 * Weight budgets of the CDN bundle, run in CI after `npm run build:cdn`: `node scripts/size.mjs [dist/cdn]`.
 *
 * A widget's first load is what the browser must download before it can render: the entry file and every chunk
 * it imports statically, transitively. Dynamic `import()`s (the sanitizer, the `.ics` builder, the registration
 * dialog) load later, when first needed, so they are listed apart and not counted. Each file is compressed on
 * its own (gzip -9, brotli 11), as a server or CDN sends it; 1 KB = 1 000 bytes, as Vite prints them.
 * Two limits per row: the budget (issue 6's target) and a ceiling (today's weight plus 2%). A missed budget is
 * reported with its weight by module group (libraries by package, our code by folder; see `moduleBreakdown`); a
 * ceiling exceeded fails, like a widget chunk that does not contain its widget at all: the weight may only go down
 * until the budgets are met (see BENCHMARKS.md for how far they are, and why).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

/** Budgets in bytes of gzip, from issue 6. */
export const budgets = { agenda: 25_000, badge: 12_000, total: 50_000 };

/** No growth: the weights measured when the ceilings were set, plus 2%. Lower them as the weight goes down. Since
 * issue 6's 38.59 / 16.30 / 74.95 KB: the agenda's first load grew by the loader that works from anywhere (issue 13,
 * 1.2 KB), the host resets, the shared domain modules (issue 9, 1.9 KB), the compact filter bar with main-thread
 * slicing (issue 10, 0.9 KB) and the render of long agendas (issue 10, 1.2 KB: one template per card shape, the
 * cards' actions handled at the root, cards rendered once without Lit's parts, which took the JS heap with 10 000
 * cards from 6× the floor's to 1.5×), and shrank by loading the JSON-LD writer and the filter panel's CSS when used.
 * The badge shrank by reading signed members without the schema (issue 16), then by becoming one file built apart
 * (`scripts/vite-cdn-standalone.ts`), without decorators, the tokens it does not read, the JSON-LD/iCalendar
 * hand-off (the event widgets register those readers), the clock it never read, Lit's `css` tag
 * (`src/internal/css.ts`), the cached reads and its CSS's line breaks (14.10 → 12.22 KB), and grew by holding its
 * place while it loads (issue 10: 12.44 KB), then by rendering its few nodes with DOM calls on Lit's
 * ReactiveElement, without lit-html (9.71 KB; the agenda's first load took 0.2 KB more as lit-html left the chunk it
 * shared with the badge), and grew by following its ancestors' language and holding its place under a badge without
 * a year (9.83 KB), and by keeping the reader's focus when the language changes (10.03 KB; the agenda 45.87 KB with
 * that, the labelled filter bars and the narrow calendar menu). Set at 45.87 / 10.03 / 127.45 KB. The whole folder grew mostly by the iCalendar reader (ical.js, 23.5 KB), which
 * with the sanitizer (DOMPurify, 11.4 KB) loads only when needed, and by the one-file badge, which repeats Lit and
 * the feed loader (the autoloader's badge chunk shares them). A missed budget prints its weight by module group. */
export const ceilings = { agenda: 46_790, badge: 10_230, total: 130_000 };

/** Sizes of one buffer: minified as served, gzip -9 and brotli at its best quality. */
export function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

// `import{a as b}from"./x.js"`, `import*as c from"./x.js"`, `import"./x.js"`, `export{d}from"./x.js"`; a
// dynamic `import(` never matches: `(` is outside the clause's characters and is not a quote.
const staticImport =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g;
const dynamicImport = /\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g;

/** The relative specifiers an ES module imports statically and dynamically. */
export function moduleImports(code) {
  return {
    static: [...code.matchAll(staticImport)].map((match) => match[2]),
    dynamic: [...code.matchAll(dynamicImport)].map((match) => match[2]),
  };
}

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** Reads and measures each file once. */
function fileTable(dir) {
  const files = new Map();
  for (const path of jsFiles(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    const code = readFileSync(path);
    const mapPath = `${path}.map`;
    const map = existsSync(mapPath) ? JSON.parse(readFileSync(mapPath, 'utf8')) : undefined;
    files.set(name, {
      name,
      code: code.toString('utf8'),
      map,
      sources: map?.sources,
      ...compressedSizes(code),
    });
  }
  return files;
}

function resolveSpecifier(from, specifier) {
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

/** `entry` and every file it imports statically, transitively, in load order; and what it can import later. */
function staticGraph(files, entry) {
  const loaded = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const file = files.get(name);
    if (!file) throw new Error(`${name} is imported but missing from the bundle`);
    loaded.push(name);
    for (const specifier of moduleImports(file.code).static) visit(resolveSpecifier(name, specifier));
  };
  visit(entry);
  const later = new Set();
  const visitLater = (name) => {
    if (seen.has(name) || later.has(name)) return;
    later.add(name);
    const file = files.get(name);
    if (!file) throw new Error(`${name} is imported but missing from the bundle`);
    const { static: eager, dynamic } = moduleImports(file.code);
    for (const specifier of [...eager, ...dynamic]) visitLater(resolveSpecifier(name, specifier));
  };
  for (const name of loaded) {
    for (const specifier of moduleImports(files.get(name).code).dynamic) {
      visitLater(resolveSpecifier(name, specifier));
    }
  }
  return { loaded, later: [...later] };
}

function sum(files, names) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of names) {
    const file = files.get(name);
    total.raw += file.raw;
    total.gzip += file.gzip;
    total.brotli += file.brotli;
  }
  return total;
}

/**
 * The chunk the autoloader imports for `tag`: the first `import()` of a string after the tag, through its URL
 * helper or not: `"ra-agenda":()=>n(e=>([…].forEach(t=>import(e(t))…),import(e("./chunks/define-….js"))))`.
 */
function autoloadedChunk(files, autoloader, tag) {
  const pattern = new RegExp(
    `["'\`]${tag}["'\`]\\s*:[^]*?\\bimport\\(\\s*(?:[\\w$]+\\(\\s*)?(["'\`])([^"'\`]+)\\1`,
  );
  const match = pattern.exec(files.get(autoloader)?.code ?? '');
  if (!match) throw new Error(`${autoloader} has no loader for <${tag}>`);
  return resolveSpecifier(autoloader, match[2]);
}

/** Library packages shown together: a library and its helpers, Lit by its three layers. */
const libraryGroups = {
  lit: 'lit-element',
  'date-fns': 'date-fns + @date-fns/tz',
  '@date-fns/tz': 'date-fns + @date-fns/tz',
  dompurify: 'DOMPurify',
};

/**
 * The group a source of the bundle belongs to: a library by its package (`lit-html`, `valibot`, …), our own code
 * by its folder (`src/feed/`) or, with `byFile`, its file.
 */
export function moduleGroup(source, { byFile = false } = {}) {
  const path = source.replaceAll('\\', '/');
  const inPackages = path.lastIndexOf('node_modules/');
  if (inPackages >= 0) {
    const parts = path.slice(inPackages + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    return libraryGroups[name] ?? name;
  }
  const own = path.replace(/^(\.\.?\/)+/, '');
  const folder = posix.dirname(own);
  // The entries at the root of src/ are one file each.
  return byFile || !folder.includes('/') ? own : `${folder}/`;
}

const glue = '(no source: bundler glue)';

/**
 * Minified bytes (UTF-8) of `code` per source of its map. A mapping covers the code from its position to the next
 * mapping's, across line ends (a template literal spans lines); what precedes the first mapping or follows a
 * mapping without a source (imports, exports, the bundler's helpers) is the bundler's glue.
 */
export function bytesBySource(code, map) {
  const lineStarts = [0];
  for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  // Offsets in UTF-16 code units, as source map columns count them.
  const marks = [{ offset: 0, source: glue }];
  new SourceMapConsumer(map).eachMapping(
    ({ generatedLine, generatedColumn, source }) =>
      marks.push({ offset: lineStarts[generatedLine - 1] + generatedColumn, source: source ?? glue }),
    undefined,
    SourceMapConsumer.GENERATED_ORDER,
  );
  const bytes = new Map();
  marks.forEach(({ offset, source }, index) => {
    const text = code.slice(offset, marks[index + 1]?.offset ?? code.length);
    if (text) bytes.set(source, (bytes.get(source) ?? 0) + Buffer.byteLength(text, 'utf8'));
  });
  return bytes;
}

/**
 * What `names` weigh per module group, in bytes of gzip: each file's gzip size shared among its modules in
 * proportion to their minified bytes (from the file's source map), summed over the files, heaviest first. Gzip
 * does not compress every module equally, so this is an estimate; the groups add up to the files' gzip exactly.
 */
export function moduleBreakdown(files, names, options) {
  const groups = new Map();
  for (const name of names) {
    const file = files.get(name);
    const bytes = file.map
      ? bytesBySource(file.code, file.map)
      : new Map([[glue, Buffer.byteLength(file.code)]]);
    const raw = [...bytes.values()].reduce((total, size) => total + size, 0);
    for (const [source, size] of bytes) {
      const group = source === glue ? glue : moduleGroup(source, options);
      const entry = groups.get(group) ?? { group, raw: 0, gzip: 0 };
      entry.raw += size;
      entry.gzip += (file.gzip * size) / raw;
      groups.set(group, entry);
    }
  }
  return [...groups.values()].sort((a, b) => b.gzip - a.gzip);
}

const widgets = [
  {
    key: 'agenda',
    label: '`<ra-agenda>` alone',
    tag: 'ra-agenda',
    source: 'src/components/agenda/define.ts',
  },
  {
    key: 'event-card',
    label: '`<ra-event-card>` alone',
    tag: 'ra-event-card',
    source: 'src/components/event-card/define.ts',
  },
  {
    key: 'registration-form',
    label: '`<ra-registration-form>` alone',
    tag: 'ra-registration-form',
    source: 'src/components/registration-form/define.ts',
  },
  {
    key: 'badge',
    label: '`<ra-member-badge>` alone (`ra-member-badge.js`)',
    entry: 'ra-member-badge.js',
    source: 'src/components/member-badge/define.ts',
  },
];

/**
 * Measures a CDN build: each widget's first load, what it may load later, and the whole folder.
 *
 * @param {string} [dir] the CDN build (default `dist/cdn`)
 * @returns a report: `rows` (label, files, raw, gzip, brotli, later, budget, and for a missed budget its
 *   `breakdown` by module group), `total`, `problems` and `missed`
 */
export function measureCdn(dir = 'dist/cdn') {
  const root = resolve(dir);
  if (!existsSync(join(root, 'ra-widgets.js'))) {
    throw new Error(`${dir}/ra-widgets.js not found: run \`npm run build:cdn\` first`);
  }
  const files = fileTable(root);
  const problems = [];
  const rows = widgets.map((widget) => {
    // Through the autoloader, only the widget's own chunk counts for what loads later: the autoloader's other
    // `import()`s are other widgets.
    const chunk = widget.entry ?? autoloadedChunk(files, 'ra-widgets.js', widget.tag);
    const graph = staticGraph(files, chunk);
    const loaded = widget.entry
      ? graph.loaded
      : [...new Set([...staticGraph(files, 'ra-widgets.js').loaded, ...graph.loaded])];
    const lazy = graph.later.filter((name) => !loaded.includes(name));
    // A bundler that believes a `define` module has no side effects leaves an empty chunk: tiny and broken.
    const sources = loaded.flatMap((name) => files.get(name).sources ?? []);
    if (sources.length && !sources.some((source) => source.endsWith(widget.source))) {
      problems.push(
        `${widget.label}: its first load (${loaded.join(', ')}) does not contain ${widget.source}; the build ` +
          'dropped the widget (check "sideEffects" in package.json)',
      );
    }
    const budget = budgets[widget.key];
    const ceiling = ceilings[widget.key];
    return {
      key: widget.key,
      label: widget.label,
      files: loaded,
      ...sum(files, loaded),
      later: { files: lazy, ...sum(files, lazy) },
      budget,
      ceiling,
    };
  });
  const all = [...files.keys()].sort();
  const total = {
    key: 'total',
    label: `everything in \`${relative(process.cwd(), root) || '.'}\` (${all.length} .js files)`,
    files: all,
    ...sum(files, all),
    budget: budgets.total,
    ceiling: ceilings.total,
  };
  const missed = [];
  for (const row of [...rows, total]) {
    if (row.budget !== undefined && row.gzip > row.budget) {
      row.breakdown = moduleBreakdown(files, row.files);
      missed.push(
        `${row.label}: ${kb(row.gzip)} gzip is over its budget of ${kb(row.budget)} (by ${kb(row.gzip - row.budget)})`,
      );
    }
    if (row.ceiling !== undefined && row.gzip > row.ceiling) {
      problems.push(
        `${row.label}: ${kb(row.gzip)} gzip is over its ceiling of ${kb(row.ceiling)}: the weight grew`,
      );
    }
  }
  return { dir, rows, total, problems, missed };
}

/** `12.34 KB` (1 KB = 1 000 bytes). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(2)} KB`;
}

/** The report as a Markdown table. */
export function sizeTable(report) {
  const lines = [
    '| what downloads | files | min | min + gzip | min + brotli | budget (gzip) | loaded later, on demand (gzip) |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of [...report.rows, report.total]) {
    const status =
      row.budget === undefined
        ? ''
        : `${kb(row.budget)} ${row.gzip > row.budget ? `**MISSED by ${kb(row.gzip - row.budget)}**` : 'ok'}`;
    const later = row.later
      ? row.later.files.length
        ? `${kb(row.later.gzip)} in ${row.later.files.length} files`
        : 'nothing'
      : '';
    lines.push(
      `| ${row.label} | ${row.files.length} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} | ${status} | ${later} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Why a budget is missed: the row's weight by module group as a Markdown table, libraries and our own folders,
 * with how the gzip size was shared among modules.
 */
export function breakdownTable(row) {
  const isOwn = (group) => group.group.startsWith('src/');
  const own = row.breakdown.filter(isOwn);
  const libraries = row.breakdown.filter((group) => !isOwn(group) && group.group !== glue);
  const sumOf = (groups, key) => groups.reduce((total, group) => total + group[key], 0);
  return [
    `${row.label}, ${kb(row.gzip)} gzip by module group (each file's gzip size shared among its modules in ` +
      'proportion to their minified bytes, from its source map):',
    '',
    '| module group | min | min + gzip (share) |',
    '|---|--:|--:|',
    ...row.breakdown.map(
      (group) =>
        `| ${isOwn(group) ? `\`${group.group}\`` : group.group} | ${kb(group.raw)} | ${kb(group.gzip)} |`,
    ),
    `| *libraries together* | ${kb(sumOf(libraries, 'raw'))} | ${kb(sumOf(libraries, 'gzip'))} |`,
    `| *our own code together* | ${kb(sumOf(own, 'raw'))} | ${kb(sumOf(own, 'gzip'))} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..', 'dist', 'cdn');
  let report;
  try {
    report = measureCdn(relative(process.cwd(), dir) || '.');
  } catch (error) {
    console.error(`size: ${error.message}`);
    process.exit(1);
  }
  console.log(sizeTable(report));
  for (const row of report.rows) console.log(`\n${row.label}: ${row.files.join(' + ')}`);
  if (report.missed.length) {
    console.log(
      `\nsize: ${report.missed.length} budget(s) missed:\n${report.missed.map((m) => `  ! ${m}`).join('\n')}`,
    );
    for (const row of [...report.rows, report.total]) {
      if (row.breakdown) console.log(`\n${breakdownTable(row)}`);
    }
  }
  if (report.problems.length) {
    console.error(
      `\nsize: ${report.problems.length} problem(s):\n${report.problems.map((p) => `  ✗ ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(report.missed.length ? '\nsize: no weight above its ceiling.' : '\nsize: every budget is met.');
}
