// The service directory: organisation public profiles, services, Japanese search and the
// public portal switch.
//
// Search on stock PostgreSQL: pg_trgm finds nothing for two-character words (就労, DV: no
// trigram) and falls back to scanning, so every service keeps a normalised search document
// (NFKC, lower case, hiragana folded to katakana — done by the API, see normalizeForSearch) and
// a GIN index over its character bigrams, with tenant_id in the same index (btree_gin). A query
// term matches when the document contains all the term's bigrams (index) and the term itself
// (LIKE, to rule out bigrams found apart). One-character terms use LIKE alone.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, tenantForeignKey } from './lib/tenant-owned-table';

const CATEGORIES = `'GENERAL_CONSULTATION','POVERTY','HOUSING','EMPLOYMENT','MENTAL_HEALTH','IBASHO','CHILDREN_YOUTH','PARENTING','DV_SEXUAL_VIOLENCE','HIKIKOMORI','OLDER_PEOPLE','DISABILITY','FOREIGN_RESIDENTS','LGBTQ','SUICIDE_PREVENTION','ADDICTION','LEGAL','MEDICAL','FOOD'`;
const TARGET_GROUPS = `'ANYONE','CHILDREN','YOUTH','PARENTS','OLDER_PEOPLE','WOMEN','PEOPLE_WITH_DISABILITIES','FOREIGN_RESIDENTS','LGBTQ','CAREGIVERS','LOW_INCOME'`;
const CHANNELS = `'PHONE','SNS_LINE','CHAT','EMAIL','VISIT','OUTREACH'`;

export class CreateDirectory1764350000000 implements MigrationInterface {
  name = 'CreateDirectory1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q(`
      CREATE FUNCTION app_bigrams(document text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
        SELECT coalesce(array_agg(DISTINCT substr(document, i, 2)), '{}')
          FROM generate_series(1, length(document) - 1) AS i
      $$`);

    // The same normalisation as normalizeForSearch in libs/domain (NFKC, lower case, hiragana
    // folded to katakana), for texts kept in SQL such as organisation names.
    await q(`
      CREATE FUNCTION app_search_normalize(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT btrim(regexp_replace(translate(lower(normalize(value, NFKC)), 'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ', 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ'), '\\s+', ' ', 'g')) $$`);

    await q(`ALTER TABLE networks ADD COLUMN portal_enabled boolean NOT NULL DEFAULT false`);

    await q(`
      ALTER TABLE organizations
        ADD COLUMN description text CHECK (length(description) <= 4000),
        ADD COLUMN postal_code text CHECK (postal_code ~ '^[0-9]{3}-?[0-9]{4}$'),
        ADD COLUMN address text CHECK (length(address) <= 300),
        ADD COLUMN website text CHECK (website ~ '^https?://' AND length(website) <= 500),
        ADD COLUMN phone text CHECK (length(phone) <= 40),
        ADD COLUMN email text CHECK (length(email) <= 254),
        ADD COLUMN logo_url text CHECK (logo_url ~ '^https://' AND length(logo_url) <= 500),
        ADD COLUMN search_name text GENERATED ALWAYS AS (app_search_normalize(name || ' ' || coalesce(name_kana, ''))) STORED`);

    await createTenantOwnedTable(queryRunner, 'services', [
      `organization_id uuid NOT NULL`,
      `name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200)`,
      `name_kana text CHECK (length(name_kana) <= 200)`,
      `description text NOT NULL DEFAULT '' CHECK (length(description) <= 8000)`,
      `categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY[${CATEGORIES}]::text[])`,
      `target_groups text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ARRAY[${TARGET_GROUPS}]::text[])`,
      `eligibility text CHECK (length(eligibility) <= 2000)`,
      `age_min smallint CHECK (age_min BETWEEN 0 AND 130)`,
      `age_max smallint CHECK (age_max BETWEEN 0 AND 130)`,
      `nationwide boolean NOT NULL DEFAULT false`,
      `area_codes text[] NOT NULL DEFAULT '{}'`,
      `languages text[] NOT NULL DEFAULT '{ja}'`,
      `open_24h boolean NOT NULL DEFAULT false`,
      `opening_hours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(opening_hours) = 'array')`,
      `channels jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(channels) = 'array')`,
      `channel_kinds text[] NOT NULL DEFAULT '{}' CHECK (channel_kinds <@ ARRAY[${CHANNELS}]::text[])`,
      `open_days text[] NOT NULL DEFAULT '{}'`,
      `fee text NOT NULL DEFAULT 'FREE' CHECK (fee IN ('FREE', 'PAID'))`,
      `fee_note text CHECK (length(fee_note) <= 500)`,
      `capacity text NOT NULL DEFAULT 'ACCEPTING' CHECK (capacity IN ('ACCEPTING', 'WAITLIST', 'NOT_ACCEPTING'))`,
      `waitlist_note text CHECK (length(waitlist_note) <= 500)`,
      `waitlist_expected_on date`,
      `accepts_referrals boolean NOT NULL DEFAULT true`,
      `last_reviewed_on date`,
      `search_document text NOT NULL`,
      `sort_name text NOT NULL`,
      `CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)`,
      tenantForeignKey('organization_id', 'organizations', 'CASCADE'),
    ]);
    await q(`CREATE INDEX services_organization_idx ON services (tenant_id, organization_id, sort_name, id)`);
    await q(`CREATE INDEX services_sort_idx ON services (tenant_id, sort_name, id)`);
    await q(`CREATE INDEX services_search_idx ON services USING gin (tenant_id, app_bigrams(search_document))`);
    await q(`CREATE INDEX services_filters_idx ON services USING gin (tenant_id, categories, target_groups, channel_kinds, languages, area_codes)`);

    // The public portal finds a published network by its slug without a session: only in a
    // portal transaction (app.portal = 'on', set by core/tenancy's runInPortal), and only
    // networks whose admins switched the portal on. The portal then reads that one network
    // as its tenant and selects public fields only.
    await q(`
      CREATE POLICY networks_portal ON networks FOR SELECT
        USING (portal_enabled AND coalesce(current_setting('app.portal', true), '') = 'on')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY networks_portal ON networks`);
    await queryRunner.query(`DROP TABLE services`);
    await queryRunner.query(`
      ALTER TABLE organizations
        DROP COLUMN description, DROP COLUMN postal_code, DROP COLUMN address, DROP COLUMN website,
        DROP COLUMN phone, DROP COLUMN email, DROP COLUMN logo_url, DROP COLUMN search_name`);
    await queryRunner.query(`ALTER TABLE networks DROP COLUMN portal_enabled`);
    await queryRunner.query(`DROP FUNCTION app_bigrams(text)`);
    await queryRunner.query(`DROP FUNCTION app_search_normalize(text)`);
    await queryRunner.query(`DROP EXTENSION btree_gin`);
  }
}
