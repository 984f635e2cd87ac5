import { parseConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://owner:secret@127.0.0.1:5432/tsunagu',
  DATABASE_APP_URL: 'postgres://app:secret@127.0.0.1:5432/tsunagu',
  JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
};

describe('parseConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const result = parseConfig(valid, '1.2.3');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(3000);
    expect(result.config.nodeEnv).toBe('development');
    expect(result.config.version).toBe('1.2.3');
    expect(result.config.database.runMigrationsOnStart).toBe(true);
  });

  it('names the variable and what is expected for a bad port', () => {
    const result = parseConfig({ ...valid, PORT: 'abc' }, '1');
    expect(result).toEqual({
      ok: false,
      problems: ['Configuration error: PORT must be an integer from 1 to 65535 (got "abc").'],
    });
  });

  it('reports a missing database URL without echoing secrets', () => {
    const result = parseConfig({ DATABASE_APP_URL: 'mysql://root:hunter2@db/x', JWT_SECRET: valid.JWT_SECRET }, '1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^Configuration error: DATABASE_URL must be set \(it is not set\)\./);
    expect(result.problems[1]).toMatch(/^Configuration error: DATABASE_APP_URL must be a PostgreSQL connection URL/);
    expect(result.problems.join(' ')).not.toContain('hunter2');
  });

  it('treats empty values as unset and parses boolean flags strictly', () => {
    const ok = parseConfig({ ...valid, PORT: '', SEED_DEMO_DATA: '1' }, '1');
    expect(ok.ok && ok.config.port).toBe(3000);
    expect(ok.ok && ok.config.seedDemoData).toBe(true);
    const bad = parseConfig({ ...valid, SEED_DEMO_DATA: 'yes' }, '1');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toBe('Configuration error: SEED_DEMO_DATA must be true or false (got "yes").');
  });
});

describe('parseConfig: mail and background jobs', () => {
  it('keeps mail in the outbox by default and points links at the local port', () => {
    const result = parseConfig({ ...valid, PORT: '4000' }, '1');
    expect(result.ok && result.config.mail).toEqual({
      smtpUrl: undefined,
      from: 'つなぐ Tsunagu <no-reply@tsunagu.invalid>',
      appBaseUrl: 'http://localhost:4000',
      retryLimit: 20,
      retryDelaySeconds: 30,
    });
    expect(result.ok && result.config.jobs).toEqual({ pollingIntervalSeconds: 2 });
  });

  it('accepts smtp:// and smtps:// URLs and drops a trailing slash from APP_BASE_URL', () => {
    const result = parseConfig(
      {
        ...valid,
        SMTP_URL: 'smtps://mailer:secret@mail.example.jp:465',
        MAIL_FROM: 'Tsunagu <no-reply@example.jp>',
        APP_BASE_URL: 'https://tsunagu.example.jp/',
        MAIL_RETRY_LIMIT: '5',
        MAIL_RETRY_DELAY_SECONDS: '1',
        JOBS_POLLING_INTERVAL_SECONDS: '0.5',
      },
      '1',
    );
    expect(result.ok && result.config.mail).toEqual({
      smtpUrl: 'smtps://mailer:secret@mail.example.jp:465',
      from: 'Tsunagu <no-reply@example.jp>',
      appBaseUrl: 'https://tsunagu.example.jp',
      retryLimit: 5,
      retryDelaySeconds: 1,
    });
    expect(result.ok && result.config.jobs.pollingIntervalSeconds).toBe(0.5);
  });

  it('refuses other URL schemes without echoing the SMTP password', () => {
    const result = parseConfig({ ...valid, SMTP_URL: 'http://mailer:hunter2@mail.example.jp' }, '1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'Configuration error: SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example:587 or smtps://mail.example:465 (the value given is not one).',
    ]);
    expect(result.problems.join(' ')).not.toContain('hunter2');
  });

  it('names bad sender addresses, base URLs, retry settings and polling intervals', () => {
    const result = parseConfig(
      {
        ...valid,
        MAIL_FROM: 'nobody',
        APP_BASE_URL: 'tsunagu.example.jp',
        MAIL_RETRY_LIMIT: '0',
        MAIL_RETRY_DELAY_SECONDS: 'soon',
        JOBS_POLLING_INTERVAL_SECONDS: '0.1',
      },
      '1',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.split(' ')[2])).toEqual([
      'MAIL_FROM',
      'APP_BASE_URL',
      'MAIL_RETRY_LIMIT',
      'MAIL_RETRY_DELAY_SECONDS',
      'JOBS_POLLING_INTERVAL_SECONDS',
    ]);
    expect(result.problems[2]).toBe('Configuration error: MAIL_RETRY_LIMIT must be an integer from 1 to 1000 (got "0").');
  });

  it('requires a long JWT secret and never echoes it', () => {
    const result = parseConfig({ ...valid, JWT_SECRET: 'short-secret' }, '1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      'Configuration error: JWT_SECRET must be a random secret of at least 32 characters (e.g. `openssl rand -base64 48`) (the value given is too short).',
    ]);
  });
});
