// The security log (issue 18) against the real API and database: which events sign-ins, password
// changes and ended sessions leave; each user reads only their own; a network admin reads their
// network's members' events (in that network, or of the account itself) and never another
// network's, a coordinator nothing; and the nightly purge deletes by age only.
import { Client } from 'pg';
import { JobQueue } from '../../apps/api/src/core/jobs/job-queue';
import {
  SECURITY_LOG_RETENTION_QUEUE,
  SecurityLogRetention,
} from '../../apps/api/src/modules/security-log/security-log-retention';
import { outcome, signIn, TEST_PASSWORD } from '../support/accounts';
import { allPages, graphql, type Page, type SignedInClient } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';

interface EventNode {
  id: string;
  kind: string;
  method: string | null;
  ipAddress: string | null;
  device: { browser: string | null; os: string | null; kind: string } | null;
  occurredAt: string;
  networkName: string | null;
}
interface NetworkEventNode extends EventNode {
  userId: string;
  userDisplayName: string;
  userEmail: string;
}

const EVENT_FIELDS = 'id kind method ipAddress device { browser os kind } occurredAt networkName';
const MY_EVENTS = `query Mine($first: Int, $after: String) {
  mySecurityEvents(first: $first, after: $after) { nodes { ${EVENT_FIELDS} } pageInfo { endCursor hasNextPage } }
}`;
const NETWORK_EVENTS = `query Network($userId: ID, $first: Int, $after: String) {
  networkSecurityEvents(userId: $userId, first: $first, after: $after) {
    nodes { ${EVENT_FIELDS} userId userDisplayName userEmail } pageInfo { endCursor hasNextPage }
  }
}`;
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { auth { accessToken } }
}`;
const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const t = setupApiTest({
  networks: {
    a: oneOrganizationNetwork('security-log-a', { npo: 'NPO' }, {
      adminA: ['NETWORK_ADMIN', 'ORG_ADMIN'],
      coordinatorA: ['COORDINATOR'],
      onlyA: ['STAFF'],
      both: ['STAFF'],
      signer: ['STAFF'],
    }),
    b: oneOrganizationNetwork('security-log-b', { npo: 'NPO' }, { adminB: ['NETWORK_ADMIN', 'ORG_ADMIN'], onlyB: ['STAFF'] }),
  },
});

async function myEvents(client: SignedInClient): Promise<EventNode[]> {
  return allPages(async (after) => {
    const response = await client.request<{ mySecurityEvents: Page<EventNode> }>(MY_EVENTS, { first: 3, after });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.mySecurityEvents;
  });
}

async function networkEvents(client: SignedInClient, userId?: string): Promise<NetworkEventNode[]> {
  return allPages(async (after) => {
    const response = await client.request<{ networkSecurityEvents: Page<NetworkEventNode> }>(NETWORK_EVENTS, { first: 50, after, userId });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.networkSecurityEvents;
  });
}

/** An event written as the owner would find it, at a chosen age and in a chosen network. */
async function insertEvent(userId: string, networkId: string | null, kind: string, ageDays = 0): Promise<string> {
  const [row]: Array<{ id: string }> = await t.sql.query(
    `INSERT INTO security_events (user_id, network_id, kind, occurred_at) VALUES ($1, $2, $3, now() - make_interval(days => $4)) RETURNING id`,
    [userId, networkId, kind, ageDays],
  );
  return row.id;
}

describe('what is recorded', () => {
  it('records a failed sign-in, a sign-in, a password change and ended sessions, newest first, with address and device', async () => {
    const { signer } = t.networks.a.members;
    const failed = await graphql(t.api.url, LOGIN, {
      variables: { email: signer.email, password: 'not-the-password-1' },
      headers: { 'user-agent': CHROME_ON_WINDOWS },
    });
    expect(outcome(failed)).toBe('UNAUTHENTICATED');
    const here = await signIn(t.api.url, signer.email);
    await signIn(t.api.url, signer.email);
    await signIn(t.api.url, signer.email);
    const sessions = await here.request<{ mySessions: Array<{ id: string; current: boolean }> }>('{ mySessions { id current } }');
    const [other] = sessions.body.data!.mySessions.filter((session) => !session.current);
    expect(outcome(await here.request(`mutation { revokeSession(id: "${other.id}") }`))).toBe('OK');
    const changed = await here.request(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "another long passphrase" }) }`,
    );
    expect(changed.body.data).toEqual({ changePassword: true });
    await signIn(t.api.url, signer.email, 'another long passphrase');
    expect((await here.request('mutation { endOtherSessions }')).body.data).toEqual({ endOtherSessions: 1 });

    const events = await myEvents(here);
    expect(events.map((event) => event.kind)).toEqual([
      'OTHER_SESSIONS_ENDED',
      'SIGN_IN_SUCCEEDED',
      'PASSWORD_CHANGED',
      'SESSION_ENDED',
      'SIGN_IN_SUCCEEDED',
      'SIGN_IN_SUCCEEDED',
      'SIGN_IN_SUCCEEDED',
      'SIGN_IN_FAILED',
    ]);
    const failure = events[events.length - 1];
    expect(failure).toMatchObject({
      method: 'PASSWORD',
      networkName: null,
      device: { browser: 'Chrome', os: 'Windows 10', kind: 'DESKTOP' },
    });
    expect(failure.ipAddress).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
    expect(events[1]).toMatchObject({ method: 'PASSWORD', networkName: 'security-log-a' });
    // Pages of three, in (occurred_at, id) order, each event once.
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const stored: Array<{ id: string }> = await t.sql.query(
      `SELECT id FROM security_events WHERE user_id = $1 ORDER BY occurred_at DESC, id DESC`,
      [signer.userId],
    );
    expect(events.map((event) => event.id)).toEqual(stored.map((row) => row.id));
  });
});

