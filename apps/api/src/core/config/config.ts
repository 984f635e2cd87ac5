// The API's configuration: read from the environment once at start, validated, then frozen.
// Anything wrong stops the process with one line per variable saying what is expected,
// because the people starting this are operators reading a terminal, not a stack trace.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { KEY_BYTES, KEY_ID_PATTERN, KeyRing } from '../personal-data/field-cipher';
import { tracingRequested } from '../tracing/tracing-requested';

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: 'must be a PostgreSQL connection URL such as postgres://user:password@host:5432/database',
  });

const positiveInt = (max: number, what: string) =>
  z.coerce
    .number({ message: `must be ${what}` })
    .int({ message: `must be ${what}` })
    .min(1, { message: `must be ${what}` })
    .max(max, { message: `must be ${what}` });

// --- personal data encryption (core/personal-data) ---
const PERSONAL_DATA_KEYS_EXPECTED =
  'must be one or more keyId:base64key entries with 32-byte keys, separated by commas ' +
  '(generate one with `node -e "console.log(\'k1:\'+require(\'crypto\').randomBytes(32).toString(\'base64\'))"`)';

type KeyEntries = { ok: true; keys: Map<string, Buffer> } | { ok: false; detail: string };

/**
 * `k2:base64,k1:base64` (base64 or base64url). The detail of a failure names the entry by its
 * position and, when well formed, its key id, never any key material.
 */
export function parsePersonalDataKeys(text: string): KeyEntries {
  const keys = new Map<string, Buffer>();
  const entries = text.split(',').map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const position = entries.length > 1 ? `entry ${index + 1}` : 'the entry';
    const colon = entry.indexOf(':');
    if (colon < 0) return { ok: false, detail: `${position} has no "keyId:" prefix` };
    const keyId = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (!KEY_ID_PATTERN.test(keyId)) {
      return { ok: false, detail: `${position} has an invalid key id (use 1 to 32 letters, digits, _ or -)` };
    }
    if (keys.has(keyId)) return { ok: false, detail: `key id "${keyId}" is listed twice` };
    const standard = encoded.replace(/-/g, '+').replace(/_/g, '/');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(standard)) return { ok: false, detail: `the key of "${keyId}" is not base64` };
    const key = Buffer.from(standard, 'base64');
    if (key.length !== KEY_BYTES) {
      return { ok: false, detail: `the key of "${keyId}" is ${key.length} bytes, not ${KEY_BYTES}` };
    }
    keys.set(keyId, key);
  }
  return { ok: true, keys };
}

const personalDataKeys = z.string().transform((text, context) => {
  const parsed = parsePersonalDataKeys(text);
  if (parsed.ok) return parsed.keys;
  context.addIssue({ code: 'custom', message: PERSONAL_DATA_KEYS_EXPECTED });
  return z.NEVER;
});
// --- end of personal data encryption ---

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

// --- reverse proxy ---
const TRUST_PROXY_EXPECTED =
  'must be false, true (trust every hop: only when nothing but the proxy can reach the API) or a ' +
  'comma-separated list of the proxies\' addresses or CIDR ranges such as 10.0.0.5,10.1.0.0/16 ' +
  '(also: loopback, linklocal, uniquelocal)';
// The names proxy-addr (Fastify's trustProxy) knows for the reserved ranges.
const TRUST_PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

type TrustedProxies = { ok: true; trust: boolean | readonly string[] } | { ok: false; detail: string };

/**
 * TRUST_PROXY: a flag, or the addresses X-Forwarded-For/-Proto/-Host are believed from
 * (Fastify picks the right-most address not in the list as the client). The detail of a failure
 * names the first entry that is neither an address nor a CIDR range.
 */
