// Two replicas of the built API behind a real nginx, as docs/operations.md ("Behind a reverse
// proxy") deploys them: a session signed in on one replica refreshes on the other, a session
// revoked on one is refused by the other on the next request, a mail job runs once, and the
// login throttle counts the client address nginx saw — X-Forwarded-For is believed only from
// the proxy's address (TRUST_PROXY), never from a caller that reaches a replica directly.
//
// Everything is on loopback: nginx connects to the replicas from 127.0.0.2 (proxy_bind), test
// clients connect from other 127.x addresses of their own, and replicas listen on 127.0.0.1.
import type { Role } from '@tsunagu/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { throttleKey } from '../../apps/api/src/core/auth/secret-tokens';
import { MAIL_QUEUE } from '../../apps/api/src/core/mail/mail-queue';
import { PASSWORD_RESET_QUEUE } from '../../apps/api/src/modules/accounts/password-reset-requests';
import { reasonOf, refreshCookieFrom, TestNetwork, TEST_PASSWORD } from '../support/accounts';
import { apiEnvironment, freePort, spawnApi, SpawnedApi, waitUntilReady } from '../support/api';
import { APP_BASE_URL, FAST_JOBS_ENV, outboxDrained, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { ROOT } from '../support/paths';
import { graphqlFrom, ProxiedResponse, proxyLocation, ReverseProxy, startReverseProxy } from '../support/reverse-proxy';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { auth { accessToken me { id } } }
}`;
const REFRESH = 'mutation { refreshSession { accessToken me { id } } }';
const ME = '{ me { id } }';
const SESSIONS = '{ mySessions { id current } }';
const REVOKE = 'mutation Revoke($id: ID!) { revokeSession(id: $id) }';
const REQUEST_RESET = 'mutation Reset($email: String!) { requestPasswordReset(email: $email) }';

/** Where nginx connects from: the one address the replicas trust. */
const PROXY_ADDRESS = '127.0.0.2';
/** Test clients, each on its own loopback address (what nginx puts in X-Forwarded-For). */
const CLIENT = { user: '127.0.0.3', attacker: '127.0.0.4', neighbour: '127.0.0.5', direct: '127.0.0.6', victim: '127.0.0.7' };
const MAX_FAILURES_PER_ADDRESS = 3;
const RESET_MEMBERS = ['reset1', 'reset2', 'reset3', 'reset4'] as const;

// The database (and a real SMTP server) from the harness; the replicas are spawned binaries.
const t = setupApiTest({
  replicas: 0,
  smtp: true,
  networks: {
    network: oneOrganizationNetwork('proxy-replicas', { npo: 'NPO' }, {
      signer: ['STAFF'],
      reviser: ['STAFF'],
      neighbour: ['STAFF'],
      victim: ['STAFF'],
      ...Object.fromEntries(RESET_MEMBERS.map((key) => [key, ['STAFF'] as Role[]])),
    }),
  },
});
let network: TestNetwork;
const replicas: SpawnedApi[] = [];
let proxy: ReverseProxy;

beforeAll(async () => {
  network = t.networks.network;
  t.onClose(async () => {
    await proxy?.stop();
    await Promise.all(replicas.map((replica) => replica.stop()));
  });
  // One after the other, as operators roll them out: each migrates (a no-op here) and starts
  // its pg-boss workers on the one database.
  for (let index = 0; index < 2; index += 1) {
    const replica = spawnApi({
      ...apiEnvironment(t.database, await freePort()),
      TRUST_PROXY: PROXY_ADDRESS,
      SMTP_URL: t.smtp.url,
      APP_BASE_URL,
      ...FAST_JOBS_ENV,
      LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_FAILURES_PER_ADDRESS),
      // Per account: out of the way, so every lock below is the address's.
      LOGIN_MAX_FAILURES: '100',
    });
    replicas.push(replica);
    await waitUntilReady(replica.url);
  }
  proxy = await startReverseProxy({ upstreams: replicas.map((replica) => new URL(replica.url).host), proxyAddress: PROXY_ADDRESS });
}, 120_000);

const replicaAddresses = () => replicas.map((replica) => new URL(replica.url).host);

/** Through the proxy, as a browser at `client` would send it. */
function viaProxy<T = Record<string, unknown>>(
  client: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<ProxiedResponse<T>> {
  return graphqlFrom<T>(client, proxy.url, query, {
    variables: options.variables,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
}

async function signInViaProxy(client: string, email: string) {
  const response = await viaProxy<{ login: { auth: { accessToken: string } | null } }>(client, LOGIN, { variables: { email, password: TEST_PASSWORD } });
  expect(response.body.errors).toBeUndefined();
  return { token: response.body.data!.login.auth!.accessToken, cookie: refreshCookieFrom(response.headers).split(';')[0], upstream: response.upstream };
}

/** The failures counted against a client address (keys are hashes: the address is never stored). */
async function failuresOf(address: string): Promise<number | null> {
  const rows: Array<{ failures: number }> = await t.sql.query(`SELECT failures FROM login_throttle WHERE key = $1`, [
    throttleKey('ip', address),
  ]);
  return rows[0]?.failures ?? null;
}

describe('two replicas behind nginx', () => {
  it('spreads requests over both replicas, one after the other', async () => {
    const served = [];
    for (let index = 0; index < 4; index += 1) served.push((await viaProxy(CLIENT.user, '{ health { status } }')).upstream);
    expect(new Set(served)).toEqual(new Set(replicaAddresses()));
    expect(served[0]).not.toBe(served[1]);
  });

  it('refreshes a session on the other replica than the one that signed it in', async () => {
    const signedIn = await signInViaProxy(CLIENT.user, network.members.signer.email);
    const refreshed = await viaProxy<{ refreshSession: { accessToken: string; me: { id: string } } }>(CLIENT.user, REFRESH, {
      cookie: signedIn.cookie,
    });
    expect(replicaAddresses()).toContain(signedIn.upstream);
    expect(replicaAddresses()).toContain(refreshed.upstream);
    expect(refreshed.upstream).not.toBe(signedIn.upstream);
    expect(refreshed.body.errors).toBeUndefined();
    expect(refreshed.body.data!.refreshSession.me.id).toBe(network.members.signer.userId);
    // The rotated cookie works, and the new token is accepted by either replica.
    const rotatedCookie = refreshCookieFrom(refreshed.headers).split(';')[0];
    expect(rotatedCookie).not.toBe(signedIn.cookie);
    const token = refreshed.body.data!.refreshSession.accessToken;
    const first = await viaProxy<{ me: { id: string } }>(CLIENT.user, ME, { token });
    const second = await viaProxy<{ me: { id: string } }>(CLIENT.user, ME, { token });
    expect(new Set([first.upstream, second.upstream])).toEqual(new Set(replicaAddresses()));
    expect([first.body.data?.me.id, second.body.data?.me.id]).toEqual([network.members.signer.userId, network.members.signer.userId]);
  });

  it('refuses a session on the other replica at the very next request after it was revoked on one', async () => {
    const laptop = await signInViaProxy(CLIENT.user, network.members.reviser.email);
    const phone = await signInViaProxy(CLIENT.user, network.members.reviser.email);
    const listed = await viaProxy<{ mySessions: Array<{ id: string; current: boolean }> }>(CLIENT.user, SESSIONS, {
      token: phone.token,
    });
    const phoneSession = listed.body.data!.mySessions.find((session) => session.current)!.id;

    // The phone's token works on the replica that is about to revoke it…
    // (mySessions needs a signed-in actor; `me` is public and would answer null instead.)
    const beforeRevoke = await viaProxy(CLIENT.user, SESSIONS, { token: phone.token });
    expect(beforeRevoke.body.errors).toBeUndefined();
    // …which sends the next request, the revocation, to the other one.
    const revoked = await viaProxy(CLIENT.user, REVOKE, { token: laptop.token, variables: { id: phoneSession } });
    expect(revoked.body).toEqual({ data: { revokeSession: true } });
    expect(revoked.upstream).not.toBe(beforeRevoke.upstream);

    const afterRevoke = await viaProxy(CLIENT.user, SESSIONS, { token: phone.token });
    expect(afterRevoke.upstream).toBe(beforeRevoke.upstream);
    expect(afterRevoke.upstream).not.toBe(revoked.upstream);
    expect(afterRevoke.body.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
    // Its refresh cookie is refused too, and the laptop goes on, on both replicas.
    const refresh = await viaProxy(CLIENT.user, REFRESH, { cookie: phone.cookie });
    expect(reasonOf(refresh)).toBe('NO_SESSION');
    for (let index = 0; index < 2; index += 1) {
      expect((await viaProxy(CLIENT.user, SESSIONS, { token: laptop.token })).body.errors).toBeUndefined();
    }
  });

  it('sends each mail of the outbox once, though both replicas run the mail job workers', async () => {
    const emails = RESET_MEMBERS.map((key) => network.members[key].email);
    const since = t.smtp.messages.length;
    const served = new Set<string | null>();
    for (const email of emails) {
      const response = await viaProxy(CLIENT.user, REQUEST_RESET, { variables: { email } });
      expect(response.body).toEqual({ data: { requestPasswordReset: true } });
      served.add(response.upstream);
    }
    expect(served).toEqual(new Set(replicaAddresses()));

    // A reset request's job writes the mail into the outbox: wait for those jobs before the outbox.
    await t.queueDrained(PASSWORD_RESET_QUEUE);
    await outboxDrained(t.sql);
    // No mail job left that could still run (and so send a second copy).
    await t.queueDrained(MAIL_QUEUE);
    const delivered = t.smtp.deliveredSince(since);
    expect(delivered.map((mail) => mail.to).sort()).toEqual([...emails].sort());
    expect(new Set(delivered.map((mail) => mail.mail.messageId)).size).toBe(emails.length);
    const rows: Array<{ status: string; attempts: number }> = await t.sql.query(
      `SELECT status, attempts FROM mail_outbox WHERE recipient = ANY($1)`,
      [emails],
    );
    expect(rows).toEqual(emails.map(() => ({ status: 'SENT', attempts: 1 })));
  });
});

describe('client addresses and the login throttle', () => {
  const failLogin = (client: string, via: 'proxy' | number, forwardedFor: string, attempt: number) => {
    const url = via === 'proxy' ? proxy.url : replicas[via].url;
    return graphqlFrom(client, url, LOGIN, {
      variables: { email: `nobody-${client}-${attempt}@example.jp`, password: 'not-the-password-1' },
      headers: { 'x-forwarded-for': forwardedFor },
    });
  };
  const signIn = (client: string, via: 'proxy' | number, email: string, forwardedFor?: string) =>
    graphqlFrom(client, via === 'proxy' ? proxy.url : replicas[via].url, LOGIN, {
      variables: { email, password: TEST_PASSWORD },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  it('counts failures through the proxy against the address nginx saw, not one the client forged', async () => {
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt += 1) {
      const response = await failLogin(CLIENT.attacker, 'proxy', `198.51.100.${attempt + 1}`, attempt);
      expect(reasonOf(response)).toBe('LOGIN_FAILED');
    }
    expect(await failuresOf(CLIENT.attacker)).toBe(MAX_FAILURES_PER_ADDRESS);
    for (const forged of ['198.51.100.1', '198.51.100.2', '198.51.100.3', PROXY_ADDRESS]) {
      expect(await failuresOf(forged)).toBeNull();
    }
    // Locked now, whatever it claims to be, on either replica, even with the right password.
    for (const forged of ['198.51.100.99', CLIENT.neighbour]) {
      const locked = await signIn(CLIENT.attacker, 'proxy', network.members.neighbour.email, forged);
      expect(reasonOf(locked)).toBe('TOO_MANY_ATTEMPTS');
    }
    // Another client behind the same proxy is not locked: the proxy's own address is not the key.
    const neighbour = await signIn(CLIENT.neighbour, 'proxy', network.members.neighbour.email);
    expect(neighbour.body.errors).toBeUndefined();
    expect(await failuresOf(CLIENT.neighbour)).toBeNull();
  });

  it('ignores X-Forwarded-For from a caller that reaches a replica directly', async () => {
    // The caller names the victim's address, hoping to lock the victim out.
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt += 1) {
      const response = await failLogin(CLIENT.direct, attempt % 2, CLIENT.victim, attempt);
      expect(reasonOf(response)).toBe('LOGIN_FAILED');
    }
    expect(await failuresOf(CLIENT.direct)).toBe(MAX_FAILURES_PER_ADDRESS);
    expect(await failuresOf(CLIENT.victim)).toBeNull();
    const victim = await signIn(CLIENT.victim, 'proxy', network.members.victim.email);
    expect(victim.body.errors).toBeUndefined();
    // The direct caller is the one locked, on both replicas, whatever it forwards.
    for (const replica of [0, 1]) {
      const locked = await signIn(CLIENT.direct, replica, network.members.victim.email, '203.0.113.50');
      expect(reasonOf(locked)).toBe('TOO_MANY_ATTEMPTS');
    }
  });
});

describe('the operations guide', () => {
  it('shows operators the very proxy configuration tested above', () => {
    const guide = readFileSync(path.join(ROOT, 'docs/operations.md'), 'utf8');
    expect(guide).toContain(proxyLocation('tsunagu_api', '10.0.0.5'));
  });
});
