import { grantableRoles, isPlausibleEmail, normalizeEmail, passwordLengthProblem } from './accounts';

describe('passwordLengthProblem', () => {
  it('counts characters, not bytes, and needs at least 12', () => {
    expect(passwordLengthProblem('short-pass1')).toBe('TOO_SHORT');
    expect(passwordLengthProblem('つなぐつなぐつなぐつなぐ')).toBeNull();
    expect(passwordLengthProblem('a'.repeat(257))).toBe('TOO_LONG');
    expect(passwordLengthProblem('correct horse battery')).toBeNull();
  });
});

describe('emails', () => {
  it('normalises and checks plausibility', () => {
    expect(normalizeEmail('  Hanako@Example.JP ')).toBe('hanako@example.jp');
    expect(isPlausibleEmail('hanako@example.jp')).toBe(true);
    expect(isPlausibleEmail('hanako@localhost')).toBe(false);
    expect(isPlausibleEmail('not an email')).toBe(false);
  });
});

describe('grantableRoles', () => {
  it('lets only network admins grant NETWORK_ADMIN', () => {
    expect(grantableRoles(['NETWORK_ADMIN'])).toContain('NETWORK_ADMIN');
    expect(grantableRoles(['ORG_ADMIN'])).not.toContain('NETWORK_ADMIN');
    expect(grantableRoles(['ORG_ADMIN'])).toContain('ORG_ADMIN');
    expect(grantableRoles(['COORDINATOR', 'STAFF'])).toEqual([]);
  });
});
