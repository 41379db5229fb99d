/**
 * The network's signature over its members list: Ed25519 (RFC 8032) through WebCrypto, over the canonical JSON
 * (RFC 8785, JCS) of the list as published and the signature's validity period. Changing one character of one member,
 * or the dates, breaks it; past `expires` a copy proves nothing, so a lapsed member's old copy stops working.
 *
 * In a feed, beside `members`:
 * ```json
 * "membersSignature": { "algorithm": "Ed25519", "signedAt": "2026-11-29T00:00:00Z",
 *                       "expires": "2027-01-03T00:00:00Z", "value": "<base64url of 64 bytes>" }
 * ```
 * Verifying is in every engine the badge supports (Chromium 137+, Firefox 129+, Safari 17+), in secure contexts only.
 */

/** The signature a feed carries beside its members (`membersSignature`). */
export interface MembersSignature {
  algorithm: 'Ed25519';
  /** When the list was signed: an ISO 8601 instant. */
  signedAt: string;
  /** After this instant the list proves nothing: an ISO 8601 instant. */
  expires: string;
  /** The 64-byte Ed25519 signature, base64url (RFC 4648 §5, no padding). */
  value: string;
}

/**
 * What a document's members signature is worth. `signed`: made by one of the trusted keys over exactly these
 * members and dates (whether it has expired is the caller's question, asked with its own clock).
 */
export type MembersProof =
  | { status: 'signed'; members: readonly unknown[]; signedAt: number; expires: number }
  | { status: 'unsigned' | 'malformed' | 'forged' | 'unsupported'; detail: string };

// Domain separation: these bytes can never be mistaken for another message signed with the same key.
const CONTEXT = 'ra-widgets members v1\n';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** JSON text per RFC 8785 (JCS) for values read by `JSON.parse`: keys sorted by UTF-16 code units, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  // ECMAScript's number and string serialisation is the one JCS specifies.
  return JSON.stringify(value);
}

/** The exact bytes the network signs. */
export function signedBytes(
  members: readonly unknown[],
  signedAt: string,
  expires: string,
): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(CONTEXT + canonicalJson({ expires, members, signedAt }));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function toBase64Url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const ED25519 = { name: 'Ed25519' };
const importedKeys = new Map<string, Promise<CryptoKey>>();

function publicKey(key: string): Promise<CryptoKey> {
  let imported = importedKeys.get(key);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', fromBase64(key), ED25519, false, ['verify']);
    importedKeys.set(key, imported);
  }
  return imported;
}

function instant(value: unknown): number | undefined {
  return typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) || undefined : undefined;
}

/**
 * Checks the `membersSignature` of a feed document against `keys` (raw Ed25519 public keys, base64url). Never
 * throws: a browser without WebCrypto's Ed25519 (or a page over plain `http:`) gets `unsupported`.
 */
export async function verifyMembers(
  document: Record<string, unknown>,
  keys: readonly string[],
): Promise<MembersProof> {
  const { members, membersSignature: signature } = document as {
    members?: unknown;
    membersSignature?: Partial<Record<keyof MembersSignature, unknown>>;
  };
  if (signature === undefined) return { status: 'unsigned', detail: 'the feed has no "membersSignature"' };
  const signedAt = instant(signature?.signedAt);
  const expires = instant(signature?.expires);
  if (
    !Array.isArray(members) ||
    signature?.algorithm !== 'Ed25519' ||
    signedAt === undefined ||
    expires === undefined ||
    typeof signature.value !== 'string' ||
    !/^[A-Za-z0-9_-]{86}$/.test(signature.value)
  ) {
    return {
      status: 'malformed',
      detail: '"membersSignature" is not an Ed25519 signature with ISO 8601 dates',
    };
  }
  if (!globalThis.crypto?.subtle) {
    return { status: 'unsupported', detail: 'WebCrypto is only available to pages served over HTTPS' };
  }
  const bytes = signedBytes(members, signature.signedAt as string, signature.expires as string);
  const value = fromBase64(signature.value);
  try {
    for (const key of keys) {
      if (await crypto.subtle.verify(ED25519, await publicKey(key), value, bytes)) {
        return { status: 'signed', members, signedAt, expires };
      }
    }
  } catch (error) {
    return {
      status: 'unsupported',
      detail: `this browser cannot verify Ed25519 (${(error as Error).message})`,
    };
  }
  return {
    status: 'forged',
    detail: 'the signature does not match these members and dates (changed after signing, or another key)',
  };
}

/** A PKCS #8 private key in PEM (`openssl genpkey -algorithm ed25519`), for `signMembers`. */
export function importSigningKey(pem: string, extractable = false): Promise<CryptoKey> {
  const body = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/.exec(pem)?.[1];
  if (!body) throw new TypeError('expected an Ed25519 private key in PEM ("-----BEGIN PRIVATE KEY-----")');
  return crypto.subtle.importKey('pkcs8', fromBase64(body.replace(/\s/g, '')), ED25519, extractable, [
    'sign',
  ]);
}

/** The public half of an extractable signing key: what a build puts in `RA_MEMBERS_PUBLIC_KEYS`. */
export async function publicKeyOf(privateKey: CryptoKey): Promise<string> {
  const { x } = await crypto.subtle.exportKey('jwk', privateKey);
  if (!x) throw new TypeError('not an Ed25519 key');
  return x;
}

/** Signs `members` (as they will be published) for the period from `signedAt` to `expires`. */
export async function signMembers(
  members: readonly unknown[],
  privateKey: CryptoKey,
  period: { signedAt: Date; expires: Date },
): Promise<MembersSignature> {
  const signedAt = period.signedAt.toISOString();
  const expires = period.expires.toISOString();
  const value = await crypto.subtle.sign(ED25519, privateKey, signedBytes(members, signedAt, expires));
  return { algorithm: 'Ed25519', signedAt, expires, value: toBase64Url(value) };
}
