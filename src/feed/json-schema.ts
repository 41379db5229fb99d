/**
 * The feed contract as JSON Schema (draft-07), generated from the valibot schema so the two cannot drift. Checks
 * JSON Schema cannot express (a calendar day that exists, a known time zone, endDate after startDate) are left
 * out; `validate-feed` runs them all.
 */
import { toJsonSchema, type JSONSchema7 } from '@valibot/to-json-schema';
import { VERSION } from '../internal/version.js';
import { FeedSchema } from './schema.js';

/** Where the published schema lives; feeds may point their `$schema` at it. */
export const FEED_SCHEMA_ID = `https://unpkg.com/ra-widgets@${VERSION}/dist/feed.schema.json`;

/** The JSON Schema of a version 1 feed document. */
export function feedJsonSchema(): JSONSchema7 {
  const schema = toJsonSchema(FeedSchema, {
    target: 'draft-07',
    // `v.check` and cross-field checks have no JSON Schema equivalent: keep the rest of the schema.
    errorMode: 'ignore',
  }) as JSONSchema7;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: FEED_SCHEMA_ID,
    title: 'Réseau Alliances feed, version 1',
    description:
      'The agenda and members of the Réseau Alliances network, read by the ra-widgets web components. ' +
      'See docs/feed-format.md; validate a feed with `npx ra-widgets validate-feed <file-or-url>`.',
    ...schema,
  };
}
