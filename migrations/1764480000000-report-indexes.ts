// Indexes the network reports need to read a range of time without scanning a network's rows
// (issue 9): grants by when they were published, applications by when they were made (by the
// network's organisations, and to the network's grants), training enrolments by when they were
// made and completed. Referral figures read the aggregates of 1764470000000 instead.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES: ReadonlyArray<readonly [name: string, definition: string]> = [
  ['grants_published_idx', `grants (tenant_id, published_at) WHERE published_at IS NOT NULL`],
  ['grant_applications_created_idx', `grant_applications (tenant_id, created_at)`],
  ['grant_applications_grant_created_idx', `grant_applications (grant_tenant_id, created_at)`],
  ['course_enrolments_created_idx', `course_enrolments (tenant_id, created_at)`],
  ['course_enrolments_completed_idx', `course_enrolments (tenant_id, completed_at) WHERE completed_at IS NOT NULL`],
];

export class ReportIndexes1764480000000 implements MigrationInterface {
  name = 'ReportIndexes1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) await queryRunner.query(`CREATE INDEX ${name} ON ${definition}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await queryRunner.query(`DROP INDEX ${name}`);
  }
}
