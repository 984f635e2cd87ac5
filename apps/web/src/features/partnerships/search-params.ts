// The partnerships list's filters live in the URL query string (like the grant search), so a
// filtered list can be shared or bookmarked and Back restores it: q (keyword), status, type and
// partner (an organisation id). Unknown values are dropped.
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, type PartnershipStatus, type PartnershipType } from '@tsunagu/domain';

export interface PartnershipFilters {
  readonly keyword: string;
  readonly status: PartnershipStatus | null;
  readonly type: PartnershipType | null;
  readonly partnerOrganizationId: string | null;
}

export interface PartnershipSearch {
  keyword?: string;
  status?: PartnershipStatus;
  type?: PartnershipType;
  partnerOrganizationId?: string;
}

function known<T extends string>(value: string | null, codes: readonly T[]): T | null {
  return value !== null && (codes as readonly string[]).includes(value) ? (value as T) : null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readPartnershipFilters(params: URLSearchParams): PartnershipFilters {
  const partner = params.get('partner');
  return {
    keyword: params.get('q') ?? '',
    status: known(params.get('status'), PARTNERSHIP_STATUSES.codes),
    type: known(params.get('type'), PARTNERSHIP_TYPES.codes),
    partnerOrganizationId: partner && uuidPattern.test(partner) ? partner.toLowerCase() : null,
  };
}

export function writePartnershipFilters(filters: PartnershipFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.keyword.trim()) params.set('q', filters.keyword.trim());
  if (filters.status) params.set('status', filters.status);
  if (filters.type) params.set('type', filters.type);
  if (filters.partnerOrganizationId) params.set('partner', filters.partnerOrganizationId);
  return params;
}

/** The API's search input: only the filters given (an empty keyword is no filter). */
export function partnershipSearchOf(filters: PartnershipFilters): PartnershipSearch {
  return {
    ...(filters.keyword.trim() ? { keyword: filters.keyword.trim() } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.partnerOrganizationId ? { partnerOrganizationId: filters.partnerOrganizationId } : {}),
  };
}

export function hasAnyPartnershipFilter(filters: PartnershipFilters): boolean {
  return Object.keys(partnershipSearchOf(filters)).length > 0;
}
