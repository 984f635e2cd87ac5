// The free-text rule of referrals (issue 14): which category it is, when it travels on a
// forward, who may read it, and the erasure marker.
import {
  decideForwardFreeText,
  erasedDateOf,
  erasedTextMarker,
  freeTextCategoryOf,
  freeTextHiddenFor,
  REFERRAL_FREE_TEXT_CATEGORY,
  renderFreeText,
} from './referral-free-text';

describe('a referral’s free text', () => {
  it('is consultation data (相談内容) when the referral names a person, and no person’s data for an anonymous case', () => {
    expect(REFERRAL_FREE_TEXT_CATEGORY).toBe('CONSULTATION');
    expect(freeTextCategoryOf({ personId: 'p1' })).toBe('CONSULTATION');
    expect(freeTextCategoryOf({ personId: null })).toBeNull();
  });

  describe('on a forward', () => {
    const base = { personId: 'p1', hasText: true, erased: false, chosen: true, consentCovers: true };
    it('travels only when chosen and a consent covers the third organisation', () => {
      expect(decideForwardFreeText(base)).toEqual({ travels: true, category: 'CONSULTATION' });
      expect(decideForwardFreeText({ ...base, chosen: false })).toEqual({ travels: false, reason: 'NOT_CHOSEN' });
      expect(decideForwardFreeText({ ...base, consentCovers: false })).toEqual({ travels: false, reason: 'NO_CONSENT' });
    });
    it('for an anonymous case needs no consent but still the forwarder’s choice', () => {
      const anonymous = { ...base, personId: null, consentCovers: false };
      expect(decideForwardFreeText(anonymous)).toEqual({ travels: true, category: null });
      expect(decideForwardFreeText({ ...anonymous, chosen: false })).toEqual({ travels: false, reason: 'NOT_CHOSEN' });
    });
    it('never carries erased or absent text', () => {
      expect(decideForwardFreeText({ ...base, erased: true })).toEqual({ travels: false, reason: 'ERASED' });
      expect(decideForwardFreeText({ ...base, hasText: false })).toEqual({ travels: false, reason: 'NO_TEXT' });
    });
  });

  it('is hidden from a role that may not see special care when the referral shares special-care data', () => {
    expect(freeTextHiddenFor(false, ['IDENTITY', 'HEALTH'])).toBe(true);
    expect(freeTextHiddenFor(false, ['IDENTITY', 'CONSULTATION'])).toBe(false);
    expect(freeTextHiddenFor(true, ['HEALTH', 'LEGAL'])).toBe(false);
  });

  it('is replaced on erasure by a marker with the date in Japan time, rendered in either language', () => {
    const marker = erasedTextMarker(new Date('2026-12-06T16:30:00Z'));
    expect(erasedDateOf(marker)).toBe('2026-12-07');
    expect(renderFreeText(marker, 'ja')).toBe('本人の求めにより消去（2026-12-07）');
    expect(renderFreeText(marker, 'en')).toBe('Erased at the person’s request (2026-12-07)');
    expect(renderFreeText('ふつうの文面', 'en')).toBe('ふつうの文面');
    expect(renderFreeText(null, 'ja')).toBeNull();
    expect(erasedDateOf(`前置き${marker}`)).toBeNull();
  });
});
