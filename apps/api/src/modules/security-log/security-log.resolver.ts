import { Args, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { NetworkSecurityEventConnection, SecurityEventConnection } from './security-event.model';
import { SecurityLogService } from './security-log.service';

@Resolver()
export class SecurityLogResolver {
  constructor(private readonly securityLog: SecurityLogService) {}

  @Query(() => SecurityEventConnection, {
    description: 'My sign-ins and security changes, newest first.',
    complexity: listComplexity(1),
  })
  async mySecurityEvents(@CurrentActor() actor: RequestActor, @Args() page: PageArgs): Promise<SecurityEventConnection> {
    return toConnection(await this.securityLog.mine(actor, page));
  }

  @Query(() => NetworkSecurityEventConnection, {
    description: "The sign-ins and security changes of my network's members, newest first (network admins).",
    complexity: listComplexity(1),
  })
  async networkSecurityEvents(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @IdArg('userId', { nullable: true, description: 'Only this member.' }) userId?: string,
  ): Promise<NetworkSecurityEventConnection> {
    return toConnection(await this.securityLog.ofNetwork(actor, { ...page, userId }));
  }
}
