// Grant and subsidy listings (助成金・補助金情報), their attachments, bookmarks, saved searches,
// organisations' applications, and the marks that make reminders and digests go out once.
//
// Visibility crosses networks on purpose: a grant published PUBLIC is readable from every
// network (an extra SELECT policy beside the tenant one), with its attachments and files. A
// NETWORK grant stays behind the tenant policy like everything else. Bookmarks and applications
// belong to the network of the organisation that makes them and point at the grant by
// (grant_tenant_id, grant_id), so a public grant of another network can be followed too. The
// publisher's network may read applications to its grants, for the counts it is shown; the API
// returns only counts to it, never another organisation's details.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, crossNetworkForeignKey, dropTables, tenantForeignKey } from './lib/tenant-owned-table';

const KINDS = `'NPO','INTERMEDIARY','MUNICIPALITY','SOCIAL_WELFARE_COUNCIL','OTHER'`;
const THEMES = `'GENERAL_CONSULTATION','POVERTY','HOUSING','EMPLOYMENT','MENTAL_HEALTH','IBASHO','CHILDREN_YOUTH','PARENTING','DV_SEXUAL_VIOLENCE','HIKIKOMORI','OLDER_PEOPLE','DISABILITY','FOREIGN_RESIDENTS','LGBTQ','SUICIDE_PREVENTION','ADDICTION','LEGAL','MEDICAL','FOOD'`;
const LEGAL_FORMS = `'NPO_CORPORATION','GENERAL_INCORPORATED_ASSOCIATION','GENERAL_INCORPORATED_FOUNDATION','PUBLIC_INTEREST_CORPORATION','SOCIAL_WELFARE_CORPORATION','VOLUNTARY_GROUP','COOPERATIVE','COMPANY','OTHER'`;
const PUBLIC_GRANT = `visibility = 'PUBLIC' AND status IN ('PUBLISHED', 'CLOSED')`;
/** How bookmarks, saved-search matches and applications point at a grant, maybe of another network. */
const GRANT_REFERENCE = [`grant_tenant_id uuid NOT NULL`, `grant_id uuid NOT NULL`];
const GRANT_FOREIGN_KEY = crossNetworkForeignKey('grant_tenant_id', 'grant_id', 'grants', 'CASCADE');

