// Training (人材育成・研修): courses owned by a trainer's organisation, their ordered modules,
// materials (stored files or external links) and quizzes; enrolments with material marks, quiz
// attempts and certificates; training sessions (研修会) with registrations and a waiting list.
//
// A course published PUBLIC is readable from every network (extra SELECT policies beside the
// tenant one, as for public grants), with its modules, materials, questions and files. A
// learner's rows — enrolment, marks, attempts, certificate — belong to the learner's network and
// point at the course by (course_tenant_id, …), so a public course of another network can be
// taken too. Quiz answers (correct_choices) sit in the question rows; the API never returns them
// to a learner.
//
// Races are decided by the rows: a quiz attempt's number is unique per enrolment and module (the
// attempt limit cannot be beaten by parallel submissions), a session's registrations are taken
// under a lock on the session row, and an enrolment is unique per member and course.
//
// Certificates are verified without signing in: the policy below lets a transaction that set
// app.certificate_code read the one certificate with that code, and nothing else.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, crossNetworkForeignKey, dropTables, tenantForeignKey } from './lib/tenant-owned-table';
import { allowNotificationKinds, restrictNotificationKinds } from './lib/notification-kinds';

const ROLES = `'NETWORK_ADMIN','ORG_ADMIN','COORDINATOR','GRANT_EDITOR','LIAISON','TRAINER','STAFF'`;
const PUBLIC_COURSE = `visibility = 'PUBLIC' AND status = 'PUBLISHED'`;
const OLD_KINDS = `'REFERRAL_RECEIVED','REFERRAL_ACCEPTED','REFERRAL_DECLINED','REFERRAL_COMPLETED','REFERRAL_MESSAGE','REFERRAL_ESCALATED'`;
const NEW_KINDS = `${OLD_KINDS},'TRAINING_ASSIGNED','TRAINING_SESSION_PROMOTED'`;

/** A child row of a course is publicly readable when its course is. */
const publicChild = (table: string) => `
  CREATE POLICY ${table}_public_read ON ${table} FOR SELECT USING (
    EXISTS (SELECT 1 FROM courses c WHERE c.tenant_id = ${table}.tenant_id AND c.id = ${table}.course_id
              AND c.visibility = 'PUBLIC' AND c.status = 'PUBLISHED'))`;

