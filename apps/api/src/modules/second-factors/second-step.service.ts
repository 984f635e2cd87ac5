// The second step of a sign-in: the challenge from a right password, answered with a TOTP code or
// a recovery code, opens the session (issue 18). Passkey answers are a sibling method on the same
// challenge (the passkeys service), ending in the same AccountsService.openSession.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { findOpenChallenge, recordChallengeFailure, spendChallenge } from '../../core/auth/auth-challenges';
import { spendRecoveryCode } from '../../core/auth/second-factors';
import { ClientInfo, recordSecurityEvent } from '../../core/auth/security-log';
import { matchTotp } from '../../core/auth/totp';
import { queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { FieldCipher } from '../../core/personal-data/field-cipher';
import { runInAuthContext } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import { AccountsService, SignedIn } from '../accounts/accounts.service';
import { lockedTotp, markTotpStepUsed } from './totp-secrets';

/**
 * Wrong second-step answers one account takes across all its challenges in the window below before
 * the second step refuses even right ones: a challenge takes five, but anyone holding the password
 * could open challenge after challenge.
 */
export const MAX_SECOND_FACTOR_FAILURES_PER_WINDOW = 10;
export const SECOND_FACTOR_FAILURE_WINDOW_MINUTES = 15;

const CHALLENGE_ENDED = {
  ja: 'ログインの確認の有効期限が切れたか、失敗が続きました。もう一度メールアドレスとパスワードからログインしてください。',
  en: 'The sign-in check expired or failed too often. Please sign in again with your email address and password.',
};
const WRONG_ANSWER = {
  ja: 'コードが正しくありません。もう一度入力してください。',
  en: 'The code is not correct. Please try again.',
};
const TOO_MANY_FAILURES = {
  ja: '確認コードの誤りが続いたため、しばらくログインできません。時間をおいてもう一度お試しください。',
  en: 'Too many wrong codes. Please wait a while and try again.',
};

export interface SecondStepAnswer {
  readonly code?: string | null;
  readonly recoveryCode?: string | null;
}

/**
 * Wrong second-factor answers of an account within the window, from the security log: sign-in
 * second steps (codes and passkeys) and re-authentication count together. Call it with the
 * user's row locked, so parallel answers cannot all read the count before any adds to it.
 */
export async function recentSecondFactorFailures(manager: EntityManager, userId: string): Promise<number> {
  const [recent] = await queryRows<{ failures: number }>(
    manager,
    `SELECT count(*)::int AS failures FROM security_events
      WHERE user_id = $1 AND kind = 'SECOND_FACTOR_FAILED' AND occurred_at > now() - make_interval(mins => $2)`,
    [userId, SECOND_FACTOR_FAILURE_WINDOW_MINUTES],
  );
  return recent?.failures ?? 0;
}

@Injectable()
export class SecondStepService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async completeSignIn(token: string, answer: SecondStepAnswer, client: ClientInfo): Promise<SignedIn> {
    const method = answer.recoveryCode ? ('RECOVERY_CODE' as const) : ('TOTP' as const);
    const outcome = await runInAuthContext(this.dataSource, async (manager) => {
      const challenge = await findOpenChallenge(manager, token, 'SECOND_FACTOR');
      if (!challenge?.userId) return { kind: 'ended' as const };
      const userId = challenge.userId;
      // Answers for one account are serialised (the challenge row is locked too), so parallel
      // guesses cannot all read the failure count before any of them adds to it.
      await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if ((await recentSecondFactorFailures(manager, userId)) >= MAX_SECOND_FACTOR_FAILURES_PER_WINDOW) return { kind: 'throttled' as const };
      const right = answer.recoveryCode
        ? await spendRecoveryCode(manager, userId, answer.recoveryCode)
        : await this.acceptTotp(manager, userId, answer.code ?? '');
      if (!right) {
        // A wrong answer wrote nothing else, so it is counted in this transaction, under the locks.
        const left = await recordChallengeFailure(manager, challenge.id);
        await recordSecurityEvent(manager, { userId, kind: 'SECOND_FACTOR_FAILED', method, client });
        return { kind: 'wrong' as const, left };
      }
      await spendChallenge(manager, challenge.id);
      const opened = await this.accounts.openSession(manager, userId, client, method);
      if (!opened) return { kind: 'ended' as const };
      const event = { userId, method, networkId: opened.networkId, sessionId: opened.session.sessionId, client };
      await recordSecurityEvent(manager, { ...event, kind: 'SECOND_FACTOR_SUCCEEDED' });
      if (method === 'RECOVERY_CODE') await recordSecurityEvent(manager, { ...event, kind: 'RECOVERY_CODE_USED' });
      return { kind: 'ok' as const, userId, membershipId: opened.membershipId, session: opened.session };
    });
    if (outcome.kind === 'ended') throw new AppError('UNAUTHENTICATED', CHALLENGE_ENDED, { reason: 'SECOND_FACTOR_CHALLENGE_ENDED' });
    if (outcome.kind === 'throttled') throw new AppError('UNAUTHENTICATED', TOO_MANY_FAILURES, { reason: 'TOO_MANY_ATTEMPTS' });
    if (outcome.kind === 'wrong') {
      if (outcome.left === 0) throw new AppError('UNAUTHENTICATED', CHALLENGE_ENDED, { reason: 'SECOND_FACTOR_CHALLENGE_ENDED' });
      throw new AppError('BAD_USER_INPUT', WRONG_ANSWER, {
        reason: 'WRONG_SECOND_FACTOR_CODE',
        fields: { [method === 'TOTP' ? 'code' : 'recoveryCode']: WRONG_ANSWER },
      });
    }
    return this.accounts.signedIn(outcome.userId, outcome.session.sessionId, outcome.membershipId, outcome.session);
  }

  private async acceptTotp(manager: Parameters<typeof lockedTotp>[0], userId: string, code: string): Promise<boolean> {
    const totp = await lockedTotp(manager, this.cipher, userId);
    if (!totp?.confirmed) return false;
    const step = matchTotp(totp.secret, code, this.clock.now(), totp.lastUsedStep);
    if (step === null) return false;
    await markTotpStepUsed(manager, userId, step);
    return true;
  }
}
