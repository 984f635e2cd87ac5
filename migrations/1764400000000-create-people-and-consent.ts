// People supported (当事者), their consents, and the records APPI asks us to keep: the access
// log of outside reads, third-party provision records (Art. 29, and the recipient-side
// confirmation of Art. 30 in the same row), and corrections.
//
// Every read of a person's values goes through the consent-aware reader in
// apps/api/src/core/personal-data; row-level security here keeps networks apart, the reader
// decides what each organisation and role may see. What the law requires us to keep cannot be
// changed by the application role: consents are never edited (a trigger lets only revocation
// and the erasure of evidence through), and the access log, provision records and corrections
// are append-only. Persons are never deleted: erasure clears their values and leaves the
// pseudonymous row the kept records point at.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, dropTables, makeAppendOnly, tenantForeignKey } from './lib/tenant-owned-table';

const CATEGORIES = `'IDENTITY','CONTACT','HOUSEHOLD','HEALTH','DISABILITY','FINANCIAL','LEGAL','CONSULTATION'`;
const SPECIAL_CARE = `'HEALTH','DISABILITY','LEGAL'`;
const PURPOSES = `'REFERRAL','CASE_CONFERENCE','STATISTICS'`;
const KINDS = `'NPO','INTERMEDIARY','MUNICIPALITY','SOCIAL_WELFARE_COUNCIL','OTHER'`;

export class CreatePeopleAndConsent1764400000000 implements MigrationInterface {
  name = 'CreatePeopleAndConsent1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // --- persons --------------------------------------------------------------------------
    await createTenantOwnedTable(queryRunner, 'persons', [
      `organization_id uuid NOT NULL`,
      // Shown in kept records after erasure; random, so it says nothing about the person.
      `pseudonym text NOT NULL DEFAULT ('P-' || upper(substr(md5(gen_random_uuid()::text), 1, 10)))`,
      `status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'USE_CEASED', 'ERASED'))`,
      // Ordinary categories as JSON; special-care categories sealed by the application
      // (AES-256-GCM envelope "v1.<key id>.<iv>.<tag>.<ciphertext>", bound to row and category).
      `identity jsonb`,
      `contact jsonb`,
      `household jsonb`,
      `financial jsonb`,
      `consultation jsonb`,
      `health_sealed text CHECK (health_sealed ~ '^v1\\.')`,
      `disability_sealed text CHECK (disability_sealed ~ '^v1\\.')`,
      `legal_sealed text CHECK (legal_sealed ~ '^v1\\.')`,
      // Normalised name and kana for the owner's search, and kana + birth date for the
      // duplicate warning; both cleared on erasure.
      `search_text text`,
      `duplicate_key text`,
      `created_by_membership_id uuid`,
      `use_ceased_at timestamptz`,
      `use_ceased_reason text CHECK (length(use_ceased_reason) <= 1000)`,
      `erased_at timestamptz`,
      `CHECK (status <> 'ERASED' OR (identity IS NULL AND contact IS NULL AND household IS NULL AND financial IS NULL
              AND consultation IS NULL AND health_sealed IS NULL AND disability_sealed IS NULL AND legal_sealed IS NULL
              AND search_text IS NULL AND duplicate_key IS NULL AND erased_at IS NOT NULL))`,
      `CHECK (status = 'ERASED' OR identity IS NOT NULL)`,
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('created_by_membership_id', 'memberships', 'SET NULL (created_by_membership_id)'),
      `UNIQUE (tenant_id, pseudonym)`,
    ]);
    await q(`CREATE INDEX persons_organization_idx ON persons (tenant_id, organization_id, created_at, id)`);
    await q(`CREATE INDEX persons_duplicate_idx ON persons (tenant_id, organization_id, duplicate_key) WHERE duplicate_key IS NOT NULL`);
    await q(`REVOKE DELETE, TRUNCATE ON persons FROM tsunagu_app`);

