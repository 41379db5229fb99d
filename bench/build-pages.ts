/** The bench pages: bench/pages/*.ts bundled from source (ours included) by esbuild, and their HTML. */
import { build } from 'esbuild';
import { join } from 'node:path';

/** How every bench page and reference is bundled: minified ES modules for today's browsers. */
export const browserBundle = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'error',
} as const;

export const pageNames = ['ours', 'floor', 'fullcalendar', 'parse'] as const;

/** The pages of bench/pages/ bundled from source (ours included) into a temporary folder. */
export async function buildPages(root: string, outdir: string): Promise<void> {
  await build({
    entryPoints: pageNames.map((name) => join(root, 'bench', 'pages', `${name}.ts`)),
    ...browserBundle,
    outdir,
    tsconfig: join(root, 'tsconfig.json'),
  });
}

export function pageHtml(name: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name}</title></head><body><script type="module" src="/pages/${name}.js"></script></body></html>`;
}
