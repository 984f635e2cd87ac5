import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor, Public } from '../../core/auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../../core/config/config';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { SignInResult } from '../accounts/account.model';
import { HttpContext, signInStepResponse } from '../accounts/sign-in-response';
import { AcceptInvitationInput, InviteMemberInput, UpdateMemberRolesInput } from './dto/members.input';
import { Invitation, InvitationPreview, Membership, MembershipConnection } from './membership.model';
import { MembersService } from './members.service';
import { requestClient } from '../../core/auth/request-client';

@Resolver(() => Membership)
export class MembersResolver {
  constructor(
    private readonly membersService: MembersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => MembershipConnection, {
    description: 'Members of an organisation of my network, oldest first.',
    complexity: listComplexity(1),
  })
  async members(
    @CurrentActor() actor: RequestActor,
    @IdArg('organizationId') organizationId: string,
    @Args() page: PageArgs,
  ): Promise<MembershipConnection> {
    return toConnection(await this.membersService.list(actor, organizationId, page.first, page.after));
  }

  @Query(() => [Invitation], { description: 'Pending invitations of an organisation.' })
  invitations(
    @CurrentActor() actor: RequestActor,
    @IdArg('organizationId') organizationId: string,
  ): Promise<Invitation[]> {
    return this.membersService.pendingInvitations(actor, organizationId);
  }

  @Public()
  @Query(() => InvitationPreview, { description: 'What an invitation link is for (no sign-in needed).' })
  invitationPreview(@Args('token') token: string): Promise<InvitationPreview> {
    return this.membersService.preview(token);
  }

  @Mutation(() => Invitation, { description: 'Invite an address to an organisation; the link is mailed and lasts 7 days.' })
  inviteMember(@CurrentActor() actor: RequestActor, @Args('input') input: InviteMemberInput): Promise<Invitation> {
    return this.membersService.invite(actor, input);
  }

  @Mutation(() => Invitation)
  revokeInvitation(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Invitation> {
    return this.membersService.revokeInvitation(actor, id);
  }

  @Public()
  @Mutation(() => SignInResult, {
    description:
      'Accept an invitation: creates the account or adds the membership, and signs in. An existing account with a second factor gets the second step (secondFactor) instead of a session.',
  })
  async acceptInvitation(
    @Args('input') input: AcceptInvitationInput,
    @Context() context: HttpContext,
  ): Promise<SignInResult> {
    const step = await this.membersService.accept(input, requestClient(context.req));
    return signInStepResponse(this.config, context, step);
  }

  @Mutation(() => Membership)
  updateMemberRoles(@CurrentActor() actor: RequestActor, @Args('input') input: UpdateMemberRolesInput): Promise<Membership> {
    return this.membersService.updateRoles(actor, input.membershipId, input.roles);
  }

  @Mutation(() => Membership, { description: 'Disable (or re-enable) a membership; disabling ends its sessions.' })
  setMembershipDisabled(
    @CurrentActor() actor: RequestActor,
    @IdArg('membershipId') membershipId: string,
    @Args('disabled') disabled: boolean,
  ): Promise<Membership> {
    return this.membersService.setDisabled(actor, membershipId, disabled);
  }
}
