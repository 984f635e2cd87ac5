// Search by reading (issue 16): いばしょ and イバショ find 居場所. Services, grants and courses
// keep the kana reading of their search text (a Japanese morphological analyser in the API,
// core/search, folded as normalizeForSearch folds documents) in search_reading, and their
// search_bigrams now cover the document and the reading, so one GIN condition per query term
// still narrows the rows and LIKE on either column confirms the term.
//
// search_reading is NULL until the analyser has read the row: every save writes it, and rows
// written before this migration (or while the analyser could not load) are filled by the
// search-readings job (core/search/search-readings.ts) in small batches, found through a partial
// index that is empty once they are done. The analyser runs in Node, so this migration cannot.
//
// Grants' and courses' search_bigrams were written by the API (app_bigrams($document)); they
// become generated columns like the services' (migration 1764360000000), so no writer can forget
// the reading and the backfill only has to set search_reading.
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Filling in a reading is not a change of the record: its updated_at (shown and exported, e.g.
// HSDS) stays when an UPDATE changes the reading and nothing else. (A function, not a trigger's
// WHEN: that may not read NEW's generated columns, which to_jsonb(NEW) does.)
const BESIDES_READING = (row: string) => `(to_jsonb(${row}) - 'search_reading' - 'search_bigrams' - 'updated_at')`;

const DOCUMENT_AND_READING = `app_bigrams(search_document || ' ' || coalesce(search_reading, ''))`;

export class SearchReadings1764521600000 implements MigrationInterface {
  name = 'SearchReadings1764521600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE FUNCTION app_touch_updated_at_besides_reading() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      BEGIN
        IF OLD.search_reading IS DISTINCT FROM NEW.search_reading AND ${BESIDES_READING('OLD')} = ${BESIDES_READING('NEW')} THEN
          RETURN NEW;
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);
    for (const table of ['services', 'grants', 'courses']) {
      // Dropping the column drops the indexes over it (recreated below, as they were).
      await q(`ALTER TABLE ${table} ADD COLUMN search_reading text, DROP COLUMN search_bigrams`);
      await q(`ALTER TABLE ${table} ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (${DOCUMENT_AND_READING}) STORED`);
      await q(`CREATE INDEX ${table}_reading_missing_idx ON ${table} (tenant_id, id) WHERE search_reading IS NULL`);
      await q(`DROP TRIGGER ${table}_touch_updated_at ON ${table}`);
      await q(`CREATE TRIGGER ${table}_touch_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION app_touch_updated_at_besides_reading()`);
    }
    await q(`CREATE INDEX services_search_bigrams_idx ON services USING gin (search_bigrams)`);
    await q(
      `CREATE INDEX services_search_filters_idx ON services
         USING gin (tenant_id, search_bigrams, categories, target_groups, channel_kinds, languages, area_codes)`,
    );
    await q(`CREATE INDEX grants_search_idx ON grants USING gin (search_bigrams)`);
    await q(`CREATE INDEX courses_search_idx ON courses USING gin (search_bigrams)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const table of ['services', 'grants', 'courses']) {
      await q(`DROP TRIGGER ${table}_touch_updated_at ON ${table}`);
      await q(`CREATE TRIGGER ${table}_touch_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION app_touch_updated_at()`);
    }
    await q(`DROP FUNCTION app_touch_updated_at_besides_reading()`);
    await q(`ALTER TABLE services DROP COLUMN search_bigrams, DROP COLUMN search_reading`);
    await q(`ALTER TABLE services ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (app_bigrams(search_document)) STORED`);
    await q(`CREATE INDEX services_search_bigrams_idx ON services USING gin (search_bigrams)`);
    await q(
      `CREATE INDEX services_search_filters_idx ON services
         USING gin (tenant_id, search_bigrams, categories, target_groups, channel_kinds, languages, area_codes)`,
    );
    for (const table of ['grants', 'courses']) {
      await q(`ALTER TABLE ${table} DROP COLUMN search_bigrams, DROP COLUMN search_reading`);
      await q(`ALTER TABLE ${table} ADD COLUMN search_bigrams text[] NOT NULL DEFAULT '{}'`);
      await q(`UPDATE ${table} SET search_bigrams = app_bigrams(search_document)`);
      await q(`CREATE INDEX ${table}_search_idx ON ${table} USING gin (search_bigrams)`);
    }
  }
}
