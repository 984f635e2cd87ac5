// Passkeys (WebAuthn): adding them to my account, naming and removing them, and signing in with
// one, either as the second step after a right password or as the only step (passwordless: a
// discoverable credential with user verification is itself two factors, something held and a
// PIN or biometric). @simplewebauthn/server does the verification (attestation formats, COSE
// keys, signature counters); this service keeps the challenges single-use and the rows.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import {
  ChallengePurpose,
  createChallenge,
  findOpenChallenge,
  OpenChallenge,
  recordChallengeFailure,
  spendChallenge,
} from '../../core/auth/auth-challenges';
import type { AuthenticationMethod, IssuedSession } from '../../core/auth/session-tokens';
import { ClientInfo, recordSecurityEvent, storableAddress } from '../../core/auth/security-log';
import { APP_CONFIG, AppConfig } from '../../core/config/config';
import { queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { usableId } from '../../core/graphql/ids';
import { runAsUser, runInAuthContext } from '../../core/tenancy/tenant-transaction';
import { enrolledFactors } from '../../core/auth/second-factors';
import { AccountsService, SignedIn } from '../accounts/accounts.service';
import { SecondFactorsService } from '../second-factors/second-factors.service';
import type { Passkey, PasskeyCeremony } from './passkey.model';
import { passkeyByCredentialId, passkeysOf, recordPasskeyUse, StoredPasskey } from './passkey-credentials';

/**
 * Passwordless ceremonies one address may open in 5 minutes (each is a row, asked for without
 * signing in). Generous: an office signs in from one address.
 */
export const MAX_OPEN_SIGN_INS_PER_ADDRESS = 100;
/** A browser's answer larger than this is not a passkey's (attestation certificates included). */
const MAX_RESPONSE_JSON_LENGTH = 64 * 1024;

const NOT_VERIFIED = {
  ja: 'パスキーを確認できませんでした。もう一度お試しください。',
  en: 'The passkey could not be verified. Please try again.',
};
const CHALLENGE_EXPIRED = {
  ja: 'ログインの手続きの有効期限が切れました。最初からやり直してください。',
  en: 'This sign-in has expired. Please start again.',
};
/** The reason the second step's other answers (TOTP, recovery code) give when it is spent or expired. */
const SECOND_STEP_ENDED = 'SECOND_FACTOR_CHALLENGE_ENDED';
const PASSKEY_NOT_FOUND = { ja: '指定されたパスキーが見つかりません。', en: 'That passkey was not found.' };

interface PasskeyRow {
  id: string;
  label: string;
  created_at: Date;
  last_used_at: Date | null;
  device_type: string | null;
  backed_up: boolean;
}

const PASSKEY_COLUMNS = `id, label, created_at, last_used_at, device_type, backed_up`;

function toPasskey(row: PasskeyRow): Passkey {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    multiDevice: row.device_type === 'multiDevice',
    backedUp: row.backed_up,
  };
}

/** The WebAuthn user handle: the user's id as its 16 bytes (no personal data, stable). */
function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replace(/-/g, ''), 'hex'));
}

function validLabel(label: string): string {
  const trimmed = label.trim();
  if (trimmed.length < 1 || trimmed.length > 100) {
    const message = { ja: 'パスキーの名前は1〜100文字で入力してください。', en: 'Name the passkey with 1 to 100 characters.' };
    throw new AppError('BAD_USER_INPUT', message, { reason: 'INVALID_LABEL', fields: { label: message } });
  }
  return trimmed;
}

/** The browser's answer, or null when it is not a JSON object that could be one. */
function parseResponse<T extends RegistrationResponseJSON | AuthenticationResponseJSON>(json: string): T | null {
  if (json.length > MAX_RESPONSE_JSON_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    const candidate = value as Partial<T>;
    if (typeof candidate.id !== 'string' || typeof candidate.response !== 'object' || candidate.response === null) return null;
    return value as T;
  } catch {
    return null;
  }
}

