import { Module } from '@nestjs/common';
import { ReferralNotifier } from './referral-notifier';
import { ReferralsResolver } from './referrals.resolver';
import { ReferralsService } from './referrals.service';

@Module({
  providers: [ReferralNotifier, ReferralsService, ReferralsResolver],
  exports: [ReferralsService, ReferralNotifier],
})
export class ReferralsModule {}
