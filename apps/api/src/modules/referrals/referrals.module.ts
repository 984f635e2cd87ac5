import { Module } from '@nestjs/common';
import { ReferralDeadlines } from './referral-deadlines';
import { ReferralDigest } from './referral-digest';
import { ReferralNotifier } from './referral-notifier';
import {
  OnwardReferralsResolver,
  ReferralEventsResolver,
  ReferralForwardPreviewsResolver,
  ReferralMessagesResolver,
  ReferralsResolver,
} from './referrals.resolver';
import { ReferralsService } from './referrals.service';

@Module({
  providers: [
    ReferralNotifier,
    ReferralsService,
    ReferralsResolver,
    ReferralEventsResolver,
    ReferralMessagesResolver,
    OnwardReferralsResolver,
    ReferralForwardPreviewsResolver,
    ReferralDeadlines,
    ReferralDigest,
  ],
  exports: [ReferralsService, ReferralNotifier],
})
export class ReferralsModule {}
