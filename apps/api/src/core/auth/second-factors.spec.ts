import { hashRecoveryCode, policyStanding } from './second-factors';

const now = new Date('2026-12-07T12:00:00Z');
const later = new Date('2026-12-21T12:00:00Z');
const earlier = new Date('2026-12-01T12:00:00Z');

describe('policyStanding', () => {
  const on = { requiredSince: earlier, graceUntil: later };

  it('asks the roles that read personal data, and not the others', () => {
    expect(policyStanding(on, ['COORDINATOR'], false, now)).toEqual({ kind: 'GRACE', dueBy: later });
    expect(policyStanding(on, ['STAFF', 'TRAINER'], false, now).kind).toBe('GRACE');
    expect(policyStanding(on, ['TRAINER', 'GRANT_EDITOR', 'LIAISON'], false, now).kind).toBe('NOT_REQUIRED');
  });

  it('enforces after the grace period, and never once a factor is enrolled or when the policy is off', () => {
    expect(policyStanding({ requiredSince: earlier, graceUntil: earlier }, ['ORG_ADMIN'], false, now).kind).toBe('ENFORCED');
    expect(policyStanding({ requiredSince: earlier, graceUntil: null }, ['NETWORK_ADMIN'], false, now).kind).toBe('ENFORCED');
    expect(policyStanding(on, ['COORDINATOR'], true, now).kind).toBe('NOT_REQUIRED');
    expect(policyStanding({ requiredSince: null, graceUntil: null }, ['COORDINATOR'], false, now).kind).toBe('NOT_REQUIRED');
  });
});

describe('hashRecoveryCode', () => {
  it('reads a code with or without dashes, spaces and capitals alike', () => {
    expect(hashRecoveryCode('ab12-cd34-ef56-gh78')).toEqual(hashRecoveryCode('AB12 CD34EF56-GH78'));
  });
});
