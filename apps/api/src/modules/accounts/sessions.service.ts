// Where I am signed in (/account): each session with its device, address, sign-in method and
// times; ending one of them, or every one but this. Ending a session takes effect on its very
// next request: the access token's session is checked on every request (actor-loader.ts) and its
// refresh token no longer rotates. Each ending is kept in the security log, in the same
// transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { describeDevice } from '../../core/auth/device';
import { ClientInfo, recordSecurityEvent } from '../../core/auth/security-log';
import type { AuthenticationMethod } from '../../core/auth/session-tokens';
import { AppError } from '../../core/graphql/app-error';
import { usableId } from '../../core/graphql/ids';
import { runAsUser } from '../../core/tenancy/tenant-transaction';
import { AccountsService } from './accounts.service';
import type { SessionInfo } from './session.model';

interface SessionRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  user_agent: string | null;
  last_ip: string | null;
  authenticated_with: AuthenticationMethod | null;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  /** My live sessions, the most recently used first (a person has a handful; 100 is a cap, not a page). */
  async list(actor: RequestActor): Promise<SessionInfo[]> {
    const rows = await runAsUser(this.dataSource, actor.userId, (manager): Promise<SessionRow[]> =>
      manager.query(
        `SELECT id, created_at, last_used_at, expires_at, user_agent, host(last_ip) AS last_ip, authenticated_with
           FROM sessions
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          ORDER BY last_used_at DESC, id LIMIT 100`,
        [actor.userId],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
      userAgent: row.user_agent,
      device: describeDevice(row.user_agent),
      ipAddress: row.last_ip,
      authenticatedWith: row.authenticated_with,
      current: row.id === actor.sessionId,
    }));
  }

  /** Ends one of my sessions (this one too, if asked: that is signing out). */
  async end(actor: RequestActor, sessionId: string, client: ClientInfo): Promise<void> {
    const ended = usableId(sessionId)
      ? await runAsUser(this.dataSource, actor.userId, async (manager) => {
          const count = await this.accounts.revokeSessions(manager, `id = $1 AND user_id = $2`, [sessionId, actor.userId], 'REVOKED');
          if (count) {
            await recordSecurityEvent(manager, {
              userId: actor.userId,
              kind: 'SESSION_ENDED',
              networkId: actor.tenantId,
              sessionId,
              client,
            });
          }
          return count;
        })
      : 0;
    if (ended === 0) {
      throw new AppError(
        'NOT_FOUND',
        { ja: '指定されたログイン中の端末が見つかりません。', en: 'That signed-in session was not found.' },
        { reason: 'SESSION_NOT_FOUND' },
      );
    }
  }

  /** Ends every session of mine but the one asking; returns how many ended (0 records nothing). */
  endOthers(actor: RequestActor, client: ClientInfo): Promise<number> {
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      const count = await this.accounts.revokeSessions(manager, `user_id = $1 AND id <> $2`, [actor.userId, actor.sessionId], 'REVOKED');
      if (count) {
        await recordSecurityEvent(manager, {
          userId: actor.userId,
          kind: 'OTHER_SESSIONS_ENDED',
          networkId: actor.tenantId,
          sessionId: actor.sessionId,
          client,
        });
      }
      return count;
    });
  }
}