export class CreateTraining1764450000000 implements MigrationInterface {
  name = 'CreateTraining1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    await createTenantOwnedTable(queryRunner, 'courses', [
      `organization_id uuid NOT NULL`,
      `created_by_membership_id uuid`,
      `title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200)`,
      `summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000)`,
      `estimated_minutes integer CHECK (estimated_minutes BETWEEN 1 AND 10000)`,
      `cover_file_id uuid`,
      `audience_all boolean NOT NULL DEFAULT false`,
      `audience_roles text[] NOT NULL DEFAULT '{}' CHECK (audience_roles <@ ARRAY[${ROLES}]::text[])`,
      // Organisations of the course's own network; checked by the API (arrays take no foreign key).
      `audience_organization_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(audience_organization_ids) <= 500)`,
      `visibility text NOT NULL DEFAULT 'NETWORK' CHECK (visibility IN ('NETWORK', 'PUBLIC'))`,
      `status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED'))`,
      `published_at timestamptz`,
      // Normalised text and its bigrams for Japanese keyword search (as the directory does).
      `search_document text NOT NULL DEFAULT ''`,
      `search_bigrams text[] NOT NULL DEFAULT '{}'`,
      `CHECK (status = 'DRAFT' OR published_at IS NOT NULL)`,
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('created_by_membership_id', 'memberships', 'SET NULL (created_by_membership_id)'),
      tenantForeignKey('cover_file_id', 'files', 'SET NULL (cover_file_id)'),
    ]);
    await q(`CREATE POLICY courses_public_read ON courses FOR SELECT USING (${PUBLIC_COURSE})`);
    await q(`CREATE INDEX courses_catalogue_idx ON courses (tenant_id, status, published_at DESC, id DESC)`);
    await q(`CREATE INDEX courses_public_idx ON courses (published_at DESC, id DESC) WHERE ${PUBLIC_COURSE}`);
    await q(`CREATE INDEX courses_organization_idx ON courses (tenant_id, organization_id, created_at, id)`);
    await q(`CREATE INDEX courses_search_idx ON courses USING gin (search_bigrams)`);

    await createTenantOwnedTable(queryRunner, 'course_modules', [
      `course_id uuid NOT NULL`,
      `position integer NOT NULL CHECK (position >= 0)`,
      `title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200)`,
      `description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000)`,
      `required boolean NOT NULL DEFAULT true`,
      // The quiz, when there is one: pass mark and how many attempts a learner has (null: no limit).
      `quiz_pass_mark_percent integer CHECK (quiz_pass_mark_percent BETWEEN 1 AND 100)`,
      `quiz_max_attempts integer CHECK (quiz_max_attempts BETWEEN 1 AND 100)`,
      `CHECK (quiz_pass_mark_percent IS NOT NULL OR quiz_max_attempts IS NULL)`,
      tenantForeignKey('course_id', 'courses', 'CASCADE'),
      // Deferred so a reorder can swap positions inside one transaction.
      `UNIQUE (tenant_id, course_id, position) DEFERRABLE INITIALLY DEFERRED`,
    ]);
    await q(publicChild('course_modules'));

    await createTenantOwnedTable(queryRunner, 'course_materials', [
      `course_id uuid NOT NULL`,
      `module_id uuid NOT NULL`,
      `position integer NOT NULL CHECK (position >= 0)`,
      `title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200)`,
      `format text NOT NULL CHECK (format IN ('PDF', 'SLIDES', 'DOCUMENT', 'VIDEO', 'AUDIO', 'IMAGE', 'LINK'))`,
      `file_id uuid`,
      `url text CHECK (url ~ '^https?://' AND length(url) <= 1000)`,
      `CHECK ((format = 'LINK') = (url IS NOT NULL) AND (file_id IS NULL) = (url IS NOT NULL))`,
      tenantForeignKey('course_id', 'courses', 'CASCADE'),
      tenantForeignKey('module_id', 'course_modules', 'CASCADE'),
      tenantForeignKey('file_id', 'files'),
      `UNIQUE (tenant_id, module_id, position) DEFERRABLE INITIALLY DEFERRED`,
    ]);
    await q(`CREATE INDEX course_materials_course_idx ON course_materials (tenant_id, course_id, module_id, position)`);
    await q(publicChild('course_materials'));
    await q(`
      CREATE POLICY files_of_public_courses ON files FOR SELECT USING (
        EXISTS (SELECT 1 FROM course_materials m JOIN courses c ON c.tenant_id = m.tenant_id AND c.id = m.course_id
                 WHERE m.tenant_id = files.tenant_id AND m.file_id = files.id
                   AND c.visibility = 'PUBLIC' AND c.status = 'PUBLISHED')
        OR EXISTS (SELECT 1 FROM courses c WHERE c.tenant_id = files.tenant_id AND c.cover_file_id = files.id
                   AND c.visibility = 'PUBLIC' AND c.status = 'PUBLISHED'))`);

    await createTenantOwnedTable(queryRunner, 'quiz_questions', [
      `course_id uuid NOT NULL`,
      `module_id uuid NOT NULL`,
      `position integer NOT NULL CHECK (position >= 0)`,
      `prompt text NOT NULL CHECK (length(btrim(prompt)) BETWEEN 1 AND 1000)`,
      `kind text NOT NULL CHECK (kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE'))`,
      `choices text[] NOT NULL CHECK (cardinality(choices) BETWEEN 2 AND 10)`,
      // 0-based indexes into choices; never sent to a learner.
      `correct_choices integer[] NOT NULL CHECK (cardinality(correct_choices) >= 1)`,
      `CHECK (kind = 'MULTIPLE_CHOICE' OR cardinality(correct_choices) = 1)`,
      tenantForeignKey('course_id', 'courses', 'CASCADE'),
      tenantForeignKey('module_id', 'course_modules', 'CASCADE'),
      `UNIQUE (tenant_id, module_id, position) DEFERRABLE INITIALLY DEFERRED`,
    ]);
    await q(`CREATE INDEX quiz_questions_course_idx ON quiz_questions (tenant_id, course_id, module_id, position)`);
    await q(publicChild('quiz_questions'));

    // --- a learner's rows: in the learner's network --------------------------------------------
    await createTenantOwnedTable(queryRunner, 'course_enrolments', [
      `membership_id uuid NOT NULL`,
      // The learner's organisation when enrolled, for per-organisation reports.
      `organization_id uuid NOT NULL`,
      `course_tenant_id uuid NOT NULL`,
      `course_id uuid NOT NULL`,
      `source text NOT NULL CHECK (source IN ('SELF', 'ASSIGNED'))`,
      `assigned_by_membership_id uuid`,
      `due_at timestamptz`,
      `completed_at timestamptz`,
      `CHECK (source = 'ASSIGNED' OR (assigned_by_membership_id IS NULL AND due_at IS NULL))`,
      tenantForeignKey('membership_id', 'memberships', 'CASCADE'),
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('assigned_by_membership_id', 'memberships', 'SET NULL (assigned_by_membership_id)'),
      crossNetworkForeignKey('course_tenant_id', 'course_id', 'courses', 'CASCADE'),
      `UNIQUE (tenant_id, membership_id, course_id)`,
    ]);
    await q(`CREATE INDEX course_enrolments_member_idx ON course_enrolments (tenant_id, membership_id, created_at DESC, id DESC)`);
    await q(`CREATE INDEX course_enrolments_course_idx ON course_enrolments (course_tenant_id, course_id, organization_id)`);
    await q(`CREATE INDEX course_enrolments_organization_idx ON course_enrolments (tenant_id, organization_id, course_id)`);
    await q(`CREATE INDEX course_enrolments_overdue_idx ON course_enrolments (tenant_id, due_at) WHERE completed_at IS NULL AND due_at IS NOT NULL`);

    await createTenantOwnedTable(queryRunner, 'material_completions', [
      `enrolment_id uuid NOT NULL`,
      `course_tenant_id uuid NOT NULL`,
      `material_id uuid NOT NULL`,
      tenantForeignKey('enrolment_id', 'course_enrolments', 'CASCADE'),
      crossNetworkForeignKey('course_tenant_id', 'material_id', 'course_materials', 'CASCADE'),
      `UNIQUE (tenant_id, enrolment_id, material_id)`,
    ]);

    await createTenantOwnedTable(queryRunner, 'quiz_attempts', [
      `enrolment_id uuid NOT NULL`,
      `course_tenant_id uuid NOT NULL`,
      `module_id uuid NOT NULL`,
      `attempt_number integer NOT NULL CHECK (attempt_number >= 1)`,
      // { "<question id>": [chosen indexes] } as submitted.
      `answers jsonb NOT NULL`,
      `correct_count integer NOT NULL CHECK (correct_count >= 0)`,
      `question_count integer NOT NULL CHECK (question_count >= 0)`,
      `score_percent integer NOT NULL CHECK (score_percent BETWEEN 0 AND 100)`,
      `passed boolean NOT NULL`,
      tenantForeignKey('enrolment_id', 'course_enrolments', 'CASCADE'),
      crossNetworkForeignKey('course_tenant_id', 'module_id', 'course_modules', 'CASCADE'),
      `UNIQUE (tenant_id, enrolment_id, module_id, attempt_number)`,
    ]);
    await q(`CREATE INDEX quiz_attempts_module_idx ON quiz_attempts (course_tenant_id, module_id, passed)`);

    await createTenantOwnedTable(queryRunner, 'certificates', [
      `enrolment_id uuid NOT NULL`,
      // "TSG-XXXX-XXXX-XXXX-XXXX" (libs/domain certificateCode): unique across all networks.
      `code text NOT NULL CHECK (code ~ '^TSG(-[0-9A-HJKMNP-TV-Z]{4}){4}$')`,
      // What the certificate says, kept as issued (a later rename changes no certificate).
      `learner_name text NOT NULL CHECK (length(btrim(learner_name)) BETWEEN 1 AND 100)`,
      `course_title text NOT NULL CHECK (length(btrim(course_title)) BETWEEN 1 AND 200)`,
      `issuer_name text NOT NULL CHECK (length(btrim(issuer_name)) BETWEEN 1 AND 200)`,
      `completed_at timestamptz NOT NULL`,
      tenantForeignKey('enrolment_id', 'course_enrolments', 'CASCADE'),
      `UNIQUE (tenant_id, enrolment_id)`,
    ]);
    await q(`CREATE UNIQUE INDEX certificates_code_key ON certificates (code)`);
    await q(`
      CREATE POLICY certificates_verification ON certificates FOR SELECT
        USING (code = nullif(current_setting('app.certificate_code', true), ''))`);

    // --- training sessions (研修会) -------------------------------------------------------------
    await createTenantOwnedTable(queryRunner, 'training_sessions', [
      `organization_id uuid NOT NULL`,
      `course_id uuid`,
      `created_by_membership_id uuid`,
      `title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200)`,
      `description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000)`,
      `starts_at timestamptz NOT NULL`,
      `ends_at timestamptz NOT NULL`,
      `place text CHECK (length(btrim(place)) BETWEEN 1 AND 300)`,
      `online_url text CHECK (online_url ~ '^https?://' AND length(online_url) <= 1000)`,
      `capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000)`,
      `status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED'))`,
      `CHECK (starts_at < ends_at)`,
      `CHECK (place IS NOT NULL OR online_url IS NOT NULL)`,
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('course_id', 'courses', 'SET NULL (course_id)'),
      tenantForeignKey('created_by_membership_id', 'memberships', 'SET NULL (created_by_membership_id)'),
    ]);
    await q(`CREATE INDEX training_sessions_upcoming_idx ON training_sessions (tenant_id, starts_at, id)`);

    await createTenantOwnedTable(queryRunner, 'session_registrations', [
      `session_id uuid NOT NULL`,
      `membership_id uuid NOT NULL`,
      `organization_id uuid NOT NULL`,
      `status text NOT NULL CHECK (status IN ('REGISTERED', 'WAITLISTED', 'CANCELLED'))`,
      // When the member joined the queue; the waiting list is served in this order.
      `queued_at timestamptz NOT NULL DEFAULT clock_timestamp()`,
      `attended boolean`,
      `cancelled_at timestamptz`,
      `CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))`,
      tenantForeignKey('session_id', 'training_sessions', 'CASCADE'),
      tenantForeignKey('membership_id', 'memberships', 'CASCADE'),
      tenantForeignKey('organization_id', 'organizations'),
      `UNIQUE (tenant_id, session_id, membership_id)`,
    ]);
    await q(`CREATE INDEX session_registrations_queue_idx ON session_registrations (tenant_id, session_id, status, queued_at, id)`);
    await q(`CREATE INDEX session_registrations_member_idx ON session_registrations (tenant_id, membership_id, created_at DESC)`);

    // --- in-app notices for training ---------------------------------------------------------------
    await q(`ALTER TABLE notifications ADD COLUMN course_id uuid, ADD COLUMN training_session_id uuid`);
    await q(`ALTER TABLE notifications ADD FOREIGN KEY (tenant_id, training_session_id) REFERENCES training_sessions (tenant_id, id) ON DELETE CASCADE`);
    // A course may be of another network (public), so it is kept without a foreign key.
    await allowNotificationKinds(queryRunner, NEW_KINDS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await restrictNotificationKinds(queryRunner, OLD_KINDS);
    await q(`ALTER TABLE notifications DROP COLUMN training_session_id, DROP COLUMN course_id`);
    await q(`DROP POLICY files_of_public_courses ON files`);
    await dropTables(queryRunner, [
      'session_registrations',
      'training_sessions',
      'certificates',
      'quiz_attempts',
      'material_completions',
      'course_enrolments',
      'quiz_questions',
      'course_materials',
      'course_modules',
      'courses',
    ]);
  }
}
