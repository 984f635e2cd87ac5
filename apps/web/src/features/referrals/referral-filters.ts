// The inbox/outbox filters live in the URL query string, so a filtered list can be bookmarked
// or shared: box (inbox | outbox), status (repeatable), urgency (repeatable), need, from / to
// (YYYY-MM-DD, Japan time) and overdue=1. Unknown values are dropped.
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
import type { ReferralBox, ReferralFilter } from '@tsunagu/graphql-client';

export interface ReferralListFilters {
  box: ReferralBox;
  statuses: ReferralStatus[];
  urgencies: ReferralUrgency[];
  need: ServiceCategory | null;
  from: string;
  to: string;
  overdue: boolean;
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

export function hasReferralFilter(filters: ReferralListFilters): boolean {
  return writeReferralFilters({ ...filters, box: 'INBOX' }).toString() !== '';
}