    // --- consents -------------------------------------------------------------------------
    await createTenantOwnedTable(queryRunner, 'consents', [
      `person_id uuid NOT NULL`,
      `organization_id uuid NOT NULL`,
      `categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY[${CATEGORIES}]::text[])`,
      `purposes text[] NOT NULL CHECK (cardinality(purposes) >= 1 AND purposes <@ ARRAY[${PURPOSES}]::text[])`,
      `recipient_organization_ids uuid[] NOT NULL DEFAULT '{}'`,
      `recipient_kinds text[] NOT NULL DEFAULT '{}' CHECK (recipient_kinds <@ ARRAY[${KINDS}]::text[])`,
      `valid_from timestamptz NOT NULL`,
      `valid_until timestamptz`,
      `method text NOT NULL CHECK (method IN ('WRITTEN', 'VERBAL', 'ELECTRONIC'))`,
      `obtained_by_membership_id uuid NOT NULL`,
      `obtained_at timestamptz NOT NULL`,
      `evidence_note text CHECK (length(evidence_note) <= 2000)`,
      // Special-care categories (要配慮個人情報) need their own, explicit consent: never mixed
      // with ordinary categories, and the staff member confirms they were explained.
      `special_care boolean NOT NULL GENERATED ALWAYS AS (categories && ARRAY[${SPECIAL_CARE}]::text[]) STORED`,
      `special_care_explained boolean NOT NULL DEFAULT false`,
      `supersedes_id uuid`,
      `revoked_at timestamptz`,
      `revoked_by_membership_id uuid`,
      `revocation_reason text CHECK (length(revocation_reason) BETWEEN 1 AND 1000)`,
      `CHECK (cardinality(recipient_organization_ids) + cardinality(recipient_kinds) >= 1)`,
      `CHECK (valid_until IS NULL OR valid_until > valid_from)`,
      `CHECK (NOT (categories && ARRAY[${SPECIAL_CARE}]::text[]) OR (categories <@ ARRAY[${SPECIAL_CARE}]::text[] AND special_care_explained))`,
      `CHECK ((revoked_at IS NULL) = (revoked_by_membership_id IS NULL) AND (revoked_at IS NULL) = (revocation_reason IS NULL))`,
      tenantForeignKey('person_id', 'persons'),
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('obtained_by_membership_id', 'memberships'),
      tenantForeignKey('revoked_by_membership_id', 'memberships'),
      tenantForeignKey('supersedes_id', 'consents'),
    ]);
    await q(`CREATE INDEX consents_person_idx ON consents (tenant_id, person_id, created_at, id)`);
    await q(`CREATE INDEX consents_recipient_organizations_idx ON consents USING gin (tenant_id, recipient_organization_ids)`);
    await q(`CREATE INDEX consents_recipient_kinds_idx ON consents USING gin (tenant_id, recipient_kinds)`);
    await q(`REVOKE DELETE, TRUNCATE ON consents FROM tsunagu_app`);
    // A consent is never edited: it may be revoked once, and its evidence note cleared when the
    // person is erased. Anything else is refused, whoever tries.
    await q(`
      CREATE FUNCTION app_consents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- special_care is a generated column: not yet computed in NEW before the update.
        IF (to_jsonb(NEW) - ARRAY['revoked_at', 'revoked_by_membership_id', 'revocation_reason', 'evidence_note', 'updated_at', 'special_care'])
           IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['revoked_at', 'revoked_by_membership_id', 'revocation_reason', 'evidence_note', 'updated_at', 'special_care']) THEN
          RAISE EXCEPTION 'consents are never edited; revoke and record a new one' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.revoked_at IS NOT NULL AND (NEW.revoked_at, NEW.revoked_by_membership_id)
           IS DISTINCT FROM (OLD.revoked_at, OLD.revoked_by_membership_id) THEN
          RAISE EXCEPTION 'a revoked consent stays revoked' USING ERRCODE = 'check_violation';
        END IF;
        -- The free-text reason may hold personal details: erasure replaces it with a marker.
        IF OLD.revoked_at IS NOT NULL AND NEW.revocation_reason IS DISTINCT FROM OLD.revocation_reason
           AND NEW.revocation_reason IS DISTINCT FROM '[erased]' THEN
          RAISE EXCEPTION 'a revoked consent stays revoked' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.evidence_note IS DISTINCT FROM OLD.evidence_note AND NEW.evidence_note IS NOT NULL THEN
          RAISE EXCEPTION 'the evidence of a consent can only be erased' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER consents_immutable BEFORE UPDATE ON consents FOR EACH ROW EXECUTE FUNCTION app_consents_immutable()`);

