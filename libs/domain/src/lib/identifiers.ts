// Japanese public identifiers that organisations are registered with.
import { normalizeNumericText } from './text';

/**
 * 法人番号 (corporate number): 13 digits, the first being a check digit over the other 12
 * (National Tax Agency rule): 9 - (Σ Pn × Qn mod 9), Pn the n-th digit from the right of the
 * 12-digit base, Qn = 1 for odd n and 2 for even n.
 */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const base = value.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return Number(value[0]) === 9 - (sum % 9);
}

/**
 * 全国地方公共団体コード (JIS X 0402): prefecture (01–47) and municipality, 5 digits, optionally
 * followed by its check digit, full-width digits taken as typed with an IME. Returns the 5-digit
 * form, or null when the code is malformed or its check digit is wrong.
 */
export function normalizeMunicipalityCode(value: string): string | null {
  const trimmed = normalizeNumericText(value).trim();
  if (!/^\d{5,6}$/.test(trimmed)) return null;
  const prefecture = Number(trimmed.slice(0, 2));
  if (prefecture < 1 || prefecture > 47) return null;
  const code = trimmed.slice(0, 5);
  if (trimmed.length === 6 && Number(trimmed[5]) !== municipalityCheckDigit(code)) return null;
  return code;
}

export function municipalityCheckDigit(code: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(code[index]), 0);
  return (11 - (sum % 11)) % 10;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are database-generated UUIDs; anything else cannot name a row. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
