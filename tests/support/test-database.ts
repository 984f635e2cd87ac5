// One database per test file, copied from the migrated template: files run in parallel
// without seeing each other's rows, and copying is much faster than migrating.
import { randomBytes } from 'node:crypto';
import { dropDatabase, prepareDatabase } from '../../tools/lib/database-roles.cjs';
import { TEMPLATE_DATABASE, testCredentials } from './paths';

export interface TestDatabase {
  readonly name: string;
  readonly superuserUrl: string;
  readonly ownerUrl: string;
  readonly appUrl: string;
  drop(): Promise<void>;
}

export function superuserUrl(): string {
  const url = process.env.TEST_SUPERUSER_URL;
  if (!url) throw new Error('TEST_SUPERUSER_URL is not set: run through the integration jest config');
  return url;
}

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `tsunagu_test_${randomBytes(5).toString('hex')}`;
  const admin = superuserUrl();
  const urls = await prepareDatabase(admin, {
    database: name,
    ...testCredentials(),
    ...(options.migrated === false ? {} : { template: TEMPLATE_DATABASE }),
  });
  return { name, superuserUrl: admin, ...urls, drop: () => dropDatabase(admin, name) };
}
