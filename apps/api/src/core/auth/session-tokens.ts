// Sessions are refresh-token families: each refresh rotates the token, and presenting a token
// that was already rotated means it was copied, so the whole family (session) is revoked.
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { queryRows } from '../database/returning';
import type { AccessTokenClaims } from './actor';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './jwt.strategy';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { ClientInfo, storableAddress, storableUserAgent } from './security-log';

/** How a session's sign-in was proven (sessions.authenticated_with). */
export type AuthenticationMethod = 'PASSWORD' | 'TOTP' | 'RECOVERY_CODE' | 'PASSKEY' | 'PASSWORDLESS_PASSKEY';

export interface IssuedSession {
  readonly sessionId: string;
  readonly refreshToken: string;
  readonly refreshExpiresAt: Date;
}

export type RotationResult =
  | { kind: 'rotated'; sessionId: string; userId: string; membershipId: string; refreshToken: string; refreshExpiresAt: Date }
  | { kind: 'reused'; sessionId: string }
  | { kind: 'invalid' };

@Injectable()
export class SessionTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issueAccessToken(claims: AccessTokenClaims): { accessToken: string; accessTokenExpiresAt: Date } {
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const accessToken = this.jwt.sign(
      { sub: claims.sub, sid: claims.sid, mid: claims.mid },
      { secret: this.config.auth.jwtSecret, expiresIn: ttl, audience: ACCESS_TOKEN_AUDIENCE, issuer: ACCESS_TOKEN_ISSUER, algorithm: 'HS256' },
    );
    return { accessToken, accessTokenExpiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** In an auth-context transaction. */
  async createSession(
    manager: EntityManager,
    userId: string,
    membershipId: string,
    client: ClientInfo,
    authenticatedWith: AuthenticationMethod = 'PASSWORD',
  ): Promise<IssuedSession> {
    const address = storableAddress(client.ip);
    const [session]: Array<{ id: string; expires_at: Date }> = await manager.query(
      `INSERT INTO sessions (user_id, active_membership_id, expires_at, user_agent, ip, last_ip, authenticated_with)
       VALUES ($1, $2, now() + make_interval(days => $3), $4, $5, $5, $6) RETURNING id, expires_at`,
      [userId, membershipId, this.config.auth.refreshTokenTtlDays, storableUserAgent(client.userAgent), address, authenticatedWith],
    );
    const { token, hash } = newSecretToken();
    await manager.query(`INSERT INTO refresh_tokens (session_id, token_hash) VALUES ($1, $2)`, [session.id, hash]);
    return { sessionId: session.id, refreshToken: token, refreshExpiresAt: session.expires_at };
  }

  /**
   * In an auth-context transaction. Atomic: of two concurrent uses of one token, one wins. The
   * session keeps the client's address as its last one (the list on /account shows it).
   */
  async rotate(manager: EntityManager, refreshToken: string, client: ClientInfo): Promise<RotationResult> {
    const hash = hashSecretToken(refreshToken);
    const [found]: Array<{ session_id: string; rotated_at: Date | null }> = await manager.query(
      `SELECT session_id, rotated_at FROM refresh_tokens WHERE token_hash = $1`,
      [hash],
    );
    if (!found) return { kind: 'invalid' };
    const claimed = await queryRows(
      manager,
      `UPDATE refresh_tokens SET rotated_at = now() WHERE token_hash = $1 AND rotated_at IS NULL RETURNING id`,
      [hash],
    );
    if (claimed.length === 0) return { kind: 'reused', sessionId: found.session_id };
    const [session] = await queryRows<{ user_id: string; active_membership_id: string; expires_at: Date }>(
      manager,
      `UPDATE sessions SET last_used_at = now(), last_ip = COALESCE($2, last_ip)
        WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id, active_membership_id, expires_at`,
      [found.session_id, storableAddress(client.ip)],
    );
    if (!session) return { kind: 'invalid' };
    const { token, hash: nextHash } = newSecretToken();
    await manager.query(`INSERT INTO refresh_tokens (session_id, token_hash) VALUES ($1, $2)`, [found.session_id, nextHash]);
    return {
      kind: 'rotated',
      sessionId: found.session_id,
      userId: session.user_id,
      membershipId: session.active_membership_id,
      refreshToken: token,
      refreshExpiresAt: session.expires_at,
    };
  }
}
