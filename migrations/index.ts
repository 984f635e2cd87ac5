// Every migration, in order. The API bundles this list (it runs pending migrations at start),
// so a new migration file must be added here as well.
import { CreateFoundation1764201600000 } from './1764201600000-create-foundation';
import { CreateAccounts1764250000000 } from './1764250000000-create-accounts';
import { CreateDirectory1764350000000 } from './1764350000000-create-directory';
import { SearchBigramsIndex1764370000000 } from './1764370000000-search-bigrams-index';
import { DeferOrganizationNameUniqueness1764380000000 } from './1764380000000-defer-organization-name-uniqueness';
import { StoreSearchBigrams1764360000000 } from './1764360000000-store-search-bigrams';
import { CreateJobsAndMailOutbox1764300000000 } from './1764300000000-create-jobs-and-mail-outbox';
import { CreatePeopleAndConsent1764400000000 } from './1764400000000-create-people-and-consent';
import { DirectorySearchFiltersIndex1764410000000 } from './1764410000000-directory-search-filters-index';
import { CreateReferrals1764420000000 } from './1764420000000-create-referrals';
import { ReferralInboxCountsIndex1764430000000 } from './1764430000000-referral-inbox-counts-index';
import { CreateFiles1764435000000 } from './1764435000000-create-files';
import { CreateGrants1764440000000 } from './1764440000000-create-grants';
import { CreateTraining1764450000000 } from './1764450000000-create-training';
import { CreatePartnershipsAndReportAggregates1764470000000 } from './1764470000000-create-partnerships-and-report-aggregates';
import { ReportIndexes1764480000000 } from './1764480000000-report-indexes';
import { HomeIndexes1764527000000 } from './1764527000000-home-indexes';
import { TenantScopedUniqueKeys1764530000000 } from './1764530000000-tenant-scoped-unique-keys';
import { ReferralMonthlyAggregates1764490000000 } from './1764490000000-referral-monthly-aggregates';
import { RolesAllowedByOrganizationKind1764500000000 } from './1764500000000-roles-allowed-by-organization-kind';
import { ReferralCategoryRequests1764510000000 } from './1764510000000-referral-category-requests';
import { ReferralTextAfterErasure1764515000000 } from './1764515000000-referral-text-after-erasure';
import { ReferralDeadlineSortIndexes1764520000000 } from './1764520000000-referral-deadline-sort-indexes';
import { SearchReadings1764521600000 } from './1764521600000-search-readings';
import { MailOutboxBacklog1764531000000 } from './1764531000000-mail-outbox-backlog';
import { SignInSecurity1764540000000 } from './1764540000000-sign-in-security';
import { PasswordResetRequests1764541000000 } from './1764541000000-password-reset-requests';
import { SecurityLogRetention1764544000000 } from './1764544000000-security-log-retention';
import { SecondFactorEnrolmentVisibility1764542000000 } from './1764542000000-second-factor-enrolment-visibility';

export const migrations = [
  CreateFoundation1764201600000,
  CreateAccounts1764250000000,
  CreateJobsAndMailOutbox1764300000000,
  CreateDirectory1764350000000,
  StoreSearchBigrams1764360000000,
  SearchBigramsIndex1764370000000,
  DeferOrganizationNameUniqueness1764380000000,
  CreatePeopleAndConsent1764400000000,
  DirectorySearchFiltersIndex1764410000000,
  CreateReferrals1764420000000,
  ReferralInboxCountsIndex1764430000000,
  CreateFiles1764435000000,
  CreateGrants1764440000000,
  CreateTraining1764450000000,
  CreatePartnershipsAndReportAggregates1764470000000,
  ReportIndexes1764480000000,
  ReferralMonthlyAggregates1764490000000,
  RolesAllowedByOrganizationKind1764500000000,
  ReferralCategoryRequests1764510000000,
  ReferralTextAfterErasure1764515000000,
  ReferralDeadlineSortIndexes1764520000000,
  SearchReadings1764521600000,
  HomeIndexes1764527000000,
  TenantScopedUniqueKeys1764530000000,
  MailOutboxBacklog1764531000000,
  SignInSecurity1764540000000,
  PasswordResetRequests1764541000000,
  SecondFactorEnrolmentVisibility1764542000000,
  SecurityLogRetention1764544000000,
];
