// The report aggregates kept by a trigger on referrals (1764470000000 made the daily cells,
// 1764490000000 added the monthly ones): the function both migrations define, so the trigger's
// upserts are written once and the monthly migration's down() restores exactly the daily version.
import type { QueryRunner } from 'typeorm';
import { createTenantOwnedTable } from './tenant-owned-table';

/** A referral counts as accepted once it was answered by acceptance, whatever happened after. */
export const ACCEPTED_STATUSES = `'ACCEPTED','IN_PROGRESS','COMPLETED','CLOSED_UNRESOLVED'`;

export const DAILY_STATS_TABLES = ['referral_daily_stats', 'referral_category_daily_stats', 'referral_acceptance_stats'] as const;
export const MONTHLY_STATS_TABLES = ['referral_monthly_stats', 'referral_category_monthly_stats', 'referral_acceptance_monthly_stats'] as const;

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

/**
 * app_referral_stats_apply writing the daily cells, and the monthly ones too when `withMonths`.
 * `create` is CREATE FUNCTION where it is made, CREATE OR REPLACE FUNCTION where it is redefined.
 */
export function referralStatsApplyFunction(create: 'CREATE FUNCTION' | 'CREATE OR REPLACE FUNCTION', withMonths: boolean): string {
  return `
      ${create} app_referral_stats_apply(r referrals, delta integer) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        sent_day date;
      BEGIN
        IF r.sent_at IS NULL THEN
          RETURN;
        END IF;
        sent_day := (r.sent_at AT TIME ZONE 'Asia/Tokyo')::date;${upserts('sent_day', 'day', DAILY_STATS_TABLES, true)}${
          withMonths
            ? // Daily cells first, then monthly ones, in every transaction (one lock order).
              upserts(`date_trunc('month', sent_day)::date`, 'month', MONTHLY_STATS_TABLES, false)
            : ''
        }
      END $$`;
}

/**
 * Creates the three cell tables of one granularity (`period`: a Japan day, or a Japan month keyed
 * by its first day) and their period index. Need cells are per status only where `categoryStatus`
 * (see upserts).
 */
export async function createReferralStatsTables(
  queryRunner: QueryRunner,
  period: 'day' | 'month',
  tables: readonly [status: string, category: string, acceptance: string],
  categoryStatus: boolean,
): Promise<void> {
  const [statusTable, categoryTable, acceptanceTable] = tables;
  const key = [
    // A month is keyed by its first day.
    period === 'day' ? `day date NOT NULL` : `month date NOT NULL CHECK (extract(day FROM month) = 1)`,
    `sender_organization_id uuid NOT NULL`,
    `receiver_organization_id uuid NOT NULL`,
  ];
  const referrals = `referrals integer NOT NULL DEFAULT 0 CHECK (referrals >= 0)`;
  const unique = (cell: string) => `UNIQUE (tenant_id, ${period}, sender_organization_id, receiver_organization_id, ${cell})`;
  await createTenantOwnedTable(queryRunner, statusTable, [...key, `status text NOT NULL`, referrals, unique('status')]);
  await createTenantOwnedTable(queryRunner, categoryTable, [
    ...key,
    // A need (SERVICE_CATEGORIES code), or NONE for a referral that named none.
    `category text NOT NULL`,
    ...(categoryStatus ? [`status text NOT NULL`] : []),
    referrals,
    unique(categoryStatus ? 'category, status' : 'category'),
  ]);
  await createTenantOwnedTable(queryRunner, acceptanceTable, [
    ...key,
    // Whole hours from sending to acceptance (rounded down).
    `hours integer NOT NULL CHECK (hours >= 0)`,
    referrals,
    unique('hours'),
  ]);
  // Reports filter by network and period range first (organisation filters follow).
  for (const table of tables) await queryRunner.query(`CREATE INDEX ${table}_${period}_idx ON ${table} (tenant_id, ${period})`);
}