    await createTenantOwnedTable(queryRunner, 'consent_evidence_files', [
      `consent_id uuid NOT NULL`,
      `file_name text NOT NULL CHECK (length(btrim(file_name)) BETWEEN 1 AND 200)`,
      `media_type text NOT NULL CHECK (length(media_type) <= 100)`,
      `content bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 4194304)`,
      tenantForeignKey('consent_id', 'consents'),
      `UNIQUE (tenant_id, consent_id)`,
    ]);

    // --- what the law asks us to keep (append-only) -------------------------------------------
    await createTenantOwnedTable(queryRunner, 'person_access_log', [
      `person_id uuid NOT NULL`,
      `actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL`,
      `actor_membership_id uuid`,
      `organization_id uuid NOT NULL`,
      `categories text[] NOT NULL CHECK (categories <@ ARRAY[${CATEGORIES}]::text[])`,
      `purpose text CHECK (purpose IN (${PURPOSES}))`,
      `consent_ids uuid[] NOT NULL DEFAULT '{}'`,
      tenantForeignKey('person_id', 'persons'),
      tenantForeignKey('organization_id', 'organizations'),
    ]);
    await q(`CREATE INDEX person_access_log_person_idx ON person_access_log (tenant_id, person_id, created_at, id)`);

    // One row serves both sides: the provider's record of provision (Art. 29) and the
    // recipient's record of confirmation (Art. 30: who provided it and how it was obtained).
    await createTenantOwnedTable(queryRunner, 'provision_records', [
      `person_id uuid NOT NULL`,
      `provider_organization_id uuid NOT NULL`,
      `recipient_organization_id uuid NOT NULL`,
      `categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY[${CATEGORIES}]::text[])`,
      `purpose text NOT NULL CHECK (purpose IN (${PURPOSES}))`,
      `consent_ids uuid[] NOT NULL CHECK (cardinality(consent_ids) >= 1)`,
      `provider_acquisition text NOT NULL CHECK (length(provider_acquisition) <= 500)`,
      `recipient_membership_id uuid`,
      `context text NOT NULL CHECK (length(context) <= 100)`,
      `provided_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Asia/Tokyo')::date`,
      tenantForeignKey('person_id', 'persons'),
      tenantForeignKey('provider_organization_id', 'organizations'),
      tenantForeignKey('recipient_organization_id', 'organizations'),
      // Repeated reads of the same data on the same day under the same consent are one provision.
      `UNIQUE (tenant_id, person_id, recipient_organization_id, purpose, categories, consent_ids, context, provided_on)`,
    ]);
    await q(`CREATE INDEX provision_records_person_idx ON provision_records (tenant_id, person_id, created_at, id)`);
    await q(`CREATE INDEX provision_records_provider_idx ON provision_records (tenant_id, provider_organization_id, created_at, id)`);
    await q(`CREATE INDEX provision_records_recipient_idx ON provision_records (tenant_id, recipient_organization_id, created_at, id)`);

    await createTenantOwnedTable(queryRunner, 'person_corrections', [
      `person_id uuid NOT NULL`,
      `corrected_by_membership_id uuid`,
      `fields text[] NOT NULL`,
      // Cleared (NULL) when the person is erased: a reason may quote the value corrected.
      `reason text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 1000)`,
      tenantForeignKey('person_id', 'persons'),
    ]);
    await q(`CREATE INDEX person_corrections_person_idx ON person_corrections (tenant_id, person_id, created_at, id)`);
    await q(`
      CREATE FUNCTION app_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.reason IS NOT NULL OR (to_jsonb(NEW) - 'reason') IS DISTINCT FROM (to_jsonb(OLD) - 'reason') THEN
          RAISE EXCEPTION 'corrections are kept as written; only erasure clears their reason' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q(`DROP TRIGGER person_corrections_touch_updated_at ON person_corrections`);
    await q(`CREATE TRIGGER person_corrections_append_only BEFORE UPDATE ON person_corrections FOR EACH ROW EXECUTE FUNCTION app_corrections_append_only()`);
    await q(`REVOKE DELETE, TRUNCATE ON person_corrections FROM tsunagu_app`);

    for (const table of ['person_access_log', 'provision_records']) await makeAppendOnly(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, [
      'person_corrections',
      'provision_records',
      'person_access_log',
      'consent_evidence_files',
      'consents',
      'persons',
    ]);
    await queryRunner.query(`DROP FUNCTION app_consents_immutable()`);
    await queryRunner.query(`DROP FUNCTION app_corrections_append_only()`);
  }
}
