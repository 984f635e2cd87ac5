// Directory search under row-level security: PostgreSQL only uses an index for a condition
// whose functions are all LEAKPROOF, and app_bigrams() cannot be marked so by the owner. So
// the bigrams are stored in a generated column and the query compares arrays directly; with
// arraycontains marked LEAKPROOF by whoever provisions the database (README, "External
// PostgreSQL"; done automatically for the embedded server and tests), the index is used.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StoreSearchBigrams1764360000000 implements MigrationInterface {
  name = 'StoreSearchBigrams1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE services ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (app_bigrams(search_document)) STORED`,
    );
    await queryRunner.query(`CREATE INDEX services_bigrams_idx ON services USING gin (tenant_id, search_bigrams)`);
    await queryRunner.query(`DROP INDEX services_search_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX services_search_idx ON services USING gin (tenant_id, app_bigrams(search_document))`);
    await queryRunner.query(`DROP INDEX services_bigrams_idx`);
    await queryRunner.query(`ALTER TABLE services DROP COLUMN search_bigrams`);
  }
}
