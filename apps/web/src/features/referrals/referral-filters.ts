// The inbox/outbox filters live in the URL query string, so a filtered list can be bookmarked
// or shared: box (inbox | outbox), status (repeatable), urgency (repeatable), need, from / to
// (YYYY-MM-DD, Japan time), overdue=1, and the order (sort=deadline; newest first without it).
// Unknown values are dropped.
import {
  endOfJapanDay,
  isCalendarDate,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  SERVICE_CATEGORIES,
  startOfJapanDay,
  type ReferralStatus,
  type ReferralUrgency,
  type ServiceCategory,
} from '@tsunagu/domain';
import type { ReferralBox, ReferralFilter, ReferralSort } from '@tsunagu/graphql-client';

export interface ReferralListFilters {
  box: ReferralBox;
  statuses: ReferralStatus[];
  urgencies: ReferralUrgency[];
  need: ServiceCategory | null;
  from: string;
  to: string;
  overdue: boolean;
  sort: ReferralSort;
}

function known<T extends string>(values: string[], codes: readonly T[]): T[] {
  return values.filter((value): value is T => (codes as readonly string[]).includes(value));
}

export function readReferralFilters(params: URLSearchParams): ReferralListFilters {
  const need = params.get('need');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    box: params.get('box') === 'outbox' ? 'OUTBOX' : 'INBOX',
    statuses: known(params.getAll('status'), REFERRAL_STATUSES.codes),
    urgencies: known(params.getAll('urgency'), REFERRAL_URGENCIES.codes),
    need: need && (SERVICE_CATEGORIES.codes as readonly string[]).includes(need) ? (need as ServiceCategory) : null,
    from: isCalendarDate(from) ? from : '',
    to: isCalendarDate(to) ? to : '',
    overdue: params.get('overdue') === '1',
    sort: params.get('sort') === 'deadline' ? 'DEADLINE' : 'NEWEST',
  };
}

export function writeReferralFilters(filters: ReferralListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.box === 'OUTBOX') params.set('box', 'outbox');
  for (const status of filters.statuses) params.append('status', status);
  for (const urgency of filters.urgencies) params.append('urgency', urgency);
  if (filters.need) params.set('need', filters.need);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.sort === 'DEADLINE') params.set('sort', 'deadline');
  return params;
}

/** The API filter: empty lists and unset values are left out. */
export function referralFilterOf(filters: ReferralListFilters): ReferralFilter {
  const filter: ReferralFilter = {};
  if (filters.statuses.length) filter.statuses = filters.statuses;
  if (filters.urgencies.length) filter.urgencies = filters.urgencies;
  if (filters.need) filter.need = filters.need;
  if (filters.from) filter.createdFrom = startOfJapanDay(filters.from)?.toISOString();
  if (filters.to) filter.createdTo = endOfJapanDay(filters.to)?.toISOString();
  if (filters.overdue) filter.overdue = true;
  return filter;
}

/**
 * How many filters narrow the list (the phone's 絞り込み button shows it): each of status,
 * urgency, need, the created-date range (one filter, either end set) and overdue. The box and
 * the order narrow nothing.
 */
export function activeReferralFilterCount(filters: ReferralListFilters): number {
  return [filters.statuses.length > 0, filters.urgencies.length > 0, filters.need !== null, filters.from !== '' || filters.to !== '', filters.overdue].filter(Boolean)
    .length;
}

export function hasReferralFilter(filters: ReferralListFilters): boolean {
  return activeReferralFilterCount(filters) > 0;
}

/** The filters cleared: the box and the order stay as they are. */
export function clearedReferralFilters(filters: ReferralListFilters): ReferralListFilters {
  return { ...readReferralFilters(new URLSearchParams()), box: filters.box, sort: filters.sort };
}
