// The security log: sign-ins, second factors, password and factor changes, sessions ended. The
// user reads their own history on /account; network admins read their network's (issue 18).
// Written inside the transaction of the change it records, so a rolled-back change leaves no
// event; a failure that must be recorded although its transaction rolls back (a wrong password)
// is recorded in its own auth-context transaction by the caller.
import type { EntityManager } from 'typeorm';
import { isIP } from 'node:net';

export type SecurityEventKind =
  | 'SIGN_IN_SUCCEEDED'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_THROTTLED'
  | 'SECOND_FACTOR_SUCCEEDED'
  | 'SECOND_FACTOR_FAILED'
  | 'RECOVERY_CODE_USED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET_REQUESTED'
  | 'PASSWORD_RESET'
  | 'TOTP_ENROLLED'
  | 'TOTP_REMOVED'
  | 'PASSKEY_ADDED'
  | 'PASSKEY_REMOVED'
  | 'RECOVERY_CODES_GENERATED'
  | 'SESSION_ENDED'
  | 'OTHER_SESSIONS_ENDED'
  | 'REFRESH_TOKEN_REUSED'
  | 'SECOND_FACTOR_POLICY_CHANGED';

/** Where a request came from, as the sign-in and session records keep it. */
export interface ClientInfo {
  readonly ip: string;
  readonly userAgent: string | undefined;
}

export interface SecurityEvent {
  readonly userId: string;
  readonly kind: SecurityEventKind;
  /** The network the session acted in, if any (account-level events have none). */
  readonly networkId?: string | null;
  readonly method?: string | null;
  readonly sessionId?: string | null;
  readonly client?: ClientInfo | null;
}

/** An address PostgreSQL's inet accepts, or null (a test client, a unix socket). */
export function storableAddress(ip: string | undefined | null): string | null {
  return ip && isIP(ip) ? ip : null;
}

export function storableUserAgent(userAgent: string | undefined | null): string | null {
  return userAgent ? userAgent.slice(0, 300) : null;
}

export async function recordSecurityEvent(manager: EntityManager, event: SecurityEvent): Promise<void> {
  await manager.query(
    `INSERT INTO security_events (user_id, network_id, kind, method, session_id, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      event.userId,
      event.networkId ?? null,
      event.kind,
      event.method ?? null,
      event.sessionId ?? null,
      storableAddress(event.client?.ip),
      storableUserAgent(event.client?.userAgent),
    ],
  );
}
