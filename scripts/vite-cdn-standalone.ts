/**
 * A Vite plugin for the CDN build: once the main build is written, builds one more entry into the same folder as a
 * single file, with its own copy of what it imports (Lit, the feed loader), so that a page showing only that widget
 * downloads one file instead of the entry and the chunk every widget shares (`ra-member-badge.js`, issue 16).
 *
 * Code the entry would load only with `import()` is not copied: the file imports the main build's chunk for it,
 * which keeps its export names as a dynamic import's target, so the folder holds one copy of it (the badge has none
 * since the JSON-LD and iCalendar readers are registered by the event widgets' code, `loader-core.ts`). The build
 * fails if the entry would need any other file. Its style sheets' CSS is then joined onto few lines and the design
 * tokens it does not read are dropped, the source map kept exact.
 */
import { posix, relative } from 'node:path';
import { build, type InlineConfig, type Plugin, type ResolvedConfig } from 'vite';

export interface StandaloneEntry {
  /** The file name without `.js`, at the root of the CDN folder. */
  name: string;
  /** Its source module. */
  entry: string;
  /** The main build's settings the entry is built with too (`define`, plugins such as the CSS minifier). */
  config: Pick<InlineConfig, 'define' | 'plugins'>;
}

/** Points each `import()` of a module the main build put in a chunk of its own to that chunk; fails on any other. */
function lazyChunksOfMainBuild(chunkOf: Map<string, string>, entryFile: string): Plugin {
  return {
    name: 'ra-cdn-standalone-lazy-chunks',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if ((options as { kind?: string }).kind !== 'dynamic-import') return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const fileName = resolved && chunkOf.get(resolved.id);
      if (!fileName) return null;
      const path = posix.relative(posix.dirname(entryFile), fileName);
      return { id: path.startsWith('.') ? path : `./${path}`, external: true };
    },
    generateBundle(_options, bundle) {
      const extra = Object.keys(bundle).filter((file) => file.endsWith('.js') && file !== entryFile);
      if (extra.length) {
        this.error(`${entryFile} is not a single file: it also needs ${extra.join(', ')}`);
      }
    },
  };
}

/**
 * Drops the design tokens (`--_ra-*` custom properties, `src/internal/tokens.ts`) that nothing in the file reads:
 * every widget's tokens are in the shared styles, a badge reads few of them. Only a declaration alone on a line
 * without source mappings goes, and its line stays, empty: the source map stays exact.
 */
export function dropUnreadTokens(code: string, mappings: string): string {
  const read = new Set(Array.from(code.matchAll(/var\((--_ra-[\w-]+)/g), (match) => match[1]));
  const mapped = mappings.split(';');
  return code
    .split('\n')
    .map((line, index) => {
      const declared = /^(--_ra-[\w-]+):[^;{}`]*;?$/.exec(line)?.[1];
      return declared && !read.has(declared) && !mapped[index] ? '' : line;
    })
    .join('\n');
}

/** After `{ } ; , ( >`, or before `} ) ; , >`, a line break between two CSS lines needs no space. */
const tightEnd = /[{};,(>]$/;
const tightStart = /^[});,>]/;

/**
 * Joins the CSS of the style sheets onto as few lines as possible. The minifier (`vite-minify-lit-css.ts`) keeps
 * their line breaks so that every module's source map stays right: in the bundle they are lines without source
 * mappings and without indentation (the templates of HTML are indented, as Prettier writes them). Each such line
 * is joined onto the line before when that one is such a line too, so that the lines carrying code keep their
 * columns and only empty entries leave the map: it stays exact. On those lines a custom property's value loses the
 * space after its colon (leading white space is not part of the value) and `!important` the space before it.
 */
export function joinCssLines(code: string, mappings: string): { code: string; mappings: string } {
  const mapped = mappings.split(';');
  const lines: string[] = [];
  const kept: string[] = [];
  let joinable = false;
  code.split('\n').forEach((line, index) => {
    const css = !mapped[index] && !/^\s/.test(line);
    const text = css ? line.replace(/^(--[\w-]+): /, '$1:').replace(/ !important\b/g, '!important') : line;
    if (css && joinable) {
      const previous = lines.pop()!;
      const space = !previous || !text || tightEnd.test(previous) || tightStart.test(text) ? '' : ' ';
      lines.push(previous + space + text);
    } else {
      lines.push(text);
      kept.push(mapped[index] ?? '');
    }
    joinable = css;
  });
  return { code: lines.join('\n'), mappings: kept.join(';') };
}

function unreadTokens(entryFile: string): Plugin {
  return {
    name: 'ra-cdn-standalone-unread-tokens',
    generateBundle(_options, bundle) {
      const chunk = bundle[entryFile];
      if (chunk?.type !== 'chunk' || !chunk.map) return;
      const joined = joinCssLines(dropUnreadTokens(chunk.code, chunk.map.mappings), chunk.map.mappings);
      chunk.code = joined.code;
      chunk.map.mappings = joined.mappings;
      // The map file is already in the bundle, written from the chunk's map before this hook.
      const mapFile = bundle[`${entryFile}.map`];
      if (mapFile?.type !== 'asset' || typeof mapFile.source !== 'string') {
        this.error(`${entryFile}.map is missing: the lines of ${entryFile} cannot be joined`);
      }
      const map = JSON.parse(mapFile.source) as { mappings: string };
      map.mappings = joined.mappings;
      mapFile.source = JSON.stringify(map);
    },
  };
}

/** Builds `entry` as `<name>.js`, one file, after the main CDN build, with the main build's browser target. */
export function cdnStandalonePlugin({ name, entry, config }: StandaloneEntry): Plugin {
  let target: ResolvedConfig['build']['target'];
  return {
    name: 'ra-cdn-standalone',
    apply: 'build',
    configResolved(resolved) {
      target = resolved.build.target;
    },
    async writeBundle(options, bundle) {
      // Only the CDN build itself (Storybook's build reads this config too).
      if (!options.dir || !('ra-widgets.js' in bundle)) return;
      const chunkOf = new Map<string, string>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.isDynamicEntry && output.facadeModuleId) {
          chunkOf.set(output.facadeModuleId, output.fileName);
        }
      }
      const entryFile = `${name}.js`;
      await build({
        configFile: false,
        logLevel: 'warn',
        ...config,
        plugins: [
          ...(config.plugins ?? []),
          lazyChunksOfMainBuild(chunkOf, entryFile),
          unreadTokens(entryFile),
        ],
        build: {
          outDir: relative(process.cwd(), options.dir),
          emptyOutDir: false,
          sourcemap: true,
          target,
          lib: { entry: { [name]: entry }, formats: ['es'] },
          rolldownOptions: {
            // No bundler reads this file again: its pure annotations would only weigh.
            output: { minify: true, comments: { annotation: false }, entryFileNames: '[name].js' },
          },
        },
      });
    },
  };
}
