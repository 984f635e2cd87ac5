// One SELECT list and one mapping for services with their organisation's names.
import type {
  CapacityState,
  FeeKind,
  OpeningPeriod,
  ServiceCategory,
  ServiceChannel,
  TargetGroup,
} from '@tsunagu/domain';
import type { PortalService, Service } from './service.model';

export const SERVICE_COLUMNS = `
  s.id, s.organization_id, o.name AS organization_name, o.name_kana AS organization_name_kana,
  s.name, s.name_kana, s.description, s.categories, s.target_groups, s.eligibility, s.age_min, s.age_max,
  s.nationwide, s.area_codes, s.languages, s.open_24h, s.opening_hours, s.channels, s.fee, s.fee_note,
  s.capacity, s.waitlist_note, to_char(s.waitlist_expected_on, 'YYYY-MM-DD') AS waitlist_expected_on,
  s.accepts_referrals, to_char(s.last_reviewed_on, 'YYYY-MM-DD') AS last_reviewed_on, s.updated_at, s.sort_name`;

export interface ServiceRow {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_name_kana: string | null;
  name: string;
  name_kana: string | null;
  description: string;
  categories: ServiceCategory[];
  target_groups: TargetGroup[];
  eligibility: string | null;
  age_min: number | null;
  age_max: number | null;
  nationwide: boolean;
  area_codes: string[];
  languages: string[];
  open_24h: boolean;
  opening_hours: OpeningPeriod[];
  channels: ServiceChannel[];
  fee: FeeKind;
  fee_note: string | null;
  capacity: CapacityState;
  waitlist_note: string | null;
  waitlist_expected_on: string | null;
  accepts_referrals: boolean;
  last_reviewed_on: string | null;
  updated_at: Date;
  sort_name: string;
}

export function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name, nameKana: row.organization_name_kana },
    name: row.name,
    nameKana: row.name_kana,
    description: row.description,
    categories: row.categories,
    targetGroups: row.target_groups,
    eligibility: row.eligibility,
    ageMin: row.age_min,
    ageMax: row.age_max,
    nationwide: row.nationwide,
    areaCodes: row.area_codes,
    languages: row.languages,
    open24h: row.open_24h,
    openingHours: row.opening_hours,
    channels: row.channels.map((channel) => ({ ...channel, note: channel.note ?? null })),
    fee: row.fee,
    feeNote: row.fee_note,
    capacity: row.capacity,
    waitlistNote: row.waitlist_note,
    waitlistExpectedOn: row.waitlist_expected_on,
    acceptsReferrals: row.accepts_referrals,
    lastReviewedOn: row.last_reviewed_on,
    updatedAt: row.updated_at,
  };
}

/** Public fields only: no eligibility notes, capacity, referral flags or non-public channels. */
export function toPortalService(row: ServiceRow): PortalService {
  return {
    id: row.id,
    organizationName: row.organization_name,
    name: row.name,
    description: row.description,
    categories: row.categories,
    targetGroups: row.target_groups,
    languages: row.languages,
    open24h: row.open_24h,
    openingHours: row.opening_hours,
    channels: row.channels.filter((channel) => channel.public).map((channel) => ({ ...channel, note: channel.note ?? null })),
    fee: row.fee,
  };
}
