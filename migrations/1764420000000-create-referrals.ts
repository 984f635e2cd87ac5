// Closed-loop referrals (つなぎ): the referral, its timeline (append-only events), messages
// between the two organisations with per-member read marks, in-app notifications and each
// member's mail preference per kind, and the per-network reply deadlines.
//
// Concurrent transitions are decided by the row: every transition is an UPDATE … WHERE status
// = <the status it starts from>, so of two racing members exactly one changes the row and the
// other finds nothing to change (CONFLICT). The deadline jobs use the same guard, which is what
// makes them safe to run on several replicas at once.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, dropTables, makeAppendOnly, tenantForeignKey } from './lib/tenant-owned-table';

const STATUSES = `'DRAFT','SENT','ACCEPTED','DECLINED','EXPIRED','CANCELLED','IN_PROGRESS','COMPLETED','CLOSED_UNRESOLVED','FORWARDED'`;
const URGENCIES = `'URGENT','HIGH','NORMAL'`;
const CATEGORIES = `'IDENTITY','CONTACT','HOUSEHOLD','HEALTH','DISABILITY','FINANCIAL','LEGAL','CONSULTATION'`;
const AGE_BANDS = `'UNDER_18','AGE_18_29','AGE_30_39','AGE_40_49','AGE_50_64','AGE_65_74','AGE_75_PLUS','UNKNOWN'`;
const KINDS = `'REFERRAL_RECEIVED','REFERRAL_ACCEPTED','REFERRAL_DECLINED','REFERRAL_COMPLETED','REFERRAL_MESSAGE','REFERRAL_ESCALATED'`;

export class CreateReferrals1764420000000 implements MigrationInterface {
  name = 'CreateReferrals1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // Reply deadlines per network (hours per urgency), and how long after the deadline an
    // unanswered referral expires.
    await q(`
      ALTER TABLE networks
        ADD COLUMN referral_urgent_hours integer NOT NULL DEFAULT 4 CHECK (referral_urgent_hours BETWEEN 1 AND 720),
        ADD COLUMN referral_high_hours integer NOT NULL DEFAULT 24 CHECK (referral_high_hours BETWEEN 1 AND 720),
        ADD COLUMN referral_normal_hours integer NOT NULL DEFAULT 72 CHECK (referral_normal_hours BETWEEN 1 AND 720),
        ADD COLUMN referral_expiry_grace_hours integer NOT NULL DEFAULT 72 CHECK (referral_expiry_grace_hours BETWEEN 1 AND 2160)`);

    await createTenantOwnedTable(queryRunner, 'referrals', [
      `sender_organization_id uuid NOT NULL`,
      `sender_membership_id uuid NOT NULL`,
      `receiver_organization_id uuid NOT NULL`,
      `service_id uuid`,
      // Kept so the referral still reads well if the service is removed from the directory.
      `service_name text NOT NULL CHECK (length(service_name) BETWEEN 1 AND 200)`,
      `person_id uuid`,
      // An anonymous case: nothing identifying, only what helps the receiver decide.
      `anonymous_age_band text CHECK (anonymous_age_band IN (${AGE_BANDS}))`,
      `anonymous_gender text CHECK (anonymous_gender IN ('FEMALE', 'MALE', 'NON_BINARY', 'NOT_STATED'))`,
      `anonymous_municipality_code char(5) CHECK (anonymous_municipality_code ~ '^[0-9]{5}$')`,
      `needs text[] NOT NULL DEFAULT '{}'`,
      `urgency text NOT NULL CHECK (urgency IN (${URGENCIES}))`,
      `reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000)`,
      `notes text CHECK (length(notes) <= 4000)`,
      `shared_categories text[] NOT NULL DEFAULT '{}' CHECK (shared_categories <@ ARRAY[${CATEGORIES}]::text[])`,
      `status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN (${STATUSES}))`,
      `sent_at timestamptz`,
      `response_due_at timestamptz`,
      `expires_at timestamptz`,
      `escalated_at timestamptz`,
      `answered_at timestamptz`,
      `closed_at timestamptz`,
      `outcome text CHECK (length(outcome) <= 4000)`,
      `forwarded_from_id uuid`,
      `CHECK (person_id IS NOT NULL OR anonymous_age_band IS NOT NULL)`,
      `CHECK (person_id IS NOT NULL OR cardinality(shared_categories) = 0)`,
      `CHECK (person_id IS NULL OR (anonymous_age_band IS NULL AND anonymous_gender IS NULL AND anonymous_municipality_code IS NULL))`,
      `CHECK (sender_organization_id <> receiver_organization_id)`,
      `CHECK (status = 'DRAFT' OR (sent_at IS NOT NULL AND response_due_at IS NOT NULL AND expires_at IS NOT NULL)
              OR (status = 'CANCELLED' AND sent_at IS NULL))`,
      `CHECK (status <> 'COMPLETED' OR outcome IS NOT NULL)`,
      tenantForeignKey('sender_organization_id', 'organizations'),
      tenantForeignKey('receiver_organization_id', 'organizations'),
      tenantForeignKey('sender_membership_id', 'memberships'),
      tenantForeignKey('service_id', 'services', 'SET NULL (service_id)'),
      tenantForeignKey('person_id', 'persons'),
      tenantForeignKey('forwarded_from_id', 'referrals'),
    ]);
    // Inbox and outbox: by organisation, newest first, filtered by status.
    await q(`CREATE INDEX referrals_receiver_idx ON referrals (tenant_id, receiver_organization_id, created_at DESC, id DESC) WHERE status <> 'DRAFT'`);
    await q(`CREATE INDEX referrals_sender_idx ON referrals (tenant_id, sender_organization_id, created_at DESC, id DESC)`);
    await q(`CREATE INDEX referrals_receiver_status_idx ON referrals (tenant_id, receiver_organization_id, status)`);
    await q(`CREATE INDEX referrals_sender_status_idx ON referrals (tenant_id, sender_organization_id, status)`);
    await q(`CREATE INDEX referrals_person_idx ON referrals (tenant_id, person_id, created_at DESC, id DESC) WHERE person_id IS NOT NULL`);
    // The deadline jobs look only at referrals still awaiting a reply.
    await q(`CREATE INDEX referrals_awaiting_reply_idx ON referrals (tenant_id, response_due_at) WHERE status = 'SENT'`);
    await q(`REVOKE DELETE, TRUNCATE ON referrals FROM tsunagu_app`);

