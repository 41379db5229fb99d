// Bundles the command-line tool into one self-contained file: dist/cli/ra-widgets.js (the package's `bin`).
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = 'dist/cli/ra-widgets.js';

await build({
  entryPoints: ['src/cli/ra-widgets.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'info',
});
chmodSync(outfile, 0o755);
