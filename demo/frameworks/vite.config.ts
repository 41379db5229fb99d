// One Vite config for the four apps: `vite build <app> --config vite.config.ts` (the app folder is Vite's root).
// Vue and Svelte compile their own files; React's JSX and Angular's decorators need no plugin (see README.md).
import { basename, dirname } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { sampleFeedWithEndpoints } from '../../scripts/sample-feed.mjs';

/** The demo feed at `/feed.json`, in development and in every build, with its registration endpoints. */
function demoFeed(): Plugin {
  const feed = sampleFeedWithEndpoints('http://127.0.0.1:8787');
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

const titles: Record<string, string> = {
  react: 'React 19',
  vue: 'Vue 3',
  svelte: 'Svelte 5',
  angular: 'Angular 21',
};

/** The page around each app's `index.html`, which holds only the app's root element and its script. */
function sharedPage(): Plugin {
  return {
    name: 'ra-demo-page',
    transformIndexHtml: {
      order: 'pre',
      handler: (body, { filename }) => {
        const app = basename(dirname(filename));
        return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>ra-widgets in ${titles[app] ?? app}</title>
  </head>
  <body>
${body}  </body>
</html>
`;
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    demoFeed(),
    sharedPage(),
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ra-') } } }),
    svelte(),
  ],
  oxc: { jsx: { runtime: 'automatic' } },
  // Angular compiled just in time ships its compiler (see angular/main.ts): the one chunk above Vite's 500 kB hint.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
