// Signing in and sessions against the real API and database: cookie flags, refresh rotation
// and re-use detection, logout, revoking sessions, password change and disabled memberships,
// switching memberships, and throttling that never reveals whether an email is registered.
import { DataSource } from 'typeorm';
import { clientWith, outcome, refreshCookieFrom, signIn, TestNetwork, TEST_PASSWORD } from '../support/accounts';
import type { RunningApi } from '../support/api';
import { graphql } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import type { TestDatabase } from '../support/test-database';

const ME = '{ me { id email activeMembership { id roles organization { id } network { id } } memberships { id } } }';
const REFRESH = 'mutation { refreshSession { accessToken me { id } } }';
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { auth { accessToken } }
}`;
const SESSIONS = '{ mySessions { id createdAt lastUsedAt ipAddress authenticatedWith current device { browser os kind } } }';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
/** The test client's address, as Fastify reports it. */
const LOCAL_ADDRESS = /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/;

interface SessionNode {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  ipAddress: string | null;
  authenticatedWith: string | null;
  current: boolean;
  device: { browser: string | null; os: string | null; kind: string } | null;
}

// Real sign-in throughout (no minted clients): signing in is what these tests are about.
const t = setupApiTest({
  clients: false,
  env: { LOGIN_MAX_FAILURES: '3' },
  networks: {
    network: {
      slug: 'sessions-a',
      organizations: { npo: 'NPO', hub: 'INTERMEDIARY' },
      members: {
        admin: ['npo', ['ORG_ADMIN']],
        staff: ['npo', ['STAFF']],
        changer: ['npo', ['STAFF']],
        locked: ['npo', ['STAFF']],
        disabled: ['npo', ['STAFF']],
        ender: ['npo', ['STAFF']],
      },
    },
    other: oneOrganizationNetwork('sessions-b', { npo: 'NPO' }, { admin: ['ORG_ADMIN'] }),
  },
});
let database: TestDatabase;
let api: RunningApi;
let network: TestNetwork;
let other: TestNetwork;

beforeAll(() => {
  ({ database, api, networks: { network, other } } = t);
});

function refreshWith(cookie: string) {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: REFRESH }),
  });
}

describe('login', () => {
  it('returns an access token and sets the refresh token as an httpOnly, SameSite=Strict cookie', async () => {
    const response = await graphql(api.url, LOGIN, {
      variables: { email: network.members.staff.email, password: TEST_PASSWORD },
    });
    expect(response.body.errors).toBeUndefined();
    const cookie = refreshCookieFrom(response.headers);
    expect(cookie).toMatch(/^tsunagu_refresh=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/graphql/);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; Secure under https
    expect(JSON.stringify(response.body)).not.toContain(cookie.split(';')[0].split('=')[1]);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await graphql(api.url, LOGIN, { variables: { email: network.members.admin.email, password: 'not-the-password-1' } });
    const unknown = await graphql(api.url, LOGIN, { variables: { email: 'nobody@example.jp', password: 'not-the-password-1' } });
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'LOGIN_FAILED' });
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('locks an account from an address after the configured failures, and an unknown email the same way', async () => {
    const attempt = (email: string, password: string) =>
      graphql(api.url, LOGIN, { variables: { email, password }, headers: { 'accept-language': 'en' } });
    for (const email of [network.members.locked.email, 'ghost@example.jp']) {
      for (let i = 0; i < 3; i++) {
        expect((await attempt(email, 'wrong-password-123')).body.errors?.[0].extensions?.['reason']).toBe('LOGIN_FAILED');
      }
    }
    const lockedReal = await attempt(network.members.locked.email, TEST_PASSWORD);
    const lockedGhost = await attempt('ghost@example.jp', TEST_PASSWORD);
    // Alike but for the seconds left, which tick between the two answers.
    const withoutWait = (body: typeof lockedReal.body) =>
      JSON.parse(JSON.stringify(body, (key, value) => (key === 'retryAfterSeconds' ? undefined : value)));
    expect(lockedReal.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(withoutWait(lockedGhost.body)).toEqual(withoutWait(lockedReal.body));
    expect(lockedReal.body.errors?.[0].extensions?.['retryAfterSeconds']).toBeGreaterThan(14 * 60);
    expect(lockedReal.body.errors?.[0].message).toMatch(/Too many failed sign-in attempts.*try again in 15 minutes/);
  });
});

describe('refresh tokens', () => {
  it('rotates on use and revokes the whole session when an old token is presented again', async () => {
    const client = await signIn(api.url, network.members.staff.email);
    const first = await refreshWith(client.refreshCookie);
    const firstBody = await first.json();
    expect(firstBody.errors).toBeUndefined();
    const rotated = refreshCookieFrom(first.headers).split(';')[0];
    expect(rotated).not.toBe(client.refreshCookie);

    // The stolen (already used) token comes back: the family is revoked...
    const replay = await (await refreshWith(client.refreshCookie)).json();
    expect(replay.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
    // Kept in the security log with the address that presented the used token.
    const [reuse]: Array<{ ip: string | null }> = await t.sql.query(
      `SELECT host(ip) AS ip FROM security_events WHERE user_id = $1 AND kind = 'REFRESH_TOKEN_REUSED' ORDER BY occurred_at DESC LIMIT 1`,
      [network.members.staff.userId],
    );
    expect(reuse.ip).toMatch(LOCAL_ADDRESS);
    // ...so the legitimate newest token and the session's access token stop working too.
    const afterwards = await (await refreshWith(rotated)).json();
    expect(afterwards.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const newToken = firstBody.data.refreshSession.accessToken as string;
    expect(outcome(await clientWith(api.url, newToken, rotated).request(ME))).toBe('OK');
    expect(outcome(await clientWith(api.url, newToken, rotated).request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('ends the session on logout', async () => {
    const client = await signIn(api.url, network.members.staff.email);
    const logout = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.refreshCookie, authorization: `Bearer ${client.token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect((await logout.json()).data).toEqual({ logout: true });
    expect(logout.headers.getSetCookie()[0]).toMatch(/^tsunagu_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect((await (await refreshWith(client.refreshCookie)).json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(outcome(await client.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('my sessions', () => {
  it('lists my sessions and revokes another one, which then cannot act', async () => {
    const laptop = await signIn(api.url, network.members.admin.email);
    const phone = await signIn(api.url, network.members.admin.email);
    const listed = await laptop.request<{ mySessions: Array<{ id: string; current: boolean }> }>(
      '{ mySessions { id current } }',
    );
    const sessions = listed.body.data!.mySessions;
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const phoneSession = sessions.find((session) => !session.current)!;
    expect(outcome(await laptop.request(`mutation { revokeSession(id: "${phoneSession.id}") }`))).toBe('OK');
    expect(outcome(await phone.request(ME))).toBe('OK'); // me is public: it answers null
    expect((await phone.request(ME)).body.data).toEqual({ me: null });
    expect(outcome(await phone.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
    expect((await (await refreshWith(phone.refreshCookie)).json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('tells each session’s device, address, sign-in method and times; the address follows the last refresh', async () => {
    const login = await graphql<{ login: { auth: { accessToken: string } } }>(api.url, LOGIN, {
      variables: { email: network.members.staff.email, password: TEST_PASSWORD },
      headers: { 'user-agent': IPHONE_SAFARI },
    });
    const cookie = refreshCookieFrom(login.headers).split(';')[0];
    const phone = clientWith(api.url, login.body.data!.login.auth.accessToken, cookie);
    const read = async () =>
      (await phone.request<{ mySessions: SessionNode[] }>(SESSIONS)).body.data!.mySessions.find((session) => session.current)!;
    const session = await read();
    expect(session).toMatchObject({
      device: { browser: 'Mobile Safari', os: 'iOS 17.0', kind: 'MOBILE' },
      authenticatedWith: 'PASSWORD',
      current: true,
    });
    expect(session.ipAddress).toMatch(LOCAL_ADDRESS);
    expect(Date.parse(session.createdAt)).toBeLessThanOrEqual(Date.parse(session.lastUsedAt));

    // Elsewhere since: a refresh writes the address it came from.
    await t.sql.query(`UPDATE sessions SET last_ip = '203.0.113.7', last_used_at = now() - interval '1 hour' WHERE id = $1`, [session.id]);
    const moved = await read();
    expect(moved.ipAddress).toBe('203.0.113.7');
    const refreshed = await refreshWith(cookie);
    expect((await refreshed.json()).errors).toBeUndefined();
    const after = await read();
    expect(after.ipAddress).toMatch(LOCAL_ADDRESS);
    expect(Date.parse(after.lastUsedAt)).toBeGreaterThan(Date.parse(moved.lastUsedAt));
  });

  it('ends every other session of mine and keeps this one; the others are refused at once, token and refresh alike', async () => {
    const here = await signIn(api.url, network.members.ender.email);
    const others = [await signIn(api.url, network.members.ender.email), await signIn(api.url, network.members.ender.email)];
    const bystander = await signIn(api.url, network.members.staff.email);

    const ended = await here.request<{ endOtherSessions: number }>('mutation { endOtherSessions }');
    expect(ended.body.data).toEqual({ endOtherSessions: 2 });
    for (const other of others) {
      expect(outcome(await other.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
      expect((await (await refreshWith(other.refreshCookie)).json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const left = await here.request<{ mySessions: Array<{ current: boolean }> }>('{ mySessions { current } }');
    expect(left.body.data!.mySessions).toEqual([{ current: true }]);
    expect(outcome(await bystander.request('{ mySessions { id } }'))).toBe('OK');
    // Nothing left to end: 0, and the session asking goes on.
    expect((await here.request('mutation { endOtherSessions }')).body.data).toEqual({ endOtherSessions: 0 });
    expect((await (await refreshWith(here.refreshCookie)).json()).errors).toBeUndefined();
  });

  it('cannot revoke somebody else’s session', async () => {
    const mine = await signIn(api.url, network.members.staff.email);
    const theirs = await signIn(api.url, other.members.admin.email);
    const theirSessions = await theirs.request<{ mySessions: Array<{ id: string }> }>('{ mySessions { id } }');
    const response = await mine.request(`mutation { revokeSession(id: "${theirSessions.body.data!.mySessions[0].id}") }`);
    expect(outcome(response)).toBe('NOT_FOUND');
    expect(outcome(await theirs.request('{ mySessions { id } }'))).toBe('OK');
  });

  it('ends my other sessions when I change my password, and refuses a common password', async () => {
    const here = await signIn(api.url, network.members.changer.email);
    const elsewhere = await signIn(api.url, network.members.changer.email);
    const common = await here.request(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "qwerty123456" }) }`,
    );
    expect(common.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_COMMON' });
    const short = await here.request(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "short-pass" }) }`,
    );
    expect(short.body.errors?.[0].extensions).toMatchObject({ reason: 'PASSWORD_TOO_SHORT', fields: { newPassword: expect.any(Object) } });

    const changed = await here.request(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "a brand new passphrase" }) }`,
    );
    expect(changed.body.data).toEqual({ changePassword: true });
    expect(outcome(await here.request('{ mySessions { id } }'))).toBe('OK');
    expect(outcome(await elsewhere.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
    expect((await (await refreshWith(elsewhere.refreshCookie)).json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await expect(signIn(api.url, network.members.changer.email)).rejects.toThrow(/Sign-in failed/);
    await expect(signIn(api.url, network.members.changer.email, 'a brand new passphrase')).resolves.toBeDefined();
  });

  it('ends the sessions of a disabled membership at once', async () => {
    const admin = await signIn(api.url, network.members.admin.email);
    const member = await signIn(api.url, network.members.disabled.email);
    expect(outcome(await member.request('{ mySessions { id } }'))).toBe('OK');
    const disabled = await admin.request(
      `mutation { setMembershipDisabled(membershipId: "${network.members.disabled.membershipId}", disabled: true) { disabled } }`,
    );
    expect(disabled.body.data).toEqual({ setMembershipDisabled: { disabled: true } });
    expect(outcome(await member.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
    expect((await (await refreshWith(member.refreshCookie)).json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await expect(signIn(api.url, network.members.disabled.email)).rejects.toThrow(/Sign-in failed/);
  });
});

describe('switching memberships', () => {
  it('acts as another of my memberships without signing in again; tenant follows the membership', async () => {
    // Give the staff member a second membership, in the other network.
    const owner = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
    const [{ id: secondMembership }] = await owner.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [other.tenantId]);
      return manager.query(
        `INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, '{COORDINATOR}') RETURNING id`,
        [other.tenantId, network.members.staff.userId, other.organizations.npo],
      );
    });
    await owner.destroy();

    const client = await signIn(api.url, network.members.staff.email);
    const before = await client.request<{ me: { memberships: unknown[]; activeMembership: { network: { id: string } } } }>(ME);
    expect(before.body.data!.me.memberships).toHaveLength(2);
    expect(before.body.data!.me.activeMembership.network.id).toBe(network.tenantId);

    const switched = await client.request<{ switchMembership: { accessToken: string } }>(
      `mutation { switchMembership(membershipId: "${secondMembership}") { accessToken } }`,
    );
    const asOther = clientWith(api.url, switched.body.data!.switchMembership.accessToken, client.refreshCookie);
    const after = await asOther.request<{ me: { activeMembership: { roles: string[]; network: { id: string } } } }>(ME);
    expect(after.body.data!.me.activeMembership).toMatchObject({ roles: ['COORDINATOR'], network: { id: other.tenantId } });
    const organizations = await asOther.request<{ organizations: { nodes: Array<{ id: string }> } }>(
      '{ organizations { nodes { id } } }',
    );
    expect(organizations.body.data!.organizations.nodes.map((node) => node.id)).toEqual([other.organizations.npo]);

    // The token of the previous membership is spent; the session now acts as the new one.
    expect(outcome(await client.request('{ mySessions { id } }'))).toBe('UNAUTHENTICATED');
    const foreign = await asOther.request(
      `mutation { switchMembership(membershipId: "${other.members.admin.membershipId}") { accessToken } }`,
    );
    expect(outcome(foreign)).toBe('NOT_FOUND');
  });
});
