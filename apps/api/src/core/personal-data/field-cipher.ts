// Application-level encryption of special-care personal data (要配慮個人情報: health, disability,
// legal matters), so a database dump, a backup or a replica alone never reveals it (APPI).
//
// AES-256-GCM with a fresh 12-byte IV per value. Each sealed value is one line of text that
// names the key it was sealed with, so keys can rotate: new values use the active key, old
// values still open with their own key while it stays configured, and `reseal` moves them on.
//
//   v1.<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>
//
// The caller's context (e.g. `${tenantId}/${personId}/HEALTH`) is authenticated with the
// value, so a sealed value copied to another row, network or category fails to open instead of
// being shown as someone else's data. A wrong key or a tampered value always throws
// PersonalDataKeyError; GCM's tag check means it never yields garbage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Letters, digits, `_` and `-`: no dots, since the envelope is dot-separated. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const KEY_BYTES = 32;

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface KeyRing {
  /** The key new values are sealed with. */
  readonly activeKeyId: string;
  /** Every key a stored value may have been sealed with: 32 bytes each. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

export type PersonalDataKeyErrorReason = 'UNKNOWN_KEY' | 'KEY_MISMATCH' | 'MALFORMED';

export class PersonalDataKeyError extends Error {
  override readonly name = 'PersonalDataKeyError';

  constructor(
    readonly reason: PersonalDataKeyErrorReason,
    message: string,
  ) {
    super(message);
  }
}

interface Envelope {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

function malformed(detail: string): PersonalDataKeyError {
  return new PersonalDataKeyError('MALFORMED', `Sealed personal data is malformed: ${detail}.`);
}

function decodePart(part: string, what: string): Buffer {
  if (!BASE64URL.test(part)) throw malformed(`the ${what} is not base64url`);
  return Buffer.from(part, 'base64url');
}

function parseEnvelope(envelope: string): Envelope {
  if (typeof envelope !== 'string') throw malformed('it is not text');
  const parts = envelope.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw malformed(`expected ${VERSION}.<keyId>.<iv>.<tag>.<ciphertext>`);
  }
  const [, keyId, ivPart, tagPart, ciphertextPart] = parts;
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed('the key id is not valid');
  const iv = decodePart(ivPart, 'IV');
  const tag = decodePart(tagPart, 'tag');
  const ciphertext = decodePart(ciphertextPart, 'ciphertext');
  if (iv.length !== IV_BYTES) throw malformed(`the IV is ${iv.length} bytes, not ${IV_BYTES}`);
  if (tag.length !== TAG_BYTES) throw malformed(`the tag is ${tag.length} bytes, not ${TAG_BYTES}`);
  return { keyId, iv, tag, ciphertext };
}

/** The authenticated data: the format and key id as well as the caller's context. */
function additionalData(keyId: string, context: string): Buffer {
  if (typeof context !== 'string' || context === '') {
    throw new TypeError('A sealing context (such as `${tenantId}/${personId}/HEALTH`) is required');
  }
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}

export class FieldCipher {
  private readonly activeKeyId: string;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(ring: KeyRing) {
    for (const [keyId, key] of ring.keys) {
      if (!KEY_ID_PATTERN.test(keyId)) throw new Error(`Personal data key id "${keyId}" is not valid`);
      if (key.length !== KEY_BYTES) {
        throw new Error(`Personal data key "${keyId}" is ${key.length} bytes; AES-256 needs ${KEY_BYTES}`);
      }
    }
    if (!ring.keys.has(ring.activeKeyId)) {
      throw new Error(`The active personal data key "${ring.activeKeyId}" is not among the configured keys`);
    }
    this.activeKeyId = ring.activeKeyId;
    // A private copy: later changes to the caller's map cannot change what this cipher uses.
    this.keys = new Map([...ring.keys].map(([keyId, key]) => [keyId, Buffer.from(key)]));
  }

  /** Seals a JSON value. `context` is bound as AAD (e.g. `${tenantId}/${personId}/HEALTH`). */
  sealJson(value: unknown, context: string): string {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('Only JSON values can be sealed (got undefined or a function)');
    const keyId = this.activeKeyId;
    const aad = additionalData(keyId, context);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keys.get(keyId) as Buffer, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, keyId, iv, tag, ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Opens a value sealed with `context`; throws PersonalDataKeyError rather than return garbage. */
  openJson<T>(envelope: string, context: string): T {
    const { keyId, iv, tag, ciphertext } = parseEnvelope(envelope);
    const aad = additionalData(keyId, context);
    const key = this.keys.get(keyId);
    if (!key) {
      throw new PersonalDataKeyError(
        'UNKNOWN_KEY',
        `Sealed personal data uses unknown key id "${keyId}" — configure it in PERSONAL_DATA_KEYS.`,
      );
    }
    let json: string;
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      json = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // GCM cannot tell a different key from a value moved to another record or altered.
      throw new PersonalDataKeyError(
        'KEY_MISMATCH',
        `Sealed personal data cannot be decrypted with key "${keyId}": the key does not match the one it was sealed with ` +
          `(or the value was moved to another record or category, or altered).`,
      );
    }
    try {
      return JSON.parse(json) as T;
    } catch {
      throw malformed('the decrypted value is not JSON');
    }
  }

  /** The id of the key `envelope` was sealed with. */
  keyIdOf(envelope: string): string {
    return parseEnvelope(envelope).keyId;
  }

  /** True when `envelope` was sealed with a key other than the active one. */
  needsResealing(envelope: string): boolean {
    return this.keyIdOf(envelope) !== this.activeKeyId;
  }

  /** Opens with any configured key and seals again with the active one (same context). */
  reseal(envelope: string, context: string): string {
    return this.sealJson(this.openJson<unknown>(envelope, context), context);
  }
}
