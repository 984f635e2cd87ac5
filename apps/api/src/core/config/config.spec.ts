import { parseConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://owner:secret@127.0.0.1:5432/tsunagu',
  DATABASE_APP_URL: 'postgres://app:secret@127.0.0.1:5432/tsunagu',
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
    const result = parseConfig({ DATABASE_APP_URL: 'mysql://root:hunter2@db/x' }, '1');
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
