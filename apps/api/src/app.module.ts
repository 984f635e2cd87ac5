import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './core/config/config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { AppGraphQLModule } from './core/graphql/graphql.module';
import { HealthModule } from './core/health/health.module';
import { JobsModule } from './core/jobs/jobs.module';
import { LoggingModule } from './core/logging/logging.module';
import { MailModule } from './core/mail/mail.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { AuthModule } from './core/auth/auth.module';
import { FilesModule } from './core/files/files.module';
import { PersonalDataModule } from './core/personal-data/personal-data.module';
import { SearchModule } from './core/search/search.module';
import { TimeModule } from './core/time/time.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { PasskeysModule } from './modules/passkeys/passkeys.module';
import { SecondFactorsModule } from './modules/second-factors/second-factors.module';
import { AuditModule } from './modules/audit/audit.module';
import { SecurityLogModule } from './modules/security-log/security-log.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { GrantsModule } from './modules/grants/grants.module';
import { HomeModule } from './modules/home/home.module';
import { HsdsModule } from './modules/hsds/hsds.module';
import { MembersModule } from './modules/members/members.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PartnershipsModule } from './modules/partnerships/partnerships.module';
import { PeopleModule } from './modules/people/people.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { ReportsModule } from './modules/reports/reports.module';
import { CoursesModule } from './modules/training/courses/courses.module';
import { LearningModule } from './modules/training/learning/learning.module';
import { TrainingReportsModule } from './modules/training/reports/training-reports.module';
import { TrainingSessionsModule } from './modules/training/sessions/training-sessions.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        MetricsModule,
        TimeModule,
        DatabaseModule,
        AppGraphQLModule,
        HealthModule,
        JobsModule,
        SearchModule,
        MailModule,
        AuthModule,
        AccountsModule,
        PasskeysModule,
        SecondFactorsModule,
        OrganizationsModule,
        MembersModule,
        AuditModule,
        SecurityLogModule,
        DirectoryModule,
        HsdsModule,
        HomeModule,
        PersonalDataModule,
        FilesModule,
        PeopleModule,
        ReferralsModule,
        NotificationsModule,
        GrantsModule,
        CoursesModule,
        LearningModule,
        TrainingSessionsModule,
        TrainingReportsModule,
        PartnershipsModule,
        ReportsModule,
      ],
    };
  }
}
