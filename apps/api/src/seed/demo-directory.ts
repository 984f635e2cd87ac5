// Demo content for the service directory (DESIGN.md capability 1): organisation profiles and
// services for the demo networks in demo-seed.ts, plus a few more invented organisations so the
// directory has enough to search. Everything here is fictitious: names, addresses, the
// 03-0000-xxxx / 0120-000-xxx phone numbers, and the example.jp domains (reserved for examples).
//
// The records are data, in demo-directory.json, written compactly: organisations by name
// (DEMO_ORGANIZATION_IDS), a service's fields only where they differ from its network's defaults
// (SERVICE_DEFAULTS), opening hours as [days, opens, closes] and channels as
// [kind, value, note?, public?]. This file turns them into the typed records demo-seed.ts writes;
// demo-seed.ts checks every service with validateServiceFields, as the API would.
import type {
  ChannelKind,
  OpeningPeriod,
  OrganizationKind,
  ServiceChannel,
  ServiceFields,
  Weekday,
} from '@tsunagu/domain';
import DIRECTORY from './demo-directory.json';
import { DEMO_NETWORK, SECOND_DEMO_NETWORK } from './demo-networks';

export interface DemoOrganizationProfile {
  /** An organisation of DEMO_NETWORK / SECOND_DEMO_NETWORK, or one of DEMO_EXTRA_ORGANIZATIONS. */
  readonly organizationId: string;
  readonly description: string;
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly municipalityCode: string | null;
  readonly website: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface DemoExtraOrganization {
  readonly id: string;
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly nameKana: string;
  readonly municipalityCode: string | null;
}

export interface DemoService extends ServiceFields {
  readonly id: string;
  readonly organizationId: string;
  readonly networkId: string;
}

type NetworkKey = 'chuo' | 'minato';

const NETWORKS: Record<NetworkKey, { readonly id: string; readonly areaCode: string }> = {
  chuo: { id: DEMO_NETWORK.id, areaCode: '13102' },
  minato: { id: SECOND_DEMO_NETWORK.id, areaCode: '13103' },
};

// Organisations of demo-seed.ts, by the names the records use.
const [SUPPORT_CENTER, KOMOREBI, CITY_WELFARE, SHAKYO, KODOMO_SHOKUDO] = DEMO_NETWORK.organizations.map((o) => o.id);
const [MINATO_HOUSE] = SECOND_DEMO_NETWORK.organizations.map((o) => o.id);

type ExtraOrganizationKey = keyof typeof DIRECTORY.organizations;
export type DemoOrganizationName = 'SUPPORT_CENTER' | 'KOMOREBI' | 'CITY_WELFARE' | 'SHAKYO' | 'KODOMO_SHOKUDO' | 'MINATO_HOUSE' | ExtraOrganizationKey;

/** Every demo organisation's id by name: the seeded ones and the invented ones of demo-directory.json. */
export const DEMO_ORGANIZATION_IDS: Readonly<Record<DemoOrganizationName, string>> = {
  SUPPORT_CENTER,
  KOMOREBI,
  CITY_WELFARE,
  SHAKYO,
  KODOMO_SHOKUDO,
  MINATO_HOUSE,
  ...(Object.fromEntries(Object.entries(DIRECTORY.organizations).map(([key, organization]) => [key, organization.id])) as Record<
    ExtraOrganizationKey,
    string
  >),
};

function organizationId(key: string): string {
  const id = (DEMO_ORGANIZATION_IDS as Readonly<Record<string, string>>)[key];
  if (!id) throw new Error(`Demo directory: unknown organisation ${key}`);
  return id;
}

export const DEMO_EXTRA_ORGANIZATIONS: Record<string, DemoExtraOrganization[]> = {};
for (const { network, ...organization } of Object.values(DIRECTORY.organizations)) {
  (DEMO_EXTRA_ORGANIZATIONS[NETWORKS[network as NetworkKey].id] ??= []).push(organization as DemoExtraOrganization);
}

export const DEMO_PROFILES: DemoOrganizationProfile[] = DIRECTORY.profiles.map(({ organization, ...profile }) => ({
  organizationId: organizationId(organization),
  ...profile,
}));

// --- Services ---------------------------------------------------------------------------------

/** What a service is unless its record says otherwise (areaCodes: its network's ward). */
const SERVICE_DEFAULTS = {
  nationwide: false,
  languages: ['ja'],
  open24h: false,
  fee: 'FREE',
  capacity: 'ACCEPTING',
  acceptsReferrals: true,
} as const satisfies Partial<DemoService>;

/** A service as demo-directory.json writes it. */
type ServiceRecord = Omit<ServiceFields, 'openingHours' | 'channels' | keyof typeof SERVICE_DEFAULTS | 'areaCodes'> &
  Partial<Pick<ServiceFields, keyof typeof SERVICE_DEFAULTS | 'areaCodes'>> & {
    readonly id: string;
    readonly organization: string;
    /** [space-separated weekdays, opens, closes], Japan time. */
    readonly openingHours: ReadonlyArray<readonly [string, string, string]>;
    /** [kind, value, note (default none), public (default true)]. */
    readonly channels: ReadonlyArray<readonly [ChannelKind, string, (string | null)?, boolean?]>;
  };

function openingPeriods(hours: ServiceRecord['openingHours']): OpeningPeriod[] {
  return hours.flatMap(([days, opens, closes]) => days.split(' ').map((day) => ({ day: day as Weekday, opens, closes })));
}

function channel([kind, value, note = null, isPublic = true]: ServiceRecord['channels'][number]): ServiceChannel {
  return { kind, value, note, public: isPublic };
}

function demoService(network: NetworkKey, { organization, openingHours, channels, ...fields }: ServiceRecord): DemoService {
  return {
    networkId: NETWORKS[network].id,
    ...SERVICE_DEFAULTS,
    languages: [...SERVICE_DEFAULTS.languages],
    areaCodes: [NETWORKS[network].areaCode],
    ...fields,
    organizationId: organizationId(organization),
    openingHours: openingPeriods(openingHours),
    channels: channels.map(channel),
  };
}

// JSON widens codes to strings and tuples to arrays, so the records are read as ServiceRecord
// unchecked here; demo-seed.ts runs each service through validateServiceFields (a wrong code or
// time fails the seeding) and demo-directory.spec.ts checks them all.
const SERVICE_RECORDS = DIRECTORY.services as unknown as Record<NetworkKey, ServiceRecord[]>;

export const DEMO_SERVICES: DemoService[] = (Object.keys(NETWORKS) as NetworkKey[]).flatMap((network) =>
  SERVICE_RECORDS[network].map((record) => demoService(network, record)),
);
