import { Module } from '@nestjs/common';
import { PartnershipDocumentsAccess } from './partnership-documents-access';
import { PartnershipLoaders } from './partnership-loaders';
import { PartnershipReader } from './partnership-reader';
import { PartnershipReminders } from './partnership-reminders';
import { PartnershipsResolver } from './partnerships.resolver';
import { PartnershipsService } from './partnerships.service';

/** Partnerships (連携管理): municipal liaisons manage them; partners read their own; reminders by mail. */
@Module({
  providers: [PartnershipReader, PartnershipsService, PartnershipLoaders, PartnershipsResolver, PartnershipReminders, PartnershipDocumentsAccess],
  exports: [PartnershipsService],
})
export class PartnershipsModule {}
