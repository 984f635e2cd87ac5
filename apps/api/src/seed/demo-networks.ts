// The demo networks, organisations and accounts (listed in the README). Kept apart from the
// seeding code so demo content (demo-directory.ts) can refer to them.
import type { OrganizationKind, Role } from '@tsunagu/domain';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';

export interface DemoNetwork {
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
      members: [
        { email: 'liaison@city-chuo.example.jp', displayName: '渡辺 大輔', roles: ['LIAISON'] },
        { email: 'grants@city-chuo.example.jp', displayName: '中村 恵', roles: ['GRANT_EDITOR'] },
      ],
    },
    {
      id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7e14',
      kind: 'SOCIAL_WELFARE_COUNCIL',
      name: '中央区社会福祉協議会',
      nameKana: 'チュウオウクシャカイフクシキョウギカイ',
      municipalityCode: '13102',
      members: [
        { email: 'trainer@shakyo-chuo.example.jp', displayName: '山本 直子', roles: ['TRAINER'] },
        // A case worker (自立相談支援) here, so consents given to social welfare councils can be seen at work.
        { email: 'soudan@shakyo-chuo.example.jp', displayName: '小林 真理', roles: ['COORDINATOR'] },
      ],
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

