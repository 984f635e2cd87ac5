import path from 'node:path';
import { localCredentials } from '../../tools/lib/database-roles.cjs';

export const ROOT = path.resolve(__dirname, '../..');
export const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
export const TEMPLATE_DATABASE = 'tsunagu_test_template';

/** Role passwords for test runs, kept under tests/.tmp (git-ignored). */
export function testCredentials(): { ownerPassword: string; appPassword: string } {
  return localCredentials(path.join(ROOT, 'tests/.tmp/credentials'));
}
