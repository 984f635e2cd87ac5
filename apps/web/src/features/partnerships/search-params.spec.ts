import { hasAnyPartnershipFilter, partnershipSearchOf, readPartnershipFilters, writePartnershipFilters } from './search-params';

const partnerId = '0b9f3c2e-5d1a-4e3b-9c8d-7a6b5c4d3e2f';

describe('partnership list filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = { keyword: '見守り', status: 'ACTIVE' as const, type: 'CONTRACT' as const, partnerOrganizationId: partnerId };
    const params = writePartnershipFilters(filters);
    expect(params.toString()).toBe(`q=${encodeURIComponent('見守り')}&status=ACTIVE&type=CONTRACT&partner=${partnerId}`);
    expect(readPartnershipFilters(params)).toEqual(filters);
  });

  it('drops unknown statuses and types and a partner that is not an id', () => {
    expect(readPartnershipFilters(new URLSearchParams('status=DONE&type=GIFT&partner=1%3BDROP'))).toEqual({
      keyword: '',
      status: null,
      type: null,
      partnerOrganizationId: null,
    });
  });

  it('sends only the filters given, with the keyword trimmed', () => {
    const filters = readPartnershipFilters(new URLSearchParams('q=%20%20&status=ENDED'));
    expect(partnershipSearchOf(filters)).toEqual({ status: 'ENDED' });
    expect(hasAnyPartnershipFilter(filters)).toBe(true);
    expect(hasAnyPartnershipFilter(readPartnershipFilters(new URLSearchParams('q=%20')))).toBe(false);
  });
});
