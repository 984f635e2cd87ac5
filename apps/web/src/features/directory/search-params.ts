// A directory search lives in the URL query string, so a search can be shared or bookmarked:
// q (keywords), category / target / channel / language (repeatable), area (municipality code),
// and open-now / 24h / referrals (flags set to 1). Unknown values are dropped.
import {
  CHANNEL_KINDS,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  TARGET_GROUPS,
  type ChannelKind,
  type ServiceCategory,
  type TargetGroup,
} from '@tsunagu/domain';
import type { DirectorySearchInput } from '@tsunagu/graphql-client';

export interface DirectoryFilters {
  keywords: string;
  categories: ServiceCategory[];
  targetGroups: TargetGroup[];
  channels: ChannelKind[];
  languages: string[];
  areaCode: string;
  openNow: boolean;
  open24h: boolean;
  acceptingReferrals: boolean;
}

export const listParams = {
  categories: 'category',
  targetGroups: 'target',
  channels: 'channel',
  languages: 'language',
} as const;

function known<T extends string>(values: string[], codes: readonly T[]): T[] {
  return values.filter((value): value is T => (codes as readonly string[]).includes(value));
}

export function readFilters(params: URLSearchParams): DirectoryFilters {
  return {
    keywords: params.get('q') ?? '',
    categories: known(params.getAll(listParams.categories), SERVICE_CATEGORIES.codes),
    targetGroups: known(params.getAll(listParams.targetGroups), TARGET_GROUPS.codes),
    channels: known(params.getAll(listParams.channels), CHANNEL_KINDS.codes),
    languages: known(params.getAll(listParams.languages), SERVICE_LANGUAGES.codes),
    areaCode: params.get('area') ?? '',
    openNow: params.get('openNow') === '1',
    open24h: params.get('h24') === '1',
    acceptingReferrals: params.get('referrals') === '1',
  };
}

export function writeFilters(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.keywords.trim()) params.set('q', filters.keywords.trim());
  for (const key of Object.keys(listParams) as Array<keyof typeof listParams>) {
    for (const value of filters[key]) params.append(listParams[key], value);
  }
  if (filters.areaCode.trim()) params.set('area', filters.areaCode.trim());
  if (filters.openNow) params.set('openNow', '1');
  if (filters.open24h) params.set('h24', '1');
  if (filters.acceptingReferrals) params.set('referrals', '1');
  return params;
}

/** The API input for the filters: empty lists and false flags are left out. */
export function searchInputOf(filters: DirectoryFilters): DirectorySearchInput {
  const input: DirectorySearchInput = {};
  if (filters.keywords.trim()) input.keywords = filters.keywords.trim();
  if (filters.categories.length) input.categories = filters.categories;
  if (filters.targetGroups.length) input.targetGroups = filters.targetGroups;
  if (filters.channels.length) input.channels = filters.channels;
  if (filters.languages.length) input.languages = filters.languages;
  if (filters.areaCode.trim()) input.areaCode = filters.areaCode.trim();
  if (filters.openNow) input.openNow = true;
  if (filters.open24h) input.open24h = true;
  if (filters.acceptingReferrals) input.acceptingReferrals = true;
  return input;
}

export function hasAnyFilter(filters: DirectoryFilters): boolean {
  return writeFilters(filters).toString() !== '';
}
