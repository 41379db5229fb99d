/**
 * A Vite plugin for the CDN build: in the autoloader (`src/autoloader.ts`), each
 * `importChunk(() => import("./chunks/x.js"))` becomes
 * `importChunk((r) => (["./chunks/dep.js", …].forEach(…import(r(dep))…), import(r("./chunks/x.js"))))`:
 * - `r` makes the path absolute from the script's own URL when it runs as a classic script (a cross-origin one
 *   without `crossorigin` resolves `import()` against `about:blank`);
 * - every chunk the widget's chunk imports, however deep, is requested at once: two round trips in all.
 * The build fails if an `import()` of the autoloader is left as it was, or if it has a static import.
 */
import { posix } from 'node:path';
import type { Plugin } from 'vite';

interface ChunkInfo {
  imports: string[];
}

/** The chunks `fileName` imports statically, however deep, in a stable order. */
function staticImports(
  fileName: string,
  chunks: Record<string, ChunkInfo>,
  seen = new Set<string>(),
): string[] {
  for (const imported of chunks[fileName]?.imports ?? []) {
    if (seen.has(imported)) continue;
    seen.add(imported);
    staticImports(imported, chunks, seen);
  }
  return [...seen];
}

/** A path relative to the autoloader, as `import()` wants it. */
function fromAutoloader(autoloader: string, fileName: string): string {
  const path = posix.relative(posix.dirname(autoloader), fileName);
  return path.startsWith('.') ? path : `./${path}`;
}

export function cdnAutoloaderPlugin(autoloader = 'ra-widgets.js'): Plugin {
  return {
    name: 'ra-cdn-autoloader',
    apply: 'build',
    renderChunk(code, chunk, _options, meta) {
      if (chunk.fileName !== autoloader) return null;
      // Pasted as a classic script, it can have no static import: a module it shares with a chunk would be one.
      if (chunk.imports.length)
        this.error(`${autoloader}: imports ${chunk.imports.join(', ')}; a classic script cannot import`);
      const chunks = meta.chunks as Record<string, ChunkInfo>;
      let rewritten = 0;
      const result = code.replace(
        /importChunk\(\(\) => import\("([^"]+)"\)/g,
        (_match, specifier: string) => {
          rewritten += 1;
          const target = posix.join(posix.dirname(autoloader), specifier);
          const preload = staticImports(target, chunks).map((file) => fromAutoloader(autoloader, file));
          return (
            `importChunk((r) => (${JSON.stringify(preload)}.forEach((p) => import(r(p)).catch(() => {})), ` +
            `import(r(${JSON.stringify(specifier)})))`
          );
        },
      );
      const imports = code.match(/\bimport\(/g)?.length ?? 0;
      if (rewritten === 0 || rewritten !== imports) {
        this.error(
          `${autoloader}: ${imports - rewritten} import() left as they were (expected importChunk(() => import("…")))`,
        );
      }
      // The edits stay within their lines: a line-to-line map keeps the source map true to the line.
      const lines = result.split('\n').length;
      const mappings = ['AAAA', ...Array.from({ length: lines - 1 }, () => 'AACA')].join(';');
      return { code: result, map: { version: 3, sources: [chunk.fileName], names: [], mappings } };
    },
  };
}
