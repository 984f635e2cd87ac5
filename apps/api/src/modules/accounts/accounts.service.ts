// Signing in and out, sessions, switching the active membership, and the user's own account.
// Failures that must persist (a counted login failure, a revoked session family) are committed
// before the error is thrown, because the failing transaction itself is rolled back.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeEmail, SUPPORTED_LANGUAGES } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { LoginThrottle, LoginThrottleKeys, loginThrottleKeys } from '../../core/auth/login-throttle';
import { PasswordHasher } from '../../core/auth/password-hasher';
import { assertAcceptablePassword } from '../../core/auth/password-policy';
import { hashSecretToken } from '../../core/auth/secret-tokens';
import { tooManyAttempts } from '../../core/auth/throttle-errors';
import { AuthenticationMethod, IssuedSession, SessionTokens } from '../../core/auth/session-tokens';
import { ClientInfo, recordSecurityEvent } from '../../core/auth/security-log';
import { createChallenge } from '../../core/auth/auth-challenges';
import {
  applySecondFactorPolicy,
  enrolledFactors,
  membershipPolicy,
  policyStanding,
  secondStepMethods,
  SecondStepMethod,
} from '../../core/auth/second-factors';
import { Clock } from '../../core/time/clock';
import { recordAudit } from '../../core/audit/audit-log';
import { queryRows } from '../../core/database/returning';
import { AppError } from '../../core/graphql/app-error';
import { runAsUser, runInAuthContext, runInTenant } from '../../core/tenancy/tenant-transaction';
import { MEMBERSHIP_COLUMNS, MEMBERSHIP_JOINS, MembershipRow, toMembership } from '../members/membership.mapper';
import { SecondFactorMethod, type AuthPayload, type Me, type SecondFactorStatus } from './account.model';
import { usableId } from '../../core/graphql/ids';
import { PasswordResetRequests } from './password-reset-requests';

const LOGIN_FAILED = {
  ja: 'メールアドレスまたはパスワードが正しくありません。',
  en: 'The email address or password is not correct.',
};
const SESSION_ENDED = {
  ja: 'ログインの有効期限が切れました。もう一度ログインしてください。',
  en: 'Your session has ended. Please sign in again.',
};

/** What the resolver needs to set the cookie: the payload plus the new refresh token. */
export interface SignedIn {
  readonly payload: AuthPayload;
  readonly refreshToken: string | null;
  readonly refreshExpiresAt: Date | null;
}

/** A right password on an account with a second factor: no session yet, a challenge to answer. */
export interface PendingSecondFactor {
  readonly token: string;
  readonly expiresAt: Date;
  readonly methods: SecondStepMethod[];
}

