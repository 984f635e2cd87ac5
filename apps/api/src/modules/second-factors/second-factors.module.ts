import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { SecondFactorPolicyResolver } from './second-factor-policy.resolver';
import { SecondFactorPolicyService } from './second-factor-policy.service';
import { SecondFactorsResolver } from './second-factors.resolver';
import { SecondFactorsService } from './second-factors.service';
import { SecondStepService } from './second-step.service';

@Module({
  imports: [AccountsModule],
  providers: [SecondFactorsService, SecondStepService, SecondFactorPolicyService, SecondFactorsResolver, SecondFactorPolicyResolver],
  exports: [SecondFactorsService],
})
export class SecondFactorsModule {}
