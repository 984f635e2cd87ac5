// The referral list sorted by reply deadline (ReferralsService.list, sort DEADLINE, issue 16):
// ordered by REPLY_DEADLINE in referral-queries.ts — the reply deadline of a referral awaiting a
// reply, 'infinity' for every other one — then id, keyset-paginated on the same pair. One index
// per box, each holding exactly that box's rows in that order (the inbox's: sent, not drafts, as
// referrals_receiver_idx), so a page is read off the index in order and stops at the page size
// instead of sorting every referral an organisation has. The expression is written as the query
// writes it, or the planner would not match it.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const REPLY_DEADLINE = `(coalesce(CASE WHEN status = 'SENT' THEN response_due_at END, 'infinity'::timestamptz))`;

export class ReferralDeadlineSortIndexes1764520000000 implements MigrationInterface {
  name = 'ReferralDeadlineSortIndexes1764520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX referrals_receiver_deadline_idx ON referrals (tenant_id, receiver_organization_id, ${REPLY_DEADLINE}, id)
         WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX referrals_sender_deadline_idx ON referrals (tenant_id, sender_organization_id, ${REPLY_DEADLINE}, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX referrals_sender_deadline_idx`);
    await queryRunner.query(`DROP INDEX referrals_receiver_deadline_idx`);
  }
}
