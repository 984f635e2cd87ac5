import { FieldCipher, KeyRing, PersonalDataKeyError } from './field-cipher';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);
const context = '6f1c2a4e-0000-4000-8000-000000000001/6f1c2a4e-0000-4000-8000-000000000002/HEALTH';

function ring(activeKeyId: string, keys: Record<string, Buffer>): KeyRing {
  return { activeKeyId, keys: new Map(Object.entries(keys)) };
}

function errorOf(action: () => unknown): PersonalDataKeyError {
  try {
    action();
  } catch (error) {
    if (error instanceof PersonalDataKeyError) return error;
    throw error;
  }
  throw new Error('expected a PersonalDataKeyError');
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher(ring('k1', { k1: keyA }));

  it('round-trips JSON values, including Japanese text', () => {
    const value = { conditions: ['糖尿病', 'うつ病'], notes: '通院は月に一度', since: 2019, urgent: false };
    const sealed = cipher.sealJson(value, context);
    expect(cipher.openJson(sealed, context)).toEqual(value);
    expect(cipher.openJson(cipher.sealJson('text', context), context)).toBe('text');
    expect(cipher.openJson(cipher.sealJson(null, context), context)).toBeNull();
  });

  it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> with a 12-byte IV and a 16-byte tag, never the plain text', () => {
    const sealed = cipher.sealJson({ diagnosis: '統合失調症' }, context);
    const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split('.');
    expect([version, keyId, rest]).toEqual(['v1', 'k1', []]);
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('統合失調症');
    expect(Buffer.from(ciphertext, 'base64url').toString('utf8')).not.toContain('diagnosis');
  });

  it('uses a fresh IV each time, so equal values do not look equal', () => {
    expect(cipher.sealJson('same', context)).not.toBe(cipher.sealJson('same', context));
  });

  it('refuses a value moved to another row or category (the context is authenticated)', () => {
    const sealed = cipher.sealJson({ disability: '身体障害 2級' }, context);
    for (const other of [context.replace('HEALTH', 'DISABILITY'), context.replace('0002', '0003')]) {
      const error = errorOf(() => cipher.openJson(sealed, other));
      expect(error.reason).toBe('KEY_MISMATCH');
    }
  });

  it('says clearly when the key does not match, instead of returning garbage', () => {
    const sealed = cipher.sealJson({ legal: '保護観察中' }, context);
    const impostor = new FieldCipher(ring('k1', { k1: keyB }));
    const error = errorOf(() => impostor.openJson(sealed, context));
    expect(error).toBeInstanceOf(Error);
    expect(error.reason).toBe('KEY_MISMATCH');
    expect(error.message).toMatch(/^Sealed personal data cannot be decrypted with key "k1": the key does not match the one it was sealed with/);
  });

  it('names an unknown key id and where to configure it', () => {
    const sealed = new FieldCipher(ring('old', { old: keyB })).sealJson('x', context);
    const error = errorOf(() => cipher.openJson(sealed, context));
    expect(error.reason).toBe('UNKNOWN_KEY');
    expect(error.message).toBe('Sealed personal data uses unknown key id "old" — configure it in PERSONAL_DATA_KEYS.');
  });

  it('detects tampering with the ciphertext, the tag or the key id', () => {
    const sealed = cipher.sealJson({ a: 1 }, context);
    const parts = sealed.split('.');
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    const tamperedText = [...parts.slice(0, 4), flip(parts[4])].join('.');
    const tamperedTag = [...parts.slice(0, 3), flip(parts[3]), parts[4]].join('.');
    expect(errorOf(() => cipher.openJson(tamperedText, context)).reason).toBe('KEY_MISMATCH');
    expect(errorOf(() => cipher.openJson(tamperedTag, context)).reason).toBe('KEY_MISMATCH');
    // The key id is authenticated too: relabelling a value under another configured key fails.
    const both = new FieldCipher(ring('k1', { k1: keyA, k2: keyA }));
    const relabelled = ['v1', 'k2', ...parts.slice(2)].join('.');
    expect(errorOf(() => both.openJson(relabelled, context)).reason).toBe('KEY_MISMATCH');
  });

  it.each([
    ['not an envelope', 'hello'],
    ['another version', 'v2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['a bad key id', 'v1.k!1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['a short IV', 'v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['a short tag', 'v1.k1.AAAAAAAAAAAAAAAA.AAAA.AAAA'],
    ['no ciphertext', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.'],
    ['non-base64url bytes', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA+/'],
    ['too many parts', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA.AAAA'],
  ])('rejects %s as MALFORMED', (_, envelope) => {
    const error = errorOf(() => cipher.openJson(envelope, context));
    expect(error.reason).toBe('MALFORMED');
    expect(error.message).toMatch(/^Sealed personal data is malformed: /);
  });

  it('rotates: opens values of older keys, seals with the active one and says which need resealing', () => {
    const before = new FieldCipher(ring('k1', { k1: keyA }));
    const old = before.sealJson({ n: 1 }, context);
    const after = new FieldCipher(ring('k2', { k2: keyB, k1: keyA }));
    expect(after.keyIdOf(old)).toBe('k1');
    expect(after.needsResealing(old)).toBe(true);
    expect(after.openJson(old, context)).toEqual({ n: 1 });

    const resealed = after.reseal(old, context);
    expect(after.keyIdOf(resealed)).toBe('k2');
    expect(after.needsResealing(resealed)).toBe(false);
    expect(after.openJson(resealed, context)).toEqual({ n: 1 });
    expect(errorOf(() => before.openJson(resealed, context)).reason).toBe('UNKNOWN_KEY');
  });

  it('refuses a key ring it cannot use', () => {
    expect(() => new FieldCipher(ring('k1', { k1: Buffer.alloc(16) }))).toThrow(/16 bytes; AES-256 needs 32/);
    expect(() => new FieldCipher(ring('k9', { k1: keyA }))).toThrow(/active personal data key "k9" is not among/);
    expect(() => new FieldCipher(ring('k.1', { 'k.1': keyA }))).toThrow(/key id "k.1" is not valid/);
  });

  it('refuses to seal without a context or a JSON value', () => {
    expect(() => cipher.sealJson('x', '')).toThrow(TypeError);
    expect(() => cipher.sealJson(undefined, context)).toThrow(TypeError);
  });
});
