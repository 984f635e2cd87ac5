import { resolve } from 'node:path';
import { parseConfig, parseResealConfig } from './config';

const key1 = Buffer.alloc(32, 1);
const key2 = Buffer.alloc(32, 0xfb); // its base64url and base64 spellings differ
const valid = {
  DATABASE_URL: 'postgres://owner:secret@127.0.0.1:5432/tsunagu',
  DATABASE_APP_URL: 'postgres://app:secret@127.0.0.1:5432/tsunagu',
  JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
  PERSONAL_DATA_KEYS: `k1:${key1.toString('base64')}`,
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
    const result = parseConfig(
      { DATABASE_APP_URL: 'mysql://root:hunter2@db/x', JWT_SECRET: valid.JWT_SECRET, PERSONAL_DATA_KEYS: valid.PERSONAL_DATA_KEYS },
      '1',
    );
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

describe('parseConfig: TRUST_PROXY', () => {
  const trustProxy = (value: string | undefined) => {
    const result = parseConfig({ ...valid, TRUST_PROXY: value }, '1');
    return result.ok ? result.config.trustProxy : result.problems;
  };

  it('trusts no proxy by default, and reads the flag as before', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('1')).toBe(true);
  });

  it('takes a comma-separated list of addresses, CIDR ranges and range names, in IPv4 and IPv6', () => {
    expect(trustProxy('127.0.0.2')).toEqual(['127.0.0.2']);
    expect(trustProxy(' 10.0.0.5 , 10.1.0.0/16,fd00::/8, ::1,loopback,uniquelocal,linklocal')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      '::1',
      'loopback',
      'uniquelocal',
      'linklocal',
    ]);
    expect(trustProxy('0.0.0.1/32,::/128,192.0.2.1/32,2001:db8::1/128')).toEqual(['0.0.0.1/32', '::/128', '192.0.2.1/32', '2001:db8::1/128']);
  });

  it('refuses anything else in one line naming the first bad entry and what is expected', () => {
    const expected =
      'must be false, true (trust every hop: only when nothing but the proxy can reach the API) or a ' +
      "comma-separated list of the proxies' addresses or CIDR ranges such as 10.0.0.5,10.1.0.0/16 " +
      '(also: loopback, linklocal, uniquelocal)';
    const everyAddress = "is every address, so every client would be believed: list the proxy's own address";
    expect(trustProxy('10.0.0.300')).toEqual([`Configuration error: TRUST_PROXY ${expected} ("10.0.0.300" is not an IP address or CIDR range).`]);
    const cases: Array<[string, string]> = [
      ['yes', '"yes" is not an IP address or CIDR range'],
      ['TRUE', '"TRUE" is not an IP address or CIDR range'],
      ['proxy.example.jp', '"proxy.example.jp" is not an IP address or CIDR range'],
      ['10.0.0.1,10.0.0.0/33', '"10.0.0.0/33" is not an IP address or CIDR range'],
      ['fd00::/129', '"fd00::/129" is not an IP address or CIDR range'],
      ['10.0.0.0/', '"10.0.0.0/" is not an IP address or CIDR range'],
      ['10.0.0.0/8/8', '"10.0.0.0/8/8" is not an IP address or CIDR range'],
      ['10.0.0.0/255.0.0.0', '"10.0.0.0/255.0.0.0" is not an IP address or CIDR range'],
      ['10.0.0.1,,10.0.0.2', 'an entry of the list is empty'],
      ['10.0.0.1 10.0.0.2', '"10.0.0.1 10.0.0.2" is not an IP address or CIDR range'],
      ['2', '"2" is not an IP address or CIDR range'],
      // Catch-all ranges would believe every client's forwarded headers.
      ['0.0.0.0/0', `"0.0.0.0/0" ${everyAddress}`],
      ['10.0.0.5,::/0', `"::/0" ${everyAddress}`],
      ['10.0.0.0/00', `"10.0.0.0/00" ${everyAddress}`],
      ['fd00::1/0', `"fd00::1/0" ${everyAddress}`],
    ];
    for (const [value, detail] of cases) {
      expect(trustProxy(value)).toEqual([`Configuration error: TRUST_PROXY ${expected} (${detail}).`]);
    }
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

describe('parseConfig: personal data keys', () => {
  const generateHint =
    '(generate one with `node -e "console.log(\'k1:\'+require(\'crypto\').randomBytes(32).toString(\'base64\'))"`)';

  it('builds the key ring; the first listed key is active unless another is named', () => {
    const keys = `k2:${key2.toString('base64url')}, k1:${key1.toString('base64')}`;
    const first = parseConfig({ ...valid, PERSONAL_DATA_KEYS: keys }, '1');
    expect(first.ok && first.config.personalData.keyRing.activeKeyId).toBe('k2');
    expect(first.ok && [...first.config.personalData.keyRing.keys]).toEqual([
      ['k2', key2],
      ['k1', key1],
    ]);
    const named = parseConfig({ ...valid, PERSONAL_DATA_KEYS: keys, PERSONAL_DATA_ACTIVE_KEY_ID: 'k1' }, '1');
    expect(named.ok && named.config.personalData.keyRing.activeKeyId).toBe('k1');
  });

  it('accepts unpadded base64 and base64url keys', () => {
    const unpadded = key2.toString('base64').replace(/=+$/, '');
    const result = parseConfig({ ...valid, PERSONAL_DATA_KEYS: `k1:${unpadded}` }, '1');
    expect(result.ok && result.config.personalData.keyRing.keys.get('k1')).toEqual(key2);
  });

  it('says what is needed and how to make it when the keys are missing', () => {
    const result = parseConfig({ ...valid, PERSONAL_DATA_KEYS: '' }, '1');
    expect(!result.ok && result.problems).toEqual([
      'Configuration error: PERSONAL_DATA_KEYS must be set (it is not set). It holds the keys that encrypt special-care ' +
        'personal data: one or more keyId:base64key entries with 32-byte keys, separated by commas ' +
        `${generateHint}; \`npm start\` generates one for local use.`,
    ]);
  });

  it.each([
    ['a bare key', key1.toString('base64'), 'the entry has no "keyId:" prefix'],
    ['a short key', `k1:${Buffer.alloc(16, 7).toString('base64')}`, 'the key of "k1" is 16 bytes, not 32'],
    ['a long key', `k1:${Buffer.alloc(48, 7).toString('base64')}`, 'the key of "k1" is 48 bytes, not 32'],
    ['a non-base64 key', 'k1:not base64 at all!', 'the key of "k1" is not base64'],
    ['a dotted key id', `k.1:${key1.toString('base64')}`, 'the entry has an invalid key id (use 1 to 32 letters, digits, _ or -)'],
    ['a repeated key id', `k1:${key1.toString('base64')},k1:${key2.toString('base64')}`, 'key id "k1" is listed twice'],
    ['an empty entry', `k1:${key1.toString('base64')},`, 'entry 2 has no "keyId:" prefix'],
  ])('refuses %s in one line that never shows the key', (_, value, detail) => {
    const result = parseConfig({ ...valid, PERSONAL_DATA_KEYS: value }, '1');
    expect(!result.ok && result.problems).toEqual([
      'Configuration error: PERSONAL_DATA_KEYS must be one or more keyId:base64key entries with 32-byte keys, ' +
        `separated by commas ${generateHint} (${detail}).`,
    ]);
    const secret = value.split(',')[0].split(':').pop() as string;
    expect(!result.ok && result.problems[0]).not.toContain(secret);
  });

  it('refuses an active key id that is not listed, next to the other problems', () => {
    const result = parseConfig({ ...valid, PORT: 'abc', PERSONAL_DATA_ACTIVE_KEY_ID: 'k9' }, '1');
    expect(!result.ok && result.problems).toEqual([
      'Configuration error: PORT must be an integer from 1 to 65535 (got "abc").',
      'Configuration error: PERSONAL_DATA_ACTIVE_KEY_ID must be one of the key ids listed in PERSONAL_DATA_KEYS (got "k9"; listed: k1).',
    ]);
  });

  it('gives reseal the owner URL and the key ring only', () => {
    const result = parseResealConfig({
      DATABASE_URL: valid.DATABASE_URL,
      PERSONAL_DATA_KEYS: valid.PERSONAL_DATA_KEYS,
      LOG_LEVEL: 'silent',
    });
    expect(result).toEqual({
      ok: true,
      ownerUrl: valid.DATABASE_URL,
      quiet: true,
      keyRing: { activeKeyId: 'k1', keys: new Map([['k1', key1]]) },
    });
    const missing = parseResealConfig({ DATABASE_URL: valid.DATABASE_URL, PERSONAL_DATA_ACTIVE_KEY_ID: 'k2' });
    expect(!missing.ok && missing.problems).toHaveLength(1);
    expect(!missing.ok && missing.problems[0]).toMatch(/^Configuration error: PERSONAL_DATA_KEYS must be set \(it is not set\)\./);
  });
});

describe('parseConfig: file storage', () => {
  it('stores files on local disk under .data/files, at most 10 MB each (training materials 1 GB), by default', () => {
    const result = parseConfig(valid, '1');
    expect(result.ok && result.config.files).toEqual({
      storage: 'local',
      dir: resolve('.data/files'),
      maxBytes: 10 * 1024 * 1024,
      materialMaxBytes: 1024 * 1024 * 1024,
      s3: undefined,
    });
  });

  it('takes a directory and a limit', () => {
    const result = parseConfig({ ...valid, FILE_STORAGE_DIR: '/var/lib/tsunagu/files', FILE_MAX_BYTES: '1048576' }, '1');
    expect(result.ok && result.config.files.dir).toBe('/var/lib/tsunagu/files');
    expect(result.ok && result.config.files.maxBytes).toBe(1048576);
    const bad = parseConfig({ ...valid, FILE_MAX_BYTES: '10MB', FILE_STORAGE: 'ftp' }, '1');
    expect(!bad.ok && bad.problems).toEqual([
      'Configuration error: FILE_STORAGE must be local or s3 (got "ftp").',
      'Configuration error: FILE_MAX_BYTES must be a number of bytes from 1 to 209715200 (200 MB) (got "10MB").',
    ]);
  });

  it('takes a limit for training materials up to 4 GB, one line for a bad one', () => {
    const result = parseConfig({ ...valid, FILE_MATERIAL_MAX_BYTES: '2147483648' }, '1');
    expect(result.ok && result.config.files.materialMaxBytes).toBe(2 * 1024 * 1024 * 1024);
    for (const value of ['1GB', '0', '5000000000']) {
      const bad = parseConfig({ ...valid, FILE_MATERIAL_MAX_BYTES: value }, '1');
      expect(!bad.ok && bad.problems).toEqual([
        `Configuration error: FILE_MATERIAL_MAX_BYTES must be a number of bytes from 1 to 4294967296 (4 GB) (got "${value}").`,
      ]);
    }
  });

  it('names each missing S3 variable on its own line, never echoing the keys', () => {
    const result = parseConfig({ ...valid, FILE_STORAGE: 's3', S3_BUCKET: 'tsunagu', S3_SECRET_ACCESS_KEY: 'hunter2' }, '1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'Configuration error: S3_ENDPOINT must be set when FILE_STORAGE is s3 (the URL of the S3-compatible service; it is not set).',
      'Configuration error: S3_REGION must be set when FILE_STORAGE is s3 (the region of the bucket, e.g. ap-northeast-1 (MinIO: us-east-1); it is not set).',
      'Configuration error: S3_ACCESS_KEY_ID must be set when FILE_STORAGE is s3 (the access key id; it is not set).',
    ]);
    expect(result.problems.join(' ')).not.toContain('hunter2');
  });

  it('accepts a complete S3 configuration', () => {
    const s3 = {
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'tsunagu-files',
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'tsunagu',
      S3_SECRET_ACCESS_KEY: 'a-secret',
    };
    const result = parseConfig({ ...valid, FILE_STORAGE: 's3', ...s3 }, '1');
    expect(result.ok && result.config.files.storage).toBe('s3');
    expect(result.ok && result.config.files.s3).toEqual({
      endpoint: 'http://minio:9000',
      bucket: 'tsunagu-files',
      region: 'us-east-1',
      accessKeyId: 'tsunagu',
      secretAccessKey: 'a-secret',
    });
    const bad = parseConfig({ ...valid, FILE_STORAGE: 's3', ...s3, S3_ENDPOINT: 'minio:9000' }, '1');
    expect(!bad.ok && bad.problems[0]).toMatch(/^Configuration error: S3_ENDPOINT must be the http\(s\) URL/);
  });
});

describe('parseConfig: passkeys (WebAuthn)', () => {
  it('takes the relying party from the app address that mail links use', () => {
    const result = parseConfig({ ...valid, APP_BASE_URL: 'https://tsunagu.example.jp/' }, '1');
    expect(result.ok && result.config.auth.webauthn).toEqual({
      rpId: 'tsunagu.example.jp',
      rpName: 'Tsunagu',
      origins: ['https://tsunagu.example.jp'],
    });
    const local = parseConfig({ ...valid, PORT: '4000' }, '1');
    expect(local.ok && local.config.auth.webauthn).toMatchObject({ rpId: 'localhost', origins: ['http://localhost:4000'] });
  });

  it('is overridden by WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS', () => {
    const result = parseConfig(
      {
        ...valid,
        APP_BASE_URL: 'http://127.0.0.1:3100',
        WEBAUTHN_RP_ID: 'localhost',
        WEBAUTHN_ORIGINS: 'http://localhost:3100, http://app.localhost:3100',
      },
      '1',
    );
    expect(result.ok && result.config.auth.webauthn).toMatchObject({
      rpId: 'localhost',
      origins: ['http://localhost:3100', 'http://app.localhost:3100'],
    });
  });

  it('refuses an IP address as relying party id, an origin with a path, and an origin off the domain', () => {
    const ip = parseConfig({ ...valid, WEBAUTHN_RP_ID: '127.0.0.1' }, '1');
    expect(!ip.ok && ip.problems.join('\n')).toMatch(/WEBAUTHN_RP_ID must be a domain name/);
    const path = parseConfig({ ...valid, WEBAUTHN_ORIGINS: 'https://tsunagu.example.jp/app' }, '1');
    expect(!path.ok && path.problems.join('\n')).toMatch(/WEBAUTHN_ORIGINS must be a comma-separated list of origins/);
    const outside = parseConfig({ ...valid, WEBAUTHN_RP_ID: 'tsunagu.example.jp', WEBAUTHN_ORIGINS: 'https://evil.example.com' }, '1');
    expect(!outside.ok && outside.problems.join('\n')).toMatch(/WEBAUTHN_ORIGINS must be on the relying party's domain tsunagu.example.jp/);
  });
});
