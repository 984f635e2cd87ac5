// The inbox counts (ReferralsService.counts, box INBOX) read every referral an organisation has
// received: its status, its reply deadline and its id (for the unread check). With only
// referrals_receiver_status_idx the planner fetched each of them from the heap, and an
// organisation's referrals lie on as many pages as there are referrals (they arrive among
// everyone else's): at the bench's size (1,000,000 referrals in the network, 50,000 received by
// one organisation) that was 42,000 heap pages per count. This index holds exactly the inbox's
// rows (sent, not drafts) with the columns the counts read, so they come from an index-only scan.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralInboxCountsIndex1764430000000 implements MigrationInterface {
  name = 'ReferralInboxCountsIndex1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX referrals_inbox_counts_idx ON referrals (tenant_id, receiver_organization_id, status, response_due_at) INCLUDE (id)
         WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX referrals_inbox_counts_idx`);
  }
}
