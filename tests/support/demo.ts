// The demo data (apps/api/src/seed) in a test's own database: seeded with the integration tests'
// personal data key, so the API under test reads the sealed values, and read back by the demo
// accounts, who sign in with their password as a person trying the demo would.
import type { FileStorage } from '../../apps/api/src/core/files/file-storage';
import { FieldCipher } from '../../apps/api/src/core/personal-data/field-cipher';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-networks';
import { seedDemoData } from '../../apps/api/src/seed/demo-seed';
import { signIn, SignedInClient } from './accounts';
import { TEST_PERSONAL_DATA_KEY } from './api';
import { ApiTest, setupApiTest } from './harness';
import type { TestDatabase } from './test-database';

/** The cipher the test API seals personal data with (key TEST_PERSONAL_DATA_KEY). */
export function testFieldCipher(): FieldCipher {
  return new FieldCipher({ activeKeyId: 'test-1', keys: new Map([['test-1', TEST_PERSONAL_DATA_KEY]]) });
}

/** Seeds the demo networks into `database`; with `storage`, the demo files are stored like uploads. */
export function seedDemo(database: Pick<TestDatabase, 'ownerUrl'>, options: { storage?: FileStorage } = {}): Promise<void> {
  return seedDemoData(database.ownerUrl, testFieldCipher(), options);
}

/**
 * Registers (in the current describe block) an API on a database of its own holding the demo
 * data. `seedTwice` seeds it a second time first, which must change nothing (the seed is
 * idempotent). The demo accounts have no minted clients: sign them in with `signInDemo`.
 */
export function setupDemoApiTest(options: { seedTwice?: boolean; env?: NodeJS.ProcessEnv } = {}): ApiTest {
  return setupApiTest({
    env: options.env,
    timeoutMs: 120_000,
    beforeStart: async (database) => {
      await seedDemo(database);
      if (options.seedTwice) await seedDemo(database);
    },
  });
}

/** A demo account signed in with the demo password. */
export function signInDemo(url: string, email: string): Promise<SignedInClient> {
  return signIn(url, email, DEMO_PASSWORD);
}

/** Demo accounts signed in, by the key the test gives each e-mail address. */
export async function signInDemoAccounts<K extends string>(url: string, emails: Record<K, string>): Promise<Record<K, SignedInClient>> {
  const clients = {} as Record<K, SignedInClient>;
  for (const [key, email] of Object.entries<string>(emails)) clients[key as K] = await signInDemo(url, email);
  return clients;
}
