// Referral category requests (issue 14, finding 9): a receiver asks the sender for categories the
// referral does not share, the sender decides. The timeline records which categories were asked
// for or shared (referral_events.categories), and the sender hears of a request through a new
// notification kind. The free-text erasure marker needs no schema change: it fits every length
// CHECK of reason, notes, outcome, note and body, and touches no column the aggregate trigger
// watches.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `'IDENTITY','CONTACT','HOUSEHOLD','HEALTH','DISABILITY','FINANCIAL','LEGAL','CONSULTATION'`;
const OLD_KINDS = `'REFERRAL_RECEIVED','REFERRAL_ACCEPTED','REFERRAL_DECLINED','REFERRAL_COMPLETED','REFERRAL_MESSAGE','REFERRAL_ESCALATED','TRAINING_ASSIGNED','TRAINING_SESSION_PROMOTED'`;
const NEW_KINDS = `${OLD_KINDS},'REFERRAL_CATEGORIES_REQUESTED'`;

export class ReferralCategoryRequests1764510000000 implements MigrationInterface {
  name = 'ReferralCategoryRequests1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(
      `ALTER TABLE referral_events ADD COLUMN categories text[] NOT NULL DEFAULT '{}' CHECK (categories <@ ARRAY[${CATEGORIES}]::text[])`,
    );
    await q(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${NEW_KINDS}))`);
    await q(
      `ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_kind_check, ADD CONSTRAINT notification_preferences_kind_check CHECK (kind IN (${NEW_KINDS}))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DELETE FROM notifications WHERE kind NOT IN (${OLD_KINDS})`);
    await q(`DELETE FROM notification_preferences WHERE kind NOT IN (${OLD_KINDS})`);
    await q(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${OLD_KINDS}))`);
    await q(
      `ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_kind_check, ADD CONSTRAINT notification_preferences_kind_check CHECK (kind IN (${OLD_KINDS}))`,
    );
    await q(`ALTER TABLE referral_events DROP COLUMN categories`);
  }
}
