// A grant search lives in the URL query string, so it can be shared, bookmarked or saved:
// q (keywords), open=1, closing=<days>, theme / kind / legal / funder / type (repeatable),
// region (municipality or prefecture code), min / max (yen) and sort. Unknown values are dropped.
import {
  FUNDER_KINDS,
  GRANT_TYPES,
  LEGAL_FORMS,
  ORGANIZATION_KINDS,
  SERVICE_CATEGORIES,
  type FunderKind,
  type GrantType,
  type LegalForm,
  type OrganizationKind,
  type ServiceCategory,
} from '@tsunagu/domain';
import type { GrantSearchCriteriaFieldsFragment, GrantSearchInput, GrantSort } from '@tsunagu/graphql-client';

export const GRANT_SORTS: readonly GrantSort[] = ['DEADLINE', 'NEWEST', 'AMOUNT'];

export interface GrantFilters {
  keywords: string;
  openNow: boolean;
  closingWithinDays: number | null;
  themes: ServiceCategory[];
  region: string;
  organizationKinds: OrganizationKind[];
  legalForms: LegalForm[];
  amountFrom: number | null;
  amountTo: number | null;
  funderKinds: FunderKind[];
  grantTypes: GrantType[];
  sort: GrantSort;
}

export const listParams = {
  themes: 'theme',
  organizationKinds: 'kind',
  legalForms: 'legal',
  funderKinds: 'funder',
  grantTypes: 'type',
} as const;

function known<T extends string>(values: readonly string[] | null | undefined, codes: readonly T[]): T[] {
  return (values ?? []).filter((value): value is T => (codes as readonly string[]).includes(value));
}

function positiveNumber(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? Math.floor(number) : null;
}

export function readFilters(params: URLSearchParams): GrantFilters {
  const sort = params.get('sort');
  const closing = positiveNumber(params.get('closing'));
  return {
    keywords: params.get('q') ?? '',
    openNow: params.get('open') === '1',
    closingWithinDays: closing && closing > 0 ? closing : null,
    themes: known(params.getAll(listParams.themes), SERVICE_CATEGORIES.codes),
    region: params.get('region') ?? '',
    organizationKinds: known(params.getAll(listParams.organizationKinds), ORGANIZATION_KINDS),
    legalForms: known(params.getAll(listParams.legalForms), LEGAL_FORMS.codes),
    amountFrom: positiveNumber(params.get('min')),
    amountTo: positiveNumber(params.get('max')),
    funderKinds: known(params.getAll(listParams.funderKinds), FUNDER_KINDS.codes),
    grantTypes: known(params.getAll(listParams.grantTypes), GRANT_TYPES.codes),
    sort: GRANT_SORTS.find((entry) => entry === sort) ?? 'DEADLINE',
  };
}

export function writeFilters(filters: GrantFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.keywords.trim()) params.set('q', filters.keywords.trim());
  if (filters.openNow) params.set('open', '1');
  if (filters.closingWithinDays) params.set('closing', String(filters.closingWithinDays));
  for (const key of Object.keys(listParams) as Array<keyof typeof listParams>) {
    for (const value of filters[key]) params.append(listParams[key], value);
  }
  if (filters.region.trim()) params.set('region', filters.region.trim());
  if (filters.amountFrom != null) params.set('min', String(filters.amountFrom));
  if (filters.amountTo != null) params.set('max', String(filters.amountTo));
  if (filters.sort !== 'DEADLINE') params.set('sort', filters.sort);
  return params;
}

/** The API input for the filters: empty lists, false flags and blanks are left out. */
export function searchInputOf(filters: GrantFilters): GrantSearchInput {
  const input: GrantSearchInput = { sort: filters.sort };
  if (filters.keywords.trim()) input.keywords = filters.keywords.trim();
  if (filters.openNow) input.openNow = true;
  if (filters.closingWithinDays) input.closingWithinDays = filters.closingWithinDays;
  if (filters.themes.length) input.themes = filters.themes;
  if (filters.region.trim()) input.municipalityCode = filters.region.trim();
  if (filters.organizationKinds.length) input.organizationKinds = filters.organizationKinds;
  if (filters.legalForms.length) input.legalForms = filters.legalForms;
  if (filters.amountFrom != null) input.amountFrom = filters.amountFrom;
  if (filters.amountTo != null) input.amountTo = filters.amountTo;
  if (filters.funderKinds.length) input.funderKinds = filters.funderKinds;
  if (filters.grantTypes.length) input.grantTypes = filters.grantTypes;
  return input;
}

/** The filters of a saved search (to open it on /grants). */
export function filtersOfCriteria(criteria: GrantSearchCriteriaFieldsFragment): GrantFilters {
  return {
    keywords: criteria.keywords ?? '',
    openNow: criteria.openNow ?? false,
    closingWithinDays: criteria.closingWithinDays ?? null,
    themes: known(criteria.themes, SERVICE_CATEGORIES.codes),
    region: criteria.municipalityCode ?? '',
    organizationKinds: known(criteria.organizationKinds, ORGANIZATION_KINDS),
    legalForms: known(criteria.legalForms, LEGAL_FORMS.codes),
    amountFrom: criteria.amountFrom ?? null,
    amountTo: criteria.amountTo ?? null,
    funderKinds: known(criteria.funderKinds, FUNDER_KINDS.codes),
    grantTypes: known(criteria.grantTypes, GRANT_TYPES.codes),
    sort: criteria.sort ?? 'DEADLINE',
  };
}

export function hasAnyFilter(filters: GrantFilters): boolean {
  return writeFilters({ ...filters, sort: 'DEADLINE' }).toString() !== '';
}
