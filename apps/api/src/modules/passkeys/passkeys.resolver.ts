import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { RequestActor } from '../../core/auth/actor';
import { AllowedBeforeSecondFactorEnrolment, CurrentActor, Public } from '../../core/auth/auth.decorators';
import { requestClient } from '../../core/auth/request-client';
import { APP_CONFIG, AppConfig } from '../../core/config/config';
import { IdArg } from '../../core/graphql/id-args';
import { AuthPayload } from '../accounts/account.model';
import type { SignedIn } from '../accounts/accounts.service';
import { HttpContext, signedInResponse } from '../accounts/sign-in-response';
import { CompleteSignInWithPasskeyInput, FinishPasskeyRegistrationInput, FinishPasskeySignInInput } from './dto/passkeys.input';
import { Passkey, PasskeyCeremony } from './passkey.model';
import { PasskeysService } from './passkeys.service';

@Resolver()
export class PasskeysResolver {
  constructor(
    private readonly passkeys: PasskeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @AllowedBeforeSecondFactorEnrolment()
  @Query(() => [Passkey], { description: 'My passkeys, oldest first.' })
  myPasskeys(@CurrentActor() actor: RequestActor): Promise<Passkey[]> {
    return this.passkeys.myPasskeys(actor);
  }

  @AllowedBeforeSecondFactorEnrolment()
  @Mutation(() => PasskeyCeremony, { description: 'Start adding a passkey: options for navigator.credentials.create.' })
  beginPasskeyRegistration(@CurrentActor() actor: RequestActor, @Context() context: HttpContext): Promise<PasskeyCeremony> {
    return this.passkeys.beginRegistration(actor, requestClient(context.req));
  }

  @AllowedBeforeSecondFactorEnrolment()
  @Mutation(() => Passkey, { description: 'Finish adding a passkey with the browser’s answer.' })
  finishPasskeyRegistration(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: FinishPasskeyRegistrationInput,
  ): Promise<Passkey> {
    return this.passkeys.finishRegistration(actor, input.token, input.responseJson, input.label);
  }

  @Mutation(() => Passkey, { description: 'Rename one of my passkeys.' })
  renamePasskey(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('label') label: string): Promise<Passkey> {
    return this.passkeys.rename(actor, id, label);
  }

  @Mutation(() => Boolean, {
    description: 'Remove one of my passkeys; needs a recent sign-in (REAUTHENTICATION_REQUIRED). My other sessions end.',
  })
  async removePasskey(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<boolean> {
    await this.passkeys.remove(actor, id);
    return true;
  }

  @Public()
  @Mutation(() => String, {
    description: 'Second step of a sign-in with a passkey: the options (JSON) for navigator.credentials.get.',
  })
  beginPasskeySecondFactor(@Args('challengeToken') challengeToken: string): Promise<string> {
    return this.passkeys.beginSecondFactor(challengeToken);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Finish the second step with a passkey: signed in (sets the refresh cookie).' })
  async completeSignInWithPasskey(
    @Args('input') input: CompleteSignInWithPasskeyInput,
    @Context() context: HttpContext,
  ): Promise<AuthPayload> {
    const signedIn = await this.passkeys.completeSecondFactor(input.challengeToken, input.responseJson, requestClient(context.req));
    return this.withCookie(context, signedIn);
  }

  @Public()
  @Mutation(() => PasskeyCeremony, { description: 'Start signing in with a passkey alone (no email, no password).' })
  beginPasskeySignIn(@Context() context: HttpContext): Promise<PasskeyCeremony> {
    return this.passkeys.beginSignIn(requestClient(context.req));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Finish signing in with a passkey: signed in (sets the refresh cookie).' })
  async finishPasskeySignIn(@Args('input') input: FinishPasskeySignInInput, @Context() context: HttpContext): Promise<AuthPayload> {
    const signedIn = await this.passkeys.finishSignIn(input.token, input.responseJson, requestClient(context.req));
    return this.withCookie(context, signedIn);
  }

  private withCookie(context: HttpContext, signedIn: SignedIn): AuthPayload {
    return signedInResponse(this.config, context, signedIn);
  }
}
