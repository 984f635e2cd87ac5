// Authentication and coarse authorisation for the whole API: the access-token strategy, the
// global guards (signed in unless @Public; @Can abilities), and the services that issue and
// check sessions. Global so every feature module can inject them.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { CanGuard } from '../authz/can.guard';
import { ActorLoader } from './actor-loader';
import { AccessTokenGuard } from './auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionTokens } from './session-tokens';

@Global()
@Module({
  imports: [PassportModule, JwtModule.register({})],
  providers: [
    ActorLoader,
    JwtStrategy,
    LoginThrottle,
    PasswordHasher,
    SessionTokens,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_GUARD, useClass: CanGuard },
  ],
  exports: [LoginThrottle, PasswordHasher, SessionTokens],
})
export class AuthModule {}
