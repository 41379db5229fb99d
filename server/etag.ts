/** Strong ETags for what the server publishes, and the weak comparison RFC 9110 asks for `If-None-Match`. */
import { createHash } from 'node:crypto';

/** A strong ETag for `content`: its SHA-256. */
export function etagOf(content: string): string {
  return `"${createHash('sha256').update(content).digest('base64url')}"`;
}

/** `true` when the request's `If-None-Match` names `etag` (weakly: `W/"…"` matches `"…"`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return (
    ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  );
}
