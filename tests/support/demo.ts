// The demo data (apps/api/src/seed) in a test's own database: seeded with the integration tests'
// personal data key, so the API under test reads the sealed values, and read back by the demo
// accounts, who sign in with their password as a person trying the demo would.
import type { FileStorage } from '../../apps/api/src/core/files/file-storage';
import { LocalFileStorage } from '../../apps/api/src/core/files/local-file-storage';
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
 * idempotent). With `storage` the API gets a file storage directory and the demo files are
 * stored in it like uploads. `replicas: 0` starts no API (a test of the seeded database alone).
 * The demo `accounts` are signed in with their password into `clients`; others can be signed in
 * with `signInDemo`.
 */
export function setupDemoApiTest(
  options: { seedTwice?: boolean; storage?: boolean; replicas?: number; env?: NodeJS.ProcessEnv; accounts?: readonly DemoAccount[] } = {},
): ApiTest {
  const test = setupApiTest({
    env: options.env,
    storage: options.storage,
    replicas: options.replicas,
    timeoutMs: 120_000,
    beforeStart: async (database, { storageDir }) => {
      const storage = storageDir ? new LocalFileStorage(storageDir) : undefined;
      await seedDemo(database, { storage });
      if (options.seedTwice) await seedDemo(database, { storage });
    },
  });
  const accounts = options.accounts;
  if (accounts) beforeAll(async () => Object.assign(test.clients, await signInDemoAccounts(test.api.url, accounts)), 60_000);
  return test;
}

/** The demo accounts tests sign in as (apps/api/src/seed/demo-networks.ts), by who they are. */
export const DEMO_ACCOUNTS = {
  /** 中央区つながりネットワーク's network admin, of つながりサポートセンター. */
  admin: 'admin@chuo.example.jp',
  /** NPO法人こもれび. */
  orgAdmin: 'org-admin@komorebi.example.jp',
  coordinator: 'coordinator@komorebi.example.jp',
  staff: 'staff@komorebi.example.jp',
  /** 中央区 (the municipality). */
  liaison: 'liaison@city-chuo.example.jp',
  cityGrantEditor: 'grants@city-chuo.example.jp',
  /** 中央区社会福祉協議会. */
  trainer: 'trainer@shakyo-chuo.example.jp',
  councilCoordinator: 'soudan@shakyo-chuo.example.jp',
  /** The network admin of the second demo network (港区). */
  minato: 'admin@minato.example.jp',
} as const;
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

/** A demo account signed in with the demo password. */
export function signInDemo(url: string, account: DemoAccount): Promise<SignedInClient> {
  return signIn(url, DEMO_ACCOUNTS[account], DEMO_PASSWORD);
}

/** Demo accounts signed in, by account. */
export async function signInDemoAccounts<K extends DemoAccount>(url: string, accounts: readonly K[]): Promise<Record<K, SignedInClient>> {
  const clients = {} as Record<K, SignedInClient>;
  for (const account of accounts) clients[account] = await signInDemo(url, account);
  return clients;
}
