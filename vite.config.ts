import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vite';
import { cdnAutoloaderPlugin } from './scripts/vite-cdn-autoloader.js';
import { minifyLitCssPlugin } from './scripts/vite-minify-lit-css.js';

/** Every shipped module: tests, stories and the Node-only CLI stay out of the browser builds. */
function sourceModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'cli' ? [] : sourceModules(path);
    return /\.ts$/.test(name) && !/\.(test|node-test|stories)\.ts$/.test(name) ? [path] : [];
  });
}

const runtimeDependencies = /^(lit|@lit\/|@lit-labs\/|date-fns|@date-fns\/|valibot|dompurify)/;

export default defineConfig(({ mode }) => {
  if (mode === 'npm') {
    // For bundler users: one ES module per source module, dependencies left to their bundler.
    const entries = Object.fromEntries(
      sourceModules('src').map((path) => [relative('src', path).replace(/\.ts$/, ''), path]),
    );
    return {
      build: {
        outDir: 'dist/npm',
        emptyOutDir: true,
        sourcemap: true,
        minify: false,
        lib: { entry: entries, formats: ['es'] },
        rolldownOptions: {
          external: (id) => runtimeDependencies.test(id),
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
    };
  }
  // The CDN bundle: self-contained (lit included), minified; each widget and rarely used code in its own lazy chunk.
  return {
    // The CSS inside Lit's css`` templates is plain text to the minifier: squeeze it ourselves.
    // The autoloader imports its chunks by absolute URL, all at once (see the plugin).
    plugins: [minifyLitCssPlugin(), cdnAutoloaderPlugin()],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
      lib: {
        entry: {
          'ra-widgets': 'src/autoloader.ts',
          'ra-member-badge': 'src/components/member-badge/define.ts',
          // The demo's and Storybook's snippet builder.
          'badge-snippet': 'src/components/member-badge/snippet.ts',
        },
        formats: ['es'],
      },
      rolldownOptions: {
        output: {
          minify: true,
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
