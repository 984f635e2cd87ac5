import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Public } from '../auth/auth.decorators';
import { Health } from './health.model';
import { HealthService } from './health.service';

@Resolver(() => Health)
export class HealthResolver {
  constructor(
    private readonly healthService: HealthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => Health, { description: 'Health and version of the API; needs no sign-in.' })
  async health(): Promise<Health> {
    const database = await this.healthService.databaseStatus();
    return {
      status: database,
      database,
      version: this.config.version,
      environment: this.config.nodeEnv,
      checkedAt: new Date(),
    };
  }
}