export function parseTrustedProxies(text: string): TrustedProxies {
  const flag = text.trim();
  if (flag === 'true' || flag === '1') return { ok: true, trust: true };
  if (flag === 'false' || flag === '0') return { ok: true, trust: false };
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (entry === '') return { ok: false, detail: 'an entry of the list is empty' };
    if (TRUST_PROXY_RANGE_NAMES.has(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const maxPrefix = version === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (version === 0 || !prefixOk || rest.length) {
      const shown = entry.length > 45 ? `${entry.slice(0, 45)}…` : entry;
      return { ok: false, detail: `"${shown}" is not an IP address or CIDR range` };
    }
    // A /0 range (0.0.0.0/0, ::/0) is every address: any client could then choose its own
    // throttle address and claim https. Say so instead of quietly trusting the world.
    if (prefix !== undefined && Number(prefix) === 0) {
      return { ok: false, detail: `"${entry}" is every address, so every client would be believed: list the proxy's own address` };
    }
  }
  return { ok: true, trust: entries };
}

const trustedProxies = z.string().transform((text, context) => {
  const parsed = parseTrustedProxies(text);
  if (parsed.ok) return parsed.trust;
  context.addIssue({ code: 'custom', message: TRUST_PROXY_EXPECTED });
  return z.NEVER;
});
// --- end of reverse proxy ---
// --- passkeys (WebAuthn) ---
// A relying party id is a domain name (browsers refuse IP addresses), the host users open the
// app at or a parent domain of it.
const WEBAUTHN_RP_ID_PATTERN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;
const WEBAUTHN_RP_ID_EXPECTED = 'must be a domain name in lower case, such as tsunagu.example.jp or localhost (not an IP address)';
const WEBAUTHN_ORIGINS_EXPECTED = 'must be a comma-separated list of origins such as https://tsunagu.example.jp';

const webauthnOrigins = z.string().transform((text, context) => {
  const origins = text.split(',').map((entry) => entry.trim());
  const valid = origins.every((origin) => /^https?:\/\/[^\s/]+$/.test(origin) && URL.canParse(origin) && new URL(origin).origin === origin);
  if (valid) return origins;
  context.addIssue({ code: 'custom', message: WEBAUTHN_ORIGINS_EXPECTED });
  return z.NEVER;
});

export interface WebAuthnSettings {
  readonly rpId: string;
  readonly rpName: string;
  /** The origins a passkey ceremony may come from (clientDataJSON.origin). */
  readonly origins: readonly string[];
}

/**
 * The relying party: WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS when set, otherwise the host and the
 * origin of the app's public address (where mail links point), so one setting serves both.
 */
export function webauthnSettings(appBaseUrl: string, rpId: string | undefined, origins: readonly string[] | undefined): WebAuthnSettings {
  const app = new URL(appBaseUrl);
  return { rpId: rpId ?? app.hostname, rpName: 'Tsunagu', origins: origins ?? [app.origin] };
}

/** Every origin must be the relying party's host or a subdomain of it, or no browser would agree. */
function webauthnProblems(raw: Pick<RawConfig, 'APP_BASE_URL' | 'PORT' | 'WEBAUTHN_RP_ID' | 'WEBAUTHN_ORIGINS'> | undefined): string[] {
  if (!raw) return [];
  const settings = webauthnSettings(appBaseUrlOf(raw), raw.WEBAUTHN_RP_ID, raw.WEBAUTHN_ORIGINS);
  const outside = settings.origins.filter((origin) => {
    const host = new URL(origin).hostname;
    return host !== settings.rpId && !host.endsWith(`.${settings.rpId}`);
  });
  if (!outside.length) return [];
  return [
    `Configuration error: WEBAUTHN_ORIGINS must be on the relying party's domain ${settings.rpId} or its subdomains ` +
      `(got ${outside.join(', ')}). Set WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS together, or neither (then APP_BASE_URL gives both).`,
  ];
}
// --- end of passkeys (WebAuthn) ---
// --- metrics and tracing (core/metrics, core/tracing) ---
const otlpUrl = z.string().refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
  message: 'must be the http(s) URL of an OTLP/HTTP collector, such as http://localhost:4318',
});
// --- end of metrics and tracing ---