    // The timeline: who did what, when and why. Never changed.
    await createTenantOwnedTable(queryRunner, 'referral_events', [
      `referral_id uuid NOT NULL`,
      `action text NOT NULL CHECK (length(action) <= 40)`,
      `from_status text CHECK (from_status IN (${STATUSES}))`,
      `to_status text CHECK (to_status IN (${STATUSES}))`,
      `actor_membership_id uuid`,
      `actor_organization_id uuid`,
      `note text CHECK (length(note) <= 4000)`,
      `related_referral_id uuid`,
      tenantForeignKey('referral_id', 'referrals'),
    ]);
    await q(`CREATE INDEX referral_events_referral_idx ON referral_events (tenant_id, referral_id, created_at, id)`);

    await createTenantOwnedTable(queryRunner, 'referral_messages', [
      `referral_id uuid NOT NULL`,
      `author_membership_id uuid NOT NULL`,
      `author_organization_id uuid NOT NULL`,
      `body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000)`,
      tenantForeignKey('referral_id', 'referrals'),
      tenantForeignKey('author_membership_id', 'memberships'),
    ]);
    await q(`CREATE INDEX referral_messages_referral_idx ON referral_messages (tenant_id, referral_id, created_at, id)`);

    // How far each member has read a referral's messages (unread counts).
    await createTenantOwnedTable(queryRunner, 'referral_reads', [
      `referral_id uuid NOT NULL`,
      `membership_id uuid NOT NULL`,
      `last_read_at timestamptz NOT NULL`,
      tenantForeignKey('referral_id', 'referrals'),
      tenantForeignKey('membership_id', 'memberships', 'CASCADE'),
      `UNIQUE (tenant_id, referral_id, membership_id)`,
    ]);

    for (const table of ['referral_events', 'referral_messages']) await makeAppendOnly(queryRunner, table);

    // In-app notifications, one per member it concerns, and each member's mail preference.
    await createTenantOwnedTable(queryRunner, 'notifications', [
      `membership_id uuid NOT NULL`,
      `kind text NOT NULL CHECK (kind IN (${KINDS}))`,
      `referral_id uuid`,
      `read_at timestamptz`,
      // Set when the mail for it was queued (at once, or in a digest): each is mailed once.
      `mailed_at timestamptz`,
      tenantForeignKey('membership_id', 'memberships', 'CASCADE'),
      tenantForeignKey('referral_id', 'referrals'),
    ]);
    await q(`CREATE INDEX notifications_member_idx ON notifications (tenant_id, membership_id, created_at DESC, id DESC)`);
    await q(`CREATE INDEX notifications_unread_idx ON notifications (tenant_id, membership_id) WHERE read_at IS NULL`);
    await q(`CREATE INDEX notifications_digest_idx ON notifications (tenant_id, created_at) WHERE mailed_at IS NULL`);

    await createTenantOwnedTable(queryRunner, 'notification_preferences', [
      `membership_id uuid NOT NULL`,
      `kind text NOT NULL CHECK (kind IN (${KINDS}))`,
      `delivery text NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF'))`,
      tenantForeignKey('membership_id', 'memberships', 'CASCADE'),
      `UNIQUE (tenant_id, membership_id, kind)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, ['notification_preferences', 'notifications', 'referral_reads', 'referral_messages', 'referral_events', 'referrals']);
    await queryRunner.query(`
      ALTER TABLE networks DROP COLUMN referral_urgent_hours, DROP COLUMN referral_high_hours,
        DROP COLUMN referral_normal_hours, DROP COLUMN referral_expiry_grace_hours`);
  }
}
