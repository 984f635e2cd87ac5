import { Module } from '@nestjs/common';

/** Partnerships (連携管理): municipal liaisons manage them; partners read their own. */
@Module({
  providers: [],
})
export class PartnershipsModule {}
