// Demo data for `npm start`: the network 中央区つながりネットワーク with one organisation of each
// kind and a demo user for each role, plus a small second network so isolation can be seen.
// Idempotent (fixed ids, inserts that skip existing rows), so it runs on every start and only
// adds what is missing. Later capabilities extend it. The accounts are listed in the README.
import * as argon2 from 'argon2';
import type { OrganizationKind, Role } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ARGON2_OPTIONS } from '../core/auth/password-hasher';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';

interface DemoNetwork {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly organizations: ReadonlyArray<{
    readonly id: string;
    readonly kind: OrganizationKind;
    readonly name: string;
    readonly nameKana: string;
    readonly municipalityCode: string | null;
    readonly members: ReadonlyArray<{ readonly email: string; readonly displayName: string; readonly roles: Role[] }>;
  }>;
}

export const DEMO_NETWORK = {
  id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e01',
  slug: 'chuo-tsunagari',
  name: '中央区つながりネットワーク',
  organizations: [
    {
      id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e11',
      kind: 'INTERMEDIARY',
      name: 'つながりサポートセンター',
      nameKana: 'ツナガリサポートセンター',
      municipalityCode: '13102',
      members: [
        { email: 'admin@chuo.example.jp', displayName: '佐藤 美咲', roles: ['NETWORK_ADMIN', 'ORG_ADMIN'] },
        { email: 'grants@chuo.example.jp', displayName: '高橋 健', roles: ['GRANT_EDITOR'] },
      ],
    },
    {
      id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e12',
      kind: 'NPO',
      name: 'NPO法人こもれび',
      nameKana: 'エヌピーオーホウジンコモレビ',
      municipalityCode: '13102',
      members: [
        { email: 'org-admin@komorebi.example.jp', displayName: '田中 由美', roles: ['ORG_ADMIN'] },
        { email: 'coordinator@komorebi.example.jp', displayName: '鈴木 翔太', roles: ['COORDINATOR'] },
        { email: 'staff@komorebi.example.jp', displayName: '伊藤 さくら', roles: ['STAFF'] },
      ],
    },
    {
      id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e13',
      kind: 'MUNICIPALITY',
      name: '中央区 福祉保健部',
      nameKana: 'チュウオウク フクシホケンブ',
      municipalityCode: '13102',
      members: [{ email: 'liaison@city-chuo.example.jp', displayName: '渡辺 大輔', roles: ['LIAISON'] }],
    },
    {
      id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e14',
      kind: 'SOCIAL_WELFARE_COUNCIL',
      name: '中央区社会福祉協議会',
      nameKana: 'チュウオウクシャカイフクシキョウギカイ',
      municipalityCode: '13102',
      members: [{ email: 'trainer@shakyo-chuo.example.jp', displayName: '山本 直子', roles: ['TRAINER'] }],
    },
    {
      id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e15',
      kind: 'OTHER',
      name: '中央区こども食堂ネットワーク',
      nameKana: 'チュウオウクコドモショクドウネットワーク',
      municipalityCode: null,
      members: [],
    },
  ],
} as const satisfies DemoNetwork;

export const SECOND_DEMO_NETWORK = {
  id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b8f02',
  slug: 'minato-tsunagari',
  name: '港区つながりネットワーク',
  organizations: [
    {
      id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b8f21',
      kind: 'NPO',
      name: 'NPO法人みなとハウス',
      nameKana: 'エヌピーオーホウジンミナトハウス',
      municipalityCode: '13103',
      members: [{ email: 'admin@minato.example.jp', displayName: '小林 陽介', roles: ['NETWORK_ADMIN', 'ORG_ADMIN'] }],
    },
  ],
} as const satisfies DemoNetwork;

async function seedNetwork(manager: EntityManager, network: DemoNetwork, passwordHash: () => Promise<string>) {
  // Seeding acts as the network itself and as an authentication flow (it creates users).
  await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [network.id]);
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

export async function seedDemoData(ownerUrl: string): Promise<void> {
  const dataSource = await new DataSource({ type: 'postgres', url: ownerUrl, extra: { max: 1 } }).initialize();
  let hash: Promise<string> | undefined;
  // One argon2id hash for all demo users, made only if a user is missing.
  const passwordHash = () =>
    (hash ??= argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS));
  try {
    for (const network of [DEMO_NETWORK, SECOND_DEMO_NETWORK]) {
      await dataSource.transaction((manager) => seedNetwork(manager, network, passwordHash));
    }
  } finally {
    await dataSource.destroy();
  }
}
