// Partnerships (連携管理) and the aggregates network reports read (実態把握・評価).
//
// A partnership belongs to the municipality that manages it (organization_id) and names its
// partner organisation; contacts on both sides, documents (stored files), an interaction log
// with follow-ups, and the marks that make review and follow-up reminders go out once (a new
// review date or due date arms them again).
//
// Reports must stay fast with a million referrals, so they never scan referrals. Three small
// tables are kept by a trigger on referrals, in the same transaction as every change: referrals
// per day sent (Japan date) × sender × receiver × status; the same per need category; and the
// hours from sending to acceptance as a histogram per day × sender × receiver. A change of status
// moves a referral from one cell to another (−1 here, +1 there), so the figures always equal a
// count over referrals, which the report tests check. Overdue referrals are a current state and
// read through the existing partial index on referrals awaiting a reply.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, dropTables, tenantForeignKey, withForcedRowLevelSecurityLifted } from './lib/tenant-owned-table';
import { ACCEPTED_STATUSES, createReferralStatsTables, DAILY_STATS_TABLES, referralStatsApplyFunction } from './lib/referral-stats';

const TYPES = `'CONTRACT','SUBSIDY','AGREEMENT','COUNCIL','INFORMAL'`;
const STATUSES = `'PROPOSED','ACTIVE','UNDER_REVIEW','ENDED'`;
const INTERACTION_KINDS = `'MEETING','CALL','VISIT','EMAIL','OTHER'`;

export class CreatePartnershipsAndReportAggregates1764470000000 implements MigrationInterface {
  name = 'CreatePartnershipsAndReportAggregates1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // --- partnerships ----------------------------------------------------------------------------
    await createTenantOwnedTable(queryRunner, 'partnerships', [
      // The municipality whose liaisons manage it.
      `organization_id uuid NOT NULL`,
      `partner_organization_id uuid NOT NULL`,
      `created_by_membership_id uuid`,
      `partnership_type text NOT NULL CHECK (partnership_type IN (${TYPES}))`,
      `title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200)`,
      `description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000)`,
      `starts_on date`,
      `ends_on date`,
      `review_on date`,
      `status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN (${STATUSES}))`,
      // Yen; optional (an informal partnership has none).
      `budget_yen bigint CHECK (budget_yen >= 0 AND budget_yen <= 1000000000000)`,
      `CHECK (organization_id <> partner_organization_id)`,
      `CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)`,
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('partner_organization_id', 'organizations'),
      tenantForeignKey('created_by_membership_id', 'memberships', 'SET NULL (created_by_membership_id)'),
    ]);
    await q(`CREATE INDEX partnerships_organization_idx ON partnerships (tenant_id, organization_id, created_at DESC, id DESC)`);
    await q(`CREATE INDEX partnerships_partner_idx ON partnerships (tenant_id, partner_organization_id, created_at DESC, id DESC)`);
    await q(`CREATE INDEX partnerships_type_status_idx ON partnerships (tenant_id, partnership_type, status)`);
    await q(`CREATE INDEX partnerships_review_idx ON partnerships (review_on) WHERE status <> 'ENDED' AND review_on IS NOT NULL`);

    await createTenantOwnedTable(queryRunner, 'partnership_contacts', [
      `partnership_id uuid NOT NULL`,
      `side text NOT NULL CHECK (side IN ('MUNICIPALITY', 'PARTNER'))`,
      `position integer NOT NULL DEFAULT 0 CHECK (position >= 0)`,
      `name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100)`,
      `job_title text CHECK (length(job_title) <= 100)`,
      `email text CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254)`,
      `phone text CHECK (phone ~ '^[0-9+()\\- ]{6,20}$')`,
      tenantForeignKey('partnership_id', 'partnerships', 'CASCADE'),
    ]);
    await q(`CREATE INDEX partnership_contacts_partnership_idx ON partnership_contacts (tenant_id, partnership_id, side, position)`);

    await createTenantOwnedTable(queryRunner, 'partnership_documents', [
      `partnership_id uuid NOT NULL`,
      `file_id uuid NOT NULL`,
      tenantForeignKey('partnership_id', 'partnerships', 'CASCADE'),
      tenantForeignKey('file_id', 'files'),
      `UNIQUE (tenant_id, partnership_id, file_id)`,
    ]);

    await createTenantOwnedTable(queryRunner, 'partnership_interactions', [
      `partnership_id uuid NOT NULL`,
      `kind text NOT NULL CHECK (kind IN (${INTERACTION_KINDS}))`,
      `occurred_on date NOT NULL`,
      `attendees text NOT NULL DEFAULT '' CHECK (length(attendees) <= 1000)`,
      `notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 8000)`,
      `recorded_by_membership_id uuid`,
      tenantForeignKey('partnership_id', 'partnerships', 'CASCADE'),
      tenantForeignKey('recorded_by_membership_id', 'memberships', 'SET NULL (recorded_by_membership_id)'),
    ]);
    await q(`CREATE INDEX partnership_interactions_partnership_idx ON partnership_interactions (tenant_id, partnership_id, occurred_on DESC, id DESC)`);

