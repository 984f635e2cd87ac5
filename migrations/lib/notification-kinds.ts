// The notification kinds a network may receive are a CHECK on notifications.kind and
// notification_preferences.kind (the same list on both); a migration that adds a kind widens
// both, and its down() narrows them back after deleting the rows of the kinds it removes.
import type { QueryRunner } from 'typeorm';

const TABLES = ['notifications', 'notification_preferences'];

/** Replaces the kind CHECK of both tables with `kinds` (a quoted, comma-separated SQL list). */
export async function allowNotificationKinds(queryRunner: QueryRunner, kinds: string): Promise<void> {
  for (const table of TABLES) {
    await queryRunner.query(
      `ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check, ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${kinds}))`,
    );
  }
}

/** For down(): deletes the rows of any kind outside `kinds`, then allows only `kinds` again. */
export async function restrictNotificationKinds(queryRunner: QueryRunner, kinds: string): Promise<void> {
  for (const table of TABLES) {
    await queryRunner.query(`DELETE FROM ${table} WHERE kind NOT IN (${kinds})`);
  }
  await allowNotificationKinds(queryRunner, kinds);
}
