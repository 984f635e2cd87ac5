// A software passkey authenticator for tests without a browser: ES256 key pairs from node:crypto,
// answers built as a platform authenticator builds them (clientDataJSON, authenticator data,
// a 'none' attestation in CBOR, an ECDSA signature), so the API's real verification runs on them.
// It answers whatever the options ask; the options' knobs let a test forge what an attacker would.
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

export interface SoftwareCredential {
  readonly id: string;
  readonly rpId: string;
  readonly userHandle: string;
  readonly privateKey: KeyObject;
  counter: number;
}

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
}

export class SoftwareAuthenticator {
  readonly credentials: SoftwareCredential[] = [];

  constructor(readonly origin: string) {}

  /** navigator.credentials.create: a new ES256 credential, attestation 'none'. */
  register(optionsJson: string, answer: { userVerified?: boolean; origin?: string } = {}): RegistrationResponseJSON {
    const options = JSON.parse(optionsJson) as PublicKeyCredentialCreationOptionsJSON;
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credentialId = randomBytes(16);
    const cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'))],
        [-3, new Uint8Array(Buffer.from(jwk.y ?? '', 'base64url'))],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const flags = FLAG_USER_PRESENT | FLAG_ATTESTED_CREDENTIAL | (answer.userVerified === false ? 0 : FLAG_USER_VERIFIED);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([flags]),
      counterBytes(0),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      credentialId,
      Buffer.from(cosePublicKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    const clientDataJSON = JSON.stringify({
      type: 'webauthn.create',
      challenge: options.challenge,
      origin: answer.origin ?? this.origin,
      crossOrigin: false,
    });
    const id = b64url(credentialId);
    this.credentials.push({ id, rpId, userHandle: options.user.id, privateKey, counter: 0 });
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(Buffer.from(clientDataJSON)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /**
   * navigator.credentials.get: signs with the credential the options allow (or the first one
   * held, for a discoverable sign-in). The knobs forge an answer: another credential, a counter
   * of one's choosing, no user verification, another key, another user handle.
   */
  authenticate(
    optionsJson: string,
    answer: {
      credential?: SoftwareCredential;
      counter?: number;
      userVerified?: boolean;
      signingKey?: KeyObject;
      userHandle?: string;
    } = {},
  ): AuthenticationResponseJSON {
    const options = JSON.parse(optionsJson) as PublicKeyCredentialRequestOptionsJSON;
    const allowed = new Set((options.allowCredentials ?? []).map((entry) => entry.id));
    const credential =
      answer.credential ?? this.credentials.find((candidate) => allowed.size === 0 || allowed.has(candidate.id));
    if (!credential) throw new Error('SoftwareAuthenticator: no credential for these options');
    credential.counter = answer.counter ?? credential.counter + 1;
    const flags = FLAG_USER_PRESENT | (answer.userVerified === false ? 0 : FLAG_USER_VERIFIED);
    const authenticatorData = Buffer.concat([sha256(options.rpId ?? credential.rpId), Buffer.from([flags]), counterBytes(credential.counter)]);
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: this.origin, crossOrigin: false }),
    );
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), answer.signingKey ?? credential.privateKey);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
        userHandle: answer.userHandle ?? credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}

/** A key that belongs to no registered credential (a forged signature). */
export function strangerKey(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}
