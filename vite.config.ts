import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { cdnAutoloaderPlugin } from './scripts/vite-cdn-autoloader.js';
import { cdnStandalonePlugin } from './scripts/vite-cdn-standalone.js';
import { minifyLitCssPlugin } from './scripts/vite-minify-lit-css.js';

/** Every shipped module: tests, stories and the Node-only CLI stay out of the browser builds. */
function sourceModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'cli' ? [] : sourceModules(path);
    return /\.ts$/.test(name) && !/\.(test|node-test|stories)\.ts$/.test(name) ? [path] : [];
  });
}

/** The network the member badge trusts (src/feed/network.ts): unset, a development build trusting the dev key. */
const { RA_NETWORK_ORIGIN: networkOrigin, RA_MEMBERS_PUBLIC_KEYS: membersKeys } = process.env;
const define = {
  ...(networkOrigin && { __RA_NETWORK_ORIGIN__: JSON.stringify(networkOrigin) }),
  ...(membersKeys && {
    __RA_MEMBERS_KEYS__: JSON.stringify(membersKeys.split(',').map((key) => key.trim())),
  }),
};

/**
 * The rules that hold each widget's place until its code arrives (README), beside the bundle and versioned with it:
 * for a bundler's CSS import, for a page that links them, and for the demo.
 */
function reserveCssPlugin(): Plugin {
  return {
    name: 'ra-reserve-css',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'ra-widgets-reserve.css',
        source: readFileSync('integrations/wordpress/ra-widgets-reserve.css', 'utf8'),
      });
    },
  };
}

const runtimeDependencies = /^(lit|@lit\/|@lit-labs\/|date-fns|@date-fns\/|valibot|dompurify)/;

export default defineConfig(({ mode }) => {
  if (mode === 'npm') {
    // For bundler users: one ES module per source module, dependencies left to their bundler.
    const entries = Object.fromEntries(
      sourceModules('src').map((path) => [relative('src', path).replace(/\.ts$/, ''), path]),
    );
    return {
      define,
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
    // A page with only a member badge loads `ra-member-badge.js`, built apart as one file (see the plugin); the
    // autoloader's badge chunk shares Lit and the loader with the other widgets.
    plugins: [
      minifyLitCssPlugin(),
      cdnAutoloaderPlugin(),
      reserveCssPlugin(),
      cdnStandalonePlugin({
        name: 'ra-member-badge',
        entry: 'src/components/member-badge/define.ts',
        config: { define, plugins: [minifyLitCssPlugin()] },
      }),
    ],
    define,
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
      lib: {
        entry: {
          'ra-widgets': 'src/autoloader.ts',
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
