// Who a request acts as: one user, through one active membership. Tenant and organisation come
// from here and from nowhere else (never from GraphQL arguments).
import type { Actor } from '@tsunagu/authz';

export interface RequestActor extends Actor {
  readonly membershipId: string;
  readonly sessionId: string;
  readonly email: string;
  readonly displayName: string;
  /**
   * Signed in past the network's grace period without a second factor: until one is enrolled,
   * only the operations marked @AllowedBeforeSecondFactorEnrolment() are open (auth.guard.ts).
   */
  readonly secondFactorEnrolmentRequired: boolean;
}

/** Claims of the short-lived access token. Roles are not in it: they are read per request. */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly sid: string;
  readonly mid: string;
  /** Set by the signer (jsonwebtoken): expiry and issue time, in seconds since the epoch. */
  readonly exp?: number;
  readonly iat?: number;
}