export const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'must be development, test or production' })
    .default('development'),
  PORT: positiveInt(65535, 'an integer from 1 to 65535').default(3000),
  HOST: z.string().min(1, { message: 'must be a host name or address to listen on' }).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.describe('owner role: runs migrations'),
  DATABASE_APP_URL: postgresUrl.describe('application role: serves requests'),
  DATABASE_POOL_MAX: positiveInt(500, 'an integer from 1 to 500').default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(600_000, 'a number of milliseconds from 1 to 600000').default(15_000),
  RUN_MIGRATIONS_ON_START: booleanFlag.default(true),
  SEED_DEMO_DATA: booleanFlag.default(false),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  WEB_DIST_DIR: z.string().optional(),
  GRAPHQL_MAX_DEPTH: positiveInt(50, 'an integer from 1 to 50').default(10),
  GRAPHQL_MAX_COMPLEXITY: positiveInt(100_000, 'an integer from 1 to 100000').default(5000),
  SHUTDOWN_TIMEOUT_MS: positiveInt(600_000, 'a number of milliseconds from 1 to 600000').default(10_000),
  TRUST_PROXY: trustedProxies.default(false),
  APP_VERSION: z.string().optional(),
  // --- mail and background jobs (core/mail, core/jobs) ---
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
      message: 'must be an SMTP URL such as smtp://user:password@mail.example:587 or smtps://mail.example:465',
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .refine((value) => /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(value.trim()), {
      message: 'must be a sender address such as "Tsunagu <no-reply@example.jp>"',
    })
    .default('つなぐ Tsunagu <no-reply@tsunagu.invalid>'),
  APP_BASE_URL: z
    .string()
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
      message: 'must be the http(s) URL users open the app at, such as https://tsunagu.example.jp',
    })
    .optional(),
  MAIL_RETRY_LIMIT: positiveInt(1000, 'an integer from 1 to 1000').default(20),
  MAIL_RETRY_DELAY_SECONDS: positiveInt(86_400, 'a number of seconds from 1 to 86400').default(30),
  JOBS_POLLING_INTERVAL_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds from 0.5 to 60' })
    .min(0.5, { message: 'must be a number of seconds from 0.5 to 60' })
    .max(60, { message: 'must be a number of seconds from 0.5 to 60' })
    .default(2),
  // --- end of mail and background jobs ---
  // --- authentication (core/auth) ---
  JWT_SECRET: z
    .string()
    .min(32, { message: 'must be a random secret of at least 32 characters (e.g. `openssl rand -base64 48`)' }),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt(3600, 'a number of seconds from 1 to 3600').default(600),
  REFRESH_TOKEN_TTL_DAYS: positiveInt(90, 'a number of days from 1 to 90').default(30),
  LOGIN_MAX_FAILURES: positiveInt(100, 'an integer from 1 to 100').default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(10_000, 'an integer from 1 to 10000').default(50),
  LOGIN_LOCK_MINUTES: positiveInt(1440, 'a number of minutes from 1 to 1440').default(15),
  LOGIN_BACKOFF_BASE_SECONDS: positiveInt(60, 'a number of seconds from 1 to 60').default(2),
  LOGIN_BACKOFF_MAX_SECONDS: positiveInt(3600, 'a number of seconds from 1 to 3600').default(60),
  PASSWORD_RESET_INTERVAL_MINUTES: positiveInt(1440, 'a number of minutes from 1 to 1440').default(5),
  PASSWORD_RESET_MAX_PER_ADDRESS: positiveInt(10_000, 'an integer from 1 to 10000').default(20),
  COOKIE_SECURE: z
    .enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' })
    .default('auto'),
  // Passkeys (WebAuthn): by default the host and origin of APP_BASE_URL.
  WEBAUTHN_RP_ID: z
    .string()
    .refine((value) => WEBAUTHN_RP_ID_PATTERN.test(value) && isIP(value) === 0, { message: WEBAUTHN_RP_ID_EXPECTED })
    .optional(),
  WEBAUTHN_ORIGINS: webauthnOrigins.optional(),
  // --- end of authentication ---
  // --- personal data encryption (core/personal-data) ---
  PERSONAL_DATA_KEYS: personalDataKeys,
  PERSONAL_DATA_ACTIVE_KEY_ID: z
    .string()
    .regex(KEY_ID_PATTERN, { message: 'must be one of the key ids listed in PERSONAL_DATA_KEYS' })
    .optional(),
  // --- end of personal data encryption ---
  // --- security log (modules/security-log) ---
  // At least 30: the database refuses to delete younger events (migration 1764544000000).
  SECURITY_LOG_RETENTION_DAYS: positiveInt(3650, 'a number of days from 30 to 3650')
    .min(30, { message: 'must be a number of days from 30 to 3650' })
    .default(400),
  // --- end of security log ---
  // --- file storage (core/files) ---
  FILE_STORAGE: z.enum(['local', 's3'], { message: 'must be local or s3' }).default('local'),
  FILE_STORAGE_DIR: z.string().optional(),
  FILE_MAX_BYTES: positiveInt(200 * 1024 * 1024, 'a number of bytes from 1 to 209715200 (200 MB)').default(10 * 1024 * 1024),
  // Training materials (video, audio): streamed to storage, never held in memory. At most 4 GiB,
  // well within one S3 PUT (5 GB).
  FILE_MATERIAL_MAX_BYTES: positiveInt(4 * 1024 * 1024 * 1024, 'a number of bytes from 1 to 4294967296 (4 GB)').default(1024 * 1024 * 1024),
  S3_ENDPOINT: z
    .string()
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
      message: 'must be the http(s) URL of the S3-compatible service, such as https://s3.ap-northeast-1.amazonaws.com or http://minio:9000',
    })
    .optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  // --- end of file storage ---
  // --- metrics and tracing (core/metrics, core/tracing) ---
  // Metrics are served on a listener of their own, off unless METRICS_PORT is set, and on the
  // loopback interface unless METRICS_HOST says otherwise: never on the public PORT.
  METRICS_PORT: positiveInt(65535, 'an integer from 1 to 65535, other than PORT').optional(),
  METRICS_HOST: z.string().min(1, { message: 'must be a host name or address to listen on' }).default('127.0.0.1'),
  // The standard OpenTelemetry variables: tracing is off unless one of them is set. The exporter
  // reads them itself (and OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER…);
  // they are checked here so that a typo stops the start with one line instead of silently
  // losing every trace.
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl.optional(),
  // --- end of metrics and tracing ---
});

