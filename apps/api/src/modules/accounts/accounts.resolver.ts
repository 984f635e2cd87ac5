import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IdArg } from '../../core/graphql/id-args';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { requestClient } from '../../core/auth/request-client';
import { clearRefreshCookie, readRefreshCookie } from '../../core/auth/refresh-cookie';
import { APP_CONFIG, AppConfig } from '../../core/config/config';
import { AuthPayload, Me, SecondFactorStatus, SignInResult } from './account.model';
import { AccountsService, SignedIn } from './accounts.service';
import { HttpContext, signedInResponse, signInStepResponse } from './sign-in-response';
import { ChangePasswordInput, LoginInput, ResetPasswordInput, UpdateMyProfileInput } from './dto/accounts.input';

@Resolver()
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => Me, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@OptionalActor() actor: RequestActor | null): Promise<Me | null> {
    return actor ? this.accounts.me(actor) : null;
  }

  @Public()
  @Mutation(() => SignInResult, {
    description: 'Sign in with email and password. Signed in (sets the refresh cookie), or a second factor is asked for.',
  })
  async login(@Args('input') input: LoginInput, @Context() context: HttpContext): Promise<SignInResult> {
    const step = await this.accounts.login(input.email, input.password, requestClient(context.req));
    return signInStepResponse(this.config, context, step);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'New access token from the refresh cookie (which rotates).' })
  async refreshSession(@Context() context: HttpContext): Promise<AuthPayload> {
    try {
      return this.withCookie(context, await this.accounts.refresh(readRefreshCookie(context.req), requestClient(context.req)));
    } catch (error) {
      clearRefreshCookie(this.config, context.req, context.reply);
      throw error;
    }
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sign out this session.' })
  async logout(@OptionalActor() actor: RequestActor | null, @Context() context: HttpContext): Promise<boolean> {
    await this.accounts.logout(readRefreshCookie(context.req), actor);
    clearRefreshCookie(this.config, context.req, context.reply);
    return true;
  }

  @Mutation(() => AuthPayload, { description: 'Act as another of my memberships, without signing in again.' })
  async switchMembership(
    @CurrentActor() actor: RequestActor,
    @IdArg('membershipId') membershipId: string,
  ): Promise<AuthPayload> {
    return (await this.accounts.switchMembership(actor, membershipId)).payload;
  }

  @Mutation(() => Boolean, { description: 'Change my password; my other sessions end.' })
  async changePassword(@CurrentActor() actor: RequestActor, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.accounts.changePassword(actor, input.currentPassword, input.newPassword);
    return true;
  }

  @Mutation(() => Me)
  updateMyProfile(@CurrentActor() actor: RequestActor, @Args('input') input: UpdateMyProfileInput): Promise<Me> {
    return this.accounts.updateProfile(actor, input.displayName, input.preferredLanguage);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Mail a reset link if the address has an account. Always true: it does not reveal which.',
  })
  async requestPasswordReset(@Args('email') email: string, @Context() context: HttpContext): Promise<boolean> {
    await this.accounts.requestPasswordReset(email, requestClient(context.req));
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Set a new password with a reset link; every session ends.' })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.accounts.resetPassword(input.token, input.newPassword);
    return true;
  }

  private withCookie(context: HttpContext, signedIn: SignedIn): AuthPayload {
    return signedInResponse(this.config, context, signedIn);
  }
}

@Resolver(() => Me)
export class MeFieldsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => SecondFactorStatus, { description: 'Two-step verification: what I have, and what my network asks.' })
  secondFactor(@Parent() me: Me): Promise<SecondFactorStatus> {
    return this.accounts.secondFactorStatus(me);
  }
}
