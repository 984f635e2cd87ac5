// Network reports (実態把握・評価): referral, grant, training and partnership figures for the
// network or one organisation, the network map, their CSV and the annual evaluation PDF.
import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportsResolver],
})
export class ReportsModule {}
