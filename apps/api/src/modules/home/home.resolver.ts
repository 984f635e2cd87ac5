import { Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { Home } from './home.model';
import { HomeService } from './home.service';

@Resolver(() => Home)
export class HomeResolver {
  constructor(private readonly service: HomeService) {}

  @Query(() => Home, { description: 'What needs doing, for the signed-in member (the home page).' })
  home(@CurrentActor() actor: RequestActor): Promise<Home> {
    return this.service.home(actor);
  }
}