export class CreateGrants1764440000000 implements MigrationInterface {
  name = 'CreateGrants1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    await createTenantOwnedTable(queryRunner, 'grants', [
      `organization_id uuid NOT NULL`,
      `created_by_membership_id uuid`,
      `title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200)`,
      `funder_name text NOT NULL CHECK (length(btrim(funder_name)) BETWEEN 1 AND 200)`,
      `funder_kind text NOT NULL CHECK (funder_kind IN ('NATIONAL', 'PREFECTURE', 'MUNICIPALITY', 'FOUNDATION', 'COMPANY', 'OTHER'))`,
      `summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000)`,
      // Sanitised by the API before it is stored: only a small set of tags, no scripts or styles.
      `details_html text NOT NULL DEFAULT '' CHECK (length(details_html) <= 50000)`,
      `grant_type text NOT NULL CHECK (grant_type IN ('GRANT', 'SUBSIDY', 'CONTRACT', 'PRIZE', 'IN_KIND'))`,
      `amount_min bigint CHECK (amount_min >= 0)`,
      `amount_max bigint CHECK (amount_max >= 0)`,
      `amount_unlimited boolean NOT NULL DEFAULT false`,
      `subsidy_rate_percent numeric(5, 2) CHECK (subsidy_rate_percent > 0 AND subsidy_rate_percent <= 100)`,
      `window_opens_at timestamptz`,
      `window_closes_at timestamptz`,
      `project_starts_on date`,
      `project_ends_on date`,
      `eligible_kinds text[] NOT NULL DEFAULT '{}' CHECK (eligible_kinds <@ ARRAY[${KINDS}]::text[])`,
      `legal_forms text[] NOT NULL DEFAULT '{}' CHECK (legal_forms <@ ARRAY[${LEGAL_FORMS}]::text[])`,
      `nationwide boolean NOT NULL DEFAULT false`,
      // 5-digit JIS X 0402 codes; a prefecture is its code with 000 (東京都 = 13000).
      `region_codes text[] NOT NULL DEFAULT '{}' CHECK (array_to_string(region_codes, ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$')`,
      `themes text[] NOT NULL DEFAULT '{}' CHECK (themes <@ ARRAY[${THEMES}]::text[])`,
      `application_url text CHECK (application_url ~ '^https?://' AND length(application_url) <= 500)`,
      `contact text CHECK (length(contact) <= 500)`,
      `status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED'))`,
      `visibility text NOT NULL DEFAULT 'NETWORK' CHECK (visibility IN ('NETWORK', 'PUBLIC'))`,
      `published_at timestamptz`,
      `closed_at timestamptz`,
      // Normalised text and its bigrams for Japanese keyword search (as the directory does).
      `search_document text NOT NULL DEFAULT ''`,
      `search_bigrams text[] NOT NULL DEFAULT '{}'`,
      // Where an imported listing came from (jGrants export), so a re-import updates it.
      `source text NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL', 'JGRANTS'))`,
      `source_id text CHECK (length(source_id) <= 200)`,
      `CHECK (amount_min IS NULL OR amount_max IS NULL OR amount_min <= amount_max)`,
      `CHECK (NOT amount_unlimited OR amount_max IS NULL)`,
      `CHECK (window_opens_at IS NULL OR window_closes_at IS NULL OR window_opens_at < window_closes_at)`,
      `CHECK (project_starts_on IS NULL OR project_ends_on IS NULL OR project_starts_on <= project_ends_on)`,
      `CHECK (status = 'DRAFT' OR published_at IS NOT NULL)`,
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('created_by_membership_id', 'memberships', 'SET NULL (created_by_membership_id)'),
      `UNIQUE (tenant_id, source, source_id)`,
    ]);
    await q(`CREATE POLICY grants_public_read ON grants FOR SELECT USING (${PUBLIC_GRANT})`);
    await q(`CREATE INDEX grants_listing_idx ON grants (tenant_id, status, window_closes_at, id)`);
    await q(`CREATE INDEX grants_public_idx ON grants (status, window_closes_at, id) WHERE visibility = 'PUBLIC'`);
    await q(`CREATE INDEX grants_organization_idx ON grants (tenant_id, organization_id, created_at, id)`);
    await q(`CREATE INDEX grants_search_idx ON grants USING gin (search_bigrams)`);
    // The auto-close job looks only at published grants whose window has ended.
    await q(`CREATE INDEX grants_to_close_idx ON grants (window_closes_at) WHERE status = 'PUBLISHED'`);

    await createTenantOwnedTable(queryRunner, 'grant_attachments', [
      `grant_id uuid NOT NULL`,
      `file_id uuid NOT NULL`,
      `position integer NOT NULL DEFAULT 0`,
      tenantForeignKey('grant_id', 'grants', 'CASCADE'),
      tenantForeignKey('file_id', 'files'),
      `UNIQUE (tenant_id, grant_id, file_id)`,
    ]);
    await q(`
      CREATE POLICY grant_attachments_public_read ON grant_attachments FOR SELECT USING (
        EXISTS (SELECT 1 FROM grants g WHERE g.tenant_id = grant_attachments.tenant_id AND g.id = grant_attachments.grant_id
                  AND g.visibility = 'PUBLIC' AND g.status IN ('PUBLISHED', 'CLOSED')))`);
    await q(`
      CREATE POLICY files_of_public_grants ON files FOR SELECT USING (
        EXISTS (SELECT 1 FROM grant_attachments a JOIN grants g ON g.tenant_id = a.tenant_id AND g.id = a.grant_id
                 WHERE a.tenant_id = files.tenant_id AND a.file_id = files.id
                   AND g.visibility = 'PUBLIC' AND g.status IN ('PUBLISHED', 'CLOSED')))`);

    await createTenantOwnedTable(queryRunner, 'grant_bookmarks', [
      `membership_id uuid NOT NULL`,
      ...GRANT_REFERENCE,
      tenantForeignKey('membership_id', 'memberships', 'CASCADE'),
      GRANT_FOREIGN_KEY,
      `UNIQUE (tenant_id, membership_id, grant_id)`,
    ]);
    await q(`CREATE INDEX grant_bookmarks_grant_idx ON grant_bookmarks (grant_tenant_id, grant_id)`);

    // Each reminder (7 and 1 days before closing) goes out once per bookmark.
    await createTenantOwnedTable(queryRunner, 'grant_reminders_sent', [
      `bookmark_id uuid NOT NULL`,
      `days_before integer NOT NULL CHECK (days_before IN (7, 1))`,
      tenantForeignKey('bookmark_id', 'grant_bookmarks', 'CASCADE'),
      `UNIQUE (tenant_id, bookmark_id, days_before)`,
    ]);

    await createTenantOwnedTable(queryRunner, 'grant_saved_searches', [
      `membership_id uuid NOT NULL`,
      `name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100)`,
      `criteria jsonb NOT NULL`,
      tenantForeignKey('membership_id', 'memberships', 'CASCADE'),
    ]);
    await q(`CREATE INDEX grant_saved_searches_member_idx ON grant_saved_searches (tenant_id, membership_id, created_at, id)`);
    // Each new match of a saved search is mailed once.
    await createTenantOwnedTable(queryRunner, 'grant_saved_search_matches', [
      `saved_search_id uuid NOT NULL`,
      ...GRANT_REFERENCE,
      tenantForeignKey('saved_search_id', 'grant_saved_searches', 'CASCADE'),
      GRANT_FOREIGN_KEY,
      `UNIQUE (tenant_id, saved_search_id, grant_id)`,
    ]);

    await createTenantOwnedTable(queryRunner, 'grant_applications', [
      `organization_id uuid NOT NULL`,
      ...GRANT_REFERENCE,
      `status text NOT NULL CHECK (status IN ('PLANNING', 'APPLIED', 'AWARDED', 'REJECTED', 'WITHDRAWN'))`,
      `amount_requested bigint CHECK (amount_requested >= 0)`,
      `amount_awarded bigint CHECK (amount_awarded >= 0)`,
      `notes text CHECK (length(notes) <= 4000)`,
      `updated_by_membership_id uuid`,
      `CHECK (status = 'AWARDED' OR amount_awarded IS NULL)`,
      tenantForeignKey('organization_id', 'organizations'),
      GRANT_FOREIGN_KEY,
      `UNIQUE (tenant_id, organization_id, grant_id)`,
    ]);
    await q(`CREATE INDEX grant_applications_grant_idx ON grant_applications (grant_tenant_id, grant_id, status)`);
    await q(`CREATE POLICY grant_applications_publisher_read ON grant_applications FOR SELECT USING (grant_tenant_id = app_current_tenant())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY files_of_public_grants ON files`);
    await dropTables(queryRunner, [
      'grant_applications',
      'grant_saved_search_matches',
      'grant_saved_searches',
      'grant_reminders_sent',
      'grant_bookmarks',
      'grant_attachments',
      'grants',
    ]);
  }
}
