// Sign-in hardening (issue 18) against the real API, PostgreSQL, pg-boss and an SMTP server:
// reset links that end when a newer one is issued or one is used, reset requests throttled and
// answered alike (and in the same time) whether or not the address has an account, throttling by
// (account, address) with back-off instead of lock-out, strict access tokens, and the
// common-password policy.
//
// The API trusts X-Forwarded-For from loopback here (TRUST_PROXY), so each request can come from
// an address of its own, as behind the reverse proxy. Time moves through the Clock, never sleeps.
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@tsunagu/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loginThrottleKeys } from '../../apps/api/src/core/auth/login-throttle';
import { hashSecretToken } from '../../apps/api/src/core/auth/secret-tokens';
import { APP_CONFIG, AppConfig } from '../../apps/api/src/core/config/config';
import { Clock } from '../../apps/api/src/core/time/clock';
import { PASSWORD_RESET_QUEUE } from '../../apps/api/src/modules/accounts/password-reset-requests';
import { outcome, reasonOf, TestMember, TEST_PASSWORD } from '../support/accounts';
import { waitFor } from '../support/api';
import { graphql, GraphQLResponse } from '../support/graphql';
import { linkTokenIn, mailJobsOptions, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';

const TIMING_SAMPLES = 50;
const TIMED = Array.from({ length: TIMING_SAMPLES }, (_, index) => `timed${index}`);

const t = setupApiTest({
  ...mailJobsOptions({ TRUST_PROXY: 'loopback' }),
  clients: false,
  networks: {
    network: oneOrganizationNetwork('hardening', { npo: 'NPO' }, {
      resetter: ['STAFF'],
      aliased: ['STAFF'],
      target: ['STAFF'],
      slowed: ['STAFF'],
      withTotp: ['STAFF'],
      withPasskey: ['STAFF'],
      holder: ['STAFF'],
      chooser: ['STAFF'],
      burst: ['STAFF'],
      roaming: ['STAFF'],
      ...Object.fromEntries(TIMED.map((key) => [key, ['STAFF'] as Role[]])),
    }),
  },
});

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { auth { accessToken } }
}`;
const REQUEST_RESET = 'mutation R($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation Reset($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }';

let members: Record<string, TestMember>;
/** How far the API's Clock is ahead of real time. */
let clockAhead = 0;

beforeAll(() => {
  members = t.networks.network.members;
  jest.spyOn(Clock.prototype, 'now').mockImplementation(() => new Date(Date.now() + clockAhead));
});

const advance = (seconds: number) => {
  clockAhead += seconds * 1000;
};
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const login = (email: string, password: string, ip: string) => graphql(t.api.url, LOGIN, { variables: { email, password }, headers: from(ip) });
const requestReset = (email: string, ip: string) => graphql(t.api.url, REQUEST_RESET, { variables: { email }, headers: from(ip) });
const resetWith = (token: string, password: string) => graphql(t.api.url, RESET, { variables: { token, password } });
const retryAfter = (response: GraphQLResponse) => response.body.errors?.[0]?.extensions?.['retryAfterSeconds'] as number | undefined;

/** The reset jobs ran and their mail went out. */
async function resetsSettled(): Promise<void> {
  await t.queueDrained(PASSWORD_RESET_QUEUE);
  await t.outboxDrained();
}

async function resetTokenMailed(email: string, ip: string): Promise<string> {
  const since = t.smtp.messages.length;
  expect((await requestReset(email, ip)).body).toEqual({ data: { requestPasswordReset: true } });
  await resetsSettled();
  await waitFor(async () => t.smtp.mailsTo(email, since).length > 0, `the reset mail to ${email}`);
  const [mail, ...more] = t.smtp.mailsTo(email, since);
  expect(more).toEqual([]);
  return linkTokenIn(mail?.text, '/reset-password');
}

async function securityEvents(userId: string): Promise<Array<{ kind: string; ip: string | null }>> {
  return t.sql.query(`SELECT kind, host(ip) AS ip FROM security_events WHERE user_id = $1 ORDER BY occurred_at, id`, [userId]);
}

describe('password reset links', () => {
  it('refuses an older link once a newer one was issued, and every other link once one was used', async () => {
    const { resetter } = members;
    const first = await resetTokenMailed(resetter.email, '10.1.0.1');
    // One mail per account per PASSWORD_RESET_INTERVAL_MINUTES: a while later, a second one.
    advance(6 * 60);
    const second = await resetTokenMailed(resetter.email, '10.1.0.1');
    expect(reasonOf(await resetWith(first, 'a fresh start for spring'))).toBe('INVALID_RESET_TOKEN');

    // A link issued before this rule existed, still open beside the newest one.
    const leftOver = `left-over-${randomUUID()}`;
    await t.sql.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [
      resetter.userId,
      hashSecretToken(leftOver),
    ]);
    const before = await t.client(resetter);
    // A refused password leaves the link usable.
    expect(reasonOf(await resetWith(second, 'password1234'))).toBe('PASSWORD_COMMON');
    expect((await resetWith(second, 'a fresh start for spring')).body).toEqual({ data: { resetPassword: true } });
    expect(reasonOf(await resetWith(leftOver, 'another spring passphrase'))).toBe('INVALID_RESET_TOKEN');
    expect(reasonOf(await resetWith(second, 'another spring passphrase'))).toBe('INVALID_RESET_TOKEN');

    // The reset ended every session, and the security log has the requests and the reset.
    expect(outcome(await before.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
    const [{ reasons }]: Array<{ reasons: string[] }> = await t.sql.query(
      `SELECT array_agg(DISTINCT revoked_reason) AS reasons FROM sessions WHERE user_id = $1`,
      [resetter.userId],
    );
    expect(reasons).toEqual(['PASSWORD_RESET']);
    expect(await securityEvents(resetter.userId)).toEqual([
      { kind: 'PASSWORD_RESET_REQUESTED', ip: '10.1.0.1' },
      { kind: 'PASSWORD_RESET_REQUESTED', ip: '10.1.0.1' },
      { kind: 'PASSWORD_RESET', ip: null },
    ]);
    // The request rows are gone once their jobs ran.
    expect(await t.sql.query(`SELECT id FROM password_reset_requests`)).toEqual([]);
  });

  it('sends at most one mail for 20 aliased requests in one GraphQL request, and limits the address', async () => {
    const { aliased } = members;
    const since = t.smtp.messages.length;
    const variants = [aliased.email, aliased.email.toUpperCase(), ` ${aliased.email} `];
    const aliases = Array.from({ length: 20 }, (_, index) => `r${index}: requestPasswordReset(email: ${JSON.stringify(variants[index % variants.length])})`);
    const response = await graphql(t.api.url, `mutation { ${aliases.join(' ')} }`, { headers: from('10.2.0.1') });
    expect(response.body.errors).toBeUndefined();
    expect(Object.values(response.body.data ?? {})).toEqual(Array(20).fill(true));
    await resetsSettled();
    await waitFor(async () => t.smtp.mailsTo(aliased.email, since).length > 0, 'the reset mail');
    expect(t.smtp.mailsTo(aliased.email, since)).toHaveLength(1);
    expect((await t.sql.query(`SELECT 1 FROM password_resets WHERE user_id = $1`, [aliased.userId])).length).toBe(1);

    // The address has spent its PASSWORD_RESET_MAX_PER_ADDRESS (20) for the hour; another address has not.
    const refused = await requestReset('someone-else@example.jp', '10.2.0.1');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_RESET_REQUESTS' });
    expect(retryAfter(refused)).toBeGreaterThan(55 * 60);
    expect((await requestReset('someone-else@example.jp', '10.2.0.2')).body).toEqual({ data: { requestPasswordReset: true } });
    advance(60 * 60);
    expect((await requestReset('someone-else@example.jp', '10.2.0.1')).body).toEqual({ data: { requestPasswordReset: true } });
    await resetsSettled();
  });

  it('answers in the same time whether or not the address has an account', async () => {
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
    };
    const timed = async (email: string, ip: string) => {
      const started = performance.now();
      const response = await requestReset(email, ip);
      const elapsed = performance.now() - started;
      expect(response.body).toEqual({ data: { requestPasswordReset: true } });
      return elapsed;
    };
    const existing: number[] = [];
    const unknown: number[] = [];
    // Workers paused: the measured requests share the process with nothing but each other.
    await t.withJobsPaused(async () => {
      for (let index = 0; index < 10; index += 1) await timed(`warm-up-${index}@example.jp`, `10.3.9.${index + 1}`);
      // Interleaved, each from an address of its own and for an account asked about once.
      for (let index = 0; index < TIMING_SAMPLES; index += 1) {
        existing.push(await timed(members[TIMED[index]].email, `10.3.1.${index + 1}`));
        unknown.push(await timed(`nobody-${index}@example.jp`, `10.3.2.${index + 1}`));
      }
      // Both did the same: a request waiting for its job (which does the rest; the first test
      // follows jobs to their mail, and these ones are not waited for: at a job every half second
      // in tests, they finish after this file).
      const [{ waiting }]: Array<{ waiting: number }> = await t.sql.query(
        `SELECT count(*)::int AS waiting FROM password_reset_requests WHERE email = ANY($1) OR email LIKE 'nobody-%'`,
        [TIMED.map((key) => members[key].email)],
      );
      expect(waiting).toBe(2 * TIMING_SAMPLES);
      // Only authentication flows read them: the application role in a network, or as a user, sees none.
      const app = await new DataSource({ type: 'postgres', url: t.database.appUrl, extra: { max: 1 } }).initialize();
      try {
        for (const setting of [`set_config('app.tenant_id', '${t.networks.network.tenantId}', true)`, `set_config('app.user_id', '${members.holder.userId}', true)`]) {
          const seen = await app.transaction(async (manager) => {
            await manager.query(`SELECT ${setting}`);
            return manager.query(`SELECT email FROM password_reset_requests`);
          });
          expect(seen).toEqual([]);
        }
      } finally {
        await app.destroy();
      }
    });
    const [existingMedian, unknownMedian] = [median(existing), median(unknown)];
    console.log(
      `reset request timing over ${TIMING_SAMPLES} requests each: existing median ${existingMedian.toFixed(2)} ms, ` +
        `unknown median ${unknownMedian.toFixed(2)} ms, difference ${(existingMedian - unknownMedian).toFixed(2)} ms`,
    );
    expect(Math.abs(existingMedian - unknownMedian)).toBeLessThan(Math.max(3, 0.5 * Math.min(existingMedian, unknownMedian)));

  }, 60_000);
});

describe('throttling instead of lock-out', () => {
  it('locks the account only from the address the wrong passwords came from', async () => {
    const { target } = members;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(reasonOf(await login(target.email, 'not-the-password-1', '10.4.0.1'))).toBe('LOGIN_FAILED');
      advance(61); // past any back-off, so each attempt is checked
    }
    const fromA = await login(target.email, TEST_PASSWORD, '10.4.0.1');
    expect(fromA.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(retryAfter(fromA)).toBeGreaterThan(13 * 60);
    expect(fromA.body.errors?.[0]?.message).toMatch(/1[45]分後にもう一度/);
    const fromB = await login(target.email, TEST_PASSWORD, '10.4.0.2');
    expect(fromB.body.errors).toBeUndefined();
    expect(fromB.body.data).toMatchObject({ login: { auth: { accessToken: expect.any(String) } } });
    const events = await securityEvents(target.userId);
    expect(events.filter((event) => event.kind !== 'SIGN_IN_SUCCEEDED')).toEqual([
      ...Array(5).fill({ kind: 'SIGN_IN_FAILED', ip: '10.4.0.1' }),
      { kind: 'SIGN_IN_THROTTLED', ip: '10.4.0.1' },
    ]);
    expect(events.at(-1)).toEqual({ kind: 'SIGN_IN_SUCCEEDED', ip: '10.4.0.2' });
  });

  it('slows the next attempts down more after each failure, past two typos', async () => {
    const { slowed } = members;
    const wrong = () => login(slowed.email, 'not-the-password-1', '10.5.0.1');
    // Two typos cost nothing; the third failure asks for a wait, the fourth for a longer one.
    for (let failure = 1; failure <= 3; failure += 1) expect(reasonOf(await wrong())).toBe('LOGIN_FAILED');
    const afterThird = await wrong();
    expect(reasonOf(afterThird)).toBe('TOO_MANY_ATTEMPTS');
    expect(afterThird.body.errors?.[0]?.message).toMatch(/\d+秒後にもう一度/);
    advance((retryAfter(afterThird) ?? 0) + 1);
    expect(reasonOf(await wrong())).toBe('LOGIN_FAILED');
    const afterFourth = await wrong();
    expect(reasonOf(afterFourth)).toBe('TOO_MANY_ATTEMPTS');
    expect([retryAfter(afterThird), retryAfter(afterFourth)]).toEqual([2, 4]);
    // The fifth failure locks the pair (a password is all this account has).
    advance((retryAfter(afterFourth) ?? 0) + 1);
    expect(reasonOf(await wrong())).toBe('LOGIN_FAILED');
    expect(retryAfter(await wrong())).toBeGreaterThan(13 * 60);
  });

  it('never locks an account with a second factor: the wait stops at its cap', async () => {
    const { withTotp, withPasskey } = members;
    await t.sql.query(`INSERT INTO user_totp (user_id, secret_sealed, confirmed_at) VALUES ($1, '\\x00', now())`, [withTotp.userId]);
    await t.sql.query(
      `INSERT INTO user_passkeys (user_id, credential_id, public_key, label) VALUES ($1, $2, '\\x00', 'test key')`,
      [withPasskey.userId, `credential-${randomUUID()}`],
    );
    /** The waits asked for after each of `failures` wrong passwords, waiting each out. */
    const waitsAfter = async (email: string, ip: string, failures: number) => {
      const waits: number[] = [];
      for (let failure = 1; failure <= failures; failure += 1) {
        expect(reasonOf(await login(email, 'not-the-password-1', ip))).toBe('LOGIN_FAILED');
        const probe = await login(email, 'not-the-password-1', ip);
        const wait = probe.body.errors?.[0]?.extensions?.['reason'] === 'TOO_MANY_ATTEMPTS' ? (retryAfter(probe) ?? 0) : 0;
        // A probe that was checked (no wait) counted as the next failure.
        if (wait === 0) failure += 1;
        waits.push(wait);
        advance(wait + 1);
      }
      return waits;
    };
    expect(await waitsAfter(withTotp.email, '10.6.0.1', 9)).toEqual([0, 2, 4, 8, 16, 32, 60, 60]);
    expect(await waitsAfter(withPasskey.email, '10.6.0.2', 6)).toEqual([0, 2, 4, 8, 16]);
    // Waited out, the right password still opens the first step of the sign-in.
    for (const [member, ip] of [[withTotp, '10.6.0.1'], [withPasskey, '10.6.0.2']] as const) {
      expect((await login(member.email, TEST_PASSWORD, ip)).body.errors).toBeUndefined();
    }
    const locks: unknown[] = await t.sql.query(`SELECT key FROM login_throttle WHERE locked_until IS NOT NULL AND key = ANY($1)`, [
      [loginThrottleKeys(withTotp.email, '10.6.0.1').pair, loginThrottleKeys(withPasskey.email, '10.6.0.2').pair],
    ]);
    expect(locks).toEqual([]);
  });

  it('checks 10 parallel wrong passwords of one pair one after the other: every checked one counts, the back-off holds the rest', async () => {
    const { burst } = members;
    const ip = '10.7.0.1';
    // Time stands still, so the back-off asked for after the third failure outlasts the burst.
    const clock = jest.spyOn(Clock.prototype, 'now');
    const frozen = new Date(Date.now() + clockAhead);
    clock.mockImplementation(() => frozen);
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, () => login(burst.email, 'not-the-password-1', ip)));
      const reasons = answers.map(reasonOf);
      const failed = reasons.filter((reason) => reason === 'LOGIN_FAILED').length;
      expect(reasons.filter((reason) => reason === 'TOO_MANY_ATTEMPTS')).toHaveLength(10 - failed);
      // No failure escaped counting: one SIGN_IN_FAILED and one count of the pair per LOGIN_FAILED…
      const events = await securityEvents(burst.userId);
      expect(events.filter((event) => event.kind === 'SIGN_IN_FAILED')).toHaveLength(failed);
      const [pair]: Array<{ failures: number }> = await t.sql.query(`SELECT failures FROM login_throttle WHERE key = $1`, [
        loginThrottleKeys(burst.email, ip).pair,
      ]);
      expect(pair.failures).toBe(failed);
      // …and each was counted before the next was checked: two free failures, the third asks for a
      // wait, and nothing more was tried.
      expect(failed).toBe(3);
    } finally {
      clock.mockImplementation(() => new Date(Date.now() + clockAhead));
    }
  });

  it('counts the addresses of one IPv6 /64 as one: failures from two lock the pair for a third, not for the next /64', async () => {
    const { roaming } = members;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const ip = attempt % 2 === 1 ? '2001:db8:1:2::10' : '2001:db8:1:2::20';
      expect(reasonOf(await login(roaming.email, 'not-the-password-1', ip))).toBe('LOGIN_FAILED');
      advance(61); // past any back-off, so each attempt is checked
    }
    const sameNetwork = await login(roaming.email, TEST_PASSWORD, '2001:db8:1:2::30');
    expect(sameNetwork.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(retryAfter(sameNetwork)).toBeGreaterThan(13 * 60);
    const nextNetwork = await login(roaming.email, TEST_PASSWORD, '2001:db8:1:3::10');
    expect(nextNetwork.body.errors).toBeUndefined();
    expect(nextNetwork.body.data).toMatchObject({ login: { auth: { accessToken: expect.any(String) } } });
    // The log keeps each full address.
    const failedFrom = (await securityEvents(roaming.userId)).filter((event) => event.kind === 'SIGN_IN_FAILED').map((event) => event.ip);
    expect(failedFrom).toEqual(['2001:db8:1:2::10', '2001:db8:1:2::20', '2001:db8:1:2::10', '2001:db8:1:2::20', '2001:db8:1:2::10']);
  });
});

describe('access tokens', () => {
  it('must carry exp, iat, the audience and the issuer, signed with HS256', async () => {
    const { holder } = members;
    const client = await t.client(holder);
    const claims = JSON.parse(Buffer.from(client.token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: holder.userId, aud: 'tsunagu-api', iss: 'tsunagu', exp: expect.any(Number), iat: expect.any(Number) });
    const { sub, sid, mid } = claims;
    const jwt = t.api.app.get(JwtService);
    const secret = t.api.app.get<AppConfig>(APP_CONFIG).auth.jwtSecret;
    const now = Math.floor(Date.now() / 1000);
    const signed = (payload: object, options: object) => jwt.sign({ sub, sid, mid, ...payload }, { secret, algorithm: 'HS256', ...options });
    const answer = async (token: string) => outcome(await graphql(t.api.url, '{ mySessions { id } }', { headers: { authorization: `Bearer ${token}` } }));

    expect(await answer(signed({}, { expiresIn: 600, audience: 'tsunagu-api', issuer: 'tsunagu' }))).toBe('OK');
    expect(await answer(signed({}, { audience: 'tsunagu-api', issuer: 'tsunagu' }))).toBe('UNAUTHENTICATED'); // no exp
    expect(await answer(signed({}, { expiresIn: 600, audience: 'tsunagu-api' }))).toBe('UNAUTHENTICATED'); // no iss
    expect(await answer(signed({}, { expiresIn: 600, audience: 'tsunagu-api', issuer: 'someone-else' }))).toBe('UNAUTHENTICATED');
    expect(await answer(signed({ exp: now + 600 }, { noTimestamp: true, audience: 'tsunagu-api', issuer: 'tsunagu' }))).toBe('UNAUTHENTICATED'); // no iat
    expect(await answer(signed({}, { expiresIn: 600, audience: 'tsunagu-api', issuer: 'tsunagu', algorithm: 'HS512' }))).toBe('UNAUTHENTICATED');
    expect(await answer(signed({ exp: now - 30, iat: now - 630 }, { audience: 'tsunagu-api', issuer: 'tsunagu' }))).toBe('UNAUTHENTICATED'); // expired
  });
});

describe('the password policy', () => {
  it('refuses a common or easily guessed password with a stable reason, on the field', async () => {
    const client = await t.client(members.chooser);
    const change = (newPassword: string) =>
      client.request('mutation C($input: ChangePasswordInput!) { changePassword(input: $input) }', {
        input: { currentPassword: TEST_PASSWORD, newPassword },
      });
    for (const refused of ['password1234', 'aaaaaaaaaaaa']) {
      const response = await change(refused);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_COMMON' });
      expect(Object.keys(response.body.errors?.[0]?.extensions?.['fields'] as object)).toEqual(['newPassword']);
    }
    expect((await change('a quiet walk along the river')).body).toEqual({ data: { changePassword: true } });
  });
});
