// Indexes the home page (issue 16) needs to find what is due without scanning a network's rows:
// a municipality's partnerships by review date (the reminder job's partnerships_review_idx has
// no tenant or organisation), and open follow-ups by due date within a network. The home's other
// sections read existing indexes (referrals_inbox_counts_idx, grant_bookmarks' unique key,
// course_enrolments_member_idx, referrals_awaiting_reply_idx).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HomeIndexes1764527000000 implements MigrationInterface {
  name = 'HomeIndexes1764527000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX partnerships_organization_review_idx ON partnerships (tenant_id, organization_id, review_on)
         WHERE status <> 'ENDED' AND review_on IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX partnership_follow_ups_open_due_idx ON partnership_follow_ups (tenant_id, due_on) WHERE done_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX partnership_follow_ups_open_due_idx`);
    await queryRunner.query(`DROP INDEX partnerships_organization_review_idx`);
  }
}
