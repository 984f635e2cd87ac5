import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { LearningModule } from '../training/learning/learning.module';
import { HomeResolver } from './home.resolver';
import { HomeService } from './home.service';

/** The home page: one query gathering what needs doing from the capabilities' own statements. */
@Module({
  imports: [ReferralsModule, GrantsModule, LearningModule],
  providers: [HomeService, HomeResolver],
})
export class HomeModule {}
