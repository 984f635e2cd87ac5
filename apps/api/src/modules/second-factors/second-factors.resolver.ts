// Two-step verification: the second step of a sign-in, and the user's own TOTP and recovery codes.
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { AllowedBeforeSecondFactorEnrolment, CurrentActor, Public } from '../../core/auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../../core/config/config';
import { AuthPayload } from '../accounts/account.model';
import { HttpContext, signedInResponse } from '../accounts/sign-in-response';
import { CompleteSignInInput, ReauthenticateInput } from './dto/second-factor.input';
import { RecoveryCodes, TotpEnrolment } from './second-factor.model';
import { SecondFactorsService } from './second-factors.service';
import { SecondStepService } from './second-step.service';
import { requestClient } from '../../core/auth/request-client';

@Resolver()
export class SecondFactorsResolver {
  constructor(
    private readonly secondStep: SecondStepService,
    private readonly factors: SecondFactorsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Answer the second step of a sign-in with a TOTP code or a recovery code; signs in (sets the refresh cookie).',
  })
  async completeSignIn(@Args('input') input: CompleteSignInInput, @Context() context: HttpContext): Promise<AuthPayload> {
    const signedIn = await this.secondStep.completeSignIn(
      input.token,
      { code: input.code, recoveryCode: input.recoveryCode },
      requestClient(context.req),
    );
    return signedInResponse(this.config, context, signedIn);
  }

  @AllowedBeforeSecondFactorEnrolment()
  @Mutation(() => Boolean, {
    description: 'Prove again who I am (password, and a TOTP code if I have one) before changing my factors.',
  })
  async reauthenticate(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: ReauthenticateInput,
    @Context() context: HttpContext,
  ): Promise<boolean> {
    await this.factors.reauthenticate(actor, input.password, input.code, requestClient(context.req));
    return true;
  }

  @AllowedBeforeSecondFactorEnrolment()
  @Mutation(() => TotpEnrolment, { description: 'Start setting up an authenticator app (needs recent authentication).' })
  beginTotpEnrolment(@CurrentActor() actor: RequestActor): Promise<TotpEnrolment> {
    return this.factors.beginTotpEnrolment(actor);
  }

  @AllowedBeforeSecondFactorEnrolment()
  @Mutation(() => RecoveryCodes, {
    description: 'Finish setting up the authenticator app with its first code. Returns recovery codes when I had none (shown once).',
  })
  confirmTotpEnrolment(@CurrentActor() actor: RequestActor, @Args('code') code: string): Promise<RecoveryCodes> {
    return this.factors.confirmTotpEnrolment(actor, code);
  }

  @Mutation(() => RecoveryCodes, { description: 'New recovery codes; the old ones stop working (needs recent authentication).' })
  regenerateRecoveryCodes(@CurrentActor() actor: RequestActor): Promise<RecoveryCodes> {
    return this.factors.regenerateRecoveryCodes(actor);
  }

  @Mutation(() => Boolean, { description: 'Remove the authenticator app (needs recent authentication).' })
  async removeTotp(@CurrentActor() actor: RequestActor): Promise<boolean> {
    await this.factors.removeTotp(actor);
    return true;
  }
}
