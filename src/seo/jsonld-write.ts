/**
 * Writes a widget's JSON-LD. Feed text is untrusted: the serialization cannot close its `<script>`, and it is set
 * as text, never as HTML. Loaded with the schema.org builder, once there is something to publish.
 */
import { ownScripts } from './jsonld-script.js';

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` become `\u003c`… so feed text cannot close the
 * script or open a comment, and U+2028/U+2029 are escaped for older JavaScript parsers. Still valid JSON.
 */
export function jsonLdScriptText(data: unknown): string {
  return (JSON.stringify(data) ?? 'null').replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

interface ScriptPolicy {
  createScript(text: string): unknown;
}

let policy: ScriptPolicy | null | undefined;

/**
 * The text as the page's Trusted Types want it: under `require-trusted-types-for 'script'` a script's text must be
 * a `TrustedScript`, even for a data block. The policy is this module's own and only ever sees
 * `jsonLdScriptText`'s output. `undefined` when the page's `trusted-types` directive refuses the policy's name.
 */
function trustedScriptText(text: string): unknown {
  const trustedTypes = (
    globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptPolicy } }
  ).trustedTypes;
  if (!trustedTypes) return text;
  if (policy === undefined) {
    try {
      policy = trustedTypes.createPolicy('ra-widgets-jsonld', { createScript: (json: string) => json });
    } catch (error) {
      policy = null;
      console.warn(
        "[ra-widgets] no JSON-LD for search engines: the page's trusted-types directive refuses the policy " +
          '"ra-widgets-jsonld" (add it to the directive to publish the events).',
        error,
      );
    }
  }
  return policy ? policy.createScript(text) : undefined;
}

/**
 * Puts `data` in the host's one `<script type="application/ld+json" data-ra-jsonld>` light-DOM child, creating it
 * if needed. The text is only rewritten when it changed.
 */
export function upsertJsonLd(host: Element, data: unknown): HTMLScriptElement {
  const [script, ...extra] = ownScripts(host);
  for (const duplicate of extra) duplicate.remove();
  const target = script ?? host.ownerDocument.createElement('script');
  if (!script) {
    target.type = 'application/ld+json';
    target.setAttribute('data-ra-jsonld', '');
    host.append(target);
  }
  const text = jsonLdScriptText(data);
  if (target.textContent !== text) {
    const trusted = trustedScriptText(text);
    if (trusted === undefined) target.remove();
    else target.textContent = trusted as string;
  }
  return target;
}
