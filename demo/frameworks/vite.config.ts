// One Vite config for the four apps: `vite build <app> --config vite.config.ts` (the app folder is Vite's root).
// Vue and Svelte compile their own files; React's JSX and Angular's decorators need no plugin (see README.md).
import { readFileSync } from 'node:fs';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

/** The demo feed at `/feed.json`, in development and in every build. */
function demoFeed(): Plugin {
  const feed = readFileSync(new URL('../data/feed.json', import.meta.url));
  return {
    name: 'ra-demo-feed',
    configureServer(server) {
      server.middlewares.use('/feed.json', (_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(feed);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'feed.json', source: feed });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    demoFeed(),
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ra-') } } }),
    svelte(),
  ],
  oxc: { jsx: { runtime: 'automatic' } },
  // Angular compiled just in time ships its compiler (see angular/main.ts): the one chunk above Vite's 500 kB hint.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
