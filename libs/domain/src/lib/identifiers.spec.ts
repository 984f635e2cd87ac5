import { isValidCorporateNumber, municipalityCheckDigit, normalizeMunicipalityCode } from './identifiers';

describe('isValidCorporateNumber', () => {
  it.each(['7000012050002', '4000012090001', '1010001000006'])('accepts %s', (value) => {
    expect(isValidCorporateNumber(value)).toBe(true);
  });

  it.each(['8000012050002', '700001205000', '70000120500021', '700001205000a', ''])('refuses %s', (value) => {
    expect(isValidCorporateNumber(value)).toBe(false);
  });
});

describe('normalizeMunicipalityCode', () => {
  it('accepts a 5-digit code and a 6-digit code with its check digit', () => {
    expect(municipalityCheckDigit('13102')).toBe(4);
    expect(normalizeMunicipalityCode('13102')).toBe('13102');
    expect(normalizeMunicipalityCode('131024')).toBe('13102');
    expect(normalizeMunicipalityCode('011002')).toBe('01100');
  });

  it('refuses a wrong check digit, an unknown prefecture or other text', () => {
    expect(normalizeMunicipalityCode('131025')).toBeNull();
    expect(normalizeMunicipalityCode('48101')).toBeNull();
    expect(normalizeMunicipalityCode('00101')).toBeNull();
    expect(normalizeMunicipalityCode('中央区')).toBeNull();
  });
});
