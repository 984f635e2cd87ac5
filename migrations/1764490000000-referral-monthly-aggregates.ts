// Monthly referral aggregates for long report ranges (issue 9 item 5).
//
// The daily aggregates of 1764470000000 hardly compress a busy network: at 1,000,000 referrals
// most day × sender × receiver × status cells hold one to three referrals, so a fiscal-year
// report read hundreds of thousands of rows and took about a second. These tables hold the same
// cells per Japan month (keyed by the month's first day; the need cells without the status, which
// no report reads by need), kept by the same trigger in the same transaction with the same −1/+1
// moves, so a year reads twelve months of cells (about 30 times fewer rows) and only the partial
// months at either end of a range read the daily tables.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTables, withForcedRowLevelSecurityLifted } from './lib/tenant-owned-table';
import { createReferralStatsTables, DAILY_STATS_TABLES, MONTHLY_STATS_TABLES, referralStatsApplyFunction } from './lib/referral-stats';

export class ReferralMonthlyAggregates1764490000000 implements MigrationInterface {
  name = 'ReferralMonthlyAggregates1764490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await createReferralStatsTables(queryRunner, 'month', MONTHLY_STATS_TABLES, false);

    await q(referralStatsApplyFunction('CREATE OR REPLACE FUNCTION', true));

    // Existing cells: summed from the daily ones. The owner reads across networks here only, with
    // forced RLS lifted for the length of this transaction.
    await withForcedRowLevelSecurityLifted(queryRunner, [...DAILY_STATS_TABLES, ...MONTHLY_STATS_TABLES], async () => {
      await q(`
      INSERT INTO referral_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, status, referrals)
      SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, status, sum(referrals)
        FROM referral_daily_stats GROUP BY 1, 2, 3, 4, 5`);
      await q(`
      INSERT INTO referral_category_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, category, referrals)
      SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, category, sum(referrals)
        FROM referral_category_daily_stats GROUP BY 1, 2, 3, 4, 5`);
      await q(`
      INSERT INTO referral_acceptance_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, hours, referrals)
      SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, hours, sum(referrals)
        FROM referral_acceptance_stats GROUP BY 1, 2, 3, 4, 5`);
    });
    // The aggregates are written by the trigger only.
    for (const table of MONTHLY_STATS_TABLES) await q(`REVOKE DELETE, TRUNCATE ON ${table} FROM tsunagu_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(referralStatsApplyFunction('CREATE OR REPLACE FUNCTION', false));
    await dropTables(queryRunner, MONTHLY_STATS_TABLES);
  }
}