describe('my security events', () => {
  it('shows only my own events', async () => {
    const { onlyA } = t.networks.a.members;
    const { onlyB } = t.networks.b.members;
    await insertEvent(onlyB.userId, t.networks.b.tenantId, 'SIGN_IN_SUCCEEDED');
    await insertEvent(onlyB.userId, null, 'SIGN_IN_FAILED');
    const mine = await insertEvent(onlyA.userId, t.networks.a.tenantId, 'SIGN_IN_SUCCEEDED');
    const events = await myEvents(t.clients.onlyA);
    expect(events.map((event) => event.id)).toEqual([mine]);
  });

  it('refuses a forged cursor', async () => {
    const response = await t.clients.onlyA.request(MY_EVENTS, { first: 1, after: Buffer.from('["x","y"]').toString('base64url') });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});

describe('the network security log', () => {
  let inA: string;
  let ofAccount: string;
  let inB: string;
  let onlyBEvent: string;
  let onlyAEvent: string;

  beforeAll(async () => {
    const { a, b } = t.networks;
    // `both` is a member of network B as well as A.
    await t.sql.query(`INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, '{STAFF}')`, [
      b.tenantId,
      a.members.both.userId,
      b.organizations.npo,
    ]);
    inA = await insertEvent(a.members.both.userId, a.tenantId, 'SIGN_IN_SUCCEEDED');
    ofAccount = await insertEvent(a.members.both.userId, null, 'SIGN_IN_FAILED');
    inB = await insertEvent(a.members.both.userId, b.tenantId, 'PASSWORD_CHANGED');
    onlyBEvent = await insertEvent(b.members.onlyB.userId, b.tenantId, 'SESSION_ENDED');
    onlyAEvent = await insertEvent(a.members.onlyA.userId, null, 'SIGN_IN_FAILED');
  });

  it("shows a network admin their members' events in the network or of the account, never another network's", async () => {
    const seenByA = (await networkEvents(t.clients.adminA)).map((event) => event.id);
    expect(seenByA).toEqual(expect.arrayContaining([inA, ofAccount, onlyAEvent]));
    expect(seenByA).not.toContain(inB);
    expect(seenByA).not.toContain(onlyBEvent);

    const ofBoth = await networkEvents(t.clients.adminA, t.networks.a.members.both.userId);
    expect(ofBoth.map((event) => event.id)).toEqual([ofAccount, inA]);
    expect(ofBoth[0]).toMatchObject({
      userId: t.networks.a.members.both.userId,
      userDisplayName: 'both',
      userEmail: t.networks.a.members.both.email,
      networkName: null,
    });
    expect(ofBoth[1].networkName).toBe('security-log-a');
  });

  it("shows network B's admin the shared member's B events, and nothing of A's own members", async () => {
    const seenByB = (await networkEvents(t.clients.adminB)).map((event) => event.id);
    expect(seenByB).toEqual(expect.arrayContaining([inB, ofAccount, onlyBEvent]));
    expect(seenByB).not.toContain(inA);
    expect(seenByB).not.toContain(onlyAEvent);
    const crossTenant = await t.clients.adminB.request(NETWORK_EVENTS, { userId: t.networks.a.members.onlyA.userId });
    expect(outcome(crossTenant)).toBe('NOT_FOUND');
  });

  it("keeps a member's factors, sign-in challenges, reset requests and sessions from everyone else in the network, its admin too", async () => {
    const { a } = t.networks;
    const target = a.members.onlyA;
    const others = [a.members.adminA, a.members.coordinatorA];
    await t.sql.query(
      `INSERT INTO user_totp (user_id, secret_sealed, confirmed_at) VALUES ($1, '\\x00', now()) ON CONFLICT (user_id) DO NOTHING`,
      [target.userId],
    );
    await t.sql.query(`INSERT INTO user_recovery_codes (user_id, code_hash) VALUES ($1, sha256(random()::text::bytea))`, [target.userId]);
    await t.sql.query(
      `INSERT INTO user_passkeys (user_id, credential_id, public_key, label) VALUES ($1, md5(random()::text), '\\x00', 'phone')`,
      [target.userId],
    );
    await t.sql.query(
      `INSERT INTO auth_challenges (purpose, user_id, token_hash, ip, user_agent, expires_at)
       VALUES ('SECOND_FACTOR', $1, sha256(random()::text::bytea), '192.0.2.20', 'test', now() + interval '5 minutes')`,
      [target.userId],
    );
    await t.sql.query(
      `INSERT INTO password_reset_requests (id, email, ip, user_agent) VALUES (gen_random_uuid(), $1, '192.0.2.20', 'test')`,
      [target.email],
    );
    const tables = ['user_totp', 'user_recovery_codes', 'user_passkeys', 'auth_challenges', 'sessions'];
    const app = new Client({ connectionString: t.database.appUrl });
    await app.connect();
    /** Rows of the target the application role sees in a tenant transaction of network A as `userId`. */
    const seen = async (userId: string): Promise<Record<string, number>> => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [a.tenantId, userId]);
        const counts: Record<string, number> = {};
        for (const table of tables) {
          const { rows } = await app.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} WHERE user_id = $1`, [target.userId]);
          counts[table] = rows[0].count;
        }
        const { rows } = await app.query<{ count: number }>(`SELECT count(*)::int AS count FROM password_reset_requests WHERE email = $1`, [
          target.email,
        ]);
        counts['password_reset_requests'] = rows[0].count;
        return counts;
      } finally {
        await app.query('ROLLBACK');
      }
    };
    try {
      const nothing = { user_totp: 0, user_recovery_codes: 0, user_passkeys: 0, auth_challenges: 0, sessions: 0, password_reset_requests: 0 };
      for (const other of others) expect(await seen(other.userId)).toEqual(nothing);
      // The member reads their own rows (the rows are there); the reset request stays with its job.
      const own = await seen(target.userId);
      for (const table of tables) expect(own[table]).toBeGreaterThan(0);
      expect(own['password_reset_requests']).toBe(0);
    } finally {
      await app.end();
      // The member signs in with a password alone in later tests.
      for (const table of ['user_totp', 'user_recovery_codes', 'user_passkeys', 'auth_challenges']) {
        await t.sql.query(`DELETE FROM ${table} WHERE user_id = $1`, [target.userId]);
      }
      await t.sql.query(`DELETE FROM password_reset_requests WHERE email = $1`, [target.email]);
    }
  });

  it("opens members' events only in the network security-log reader's context, never to another query run as the network", async () => {
    const { a } = t.networks;
    const reader = a.members.adminA;
    const app = new Client({ connectionString: t.database.appUrl });
    await app.connect();
    /** Events of anyone but the admin that the application role sees under `settings`. */
    const othersSeen = async (settings: Record<string, string>): Promise<number> => {
      await app.query('BEGIN');
      try {
        for (const [name, value] of Object.entries(settings)) await app.query(`SELECT set_config($1, $2, true)`, [name, value]);
        const { rows } = await app.query<{ count: number }>(`SELECT count(*)::int AS count FROM security_events WHERE user_id <> $1`, [
          reader.userId,
        ]);
        return rows[0].count;
      } finally {
        await app.query('ROLLBACK');
      }
    };
    try {
      // A plain tenant transaction (runInTenant), as a member or as a job: nobody else's events.
      expect(await othersSeen({ 'app.tenant_id': a.tenantId, 'app.user_id': reader.userId })).toBe(0);
      expect(await othersSeen({ 'app.tenant_id': a.tenantId, 'app.user_id': a.members.onlyA.userId })).toBe(
        (await t.sql.query(`SELECT count(*)::int AS count FROM security_events WHERE user_id = $1`, [a.members.onlyA.userId]))[0].count,
      );
      expect(await othersSeen({ 'app.tenant_id': a.tenantId, 'app.user_id': '' })).toBe(0);
      // The reader's context (runAsNetworkSecurityLogReader) sees them: the rows are there.
      expect(await othersSeen({ 'app.tenant_id': a.tenantId, 'app.security_log': 'on' })).toBeGreaterThanOrEqual(3);
    } finally {
      await app.end();
    }
  });

  it('refuses a coordinator and a staff member', async () => {
    for (const client of [t.clients.coordinatorA, t.clients.onlyA]) {
      const response = await client.request(NETWORK_EVENTS, {});
      expect(outcome(response)).toBe('FORBIDDEN');
      expect(response.body.data).toBeNull();
    }
  });
});

describe('retention', () => {
  it('deletes events past SECURITY_LOG_RETENTION_DAYS (400) every night, and only those', async () => {
    expect(t.api.app.get(JobQueue).queueNames()).toContain(SECURITY_LOG_RETENTION_QUEUE);
    const { onlyB } = t.networks.b.members;
    const ancient = await insertEvent(onlyB.userId, null, 'SIGN_IN_SUCCEEDED', 401);
    const lastYear = await insertEvent(onlyB.userId, null, 'SIGN_IN_SUCCEEDED', 399);
    const lastMonth = await insertEvent(onlyB.userId, null, 'SIGN_IN_SUCCEEDED', 35);
    const recent = await insertEvent(onlyB.userId, null, 'SIGN_IN_SUCCEEDED', 10);
    const present = async () =>
      ((await t.sql.query(`SELECT id FROM security_events WHERE id = ANY($1)`, [[ancient, lastYear, lastMonth, recent]])) as Array<{ id: string }>)
        .map((row) => row.id)
        .sort();

    expect(await t.api.app.get(SecurityLogRetention).purge()).toBe(1);
    expect(await present()).toEqual([lastYear, lastMonth, recent].sort());

    // The application role cannot delete, and the owner's function never deletes younger than 30 days.
    const app = new Client({ connectionString: t.database.appUrl });
    await app.connect();
    try {
      await expect(app.query(`DELETE FROM security_events`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`SELECT app_purge_security_events(10)`)).rejects.toThrow(/keep at least 30 days/);
      await app.query(`SELECT app_purge_security_events(30)`);
    } finally {
      await app.end();
    }
    expect(await present()).toEqual([recent]);
  });

  it('deletes sign-in challenges a day after they expired, the same night', async () => {
    const { onlyB } = t.networks.b.members;
    const insertChallenge = async (expiredHoursAgo: number): Promise<string> => {
      const [row]: Array<{ id: string }> = await t.sql.query(
        `INSERT INTO auth_challenges (purpose, user_id, token_hash, ip, user_agent, expires_at)
         VALUES ('SECOND_FACTOR', $1, sha256(random()::text::bytea), '192.0.2.10', 'test', now() - make_interval(hours => $2)) RETURNING id`,
        [onlyB.userId, expiredHoursAgo],
      );
      return row.id;
    };
    const longOver = await insertChallenge(25);
    const yesterday = await insertChallenge(23);
    const open = await insertChallenge(-1);
    await t.api.app.get(SecurityLogRetention).purge();
    const left: Array<{ id: string }> = await t.sql.query(`SELECT id FROM auth_challenges WHERE id = ANY($1) ORDER BY id`, [
      [longOver, yesterday, open],
    ]);
    expect(left.map((row) => row.id)).toEqual([yesterday, open].sort());
  });

  it('deletes throttle counters quiet for a day, and keeps those still counting or locking', async () => {
    await t.sql.query(
      `INSERT INTO login_throttle (key, failures, window_started_at, last_failure_at, locked_until) VALUES
         ('test-quiet', 3, now() - interval '3 days', now() - interval '3 days', NULL),
         ('test-counting', 2, now() - interval '2 days', now() - interval '1 hour', NULL),
         ('test-locked', 5, now() - interval '2 days', now() - interval '2 days', now() + interval '10 minutes')`,
    );
    await t.api.app.get(SecurityLogRetention).purge();
    const left: Array<{ key: string }> = await t.sql.query(`SELECT key FROM login_throttle WHERE key LIKE 'test-%' ORDER BY key`);
    expect(left.map((row) => row.key)).toEqual(['test-counting', 'test-locked']);
  });
});
