import { PERSONAL_DATA_CATEGORIES, PersonValues } from './people';
import { ageBandOf, ageOn, japanDateOf, STATISTICS_FIELDS, STATISTICS_SOURCE_CATEGORIES, statisticsProjection } from './people-statistics';

const MARK = 'ZZMARK';

/** Every category filled, every text carrying MARK, so a leak of any free text shows. */
function fullValues(): PersonValues {
  return {
    IDENTITY: { familyName: `山田${MARK}`, givenName: `花子${MARK}`, familyNameKana: `ヤマダ${MARK}`, givenNameKana: `ハナコ${MARK}`, birthDate: '1990-04-02', gender: 'FEMALE' },
    CONTACT: { phone: `03-${MARK}`, email: `${MARK}@example.jp`, postalCode: `104-${MARK}`, address: `中央区${MARK}`, municipalityCode: '13102', preferredChannel: `電話${MARK}`, notes: `連絡${MARK}` },
    HOUSEHOLD: { livingSituation: 'ALONE', householdSize: 1, dependents: `扶養${MARK}`, notes: `世帯${MARK}` },
    HEALTH: { conditions: `病名${MARK}`, medications: `服薬${MARK}`, medicalInstitution: `病院${MARK}`, notes: `健康${MARK}` },
    DISABILITY: { certificate: 'MENTAL', grade: `等級${MARK}`, notes: `障害${MARK}` },
    FINANCIAL: { incomeSources: `収入${MARK}`, receivesPublicAssistance: true, hasDebt: true, notes: `家計${MARK}` },
    LEGAL: { criminalRecord: `犯罪${MARK}`, victimisation: `被害${MARK}`, protectionOrder: true, notes: `法的${MARK}` },
    CONSULTATION: { needs: ['HOUSING', 'EMPLOYMENT'], summary: `概要${MARK}`, notes: `相談${MARK}` },
  };
}

describe('ageOn and ageBandOf', () => {
  it.each([
    ['1990-04-02', '2026-04-01', 35],
    ['1990-04-02', '2026-04-02', 36],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2026-04-02', '2026-04-02', 0],
  ])('born %s is %i on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('is computed on the read date: the band changes on the 40th birthday, not before', () => {
    expect(ageBandOf('1986-12-07', '2026-12-06')).toBe('AGE_30_39');
    expect(ageBandOf('1986-12-07', '2026-12-07')).toBe('AGE_40_49');
  });

  it('puts everyone under 10 and everyone 90 or over in one band each', () => {
    expect(ageBandOf('2020-01-01', '2026-12-07')).toBe('AGE_0_9');
    expect(ageBandOf('1936-12-07', '2026-12-07')).toBe('AGE_90_PLUS');
    expect(ageBandOf('1901-01-01', '2026-12-07')).toBe('AGE_90_PLUS');
  });

  it('gives no band without a usable birth date', () => {
    expect(ageBandOf(null, '2026-12-07')).toBeNull();
    expect(ageBandOf('1990/04/02', '2026-12-07')).toBeNull();
    expect(ageBandOf('2027-01-01', '2026-12-07')).toBeNull();
  });

  it('reads the date in Japan time', () => {
    expect(japanDateOf(new Date('2026-12-06T15:00:00Z'))).toBe('2026-12-07');
    expect(japanDateOf(new Date('2026-12-06T14:59:59Z'))).toBe('2026-12-06');
  });
});

describe('statisticsProjection', () => {
  it('returns only the permitted fields, never a name, kana, birth date, contact, note or special-care value', () => {
    const projection = statisticsProjection(fullValues(), '2026-12-07');
    expect(projection).toEqual({
      ageBand: 'AGE_30_39',
      gender: 'FEMALE',
      municipalityCode: '13102',
      livingSituation: 'ALONE',
      needs: ['HOUSING', 'EMPLOYMENT'],
      sourceCategories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'],
    });
    const text = JSON.stringify(projection);
    expect(text).not.toContain(MARK);
    expect(text).not.toContain('1990');
    expect(text).not.toContain('104-');
  });

  it('draws nothing from a category that was not disclosed', () => {
    const { IDENTITY, CONSULTATION } = fullValues();
    expect(statisticsProjection({ IDENTITY, CONSULTATION }, '2026-12-07')).toEqual({
      ageBand: 'AGE_30_39',
      gender: 'FEMALE',
      municipalityCode: null,
      livingSituation: null,
      needs: ['HOUSING', 'EMPLOYMENT'],
      sourceCategories: ['IDENTITY', 'CONSULTATION'],
    });
    expect(statisticsProjection({}, '2026-12-07')).toEqual({
      ageBand: null,
      gender: null,
      municipalityCode: null,
      livingSituation: null,
      needs: null,
      sourceCategories: [],
    });
  });

  it('special-care and financial categories feed no field, even when disclosed', () => {
    const { HEALTH, DISABILITY, LEGAL, FINANCIAL } = fullValues();
    const projection = statisticsProjection({ HEALTH, DISABILITY, LEGAL, FINANCIAL }, '2026-12-07');
    expect(projection.sourceCategories).toEqual([]);
    expect(JSON.stringify(projection)).not.toContain(MARK);
    expect(JSON.stringify(projection)).not.toContain('MENTAL');
  });

  it('the field catalogue names only non-special-care source categories, all of them listed as sources', () => {
    const sources = new Set(Object.values(STATISTICS_FIELDS));
    expect([...sources].sort()).toEqual([...STATISTICS_SOURCE_CATEGORIES].sort());
    expect(STATISTICS_SOURCE_CATEGORIES.every((category) => PERSONAL_DATA_CATEGORIES.codes.includes(category))).toBe(true);
    expect(STATISTICS_SOURCE_CATEGORIES).not.toEqual(expect.arrayContaining(['HEALTH']));
    expect(STATISTICS_SOURCE_CATEGORIES.some((category) => ['HEALTH', 'DISABILITY', 'LEGAL'].includes(category))).toBe(false);
  });
});

describe('needs in the statistics projection', () => {
  it('leaves out the needs that say what special-care data would (mental health, DV, addiction…)', () => {
    const values = fullValues();
    const consultation = { ...values.CONSULTATION!, needs: ['HOUSING', 'MENTAL_HEALTH', 'DV_SEXUAL_VIOLENCE', 'ADDICTION', 'EMPLOYMENT'] };
    expect(statisticsProjection({ CONSULTATION: consultation }, '2026-12-07').needs).toEqual(['HOUSING', 'EMPLOYMENT']);
  });
});
