// Writes dist/feed.schema.json from the valibot schema (src/feed/schema.ts is the single source of truth).
import { mkdirSync, writeFileSync } from 'node:fs';
import { feedJsonSchema } from '../src/feed/json-schema.js';

const output = new URL('../dist/feed.schema.json', import.meta.url);
mkdirSync(new URL('.', output), { recursive: true });
writeFileSync(output, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${output.pathname}`);
