import { categoriesAsSeenBy, ConsentFacts, consentState, decideForOwner, decideForRecipient, duplicateKey } from './people';

const now = new Date('2026-11-26T03:00:00Z');
const day = 24 * 60 * 60 * 1000;
const recipient = { organizationId: 'org-b', organizationKind: 'NPO' as const };

function consent(overrides: Partial<ConsentFacts> = {}): ConsentFacts {
  return {
    id: 'c1',
    categories: ['IDENTITY', 'CONTACT'],
    recipientOrganizationIds: ['org-b'],
    recipientKinds: [],
    purposes: ['REFERRAL'],
    validFrom: new Date(now.getTime() - day),
    validUntil: new Date(now.getTime() + day),
    revokedAt: null,
    ...overrides,
  };
}

describe('consentState', () => {
  it.each([
    [{}, 'ACTIVE'],
    [{ validUntil: null }, 'ACTIVE'],
    [{ validFrom: new Date(now.getTime() + 1) }, 'NOT_YET_VALID'],
    [{ validUntil: now }, 'EXPIRED'],
    [{ revokedAt: now }, 'REVOKED'],
    [{ revokedAt: new Date(now.getTime() - day), validUntil: new Date(now.getTime() - 1) }, 'REVOKED'],
  ] as const)('%o is %s', (overrides, state) => {
    expect(consentState(consent(overrides), now)).toBe(state);
  });
});

describe('decideForRecipient', () => {
  it('discloses a category an active consent names for this recipient and purpose', () => {
    expect(decideForRecipient([consent()], recipient, 'REFERRAL', 'CONTACT', now)).toEqual({ access: 'DISCLOSED', consentId: 'c1' });
  });

  it('names recipients by organisation kind as well', () => {
    const byKind = consent({ recipientOrganizationIds: [], recipientKinds: ['NPO'] });
    expect(decideForRecipient([byKind], recipient, 'REFERRAL', 'IDENTITY', now).access).toBe('DISCLOSED');
    expect(decideForRecipient([byKind], { organizationId: 'x', organizationKind: 'MUNICIPALITY' }, 'REFERRAL', 'IDENTITY', now)).toMatchObject({
      reason: 'NO_CONSENT',
    });
  });

  it('gives the most telling reason when it withholds', () => {
    const decide = (consents: ConsentFacts[], category = 'CONTACT' as const, purpose = 'REFERRAL' as const) =>
      decideForRecipient(consents, recipient, purpose, category, now);
    expect(decide([])).toMatchObject({ access: 'WITHHELD', reason: 'NO_CONSENT', consentId: null });
    expect(decide([consent()], 'CONTACT', 'STATISTICS' as never)).toMatchObject({ reason: 'NO_CONSENT' });
    expect(decide([consent({ revokedAt: now })])).toMatchObject({ reason: 'CONSENT_REVOKED', consentId: 'c1' });
    expect(decide([consent({ validUntil: now })])).toMatchObject({ reason: 'CONSENT_EXPIRED' });
    expect(decide([consent({ validFrom: new Date(now.getTime() + day), validUntil: null })])).toMatchObject({ reason: 'CONSENT_NOT_YET_VALID' });
    expect(decideForRecipient([consent()], recipient, 'REFERRAL', 'HEALTH', now)).toMatchObject({ reason: 'CATEGORY_NOT_COVERED', consentId: 'c1' });
  });

  it('lets one active consent win over a revoked one for the same category', () => {
    const revoked = consent({ id: 'old', revokedAt: now });
    const renewed = consent({ id: 'new' });
    expect(decideForRecipient([revoked, renewed], recipient, 'REFERRAL', 'CONTACT', now)).toEqual({ access: 'DISCLOSED', consentId: 'new' });
  });
});

describe('decideForOwner', () => {
  it('shows admins and coordinators everything, staff no special-care data, other roles nothing', () => {
    expect(decideForOwner(['COORDINATOR'], 'HEALTH').access).toBe('DISCLOSED');
    expect(decideForOwner(['STAFF'], 'HEALTH')).toMatchObject({ access: 'WITHHELD', reason: 'ROLE_NOT_PERMITTED' });
    expect(decideForOwner(['STAFF'], 'CONTACT').access).toBe('DISCLOSED');
    expect(decideForOwner(['TRAINER'], 'CONTACT')).toMatchObject({ access: 'WITHHELD', reason: 'ROLE_NOT_PERMITTED' });
  });
});

describe('duplicateKey', () => {
  it('meets on kana in either script, spaced or not, and the birth date', () => {
    expect(duplicateKey('ヤマダ', 'ハナコ', '1990-01-02')).toBe(duplicateKey('やまだ ', ' はなこ', '1990-01-02'));
    expect(duplicateKey('ヤマダ', 'ハナコ', '1990-01-02')).not.toBe(duplicateKey('ヤマダ', 'ハナコ', '1990-01-03'));
    expect(duplicateKey('ヤマダ', 'ハナコ', null)).toBeNull();
  });
});

describe('categoriesAsSeenBy', () => {
  it('shows every category to roles that may see special-care data', () => {
    expect(categoriesAsSeenBy(['COORDINATOR'], ['IDENTITY', 'HEALTH'])).toEqual({ categories: ['IDENTITY', 'HEALTH'], specialCareHidden: false });
  });
  it('replaces special-care categories with one marker for staff', () => {
    expect(categoriesAsSeenBy(['STAFF'], ['IDENTITY', 'HEALTH', 'LEGAL'])).toEqual({ categories: ['IDENTITY'], specialCareHidden: true });
    expect(categoriesAsSeenBy(['STAFF'], ['IDENTITY'])).toEqual({ categories: ['IDENTITY'], specialCareHidden: false });
  });
});