/** A browser's answer checked against a stored passkey (whose owner a failure is logged for). */
interface Assertion {
  readonly ownerId: string;
  readonly verified: boolean;
}

type SignInOutcome =
  | { kind: 'ok'; userId: string; membershipId: string; session: IssuedSession }
  | { kind: 'expired' }
  | { kind: 'failed' };

@Injectable()
export class PasskeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly secondFactors: SecondFactorsService,
  ) {}

  private get relyingParty() {
    return this.config.auth.webauthn;
  }

  // --- my passkeys -------------------------------------------------------------------------------

  async myPasskeys(actor: RequestActor): Promise<Passkey[]> {
    const rows = await runAsUser(this.dataSource, actor.userId, (manager) =>
      queryRows<PasskeyRow>(
        manager,
        `SELECT ${PASSKEY_COLUMNS} FROM user_passkeys WHERE user_id = $1 ORDER BY created_at, id LIMIT 100`,
        [actor.userId],
      ),
    );
    return rows.map(toPasskey);
  }

  async beginRegistration(actor: RequestActor, client: ClientInfo): Promise<PasskeyCeremony> {
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      // A passkey signs in alone: adding one needs the same recent proof as any factor change, or a
      // stolen session could plant its own way in that outlives a password reset.
      await this.secondFactors.assertRecentAuthentication(manager, actor);
      const existing = await passkeysOf(manager, actor.userId);
      const options = await generateRegistrationOptions({
        rpName: this.relyingParty.rpName,
        rpID: this.relyingParty.rpId,
        userName: actor.email,
        userDisplayName: actor.displayName,
        userID: userHandleOf(actor.userId),
        attestationType: 'none',
        // One authenticator holds one passkey for this account.
        excludeCredentials: existing.map(({ credential }) => ({ id: credential.id, transports: credential.transports })),
        // Discoverable, so the passkey also signs in without the email address and password.
        authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' },
      });
      const challenge = await createChallenge(manager, {
        purpose: 'PASSKEY_REGISTRATION',
        userId: actor.userId,
        client,
        webauthnChallenge: options.challenge,
      });
      return { token: challenge.token, expiresAt: challenge.expiresAt, optionsJson: JSON.stringify(options) };
    });
  }

  async finishRegistration(actor: RequestActor, token: string, responseJson: string, label: string): Promise<Passkey> {
    const name = validLabel(label);
    const response = parseResponse<RegistrationResponseJSON>(responseJson);
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      await this.secondFactors.assertRecentAuthentication(manager, actor);
      const challenge = await findOpenChallenge(manager, token, 'PASSKEY_REGISTRATION');
      if (!challenge || challenge.userId !== actor.userId || !challenge.webauthnChallenge) {
        throw new AppError('BAD_USER_INPUT', CHALLENGE_EXPIRED, { reason: 'CHALLENGE_EXPIRED' });
      }
      const verification = response
        ? await verifyRegistrationResponse({
            response,
            expectedChallenge: challenge.webauthnChallenge,
            expectedOrigin: [...this.relyingParty.origins],
            expectedRPID: this.relyingParty.rpId,
            requireUserVerification: false,
          }).catch(() => null)
        : null;
      if (!verification?.verified) throw new AppError('BAD_USER_INPUT', NOT_VERIFIED, { reason: 'PASSKEY_NOT_VERIFIED' });
      const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
      const [row] = await queryRows<PasskeyRow>(
        manager,
        `INSERT INTO user_passkeys (user_id, credential_id, public_key, sign_count, transports, device_type, backed_up, label)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (credential_id) DO NOTHING
         RETURNING ${PASSKEY_COLUMNS}`,
        [
          actor.userId,
          credential.id,
          Buffer.from(credential.publicKey),
          credential.counter,
          credential.transports ?? [],
          credentialDeviceType,
          credentialBackedUp,
          name,
        ],
      );
      if (!row) {
        throw new AppError(
          'CONFLICT',
          { ja: 'このパスキーはすでに登録されています。', en: 'This passkey is already registered.' },
          { reason: 'PASSKEY_ALREADY_REGISTERED' },
        );
      }
      await spendChallenge(manager, challenge.id);
      // As when an authenticator app is confirmed: no session of mine has to enrol any more, and
      // the other sessions (perhaps opened with the password alone) end.
      await manager.query(`UPDATE sessions SET second_factor_enrolment_required = false WHERE user_id = $1`, [actor.userId]);
      await this.accounts.revokeSessions(manager, `user_id = $1 AND id <> $2`, [actor.userId, actor.sessionId], 'SECOND_FACTOR_CHANGED');
      await recordSecurityEvent(manager, {
        userId: actor.userId,
        kind: 'PASSKEY_ADDED',
        method: 'PASSKEY',
        networkId: actor.tenantId,
        sessionId: actor.sessionId,
      });
      return toPasskey(row);
    });
  }

  async rename(actor: RequestActor, passkeyId: string, label: string): Promise<Passkey> {
    const name = validLabel(label);
    const [row] = usableId(passkeyId)
      ? await runAsUser(this.dataSource, actor.userId, (manager) =>
          queryRows<PasskeyRow>(
            manager,
            `UPDATE user_passkeys SET label = $3 WHERE id = $1 AND user_id = $2 RETURNING ${PASSKEY_COLUMNS}`,
            [passkeyId, actor.userId, name],
          ),
        )
      : [];
    if (!row) throw new AppError('NOT_FOUND', PASSKEY_NOT_FOUND);
    return toPasskey(row);
  }

  /**
   * Needs a recent proof of identity in this session (a stolen, long-lived session must not
   * strip the account of its factors). My other sessions end: one of them may have been opened
   * with the passkey being removed.
   */
  async remove(actor: RequestActor, passkeyId: string): Promise<void> {
    const removed = await runAsUser(this.dataSource, actor.userId, async (manager) => {
      await this.secondFactors.assertRecentAuthentication(manager, actor);
      if (!usableId(passkeyId)) return false;
      const deleted = await queryRows(manager, `DELETE FROM user_passkeys WHERE id = $1 AND user_id = $2 RETURNING id`, [
        passkeyId,
        actor.userId,
      ]);
      if (!deleted.length) return false;
      // The same rules as removing the authenticator app: the last factor stays while a network's
      // policy requires one (the refusal rolls the deletion back), and recovery codes go with it.
      const { factors } = await enrolledFactors(manager, actor.userId);
      if (!factors.length) {
        await this.secondFactors.assertNoPolicyRequiresFactor(manager, actor.userId);
        await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [actor.userId]);
      }
      await this.accounts.revokeSessions(manager, `user_id = $1 AND id <> $2`, [actor.userId, actor.sessionId], 'SECOND_FACTOR_CHANGED');
      await recordSecurityEvent(manager, {
        userId: actor.userId,
        kind: 'PASSKEY_REMOVED',
        method: 'PASSKEY',
        networkId: actor.tenantId,
        sessionId: actor.sessionId,
      });
      return true;
    });
    if (!removed) throw new AppError('NOT_FOUND', PASSKEY_NOT_FOUND);
  }

  // --- the second step of a sign-in --------------------------------------------------------------

  /** Options for the account's own passkeys, their challenge kept on the sign-in's challenge. */
  async beginSecondFactor(challengeToken: string): Promise<string> {
    const options = await runInAuthContext(this.dataSource, async (manager) => {
      const challenge = await findOpenChallenge(manager, challengeToken, 'SECOND_FACTOR');
      if (!challenge?.userId) return null;
      const passkeys = await passkeysOf(manager, challenge.userId);
      if (!passkeys.length) return 'none' as const;
      const generated = await generateAuthenticationOptions({
        rpID: this.relyingParty.rpId,
        allowCredentials: passkeys.map(({ credential }) => ({ id: credential.id, transports: credential.transports })),
        userVerification: 'preferred',
      });
      await manager.query(`UPDATE auth_challenges SET webauthn_challenge = $2 WHERE id = $1`, [challenge.id, generated.challenge]);
      return generated;
    });
    if (options === null) throw new AppError('UNAUTHENTICATED', CHALLENGE_EXPIRED, { reason: SECOND_STEP_ENDED });
    if (options === 'none') {
      throw new AppError(
        'BAD_USER_INPUT',
        { ja: 'このアカウントにはパスキーが登録されていません。', en: 'This account has no passkey.' },
        { reason: 'NO_PASSKEY' },
      );
    }
    return JSON.stringify(options);
  }

  async completeSecondFactor(challengeToken: string, responseJson: string, client: ClientInfo): Promise<SignedIn> {
    const response = parseResponse<AuthenticationResponseJSON>(responseJson);
    const outcome = await this.signInWith('SECOND_FACTOR', challengeToken, client, async (manager, challenge) => {
      const passkey = response ? await passkeyByCredentialId(manager, response.id) : null;
      // Only a passkey of the account whose password was given answers its second step.
      if (!response || !passkey || passkey.userId !== challenge.userId) return null;
      return this.verifyAssertion(manager, challenge, passkey, response, false);
    });
    return this.signedInOrThrow(outcome, SECOND_STEP_ENDED);
  }

  // --- passwordless ------------------------------------------------------------------------------

  async beginSignIn(client: ClientInfo): Promise<PasskeyCeremony> {
    const options = await generateAuthenticationOptions({
      rpID: this.relyingParty.rpId,
      // Empty: the browser offers the passkeys it holds for this site (discoverable credentials).
      allowCredentials: [],
      userVerification: 'required',
    });
    const challenge = await runInAuthContext(this.dataSource, async (manager) => {
      const [open] = await queryRows<{ count: number }>(
        manager,
        `SELECT count(*)::int AS count FROM auth_challenges
          WHERE purpose = 'PASSKEY_SIGN_IN' AND expires_at > now() AND ip IS NOT DISTINCT FROM $1`,
        [storableAddress(client.ip)],
      );
      if ((open?.count ?? 0) >= MAX_OPEN_SIGN_INS_PER_ADDRESS) return null;
      return createChallenge(manager, { purpose: 'PASSKEY_SIGN_IN', userId: null, client, webauthnChallenge: options.challenge });
    });
    if (!challenge) {
      throw new AppError(
        'UNAUTHENTICATED',
        {
          ja: 'ログインの試行が続いたため、しばらくログインできません。時間をおいてもう一度お試しください。',
          en: 'Too many sign-in attempts. Please wait a while and try again.',
        },
        { reason: 'TOO_MANY_ATTEMPTS' },
      );
    }
    return { token: challenge.token, expiresAt: challenge.expiresAt, optionsJson: JSON.stringify(options) };
  }

  async finishSignIn(token: string, responseJson: string, client: ClientInfo): Promise<SignedIn> {
    const response = parseResponse<AuthenticationResponseJSON>(responseJson);
    const outcome = await this.signInWith('PASSKEY_SIGN_IN', token, client, async (manager, challenge) => {
      if (!response) return null;
      const passkey = await passkeyByCredentialId(manager, response.id);
      if (!passkey) return null;
      // A discoverable credential names its account: it must be the one the passkey belongs to.
      const userHandle = response.response.userHandle;
      if (userHandle !== undefined && userHandle !== Buffer.from(userHandleOf(passkey.userId)).toString('base64url')) {
        return { ownerId: passkey.userId, verified: false };
      }
      return this.verifyAssertion(manager, challenge, passkey, response, true);
    });
    return this.signedInOrThrow(outcome, 'CHALLENGE_EXPIRED');
  }

  // --- shared by both sign-ins ------------------------------------------------------------------

  /**
   * Finds the open challenge, lets `verify` check the browser's answer, then spends the challenge
   * and opens the session; a wrong answer counts against the challenge (and is logged) in the
   * same, committed, transaction.
   */
  private async signInWith(
    purpose: Extract<ChallengePurpose, 'SECOND_FACTOR' | 'PASSKEY_SIGN_IN'>,
    token: string,
    client: ClientInfo,
    verify: (manager: EntityManager, challenge: OpenChallenge) => Promise<Assertion | null>,
  ): Promise<SignInOutcome> {
    const method: AuthenticationMethod = purpose === 'SECOND_FACTOR' ? 'PASSKEY' : 'PASSWORDLESS_PASSKEY';
    return runInAuthContext(this.dataSource, async (manager): Promise<SignInOutcome> => {
      const challenge = await findOpenChallenge(manager, token, purpose);
      if (!challenge?.webauthnChallenge) return { kind: 'expired' };
      const assertion = await verify(manager, challenge);
      const userId = assertion?.verified ? assertion.ownerId : null;
      const opened = userId ? await this.accounts.openSession(manager, userId, client, method) : null;
      if (!userId || !opened) {
        await recordChallengeFailure(manager, challenge.id);
        // The account whose password was right, or whose passkey was named.
        const failedUserId = challenge.userId ?? assertion?.ownerId ?? null;
        if (failedUserId) {
          await recordSecurityEvent(manager, {
            userId: failedUserId,
            kind: purpose === 'SECOND_FACTOR' ? 'SECOND_FACTOR_FAILED' : 'SIGN_IN_FAILED',
            method,
            client,
          });
        }
        return { kind: 'failed' };
      }
      await spendChallenge(manager, challenge.id);
      if (purpose === 'SECOND_FACTOR') {
        await recordSecurityEvent(manager, {
          userId,
          kind: 'SECOND_FACTOR_SUCCEEDED',
          method,
          networkId: opened.networkId,
          sessionId: opened.session.sessionId,
          client,
        });
      }
      return { kind: 'ok', userId, membershipId: opened.membershipId, session: opened.session };
    });
  }

  /** Whether the assertion is valid (its counter then stored). */
  private async verifyAssertion(
    manager: EntityManager,
    challenge: OpenChallenge,
    passkey: StoredPasskey,
    response: AuthenticationResponseJSON,
    requireUserVerification: boolean,
  ): Promise<Assertion> {
    const refused = { ownerId: passkey.userId, verified: false };
    const expectedChallenge = challenge.webauthnChallenge;
    if (!expectedChallenge) return refused;
    // The library refuses a signature counter that did not grow (unless both are 0: authenticators
    // that keep no counter), which betrays a cloned authenticator or a replayed answer.
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: [...this.relyingParty.origins],
      expectedRPID: this.relyingParty.rpId,
      credential: passkey.credential,
      requireUserVerification,
    }).catch(() => null);
    if (!verification?.verified) return refused;
    await recordPasskeyUse(manager, passkey.id, {
      counter: verification.authenticationInfo.newCounter,
      backedUp: verification.authenticationInfo.credentialBackedUp,
    });
    return { ownerId: passkey.userId, verified: true };
  }

  private async signedInOrThrow(outcome: SignInOutcome, expiredReason: string): Promise<SignedIn> {
    if (outcome.kind === 'expired') throw new AppError('UNAUTHENTICATED', CHALLENGE_EXPIRED, { reason: expiredReason });
    if (outcome.kind === 'failed') throw new AppError('UNAUTHENTICATED', NOT_VERIFIED, { reason: 'PASSKEY_NOT_VERIFIED' });
    return this.accounts.signedIn(outcome.userId, outcome.session.sessionId, outcome.membershipId, outcome.session);
  }
}