/** The first step of a sign-in: signed in, or a second step asked for. */
export type SignInStep =
  | { readonly signedIn: SignedIn; readonly secondFactor: null }
  | { readonly signedIn: null; readonly secondFactor: PendingSecondFactor };

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: SessionTokens,
    private readonly resetRequests: PasswordResetRequests,
    private readonly clock: Clock,
  ) {}

  async login(emailInput: string, password: string, client: ClientInfo): Promise<SignInStep> {
    const email = normalizeEmail(emailInput);
    const keys = loginThrottleKeys(email, client.ip);
    const outcome = await runInAuthContext(this.dataSource, async (manager) => {
      const refusal = await this.throttle.refusal(manager, keys);
      if (refusal) {
        await this.recordThrottled(manager, email, client);
        return { kind: 'locked' as const, retryAfterSeconds: refusal.retryAfterSeconds };
      }
      const [user]: Array<{ id: string; password_hash: string; disabled_at: Date | null }> = await manager.query(
        `SELECT id, password_hash, disabled_at FROM users WHERE email = $1`,
        [email],
      );
      const passwordMatches = await this.hasher.verify(user?.password_hash ?? null, password);
      if (!user || !passwordMatches || user.disabled_at) {
        // Nothing else was written: the failure is counted in this transaction, under the pair's lock.
        await this.recordLoginFailure(manager, keys, user?.id ?? null, client);
        return { kind: 'failed' as const };
      }
      // The password was right: an account with a second factor gets a challenge, not a session.
      const pending = await this.secondStepIfEnrolled(manager, user.id, client);
      if (pending) {
        await this.throttle.clear(manager, keys);
        return { kind: 'second-factor' as const, pending };
      }
      const opened = await this.openSession(manager, user.id, client, 'PASSWORD');
      if (!opened) {
        await this.recordLoginFailure(manager, keys, user.id, client);
        return { kind: 'failed' as const };
      }
      await this.throttle.clear(manager, keys);
      return { kind: 'ok' as const, userId: user.id, membershipId: opened.membershipId, session: opened.session };
    });
    if (outcome.kind === 'locked') {
      throw tooManyAttempts(outcome.retryAfterSeconds);
    }
    if (outcome.kind === 'failed') {
      throw new AppError('UNAUTHENTICATED', LOGIN_FAILED, { reason: 'LOGIN_FAILED' });
    }
    if (outcome.kind === 'second-factor') return { signedIn: null, secondFactor: outcome.pending };
    return {
      signedIn: await this.signedIn(outcome.userId, outcome.session.sessionId, outcome.membershipId, outcome.session),
      secondFactor: null,
    };
  }

  private async recordLoginFailure(
    manager: EntityManager,
    keys: LoginThrottleKeys,
    userId: string | null,
    client: ClientInfo,
  ): Promise<void> {
    await this.throttle.recordFailure(manager, keys, userId);
    if (userId) await recordSecurityEvent(manager, { userId, kind: 'SIGN_IN_FAILED', method: 'PASSWORD', client });
  }

  /**
   * In the auth-context transaction of a sign-in whose password (or invitation) proved the user:
   * a SECOND_FACTOR challenge when the user has enrolled a factor, otherwise null.
   */
  async secondStepIfEnrolled(manager: EntityManager, userId: string, client: ClientInfo): Promise<PendingSecondFactor | null> {
    const methods = secondStepMethods(await enrolledFactors(manager, userId));
    if (!methods.length) return null;
    const challenge = await createChallenge(manager, { purpose: 'SECOND_FACTOR', userId, client });
    return { token: challenge.token, expiresAt: challenge.expiresAt, methods };
  }

  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<SignedIn> {
    if (!refreshToken) throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'NO_SESSION' });
    const result = await runInAuthContext(this.dataSource, async (manager) => {
      const rotation = await this.tokens.rotate(manager, refreshToken, client);
      if (rotation.kind === 'reused') {
        const revoked = await queryRows<{ user_id: string }>(
          manager,
          `UPDATE sessions SET revoked_at = now(), revoked_reason = 'REUSE_DETECTED'
            WHERE id = $1 AND revoked_at IS NULL RETURNING user_id`,
          [rotation.sessionId],
        );
        for (const { user_id } of revoked) {
          // Who presented the used token: the copy's address and browser, or the owner's if the copy went first.
          await recordSecurityEvent(manager, { userId: user_id, kind: 'REFRESH_TOKEN_REUSED', sessionId: rotation.sessionId, client });
        }
      }
      if (rotation.kind !== 'rotated') return rotation;
      // The account or membership may have been disabled since.
      const active: unknown[] = await manager.query(
        `SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id
          WHERE u.id = $1 AND m.id = $2 AND u.disabled_at IS NULL AND m.disabled_at IS NULL`,
        [rotation.userId, rotation.membershipId],
      );
      if (!active.length) return { kind: 'invalid' } as const;
      // The network's policy may have been switched on, or its grace period ended, since the
      // session opened: an open session follows it at its next refresh (within one access token).
      await applySecondFactorPolicy(manager, {
        userId: rotation.userId,
        membershipId: rotation.membershipId,
        sessionId: rotation.sessionId,
        now: this.clock.now(),
      });
      return rotation;
    });
    if (result.kind === 'reused') {
      throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'REFRESH_TOKEN_REUSED' });
    }
    if (result.kind === 'invalid') throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'NO_SESSION' });
    return this.signedIn(result.userId, result.sessionId, result.membershipId, {
      refreshToken: result.refreshToken,
      refreshExpiresAt: result.refreshExpiresAt,
    });
  }

  async logout(refreshToken: string | undefined, actor: RequestActor | null): Promise<void> {
    await runInAuthContext(this.dataSource, async (manager) => {
      if (actor) await this.revokeSessions(manager, `id = $1`, [actor.sessionId], 'LOGOUT');
      if (refreshToken) {
        await this.revokeSessions(
          manager,
          `id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1)`,
          [hashSecretToken(refreshToken)],
          'LOGOUT',
        );
      }
    });
  }

  async me(actor: RequestActor): Promise<Me> {
    return runAsUser(this.dataSource, actor.userId, (manager) =>
      this.loadMe(manager, actor.userId, actor.membershipId, actor.sessionId),
    );
  }

  async switchMembership(actor: RequestActor, membershipId: string): Promise<SignedIn> {
    const switched = await runAsUser(this.dataSource, actor.userId, async (manager) => {
      if (!usableId(membershipId)) return false;
      const rows: unknown[] = await manager.query(
        `SELECT 1 FROM memberships WHERE id = $1 AND user_id = $2 AND disabled_at IS NULL`,
        [membershipId, actor.userId],
      );
      if (!rows.length) return false;
      await manager.query(`UPDATE sessions SET active_membership_id = $1 WHERE id = $2 AND user_id = $3`, [
        membershipId,
        actor.sessionId,
        actor.userId,
      ]);
      // The other network's second-factor policy may ask more (or less) of this session.
      await applySecondFactorPolicy(manager, {
        userId: actor.userId,
        membershipId,
        sessionId: actor.sessionId,
        now: this.clock.now(),
      });
      return true;
    });
    if (!switched) {
      throw new AppError('NOT_FOUND', {
        ja: '切り替え先の所属が見つかりません。',
        en: 'That membership was not found.',
      });
    }
    return this.signedIn(actor.userId, actor.sessionId, membershipId, null);
  }

  async changePassword(actor: RequestActor, currentPassword: string, newPassword: string): Promise<void> {
    assertAcceptablePassword(newPassword, 'newPassword');
    const [user]: Array<{ password_hash: string }> = await runAsUser(this.dataSource, actor.userId, (manager) =>
      manager.query(`SELECT password_hash FROM users WHERE id = $1`, [actor.userId]),
    );
    if (!(await this.hasher.verify(user?.password_hash ?? null, currentPassword))) {
      const message = { ja: '現在のパスワードが正しくありません。', en: 'The current password is not correct.' };
      throw new AppError('BAD_USER_INPUT', message, { reason: 'WRONG_PASSWORD', fields: { currentPassword: message } });
    }
    const hash = await this.hasher.hash(newPassword);
    await runInTenant(this.dataSource, actor, async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2`, [
        hash,
        actor.userId,
      ]);
      await this.revokeSessions(manager, `user_id = $1 AND id <> $2`, [actor.userId, actor.sessionId], 'PASSWORD_CHANGED');
      await recordSecurityEvent(manager, {
        userId: actor.userId,
        kind: 'PASSWORD_CHANGED',
        networkId: actor.tenantId,
        sessionId: actor.sessionId,
      });
      await recordAudit(manager, actor, {
        entity: 'User',
        entityId: actor.userId,
        action: 'PASSWORD_CHANGED',
        changedFields: ['password'],
      });
    });
  }

  async updateProfile(actor: RequestActor, displayName?: string | null, preferredLanguage?: string | null): Promise<Me> {
    const changes: Record<string, string> = {};
    if (displayName !== undefined && displayName !== null) {
      const trimmed = displayName.trim();
      if (trimmed.length < 1 || trimmed.length > 100) {
        const message = { ja: '表示名は1〜100文字で入力してください。', en: 'Enter a display name of 1 to 100 characters.' };
        throw new AppError('BAD_USER_INPUT', message, { fields: { displayName: message } });
      }
      changes['display_name'] = trimmed;
    }
    if (preferredLanguage !== undefined && preferredLanguage !== null) {
      if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(preferredLanguage)) {
        const message = { ja: '言語は ja か en を指定してください。', en: 'The language must be ja or en.' };
        throw new AppError('BAD_USER_INPUT', message, { fields: { preferredLanguage: message } });
      }
      changes['preferred_language'] = preferredLanguage;
    }
    return runInTenant(this.dataSource, actor, async (manager) => {
      const columns = Object.keys(changes);
      if (columns.length) {
        const assignments = columns.map((column, index) => `${column} = $${index + 2}`).join(', ');
        await manager.query(`UPDATE users SET ${assignments} WHERE id = $1`, [actor.userId, ...Object.values(changes)]);
        await recordAudit(manager, actor, {
          entity: 'User',
          entityId: actor.userId,
          action: 'UPDATED',
          changedFields: columns.map((column) => (column === 'display_name' ? 'displayName' : 'preferredLanguage')),
        });
      }
      return this.loadMe(manager, actor.userId, actor.membershipId, actor.sessionId);
    });
  }

  /**
   * Answers alike, in the same time, whether or not the email has an account: the request only
   * counts the throttles and queues a job (PasswordResetRequests) that finds the account and mails.
   */
  async requestPasswordReset(emailInput: string, client: ClientInfo): Promise<void> {
    await this.resetRequests.request(normalizeEmail(emailInput), client);
  }

  async resetPassword(token: string, newPassword: string): Promise<void> {
    assertAcceptablePassword(newPassword, 'newPassword');
    const hash = await this.hasher.hash(newPassword);
    const done = await runInAuthContext(this.dataSource, async (manager) => {
      const [reset] = await queryRows<{ user_id: string }>(
        manager,
        `UPDATE password_resets SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND invalidated_at IS NULL AND expires_at > now() RETURNING user_id`,
        [hashSecretToken(token)],
      );
      if (!reset) return false;
      // Every other link of the account stops working with this one.
      await manager.query(
        `UPDATE password_resets SET invalidated_at = now() WHERE user_id = $1 AND used_at IS NULL AND invalidated_at IS NULL`,
        [reset.user_id],
      );
      await manager.query(`UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2`, [
        hash,
        reset.user_id,
      ]);
      await this.revokeSessions(manager, `user_id = $1`, [reset.user_id], 'PASSWORD_RESET');
      await recordSecurityEvent(manager, { userId: reset.user_id, kind: 'PASSWORD_RESET' });
      return true;
    });
    if (!done) {
      throw new AppError(
        'BAD_USER_INPUT',
        {
          ja: 'このパスワード再設定リンクは無効か、有効期限（1時間）が切れています。もう一度再設定を申請してください。',
          en: 'This password reset link is invalid or has expired (links last one hour). Please request a new one.',
        },
        { reason: 'INVALID_RESET_TOKEN' },
      );
    }
  }

  /** A refused attempt on a known account goes to its security log (an unknown one has none). */
  private async recordThrottled(manager: EntityManager, email: string, client: ClientInfo): Promise<void> {
    const [user]: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE email = $1`, [email]);
    if (user) await recordSecurityEvent(manager, { userId: user.id, kind: 'SIGN_IN_THROTTLED', method: 'PASSWORD', client });
  }

  /**
   * In an auth-context transaction, once the user has proven who they are (by `method`): opens a
   * session in their first active membership and records the sign-in. Null when the user has
   * no active membership (a sign-in that must fail like a wrong password).
   */
  async openSession(
    manager: EntityManager,
    userId: string,
    client: ClientInfo,
    method: AuthenticationMethod,
  ): Promise<{ membershipId: string; networkId: string; session: IssuedSession } | null> {
    const [membership]: Array<{ id: string; tenant_id: string }> = await manager.query(
      `SELECT id, tenant_id FROM memberships WHERE user_id = $1 AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1`,
      [userId],
    );
    if (!membership) return null;
    const session = await this.tokens.createSession(manager, userId, membership.id, client, method);
    await applySecondFactorPolicy(manager, { userId, membershipId: membership.id, sessionId: session.sessionId, now: this.clock.now() });
    await recordSecurityEvent(manager, {
      userId,
      kind: 'SIGN_IN_SUCCEEDED',
      method,
      networkId: membership.tenant_id,
      sessionId: session.sessionId,
      client,
    });
    return { membershipId: membership.id, networkId: membership.tenant_id, session };
  }

  /** Ends the sessions matching `where`; returns how many. */
  async revokeSessions(manager: EntityManager, where: string, params: unknown[], reason: string): Promise<number> {
    const offset = params.length + 1;
    const rows = await queryRows(
      manager,
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $${offset}
        WHERE ${where} AND revoked_at IS NULL RETURNING id`,
      [...params, reason],
    );
    return rows.length;
  }

  async signedIn(
    userId: string,
    sessionId: string,
    membershipId: string,
    refresh: { refreshToken: string; refreshExpiresAt: Date } | null,
  ): Promise<SignedIn> {
    const access = this.tokens.issueAccessToken({ sub: userId, sid: sessionId, mid: membershipId });
    const me = await runAsUser(this.dataSource, userId, (manager) => this.loadMe(manager, userId, membershipId, sessionId));
    return {
      payload: { ...access, me },
      refreshToken: refresh?.refreshToken ?? null,
      refreshExpiresAt: refresh?.refreshExpiresAt ?? null,
    };
  }

  private async loadMe(manager: EntityManager, userId: string, activeMembershipId: string, sessionId: string): Promise<Me> {
    const [user]: Array<{ email: string; display_name: string; preferred_language: string }> = await manager.query(
      `SELECT email, display_name, preferred_language FROM users WHERE id = $1`,
      [userId],
    );
    const rows: MembershipRow[] = await manager.query(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships m ${MEMBERSHIP_JOINS}
        WHERE m.user_id = $1 AND m.disabled_at IS NULL ORDER BY n.name, o.name, m.id`,
      [userId],
    );
    const memberships = rows.map(toMembership);
    const active = memberships.find((membership) => membership.id === activeMembershipId);
    if (!user || !active) throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'NO_SESSION' });
    return {
      id: userId,
      email: user.email,
      displayName: user.display_name,
      preferredLanguage: user.preferred_language,
      activeMembership: active,
      memberships,
      sessionId,
    };
  }

  /** What `me.secondFactor` says (resolved only when asked: the web asks at sign-in and restore). */
  secondFactorStatus(me: Me): Promise<SecondFactorStatus> {
    return runAsUser(this.dataSource, me.id, (manager) => this.secondFactorStatusIn(manager, me.id, me.activeMembership.id, me.sessionId));
  }

  private async secondFactorStatusIn(manager: EntityManager, userId: string, membershipId: string, sessionId: string): Promise<SecondFactorStatus> {
    const enrolled = await enrolledFactors(manager, userId);
    const membership = await membershipPolicy(manager, userId, membershipId);
    const [session] = await queryRows<{ second_factor_enrolment_required: boolean }>(
      manager,
      `SELECT second_factor_enrolment_required FROM sessions WHERE id = $1 AND user_id = $2`,
      [sessionId, userId],
    );
    const policy = membership?.policy ?? { requiredSince: null, graceUntil: null };
    const roles = membership?.roles ?? [];
    const asIfNone = policyStanding(policy, roles, false, this.clock.now());
    const standing = policyStanding(policy, roles, enrolled.factors.length > 0, this.clock.now());
    return {
      enrolled: enrolled.factors.length > 0,
      methods: enrolled.factors.map((factor) => SecondFactorMethod[factor]),
      recoveryCodesLeft: enrolled.recoveryCodesLeft,
      requiredByPolicy: asIfNone.kind !== 'NOT_REQUIRED',
      enrolmentRequired: standing.kind !== 'NOT_REQUIRED',
      dueBy: standing.kind === 'NOT_REQUIRED' ? null : standing.dueBy,
      blocked: session?.second_factor_enrolment_required ?? false,
    };
  }
}
