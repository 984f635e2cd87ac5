// Free text about an erased person (issue 14, finding 4, review): erasure replaces every stored
// text of the person's referrals with the erasure marker, but the referrals stay live, so later
// messages, outcomes, reasons (decline, close, forward) and category requests would store new
// plain text about the person. These triggers close that for every writer at once: any free text
// written on a referral whose person is ERASED is stored as the erasure marker (the same
// ⟦ERASED:YYYY-MM-DD⟧ that erasure writes, dated by persons.erased_at in Japan time, rendered in
// the reader's language by the API). Nothing is refused: a receiver can still complete or close
// the case; what it writes about the person is simply not kept.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const MARKER_PATTERN = `'^⟦ERASED:[0-9]{4}-[0-9]{2}-[0-9]{2}⟧$'`;

export class ReferralTextAfterErasure1764515000000 implements MigrationInterface {
  name = 'ReferralTextAfterErasure1764515000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // The marker for a person who is ERASED (null otherwise). Japan time is UTC+9 all year, as
    // erasedTextMarker in libs/domain computes it.
    await q(`
      CREATE FUNCTION app_erased_referral_marker(p_tenant_id uuid, p_person_id uuid) RETURNS text
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT '⟦ERASED:' || to_char((erased_at AT TIME ZONE 'UTC') + interval '9 hours', 'YYYY-MM-DD') || '⟧'
          FROM persons WHERE tenant_id = p_tenant_id AND id = p_person_id AND status = 'ERASED'
      $$`);
    await q(`
      CREATE FUNCTION app_referrals_text_after_erasure() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      DECLARE marker text;
      BEGIN
        IF NEW.person_id IS NULL THEN RETURN NEW; END IF;
        marker := app_erased_referral_marker(NEW.tenant_id, NEW.person_id);
        IF marker IS NULL THEN RETURN NEW; END IF;
        IF NEW.reason !~ ${MARKER_PATTERN} THEN NEW.reason := marker; END IF;
        IF NEW.notes IS NOT NULL AND NEW.notes !~ ${MARKER_PATTERN} THEN NEW.notes := marker; END IF;
        IF NEW.outcome IS NOT NULL AND NEW.outcome !~ ${MARKER_PATTERN} THEN NEW.outcome := marker; END IF;
        RETURN NEW;
      END $$`);
    await q(`
      CREATE TRIGGER referrals_text_after_erasure BEFORE INSERT OR UPDATE OF reason, notes, outcome, person_id ON referrals
        FOR EACH ROW EXECUTE FUNCTION app_referrals_text_after_erasure()`);
    // Timeline notes and messages: the person is the referral's.
    await q(`
      CREATE FUNCTION app_referral_child_text_after_erasure() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      DECLARE marker text;
      BEGIN
        SELECT app_erased_referral_marker(r.tenant_id, r.person_id) INTO marker
          FROM referrals r WHERE r.tenant_id = NEW.tenant_id AND r.id = NEW.referral_id AND r.person_id IS NOT NULL;
        IF marker IS NULL THEN RETURN NEW; END IF;
        IF TG_TABLE_NAME = 'referral_events' THEN
          IF NEW.note IS NOT NULL AND NEW.note !~ ${MARKER_PATTERN} THEN NEW.note := marker; END IF;
        ELSIF NEW.body !~ ${MARKER_PATTERN} THEN
          NEW.body := marker;
        END IF;
        RETURN NEW;
      END $$`);
    await q(`
      CREATE TRIGGER referral_events_text_after_erasure BEFORE INSERT OR UPDATE OF note ON referral_events
        FOR EACH ROW EXECUTE FUNCTION app_referral_child_text_after_erasure()`);
    await q(`
      CREATE TRIGGER referral_messages_text_after_erasure BEFORE INSERT OR UPDATE OF body ON referral_messages
        FOR EACH ROW EXECUTE FUNCTION app_referral_child_text_after_erasure()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER referral_messages_text_after_erasure ON referral_messages`);
    await q(`DROP TRIGGER referral_events_text_after_erasure ON referral_events`);
    await q(`DROP TRIGGER referrals_text_after_erasure ON referrals`);
    await q(`DROP FUNCTION app_referral_child_text_after_erasure()`);
    await q(`DROP FUNCTION app_referrals_text_after_erasure()`);
    await q(`DROP FUNCTION app_erased_referral_marker(uuid, uuid)`);
  }
}