type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig {
  readonly nodeEnv: RawConfig['NODE_ENV'];
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  readonly database: {
    readonly ownerUrl: string;
    readonly appUrl: string;
    readonly poolMax: number;
    readonly statementTimeoutMs: number;
    readonly runMigrationsOnStart: boolean;
  };
  readonly seedDemoData: boolean;
  readonly logLevel: RawConfig['LOG_LEVEL'];
  readonly webDistDir: string | undefined;
  readonly graphql: { readonly maxDepth: number; readonly maxComplexity: number };
  readonly shutdownTimeoutMs: number;
  /** false, true (every hop) or the trusted proxies' addresses and CIDR ranges (Fastify's trustProxy). */
  readonly trustProxy: boolean | readonly string[];
  readonly version: string;
  // --- mail and background jobs (core/mail, core/jobs) ---
  readonly mail: {
    /** Unset: mail waits in the outbox (and its job retries) until an SMTP server is configured. */
    readonly smtpUrl: string | undefined;
    readonly from: string;
    /** Where links in mail point, without a trailing slash. */
    readonly appBaseUrl: string;
    readonly retryLimit: number;
    readonly retryDelaySeconds: number;
  };
  readonly jobs: { readonly pollingIntervalSeconds: number };
  // --- end of mail and background jobs ---
  // --- authentication (core/auth) ---
  readonly auth: {
    readonly jwtSecret: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    /** Failed logins for one account from one address before that pair is locked for a while. */
    readonly loginMaxFailures: number;
    /** Failed logins from one client address (higher: offices share addresses). */
    readonly loginMaxFailuresPerAddress: number;
    readonly loginLockMinutes: number;
    /** First delay after repeated failures for an (account, address) pair; it doubles per failure. */
    readonly loginBackoffBaseSeconds: number;
    /** The longest delay (what an account with a second factor, never locked, waits at most). */
    readonly loginBackoffMaxSeconds: number;
    /** At most one reset mail per account in this many minutes (further requests are answered alike, with no mail). */
    readonly passwordResetIntervalMinutes: number;
    /** Reset requests accepted from one client address per hour. */
    readonly passwordResetMaxPerAddress: number;
    /** auto: Secure when the request arrived over https (directly or via a trusted proxy). */
    readonly cookieSecure: 'auto' | 'always' | 'never';
    readonly webauthn: WebAuthnSettings;
  };
  // --- end of authentication ---
  // --- personal data encryption (core/personal-data) ---
  /** Keys of the special-care personal data sealed by FieldCipher. */
  readonly personalData: { readonly keyRing: KeyRing };
  // --- end of personal data encryption ---
  // --- security log (modules/security-log) ---
  /** Security events older than this many days are deleted every night. */
  readonly securityLog: { readonly retentionDays: number };
  // --- end of security log ---
  // --- file storage (core/files) ---
  readonly files: {
    readonly storage: 'local' | 's3';
    /** Absolute directory of the local driver (also set, unused, with s3). */
    readonly dir: string;
    /** The limit of most purposes (FILE_MAX_BYTES). */
    readonly maxBytes: number;
    /** The limit of training materials (FILE_MATERIAL_MAX_BYTES). */
    readonly materialMaxBytes: number;
    readonly s3: S3Settings | undefined;
  };
  // --- end of file storage ---
  // --- metrics and tracing (core/metrics, core/tracing) ---
  readonly observability: {
    /** The Prometheus listener (GET /metrics); undefined: no metrics listener at all. */
    readonly metrics: { readonly port: number; readonly host: string } | undefined;
    /** Whether spans are exported over OTLP/HTTP (start-tracing.ts started that before the app loaded). */
    readonly tracing: boolean;
  };
  // --- end of metrics and tracing ---
}