    await createTenantOwnedTable(queryRunner, 'partnership_follow_ups', [
      `partnership_id uuid NOT NULL`,
      `interaction_id uuid`,
      `description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 1000)`,
      `due_on date NOT NULL`,
      // Who is reminded: a member of the managing municipality.
      `assignee_membership_id uuid`,
      `done_at timestamptz`,
      tenantForeignKey('partnership_id', 'partnerships', 'CASCADE'),
      tenantForeignKey('interaction_id', 'partnership_interactions', 'CASCADE'),
      tenantForeignKey('assignee_membership_id', 'memberships', 'SET NULL (assignee_membership_id)'),
    ]);
    await q(`CREATE INDEX partnership_follow_ups_partnership_idx ON partnership_follow_ups (tenant_id, partnership_id, due_on, id)`);
    await q(`CREATE INDEX partnership_follow_ups_open_idx ON partnership_follow_ups (due_on) WHERE done_at IS NULL`);

    // Each reminder goes out once per target and date: a changed review or due date arms it again.
    await createTenantOwnedTable(queryRunner, 'partnership_reminders_sent', [
      `partnership_id uuid NOT NULL`,
      `follow_up_id uuid`,
      `kind text NOT NULL CHECK (kind IN ('REVIEW', 'FOLLOW_UP'))`,
      `target_on date NOT NULL`,
      `days_before integer NOT NULL CHECK (days_before >= 0)`,
      `CHECK ((kind = 'FOLLOW_UP') = (follow_up_id IS NOT NULL))`,
      tenantForeignKey('partnership_id', 'partnerships', 'CASCADE'),
      tenantForeignKey('follow_up_id', 'partnership_follow_ups', 'CASCADE'),
    ]);
    await q(`
      CREATE UNIQUE INDEX partnership_reminders_sent_once ON partnership_reminders_sent
        (tenant_id, partnership_id, coalesce(follow_up_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, target_on, days_before)`);

    // --- report aggregates kept by a trigger on referrals ------------------------------------------
    await createReferralStatsTables(queryRunner, 'day', DAILY_STATS_TABLES, true);

    await q(referralStatsApplyFunction('CREATE FUNCTION', false));
    await q(`
      CREATE FUNCTION app_referral_stats_trigger() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          PERFORM app_referral_stats_apply(OLD, -1);
        END IF;
        PERFORM app_referral_stats_apply(NEW, 1);
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER referrals_stats_insert AFTER INSERT ON referrals FOR EACH ROW EXECUTE FUNCTION app_referral_stats_trigger()`);
    // Only the columns the aggregates depend on; the escalation mark, notes or outcome cost nothing.
    await q(`
      CREATE TRIGGER referrals_stats_update AFTER UPDATE ON referrals FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.sent_at IS DISTINCT FROM NEW.sent_at
              OR OLD.answered_at IS DISTINCT FROM NEW.answered_at OR OLD.needs IS DISTINCT FROM NEW.needs
              OR OLD.sender_organization_id IS DISTINCT FROM NEW.sender_organization_id
              OR OLD.receiver_organization_id IS DISTINCT FROM NEW.receiver_organization_id)
        EXECUTE FUNCTION app_referral_stats_trigger()`);

    // Existing referrals: the owner reads across networks here only, with forced RLS lifted for
    // the length of this transaction.
    await withForcedRowLevelSecurityLifted(queryRunner, ['referrals', ...DAILY_STATS_TABLES], async () => {
      await q(`
      INSERT INTO referral_daily_stats (tenant_id, day, sender_organization_id, receiver_organization_id, status, referrals)
      SELECT tenant_id, (sent_at AT TIME ZONE 'Asia/Tokyo')::date, sender_organization_id, receiver_organization_id, status, count(*)
        FROM referrals WHERE sent_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`);
      await q(`
      INSERT INTO referral_category_daily_stats (tenant_id, day, sender_organization_id, receiver_organization_id, category, status, referrals)
      SELECT r.tenant_id, (r.sent_at AT TIME ZONE 'Asia/Tokyo')::date, r.sender_organization_id, r.receiver_organization_id, need, r.status, count(*)
        FROM referrals r, unnest(CASE WHEN cardinality(r.needs) = 0 THEN ARRAY['NONE'] ELSE r.needs END) AS need
       WHERE r.sent_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`);
      await q(`
      INSERT INTO referral_acceptance_stats (tenant_id, day, sender_organization_id, receiver_organization_id, hours, referrals)
      SELECT tenant_id, (sent_at AT TIME ZONE 'Asia/Tokyo')::date, sender_organization_id, receiver_organization_id,
             greatest(floor(extract(epoch FROM answered_at - sent_at) / 3600), 0)::integer, count(*)
        FROM referrals WHERE sent_at IS NOT NULL AND answered_at IS NOT NULL AND status IN (${ACCEPTED_STATUSES})
       GROUP BY 1, 2, 3, 4, 5`);
    });
    // The aggregates are written by the trigger only.
    for (const table of DAILY_STATS_TABLES) await q(`REVOKE DELETE, TRUNCATE ON ${table} FROM tsunagu_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER referrals_stats_update ON referrals`);
    await q(`DROP TRIGGER referrals_stats_insert ON referrals`);
    await q(`DROP FUNCTION app_referral_stats_trigger()`);
    await q(`DROP FUNCTION app_referral_stats_apply(referrals, integer)`);
    await dropTables(queryRunner, [
      ...DAILY_STATS_TABLES,
      'partnership_reminders_sent',
      'partnership_follow_ups',
      'partnership_interactions',
      'partnership_documents',
      'partnership_contacts',
      'partnerships',
    ]);
  }
}
