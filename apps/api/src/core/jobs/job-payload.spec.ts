import { assertIdsOnly, JobFailedError, personalValueIn } from './job-payload';

describe('job payloads', () => {
  it('take ids, codes, dates, numbers and flags, also nested', () => {
    expect(personalValueIn({ outboxId: '0b3c3e4a-5b7d-4c1e-9f2a-1d2e3f4a5b6c' })).toBeNull();
    expect(personalValueIn(null)).toBeNull();
    expect(personalValueIn({})).toBeNull();
    expect(
      personalValueIn({ kind: 'REFERRAL_SENT', days: 7, due: '2026-12-01', at: '2026-12-01T08:00:00.000Z', ids: ['0b3c3e4a-5b7d-4c1e-9f2a-1d2e3f4a5b6c'], urgent: true }),
    ).toBeNull();
  });

  it('refuse names, e-mail addresses and free text, wherever they are', () => {
    expect(personalValueIn({ to: 'hanako.yamada@example.jp' })).toBe('$.to: a string that is neither an id, a code nor a date');
    expect(personalValueIn({ person: { name: '山田 花子' } })).toMatch(/^\$\.person\.name/);
    expect(personalValueIn({ notes: ['家賃を3か月滞納している'] })).toMatch(/^\$\.notes\[0\]/);
    expect(personalValueIn({ name: 'Hanako' })).not.toBeNull();
    expect(() => assertIdsOnly('mail.send', { outboxId: 'x', recipient: 'a@b.jp' })).toThrow(/mail\.send/);
  });

  it('keep no message text of a failed job, only the queue and a code', () => {
    const cause = Object.assign(new Error('duplicate key: Key (email)=(hanako.yamada@example.jp) already exists'), { code: '23505' });
    const error = new JobFailedError('referrals.deadlines', cause);
    expect(error.message).toBe('Job of referrals.deadlines failed (23505); see the log');
    expect(error.message).not.toContain('hanako');
    expect(new JobFailedError('mail.send', new Error('550 <hanako@example.jp> rejected')).message).toBe('Job of mail.send failed; see the log');
  });
});