export interface S3Settings {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** Never echo a secret back: connection URLs may hold passwords. */
function describeReceived(variable: string, value: string | undefined): string {
  if (value === undefined || value === '') return 'it is not set';
  if (variable.endsWith('_URL') || variable.startsWith('OTEL_EXPORTER_OTLP_')) return 'the value given is not one';
  if (variable.endsWith('_SECRET')) return 'the value given is too short';
  if (variable === 'S3_ACCESS_KEY_ID' || variable === 'S3_SECRET_ACCESS_KEY') return 'the value given is not valid';
  if (variable === 'PERSONAL_DATA_KEYS') {
    const parsed = parsePersonalDataKeys(value);
    return parsed.ok ? 'the value given is not valid' : parsed.detail;
  }
  if (variable === 'TRUST_PROXY') {
    const parsed = parseTrustedProxies(value);
    return parsed.ok ? `got "${value}"` : parsed.detail;
  }
  return `got "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
}

/** One line per problem: the variable, what it must be, what was given (never a secret). */
function problemLine(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const variable = String(issue.path[0]);
  const unset = issue.code === 'invalid_type' && !env[variable];
  const expected = unset ? 'must be set' : issue.message;
  return `Configuration error: ${variable} ${expected} (${describeReceived(variable, env[variable])}).${hint(variable, unset)}`;
}

export function parseConfig(env: NodeJS.ProcessEnv, defaultVersion: string): ConfigResult {
  // Empty strings count as unset so `PORT=` behaves like no PORT at all.
  const present = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => problemLine(issue, env));
  problems.push(...activeKeyProblems(env));
  problems.push(...fileStorageProblems(env));
  problems.push(...metricsProblems(parsed.success ? parsed.data : undefined));
  problems.push(...webauthnProblems(parsed.success ? parsed.data : undefined));
  if (!parsed.success || problems.length) return { ok: false, problems };
  const raw = parsed.data;
  const personalDataKeys = raw.PERSONAL_DATA_KEYS;
  return {
    ok: true,
    config: Object.freeze({
      nodeEnv: raw.NODE_ENV,
      isProduction: raw.NODE_ENV === 'production',
      port: raw.PORT,
      host: raw.HOST,
      database: {
        ownerUrl: raw.DATABASE_URL,
        appUrl: raw.DATABASE_APP_URL,
        poolMax: raw.DATABASE_POOL_MAX,
        statementTimeoutMs: raw.DATABASE_STATEMENT_TIMEOUT_MS,
        runMigrationsOnStart: raw.RUN_MIGRATIONS_ON_START,
      },
      seedDemoData: raw.SEED_DEMO_DATA,
      logLevel: raw.LOG_LEVEL,
      webDistDir: raw.WEB_DIST_DIR,
      graphql: { maxDepth: raw.GRAPHQL_MAX_DEPTH, maxComplexity: raw.GRAPHQL_MAX_COMPLEXITY },
      shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
      trustProxy: raw.TRUST_PROXY,
      version: raw.APP_VERSION ?? defaultVersion,
      // --- mail and background jobs (core/mail, core/jobs) ---
      mail: {
        smtpUrl: raw.SMTP_URL,
        from: raw.MAIL_FROM.trim(),
        appBaseUrl: appBaseUrlOf(raw),
        retryLimit: raw.MAIL_RETRY_LIMIT,
        retryDelaySeconds: raw.MAIL_RETRY_DELAY_SECONDS,
      },
      jobs: { pollingIntervalSeconds: raw.JOBS_POLLING_INTERVAL_SECONDS },
      // --- end of mail and background jobs ---
      // --- authentication (core/auth) ---
      auth: {
        jwtSecret: raw.JWT_SECRET,
        accessTokenTtlSeconds: raw.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: raw.REFRESH_TOKEN_TTL_DAYS,
        loginMaxFailures: raw.LOGIN_MAX_FAILURES,
        loginMaxFailuresPerAddress: raw.LOGIN_MAX_FAILURES_PER_ADDRESS,
        loginLockMinutes: raw.LOGIN_LOCK_MINUTES,
        loginBackoffBaseSeconds: raw.LOGIN_BACKOFF_BASE_SECONDS,
        loginBackoffMaxSeconds: raw.LOGIN_BACKOFF_MAX_SECONDS,
        passwordResetIntervalMinutes: raw.PASSWORD_RESET_INTERVAL_MINUTES,
        passwordResetMaxPerAddress: raw.PASSWORD_RESET_MAX_PER_ADDRESS,
        cookieSecure: ({ auto: 'auto', true: 'always', false: 'never' } as const)[raw.COOKIE_SECURE],
        webauthn: webauthnSettings(appBaseUrlOf(raw), raw.WEBAUTHN_RP_ID, raw.WEBAUTHN_ORIGINS),
      },
      // --- end of authentication ---
      // --- personal data encryption (core/personal-data) ---
      personalData: {
        keyRing: {
          activeKeyId: raw.PERSONAL_DATA_ACTIVE_KEY_ID ?? [...personalDataKeys.keys()][0],
          keys: personalDataKeys,
        },
      },
      // --- end of personal data encryption ---
      // --- security log (modules/security-log) ---
      securityLog: { retentionDays: raw.SECURITY_LOG_RETENTION_DAYS },
      // --- end of security log ---
      // --- file storage (core/files) ---
      files: {
        storage: raw.FILE_STORAGE,
        dir: path.resolve(raw.FILE_STORAGE_DIR ?? DEFAULT_FILE_STORAGE_DIR),
        maxBytes: raw.FILE_MAX_BYTES,
        materialMaxBytes: raw.FILE_MATERIAL_MAX_BYTES,
        // Each of these is present with s3 (fileStorageProblems said otherwise).
        s3:
          raw.FILE_STORAGE === 's3' && raw.S3_ENDPOINT && raw.S3_BUCKET && raw.S3_REGION && raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
            ? {
                endpoint: raw.S3_ENDPOINT,
                bucket: raw.S3_BUCKET,
                region: raw.S3_REGION,
                accessKeyId: raw.S3_ACCESS_KEY_ID,
                secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
              }
            : undefined,
      },
      // --- end of file storage ---
      // --- metrics and tracing (core/metrics, core/tracing) ---
      observability: {
        metrics: raw.METRICS_PORT === undefined ? undefined : { port: raw.METRICS_PORT, host: raw.METRICS_HOST },
        tracing: tracingRequested(env),
      },
      // --- end of metrics and tracing ---
    }),
  };
}

/** Where links in mail point (and, by default, the passkeys' relying party), without a trailing slash. */
function appBaseUrlOf(raw: Pick<RawConfig, 'APP_BASE_URL' | 'PORT'>): string {
  return (raw.APP_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
}

// --- metrics and tracing (core/metrics, core/tracing) ---
/** The metrics listener must not share the public port (it would not start, or would be public). */
function metricsProblems(raw: Pick<RawConfig, 'PORT' | 'METRICS_PORT'> | undefined): string[] {
  if (!raw || raw.METRICS_PORT === undefined || raw.METRICS_PORT !== raw.PORT) return [];
  return [
    `Configuration error: METRICS_PORT must be an integer from 1 to 65535, other than PORT (got "${raw.METRICS_PORT}", the same as PORT). ` +
      'Metrics have a listener of their own so that they are not served to the public.',
  ];
}
// --- end of metrics and tracing ---

// --- file storage (core/files) ---
/** The product's git-ignored data directory (`npm start` passes its own `.data/files`). */
const DEFAULT_FILE_STORAGE_DIR = '.data/files';

const S3_VARIABLES: Readonly<Record<string, string>> = {
  S3_ENDPOINT: 'the URL of the S3-compatible service',
  S3_BUCKET: 'the bucket files are kept in',
  S3_REGION: 'the region of the bucket, e.g. ap-northeast-1 (MinIO: us-east-1)',
  S3_ACCESS_KEY_ID: 'the access key id',
  S3_SECRET_ACCESS_KEY: 'the secret access key',
};

/** With FILE_STORAGE=s3, each missing S3 variable gets its own line. */
function fileStorageProblems(env: NodeJS.ProcessEnv): string[] {
  if (env['FILE_STORAGE'] !== 's3') return [];
  return Object.entries(S3_VARIABLES)
    .filter(([variable]) => !env[variable])
    .map(([variable, what]) => `Configuration error: ${variable} must be set when FILE_STORAGE is s3 (${what}; it is not set).`);
}
// --- end of file storage ---

/** PERSONAL_DATA_ACTIVE_KEY_ID must name a listed key (checked across the two variables). */
function activeKeyProblems(env: NodeJS.ProcessEnv): string[] {
  const activeKeyId = env['PERSONAL_DATA_ACTIVE_KEY_ID'];
  const keysText = env['PERSONAL_DATA_KEYS'];
  if (!activeKeyId || !KEY_ID_PATTERN.test(activeKeyId) || !keysText) return [];
  const parsed = parsePersonalDataKeys(keysText);
  if (!parsed.ok || parsed.keys.has(activeKeyId)) return [];
  return [
    `Configuration error: PERSONAL_DATA_ACTIVE_KEY_ID must be one of the key ids listed in PERSONAL_DATA_KEYS ` +
      `(got "${activeKeyId}"; listed: ${[...parsed.keys.keys()].join(', ')}).`,
  ];
}

function hint(variable: string, unset: boolean): string {
  if (variable === 'DATABASE_URL' || variable === 'DATABASE_APP_URL') return databaseHint(variable);
  if (variable === 'PERSONAL_DATA_KEYS' && unset) {
    return (
      ' It holds the keys that encrypt special-care personal data: ' +
      PERSONAL_DATA_KEYS_EXPECTED.replace(/^must be /, '') +
      '; `npm start` generates one for local use.'
    );
  }
  return '';
}

/** What `migrate` and `revert` need: only the owner's connection, not the server's secrets. */
export function parseMigrationConfig(
  env: NodeJS.ProcessEnv,
): { ok: true; ownerUrl: string; quiet: boolean } | { ok: false; problems: string[] } {
  const schema = configSchema.pick({ DATABASE_URL: true, LOG_LEVEL: true });
  const parsed = schema.safeParse({
    DATABASE_URL: env['DATABASE_URL'] || undefined,
    LOG_LEVEL: env['LOG_LEVEL'] || undefined,
  });
  if (parsed.success) return { ok: true, ownerUrl: parsed.data.DATABASE_URL, quiet: parsed.data.LOG_LEVEL === 'silent' };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      const expected = env[variable] === undefined ? 'must be set' : issue.message;
      return `Configuration error: ${variable} ${expected} (${describeReceived(variable, env[variable])}).`;
    }),
  };
}

/** What `reseal` needs: the owner's connection and the personal data keys. */
export function parseResealConfig(
  env: NodeJS.ProcessEnv,
): { ok: true; ownerUrl: string; quiet: boolean; keyRing: KeyRing } | { ok: false; problems: string[] } {
  const schema = configSchema.pick({
    DATABASE_URL: true,
    LOG_LEVEL: true,
    PERSONAL_DATA_KEYS: true,
    PERSONAL_DATA_ACTIVE_KEY_ID: true,
  });
  const parsed = schema.safeParse(
    Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key] || undefined] as const)),
  );
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => problemLine(issue, env));
  problems.push(...activeKeyProblems(env));
  if (!parsed.success || problems.length) return { ok: false, problems };
  const keys = parsed.data.PERSONAL_DATA_KEYS;
  return {
    ok: true,
    ownerUrl: parsed.data.DATABASE_URL,
    quiet: parsed.data.LOG_LEVEL === 'silent',
    keyRing: { activeKeyId: parsed.data.PERSONAL_DATA_ACTIVE_KEY_ID ?? [...keys.keys()][0], keys },
  };
}

function databaseHint(variable: string): string {
  return variable === 'DATABASE_URL'
    ? ' It is the owner role that runs migrations; `npm start` sets it up for you with an embedded PostgreSQL.'
    : ' It is the application role (owns no table, no BYPASSRLS); see README "External PostgreSQL".';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
