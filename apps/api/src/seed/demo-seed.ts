// Demo data for `npm start`: the network 中央区つながりネットワーク with one organisation of each
// kind and a demo user for each role, plus a small second network so isolation can be seen.
// Idempotent (fixed ids, inserts that skip existing rows), so it runs on every start and only
// adds what is missing. Later capabilities extend it. The accounts are listed in the README.
import * as argon2 from 'argon2';
import { rolesNotAllowedInKind } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ARGON2_OPTIONS } from '../core/auth/password-hasher';
import type { FileStorage } from '../core/files/file-storage';
import type { FieldCipher } from '../core/personal-data/field-cipher';
import { runAsNetworkSetup } from '../core/tenancy/tenant-transaction';
import { SERVICE_WRITABLE_COLUMNS, writableValues } from '../modules/directory/directory.service';
import { validateServiceFields } from '../modules/directory/service-fields';
import { DEMO_EXTRA_ORGANIZATIONS, DEMO_PROFILES, DEMO_SERVICES } from './demo-directory';
import { seedDemoGrants } from './demo-grants';
import { DEMO_NETWORK, DEMO_PASSWORD, DemoNetwork, SECOND_DEMO_NETWORK } from './demo-networks';
import { seedDemoPartnerships } from './demo-partnerships';
import { seedDemoPeople } from './demo-people';
import { seedDemoReferrals } from './demo-referrals';
import { seedDemoTraining } from './demo-training';

async function seedNetwork(manager: EntityManager, network: DemoNetwork, passwordHash: () => Promise<string>) {
  await manager.query(`INSERT INTO networks (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
    network.id,
    network.slug,
    network.name,
  ]);
  for (const organization of network.organizations) {
    await manager.query(
      `INSERT INTO organizations (tenant_id, id, kind, name, name_kana, municipality_code)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, id) DO NOTHING`,
      [network.id, organization.id, organization.kind, organization.name, organization.nameKana, organization.municipalityCode],
    );
    for (const member of organization.members) {
      // The database refuses it too (memberships_roles_allowed_by_kind); this names the demo entry.
      const refused = rolesNotAllowedInKind(member.roles, organization.kind);
      if (refused.length) throw new Error(`Demo member ${member.email} holds ${refused.join(', ')}, not allowed in a ${organization.kind}`);
      let [user]: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE email = $1`, [member.email]);
      if (!user) {
        [user] = await manager.query(
          `INSERT INTO users (email, display_name, preferred_language, password_hash) VALUES ($1, $2, 'ja', $3) RETURNING id`,
          [member.email, member.displayName, await passwordHash()],
        );
      }
      await manager.query(
        `INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, organization_id, user_id) DO NOTHING`,
        [network.id, user.id, organization.id, member.roles],
      );
    }
  }
}

/** The directory: extra organisations, public profiles and services (demo-directory.ts). */
async function seedDirectory(manager: EntityManager, network: DemoNetwork) {
  for (const organization of DEMO_EXTRA_ORGANIZATIONS[network.id] ?? []) {
    await manager.query(
      `INSERT INTO organizations (tenant_id, id, kind, name, name_kana, municipality_code)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, id) DO NOTHING`,
      [network.id, organization.id, organization.kind, organization.name, organization.nameKana, organization.municipalityCode],
    );
  }
  const organizations = new Map<string, { name: string; nameKana: string | null }>();
  const rows: Array<{ id: string; name: string; name_kana: string | null }> = await manager.query(
    `SELECT id, name, name_kana FROM organizations WHERE tenant_id = $1`,
    [network.id],
  );
  for (const row of rows) organizations.set(row.id, { name: row.name, nameKana: row.name_kana });
  for (const profile of DEMO_PROFILES.filter((candidate) => organizations.has(candidate.organizationId))) {
    // Only fills an empty profile: what people edited since stays.
    await manager.query(
      `UPDATE organizations SET description = $3, postal_code = $4, address = $5, municipality_code = coalesce(municipality_code, $6),
              website = $7, phone = $8, email = $9
        WHERE tenant_id = $1 AND id = $2 AND description IS NULL`,
      [network.id, profile.organizationId, profile.description, profile.postalCode, profile.address,
        profile.municipalityCode, profile.website, profile.phone, profile.email],
    );
  }
  for (const service of DEMO_SERVICES.filter((candidate) => candidate.networkId === network.id)) {
    const fields = validateServiceFields(service);
    const organization = organizations.get(service.organizationId);
    if (!organization) throw new Error(`Demo service ${service.id} names an unknown organisation`);
    const values = await writableValues(fields, organization);
    await manager.query(
      `INSERT INTO services (tenant_id, id, organization_id, ${SERVICE_WRITABLE_COLUMNS.join(', ')})
       VALUES ($1, $2, $3, ${SERVICE_WRITABLE_COLUMNS.map((_, index) => `$${index + 4}`).join(', ')})
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [network.id, service.id, service.organizationId, ...values],
    );
  }
}

/**
 * `cipher` seals the demo people's special-care values with the configured keys, as the API does;
 * with `storage` (the configured file storage) the demo training course gets its PDF handout too.
 */
export async function seedDemoData(ownerUrl: string, cipher: FieldCipher, options: { storage?: FileStorage } = {}): Promise<void> {
  const dataSource = await new DataSource({ type: 'postgres', url: ownerUrl, extra: { max: 1 } }).initialize();
  let hash: Promise<string> | undefined;
  // One argon2id hash for all demo users, made only if a user is missing.
  const passwordHash = () =>
    (hash ??= argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS));
  try {
    for (const network of [DEMO_NETWORK, SECOND_DEMO_NETWORK]) {
      // Seeding acts as the network itself and as an authentication flow (it creates users).
      await runAsNetworkSetup(dataSource, network.id, async (manager) => {
        await seedNetwork(manager, network, passwordHash);
        await seedDirectory(manager, network);
        if (network.id === DEMO_NETWORK.id) {
          await seedDemoPeople(manager, cipher);
          await seedDemoReferrals(manager);
          await seedDemoGrants(manager);
          await seedDemoTraining(manager, { storage: options.storage });
          await seedDemoPartnerships(manager);
        }
      });
    }
  } finally {
    await dataSource.destroy();
  }
}
