// A network admin's second-factor policy and the list of who has enrolled.
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { SetSecondFactorPolicyInput } from './dto/second-factor.input';
import { SecondFactorEnrolmentConnection, SecondFactorPolicy } from './second-factor.model';
import { SecondFactorPolicyService } from './second-factor-policy.service';

@Resolver()
export class SecondFactorPolicyResolver {
  constructor(private readonly policies: SecondFactorPolicyService) {}

  @Query(() => SecondFactorPolicy, { description: "My network's second-factor policy (network admins)." })
  secondFactorPolicy(@CurrentActor() actor: RequestActor): Promise<SecondFactorPolicy> {
    return this.policies.policy(actor);
  }

  @Mutation(() => SecondFactorPolicy, { description: 'Require (or stop requiring) a second factor of the roles that read personal data.' })
  setSecondFactorPolicy(@CurrentActor() actor: RequestActor, @Args('input') input: SetSecondFactorPolicyInput): Promise<SecondFactorPolicy> {
    return this.policies.setPolicy(actor, input.required, input.graceDays);
  }

  @Query(() => SecondFactorEnrolmentConnection, {
    description: 'Members of my network and whether they have enrolled a second factor (network admins), oldest first.',
    complexity: listComplexity(1),
  })
  async secondFactorEnrolments(@CurrentActor() actor: RequestActor, @Args() page: PageArgs): Promise<SecondFactorEnrolmentConnection> {
    return toConnection(await this.policies.enrolments(actor, page.first, page.after));
  }
}
