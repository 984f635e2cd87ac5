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
import { createTenantOwnedTable } from './lib/tenant-owned-table';

/** A referral counts as accepted once it was answered by acceptance, whatever happened after. */
const ACCEPTED_STATUSES = `'ACCEPTED','IN_PROGRESS','COMPLETED','CLOSED_UNRESOLVED'`;

const DAILY_TABLES = ['referral_daily_stats', 'referral_category_daily_stats', 'referral_acceptance_stats'];
const MONTHLY_TABLES = ['referral_monthly_stats', 'referral_category_monthly_stats', 'referral_acceptance_monthly_stats'];

/**
 * The trigger's upserts into one granularity: `period` is the cell's date (a day or a month's
 * first day). The monthly need cells leave out the status (`categoryStatus` false): reports count
 * needs whatever the status, and the status multiplied those cells several times over.
 */
function upserts(period: string, column: 'day' | 'month', tables: readonly [status: string, category: string, acceptance: string], categoryStatus: boolean): string {
  const [statusTable, categoryTable, acceptanceTable] = tables;
  const status = categoryStatus ? ', status' : '';
  return `
        INSERT INTO ${statusTable} AS s (tenant_id, ${column}, sender_organization_id, receiver_organization_id, status, referrals)
        VALUES (r.tenant_id, ${period}, r.sender_organization_id, r.receiver_organization_id, r.status, greatest(delta, 0))
        ON CONFLICT (tenant_id, ${column}, sender_organization_id, receiver_organization_id, status)
        DO UPDATE SET referrals = s.referrals + delta;
        INSERT INTO ${categoryTable} AS s
               (tenant_id, ${column}, sender_organization_id, receiver_organization_id, category${status}, referrals)
        SELECT r.tenant_id, ${period}, r.sender_organization_id, r.receiver_organization_id, need${categoryStatus ? ', r.status' : ''}, greatest(delta, 0)
          FROM unnest(CASE WHEN cardinality(r.needs) = 0 THEN ARRAY['NONE'] ELSE r.needs END) AS need
         -- One lock order for every transaction, so two changes never wait on each other in a cycle.
         ORDER BY need
        ON CONFLICT (tenant_id, ${column}, sender_organization_id, receiver_organization_id, category${status})
        DO UPDATE SET referrals = s.referrals + delta;
        IF r.answered_at IS NOT NULL AND r.status IN (${ACCEPTED_STATUSES}) THEN
          INSERT INTO ${acceptanceTable} AS s (tenant_id, ${column}, sender_organization_id, receiver_organization_id, hours, referrals)
          VALUES (r.tenant_id, ${period}, r.sender_organization_id, r.receiver_organization_id,
                  greatest(floor(extract(epoch FROM r.answered_at - r.sent_at) / 3600), 0)::integer, greatest(delta, 0))
          ON CONFLICT (tenant_id, ${column}, sender_organization_id, receiver_organization_id, hours)
          DO UPDATE SET referrals = s.referrals + delta;
        END IF;`;
}

/** app_referral_stats_apply writing the daily cells, and the monthly ones too when `withMonths`. */
function applyFunction(withMonths: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION app_referral_stats_apply(r referrals, delta integer) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        sent_day date;
      BEGIN
        IF r.sent_at IS NULL THEN
          RETURN;
        END IF;
        sent_day := (r.sent_at AT TIME ZONE 'Asia/Tokyo')::date;${upserts('sent_day', 'day', ['referral_daily_stats', 'referral_category_daily_stats', 'referral_acceptance_stats'], true)}${
          withMonths
            ? // Daily cells first, then monthly ones, in every transaction (one lock order).
              upserts(`date_trunc('month', sent_day)::date`, 'month', ['referral_monthly_stats', 'referral_category_monthly_stats', 'referral_acceptance_monthly_stats'], false)
            : ''
        }
      END $$`;
}

export class ReferralMonthlyAggregates1764490000000 implements MigrationInterface {
  name = 'ReferralMonthlyAggregates1764490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    const monthKey = [
      // The first day of the Japan month the referral was sent in.
      `month date NOT NULL CHECK (extract(day FROM month) = 1)`,
      `sender_organization_id uuid NOT NULL`,
      `receiver_organization_id uuid NOT NULL`,
    ];
    await createTenantOwnedTable(queryRunner, 'referral_monthly_stats', [
      ...monthKey,
      `status text NOT NULL`,
      `referrals integer NOT NULL DEFAULT 0 CHECK (referrals >= 0)`,
      `UNIQUE (tenant_id, month, sender_organization_id, receiver_organization_id, status)`,
    ]);
    await createTenantOwnedTable(queryRunner, 'referral_category_monthly_stats', [
      ...monthKey,
      // A need (SERVICE_CATEGORIES code), or NONE for a referral that named none; any status
      // (the report counts needs whatever the status, so the cells leave it out).
      `category text NOT NULL`,
      `referrals integer NOT NULL DEFAULT 0 CHECK (referrals >= 0)`,
      `UNIQUE (tenant_id, month, sender_organization_id, receiver_organization_id, category)`,
    ]);
    await createTenantOwnedTable(queryRunner, 'referral_acceptance_monthly_stats', [
      ...monthKey,
      // Whole hours from sending to acceptance (rounded down).
      `hours integer NOT NULL CHECK (hours >= 0)`,
      `referrals integer NOT NULL DEFAULT 0 CHECK (referrals >= 0)`,
      `UNIQUE (tenant_id, month, sender_organization_id, receiver_organization_id, hours)`,
    ]);
    // Reports filter by network and month range first (organisation filters follow).
    for (const table of MONTHLY_TABLES) await q(`CREATE INDEX ${table}_month_idx ON ${table} (tenant_id, month)`);

    await q(applyFunction(true));

    // Existing cells: summed from the daily ones. The owner reads across networks here only, with
    // forced RLS lifted for the length of this transaction.
    for (const table of [...DAILY_TABLES, ...MONTHLY_TABLES]) await q(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
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
    for (const table of [...DAILY_TABLES, ...MONTHLY_TABLES]) await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    // The aggregates are written by the trigger only.
    for (const table of MONTHLY_TABLES) await q(`REVOKE DELETE, TRUNCATE ON ${table} FROM tsunagu_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(applyFunction(false));
    for (const table of MONTHLY_TABLES) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
