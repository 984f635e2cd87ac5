// The user's own second factors: TOTP enrolment and removal, recovery codes, and proving again who
// they are before such a change (issue 18). Passkeys live beside this (their own service) and
// share the rules: a change needs recent authentication, and the last factor cannot go while the
// network's policy requires one.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fallsUnderSecondFactorPolicy, type Role } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { LoginThrottle, loginThrottleKeys } from '../../core/auth/login-throttle';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { enrolledFactors, replaceRecoveryCodes } from '../../core/auth/second-factors';
import { ClientInfo, recordSecurityEvent } from '../../core/auth/security-log';
import { matchTotp, newTotpSecret, totpUri } from '../../core/auth/totp';
import { queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { FieldCipher } from '../../core/personal-data/field-cipher';
import { runAsUser, runInAuthContext } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import { AccountsService } from '../accounts/accounts.service';
import type { RecoveryCodes, TotpEnrolment } from './second-factor.model';
import { lockedTotp, markTotpStepUsed, sealTotpSecret } from './totp-secrets';
import {
  MAX_SECOND_FACTOR_FAILURES_PER_WINDOW,
  recentSecondFactorFailures,
  SECOND_FACTOR_FAILURE_WINDOW_MINUTES,
} from './second-step.service';

/** How long after proving who they are a user may change their factors without proving it again. */
export const REAUTHENTICATION_WINDOW_MINUTES = 10;

const REAUTHENTICATION_REQUIRED = {
  ja: '安全のため、もう一度パスワード（と認証アプリのコード）を入力してください。',
  en: 'For your security, enter your password (and your authenticator code) again.',
};
const WRONG_CODE = {
  ja: 'コードが正しくないか、有効期限が切れています。認証アプリに表示されている最新のコードを入力してください。',
  en: 'The code is not correct or has expired. Enter the current code shown in your authenticator app.',
};
const WRONG_PASSWORD = { ja: 'パスワードが正しくありません。', en: 'The password is not correct.' };
const TOO_MANY_REAUTHENTICATION_ATTEMPTS = {
  ja: '確認の失敗が続いたため、しばらく本人確認ができません。時間をおいてもう一度お試しください。',
  en: 'Too many failed attempts to confirm it is you. Please wait a while and try again.',
};

@Injectable()
export class SecondFactorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly accounts: AccountsService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** A new TOTP secret for the user, unconfirmed until confirmTotpEnrolment. Replaces an unconfirmed one. */
  beginTotpEnrolment(actor: RequestActor): Promise<TotpEnrolment> {
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      await this.assertRecentAuthentication(manager, actor);
      const existing = await lockedTotp(manager, this.cipher, actor.userId);
      if (existing?.confirmed) {
        throw new AppError(
          'CONFLICT',
          {
            ja: '認証アプリはすでに設定されています。変更するには、いったん解除してから設定し直してください。',
            en: 'An authenticator app is already set up. To change it, remove it first and set it up again.',
          },
          { reason: 'TOTP_ALREADY_ENROLLED' },
        );
      }
      const secret = newTotpSecret();
      await manager.query(
        `INSERT INTO user_totp (user_id, secret_sealed) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, confirmed_at = NULL, last_used_step = NULL`,
        [actor.userId, sealTotpSecret(this.cipher, actor.userId, secret)],
      );
      return { otpauthUri: totpUri(secret, actor.email), secret };
    });
  }

  /**
   * The first code proves the app works: the TOTP is confirmed, the session (and every other of the
   * user's) no longer has to enrol, the other sessions end (one opened with the password alone
   * does not outlive the new factor), and recovery codes are made when the user has none.
   */
  confirmTotpEnrolment(actor: RequestActor, code: string): Promise<RecoveryCodes> {
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      const totp = await lockedTotp(manager, this.cipher, actor.userId);
      if (!totp || totp.confirmed) {
        throw new AppError(
          'BAD_USER_INPUT',
          {
            ja: '設定中の認証アプリがありません。最初からやり直してください。',
            en: 'There is no authenticator app being set up. Please start again.',
          },
          { reason: 'NO_TOTP_ENROLMENT' },
        );
      }
      const step = matchTotp(totp.secret, code, this.clock.now(), totp.lastUsedStep);
      if (step === null) throw wrongCode();
      await manager.query(`UPDATE user_totp SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1`, [
        actor.userId,
        step,
      ]);
      await manager.query(`UPDATE sessions SET second_factor_enrolment_required = false WHERE user_id = $1`, [actor.userId]);
      await this.accounts.revokeSessions(
        manager,
        `user_id = $1 AND id <> $2`,
        [actor.userId, actor.sessionId],
        'SECOND_FACTOR_CHANGED',
      );
      await this.record(manager, actor, 'TOTP_ENROLLED', 'TOTP');
      const { recoveryCodesLeft } = await enrolledFactors(manager, actor.userId);
      if (recoveryCodesLeft > 0) return { codes: [] };
      const codes = await replaceRecoveryCodes(manager, actor.userId);
      await this.record(manager, actor, 'RECOVERY_CODES_GENERATED', null);
      return { codes };
    });
  }

  regenerateRecoveryCodes(actor: RequestActor): Promise<RecoveryCodes> {
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      await this.assertRecentAuthentication(manager, actor);
      const { factors } = await enrolledFactors(manager, actor.userId);
      if (!factors.length) {
        throw new AppError(
          'BAD_USER_INPUT',
          {
            ja: '回復コードは2段階認証を設定してから発行できます。',
            en: 'Recovery codes are issued once two-step verification is set up.',
          },
          { reason: 'NO_SECOND_FACTOR' },
        );
      }
      const codes = await replaceRecoveryCodes(manager, actor.userId);
      await this.record(manager, actor, 'RECOVERY_CODES_GENERATED', null);
      return { codes };
    });
  }

  /** Removes the authenticator app; refused when it is the last factor and a network requires one. */
  removeTotp(actor: RequestActor): Promise<void> {
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      await this.assertRecentAuthentication(manager, actor);
      const totp = await lockedTotp(manager, this.cipher, actor.userId);
      if (!totp) {
        throw new AppError('NOT_FOUND', {
          ja: '設定されている認証アプリがありません。',
          en: 'No authenticator app is set up.',
        });
      }
      const { factors } = await enrolledFactors(manager, actor.userId);
      const remaining = factors.filter((factor) => factor !== 'TOTP');
      if (totp.confirmed && !remaining.length) {
        await this.assertNoPolicyRequiresFactor(manager, actor.userId);
      }
      await manager.query(`DELETE FROM user_totp WHERE user_id = $1`, [actor.userId]);
      // Recovery codes stand in for a factor; with no factor left there is no second step to answer.
      if (!remaining.length) await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [actor.userId]);
      if (totp.confirmed) await this.record(manager, actor, 'TOTP_REMOVED', 'TOTP');
    });
  }

  /**
   * Proves again who the user is (password, and a TOTP code when they have one): changes are open
   * for a while. Guesses are limited as at sign-in: a wrong password counts in the (account,
   * address) throttle, a wrong code in the account's second-step window — a stolen session must
   * not become an unthrottled oracle for the password or the code.
   */
  async reauthenticate(actor: RequestActor, password: string, code: string | null | undefined, client: ClientInfo): Promise<void> {
    const keys = loginThrottleKeys(actor.email, client.ip);
    const outcome = await runInAuthContext(this.dataSource, async (manager) => {
      const refusal = await this.throttle.refusal(manager, keys);
      if (refusal) return { kind: 'throttled' as const, retryAfterSeconds: refusal.retryAfterSeconds };
      const [user] = await queryRows<{ password_hash: string }>(
        manager,
        `SELECT password_hash FROM users WHERE id = $1 FOR UPDATE`,
        [actor.userId],
      );
      const event = { userId: actor.userId, networkId: actor.tenantId, sessionId: actor.sessionId, client };
      if (!(await this.hasher.verify(user?.password_hash ?? null, password))) {
        await this.throttle.recordFailure(manager, keys, actor.userId);
        await recordSecurityEvent(manager, { ...event, kind: 'SIGN_IN_FAILED', method: 'PASSWORD' });
        return { kind: 'wrong-password' as const };
      }
      const totp = await lockedTotp(manager, this.cipher, actor.userId);
      if (totp?.confirmed) {
        if ((await recentSecondFactorFailures(manager, actor.userId)) >= MAX_SECOND_FACTOR_FAILURES_PER_WINDOW) {
          return { kind: 'throttled' as const, retryAfterSeconds: SECOND_FACTOR_FAILURE_WINDOW_MINUTES * 60 };
        }
        const step = code ? matchTotp(totp.secret, code, this.clock.now(), totp.lastUsedStep) : null;
        if (step === null) {
          await recordSecurityEvent(manager, { ...event, kind: 'SECOND_FACTOR_FAILED', method: 'TOTP' });
          return { kind: 'wrong-code' as const };
        }
        await markTotpStepUsed(manager, actor.userId, step);
      }
      await manager.query(`UPDATE sessions SET authenticated_at = $3 WHERE id = $1 AND user_id = $2`, [
        actor.sessionId,
        actor.userId,
        this.clock.now(),
      ]);
      return { kind: 'ok' as const };
    });
    if (outcome.kind === 'throttled') {
      // Not UNAUTHENTICATED: the session itself is fine, and the web app ends a session on that code.
      throw new AppError('BAD_USER_INPUT', TOO_MANY_REAUTHENTICATION_ATTEMPTS, {
        reason: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    }
    if (outcome.kind === 'wrong-password') {
      throw new AppError('BAD_USER_INPUT', WRONG_PASSWORD, { reason: 'WRONG_PASSWORD', fields: { password: WRONG_PASSWORD } });
    }
    if (outcome.kind === 'wrong-code') throw wrongCode();
  }

  /** REAUTHENTICATION_REQUIRED unless this session proved who the user is within the window. */
  async assertRecentAuthentication(manager: EntityManager, actor: RequestActor): Promise<void> {
    const since = new Date(this.clock.now().getTime() - REAUTHENTICATION_WINDOW_MINUTES * 60_000);
    const [session] = await queryRows<{ recent: boolean }>(
      manager,
      `SELECT authenticated_at > $3 AS recent FROM sessions WHERE id = $1 AND user_id = $2`,
      [actor.sessionId, actor.userId, since],
    );
    if (!session?.recent) {
      throw new AppError('FORBIDDEN', REAUTHENTICATION_REQUIRED, { reason: 'REAUTHENTICATION_REQUIRED' });
    }
  }

  /** Refuses when a network the user belongs to has a policy that covers their roles there. */
  async assertNoPolicyRequiresFactor(manager: EntityManager, userId: string): Promise<void> {
    const rows = await queryRows<{ roles: Role[] }>(
      manager,
      `SELECT m.roles FROM memberships m JOIN networks n ON n.id = m.tenant_id
        WHERE m.user_id = $1 AND m.disabled_at IS NULL AND n.second_factor_required_since IS NOT NULL`,
      [userId],
    );
    if (rows.some((row) => fallsUnderSecondFactorPolicy(row.roles))) {
      throw new AppError(
        'FORBIDDEN',
        {
          ja: 'ネットワークの方針で2段階認証が必要なため、最後の認証方法は解除できません。先に別の方法を追加してください。',
          en: 'Your network requires two-step verification, so your last method cannot be removed. Add another method first.',
        },
        { reason: 'SECOND_FACTOR_REQUIRED_BY_POLICY' },
      );
    }
  }

  private record(
    manager: EntityManager,
    actor: RequestActor,
    kind: 'TOTP_ENROLLED' | 'TOTP_REMOVED' | 'RECOVERY_CODES_GENERATED',
    method: string | null,
  ): Promise<void> {
    return recordSecurityEvent(manager, {
      userId: actor.userId,
      kind,
      method,
      networkId: actor.tenantId,
      sessionId: actor.sessionId,
    });
  }
}

function wrongCode(): AppError {
  return new AppError('BAD_USER_INPUT', WRONG_CODE, { reason: 'WRONG_SECOND_FACTOR_CODE', fields: { code: WRONG_CODE } });
}
