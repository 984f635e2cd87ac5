// The referral list's URL state: filters and the order survive a round trip through the query
// string, the phone's 絞り込み button counts the filters that narrow the list (not the box or
// the order), and clearing the filters keeps the box and the order.
import { activeReferralFilterCount, clearedReferralFilters, hasReferralFilter, readReferralFilters, referralFilterOf, writeReferralFilters } from './referral-filters';

const read = (query: string) => readReferralFilters(new URLSearchParams(query));

describe('referral list filters in the URL', () => {
  it('reads and writes every filter and the order', () => {
    const query = 'box=outbox&status=SENT&status=ACCEPTED&urgency=URGENT&need=HOUSING&from=2026-04-01&to=2026-04-30&overdue=1&sort=deadline';
    const filters = read(query);
    expect(filters).toEqual({
      box: 'OUTBOX',
      statuses: ['SENT', 'ACCEPTED'],
      urgencies: ['URGENT'],
      need: 'HOUSING',
      from: '2026-04-01',
      to: '2026-04-30',
      overdue: true,
      sort: 'DEADLINE',
    });
    expect(writeReferralFilters(filters).toString()).toBe(query);
  });

  it('is newest first unless the URL says sort=deadline; unknown values are dropped', () => {
    expect(read('').sort).toBe('NEWEST');
    expect(read('sort=DEADLINE').sort).toBe('NEWEST');
    expect(read('sort=oldest&status=NOPE&urgency=URGENT&from=2026-02-30')).toMatchObject({ sort: 'NEWEST', statuses: [], urgencies: ['URGENT'], from: '' });
    expect(writeReferralFilters(read('sort=oldest')).toString()).toBe('');
  });

  it('counts the filters that narrow the list: a date range is one, the box and the order none', () => {
    expect(activeReferralFilterCount(read('box=outbox&sort=deadline'))).toBe(0);
    expect(hasReferralFilter(read('box=outbox&sort=deadline'))).toBe(false);
    expect(activeReferralFilterCount(read('status=SENT&status=ACCEPTED'))).toBe(1);
    expect(activeReferralFilterCount(read('from=2026-04-01&to=2026-04-30'))).toBe(1);
    expect(activeReferralFilterCount(read('to=2026-04-30'))).toBe(1);
    expect(activeReferralFilterCount(read('status=SENT&urgency=HIGH&need=FOOD&from=2026-04-01&overdue=1'))).toBe(5);
    expect(hasReferralFilter(read('overdue=1'))).toBe(true);
  });

  it('clearing keeps the box and the order', () => {
    const cleared = clearedReferralFilters(read('box=outbox&status=SENT&overdue=1&sort=deadline'));
    expect(writeReferralFilters(cleared).toString()).toBe('box=outbox&sort=deadline');
  });

  it('the API filter leaves out what is not set and does not carry the order', () => {
    expect(referralFilterOf(read('sort=deadline'))).toEqual({});
    expect(referralFilterOf(read('from=2026-04-01'))).toEqual({ createdFrom: '2026-03-31T15:00:00.000Z' });
  });
});
