// Bundles the command-line tool into one self-contained file: dist/cli/ra-widgets.js (the package's `bin`).
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

// An optional path writes it elsewhere: the tests install it in a throwaway project.
const outfile = process.argv[2] ?? 'dist/cli/ra-widgets.js';

await build({
  entryPoints: ['src/cli/ra-widgets.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  // ESM builds first: jsonc-parser's UMD main cannot be bundled as ESM.
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'info',
});
chmodSync(outfile, 0o755);
