// Referral category requests (issue 14, finding 9): a receiver asks the sender for categories the
// referral does not share, the sender decides. The timeline records which categories were asked
// for or shared (referral_events.categories), and the sender hears of a request through a new
// notification kind.
//
// Erasure of referral free text (finding 4): the timeline and the messages stay append-only for
// the application role; the one rewrite they allow is app_erase_referral_text, which replaces
// their text with the erasure marker (and nothing else) for a person already ERASED in the same
// transaction. The marker fits every length CHECK of reason, notes, outcome, note and body, and
// touches no column the aggregate trigger watches.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, restrictNotificationKinds } from './lib/notification-kinds';

const CATEGORIES = `'IDENTITY','CONTACT','HOUSEHOLD','HEALTH','DISABILITY','FINANCIAL','LEGAL','CONSULTATION'`;
const OLD_KINDS = `'REFERRAL_RECEIVED','REFERRAL_ACCEPTED','REFERRAL_DECLINED','REFERRAL_COMPLETED','REFERRAL_MESSAGE','REFERRAL_ESCALATED','TRAINING_ASSIGNED','TRAINING_SESSION_PROMOTED'`;
const NEW_KINDS = `${OLD_KINDS},'REFERRAL_CATEGORIES_REQUESTED'`;

export class ReferralCategoryRequests1764510000000 implements MigrationInterface {
  name = 'ReferralCategoryRequests1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE FUNCTION app_erase_referral_text(p_tenant_id uuid, p_person_id uuid, p_marker text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF p_marker !~ '^⟦ERASED:[0-9]{4}-[0-9]{2}-[0-9]{2}⟧$' THEN
          RAISE EXCEPTION 'app_erase_referral_text: % is not an erasure marker', p_marker;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM persons WHERE tenant_id = p_tenant_id AND id = p_person_id AND status = 'ERASED') THEN
          RAISE EXCEPTION 'app_erase_referral_text: person % is not erased', p_person_id;
        END IF;
        UPDATE referral_events e SET note = p_marker
          FROM referrals r
         WHERE e.tenant_id = p_tenant_id AND r.tenant_id = p_tenant_id AND e.referral_id = r.id AND r.person_id = p_person_id
           AND e.note IS NOT NULL AND e.note <> p_marker;
        UPDATE referral_messages m SET body = p_marker
          FROM referrals r
         WHERE m.tenant_id = p_tenant_id AND r.tenant_id = p_tenant_id AND m.referral_id = r.id AND r.person_id = p_person_id
           AND m.body <> p_marker;
      END $$`);
    await q(`REVOKE ALL ON FUNCTION app_erase_referral_text(uuid, uuid, text) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION app_erase_referral_text(uuid, uuid, text) TO tsunagu_app`);
    await q(
      `ALTER TABLE referral_events ADD COLUMN categories text[] NOT NULL DEFAULT '{}' CHECK (categories <@ ARRAY[${CATEGORIES}]::text[])`,
    );
    await allowNotificationKinds(queryRunner, NEW_KINDS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await restrictNotificationKinds(queryRunner, OLD_KINDS);
    await q(`ALTER TABLE referral_events DROP COLUMN categories`);
    await q(`DROP FUNCTION app_erase_referral_text(uuid, uuid, text)`);
  }
}
